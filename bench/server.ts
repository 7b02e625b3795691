import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { SERVER_EXEC_ARGV } from '../server/src/lsp/serverProcess';
import { percentile, round } from './stats';

interface Published {
  uri: string;
  version?: number;
}

/**
 * A built server over stdio, configured as the bench needs it (delay 0, open files only), started
 * with the Node options the VS Code client starts it with.
 */
async function startServer(serverPath: string) {
  const spawnedAt = process.hrtime.bigint();
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
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
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    workspaceFolders: null,
  });
  connection.sendNotification('initialized', {});
  // Let the server exit on `exit` before the connection goes: killing it at once left the `exit`
  // write pending on a destroyed pipe, which threw (ERR_STREAM_DESTROYED) and ended the bench.
  const stop = async () => {
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    const timer = setTimeout(() => child.kill(), 5_000);
    await exited;
    clearTimeout(timer);
    connection.dispose();
  };
  return { child, connection, published, stop, spawnedAt };
}

/**
 * Edit-to-diagnostics latency of the built server (delay 0) over 200 incremental edits of a
 * 1,000-line file.
 */
export async function measureLatency(serverPath: string, largeText: string) {
  const { connection, published, stop } = await startServer(serverPath);
  try {
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
    return latency;
  } finally {
    await stop();
  }
}

/**
 * What a user waits for once per window: from the server's spawn to the diagnostics of the file
 * that was open when it started (initialize, then didOpen at once, as VS Code does). Median of 7
 * fresh servers. Target ≤ 500 ms: the bundle's size is paid here, and only here.
 */
export async function measureFirstDiagnostics(serverPath: string, text: string) {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const { connection, published, stop, spawnedAt } = await startServer(serverPath);
    try {
      const uri = 'file:///bench/documentation/readiness/CVN-N011-EA-S11.md';
      const done = published((p) => p.uri === uri);
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      await done;
      samples.push(Number(process.hrtime.bigint() - spawnedAt) / 1e6);
    } finally {
      await stop();
    }
  }
  const firstDiagnosticsMs = round(percentile(samples, 50), 1);
  console.log(`server: spawn → first diagnostics of an open file: ${firstDiagnosticsMs} ms (median of 7; target ≤ 500 ms: ${firstDiagnosticsMs <= 500 ? 'met' : 'missed'})`);
  return { firstDiagnosticsMs };
}

/**
 * Resident memory of a fresh server (nothing else done in it) once `count` files are open and
 * checked: what a user's workspace costs, not what a long editing session left behind.
 * Read twice, 1 s apart after the last diagnostics, and the later figure kept, so start-up
 * garbage the collector frees in the meantime is not counted.
 */
async function residentWithOpenFiles(serverPath: string, text: string, count: number) {
  const { child, connection, published, stop } = await startServer(serverPath);
  try {
    const all: Array<Promise<void>> = [];
    for (let i = 0; i < count; i++) {
      const docUri = `file:///bench/documentation/readiness/CVN-N${1000 + i}-EA-S1.md`;
      all.push(published((p) => p.uri === docUri));
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri: docUri, languageId: 'markdown', version: 1, text } });
    }
    await Promise.all(all);
    const afterOpen = residentMiB(child.pid!);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return { rssMiB: round(residentMiB(child.pid!), 1), rightAfterOpenMiB: round(afterOpen, 1) };
  } finally {
    await stop();
  }
}

/**
 * Memory as a user feels it: bounded however many files are open. RSS of fresh servers with 1,
 * 50 and 200 files open; target ≤ 100 MiB for each (a window's extension host alone takes several
 * hundred MiB), and 200 files costing little more than 50.
 */
export async function measureMemory(serverPath: string, smallText: string) {
  const byFiles: Record<string, number> = {};
  for (const count of [1, 50, 200]) byFiles[count] = (await residentWithOpenFiles(serverPath, smallText, count)).rssMiB;
  const worst = Math.max(...Object.values(byFiles));
  console.log(
    `server: RSS of a fresh server with 1 / 50 / 200 files open: ${byFiles[1]} / ${byFiles[50]} / ${byFiles[200]} MiB ` +
      `(target ≤ 100 MiB whatever the number of files: ${worst <= 100 ? 'met' : 'missed'})\n`,
  );
  return { rssByOpenFilesMiB: byFiles, rssWith50FilesMiB: byFiles[50] };
}

function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}
