// The built server speaks over Node IPC as well as stdio, and refuses to start without a transport.
import * as assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createProtocolConnection, InitializeRequest, IPCMessageReader, IPCMessageWriter, ShutdownRequest, ExitNotification } from 'vscode-languageserver-protocol/node';
import { SERVER, withTimeout } from './lsp/client';
import { ROOT } from './helpers';

describe('language server: transports', () => {
  it('initializes over --node-ipc and exits on shutdown/exit', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await withTimeout(
        connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} }),
        10_000,
        'initialize over IPC',
      );
      assert.equal(result.serverInfo?.name, 'mlops-readiness-server');
      assert.ok(result.capabilities.hoverProvider && result.capabilities.codeActionProvider);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      assert.equal(await withTimeout(exited, 5000, 'exit'), 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('prints its usage and exits 2 without a transport argument', () => {
    const run = spawnSync(process.execPath, [SERVER], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /usage: mlops-readiness-server --stdio/);
  });

  it('answers --help and --version on stdout with exit 0, without waiting for a client', () => {
    const help = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^usage: mlops-readiness-server --stdio \| --node-ipc/);
    assert.equal(help.stderr, '');
    const version = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(version.status, 0);
    assert.equal(version.stdout, `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });
});
