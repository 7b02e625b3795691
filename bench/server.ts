import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { percentile, round } from './stats';

interface Published {
  uri: string;
  version?: number;
}

/**
 * Edit-to-diagnostics latency of the built server (delay 0) over 200 incremental edits of a
 * 1,000-line file, then its resident memory with 50 files open.
 */
export async function measureServer(serverPath: string, largeText: string, smallText: string) {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters: Array<{ match: (p: Published) => boolean; resolve: () => void }> = [];
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ delay: 0, scope: 'openFiles' })));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].match(params)) {
        waiters[i].resolve();
        waiters.splice(i, 1);
      }
    }
  });
  connection.listen();
  const published = (match: (p: Published) => boolean, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for diagnostics')), timeoutMs);
      waiters.push({ match, resolve: () => (clearTimeout(timer), resolve()) });
    });

  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      workspaceFolders: null,
    });
    connection.sendNotification('initialized', {});

    const uri = 'file:///bench/documentation/readiness/CVN-N011-EA-S11.md';
    let version = 1;
    const opened = published((p) => p.uri === uri);
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text: largeText } });
    await opened;

    const lines = largeText.split('\n');
    const line = lines.findIndex((l) => l.startsWith('Operators review'));
    const latencies: number[] = [];
    for (let i = 0; i < 200; i++) {
      version++;
      const insert = i % 2 === 0;
      const at = lines[line].length;
      const change = insert
        ? { range: { start: { line, character: at }, end: { line, character: at } }, text: 'x' }
        : { range: { start: { line, character: at }, end: { line, character: at + 1 } }, text: '' };
      const target = version;
      const done = published((p) => p.uri === uri && p.version === target);
      const start = process.hrtime.bigint();
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await done;
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const latency = { edits: 200, p50Ms: round(percentile(latencies, 50), 2), p99Ms: round(percentile(latencies, 99), 2) };
    console.log(`server: didChange → publishDiagnostics on 1,000 lines: p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms`);

    connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const all: Array<Promise<void>> = [];
    for (let i = 0; i < 50; i++) {
      const docUri = `file:///bench/documentation/readiness/CVN-N${100 + i}-EA-S1.md`;
      all.push(published((p) => p.uri === docUri));
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri: docUri, languageId: 'markdown', version: 1, text: smallText } });
    }
    await Promise.all(all);
    const rssMiB = round(residentMiB(child.pid!), 1);
    console.log(`server: RSS with 50 files open: ${rssMiB} MiB (target ≤ 60 MB)\n`);
    return { latency, rssWith50FilesMiB: rssMiB };
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    connection.sendNotification('exit');
    connection.dispose();
    child.kill();
  }
}

function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}
