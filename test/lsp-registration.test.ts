// A client that refuses a dynamic registration (Emacs's eglot answers an error when it cannot watch the
// project's files) still gets diagnostics: the server logs a warning and goes on.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { readTemplate } from './helpers';
import { SERVER } from './lsp/client';

it('keeps running and publishes diagnostics when the client answers client/registerCapability with an error', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'readiness-registration-'));
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let exited = false;
  child.on('exit', () => (exited = true));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const refused: string[] = [];
  const warnings: string[] = [];
  connection.onRequest(RegistrationRequest.type, (params) => {
    refused.push(...params.registrations.map((r) => r.method));
    return new ResponseError(-32603, 'Internal error');
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ scope: 'openFiles' })));
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    warnings.push(params.message);
  });
  const uri = pathToFileURL(join(folder, 'docs/readiness/CVN-N1-S1.md')).href;
  const published = new Promise<number>((resolve) => {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      if (p.uri === uri && p.diagnostics.length) resolve(p.diagnostics.length);
    });
  });
  connection.listen();
  try {
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: null,
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true } } },
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readTemplate() } });
    const count = await Promise.race([published, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no diagnostics within 10 s')), 10_000).unref())]);
    assert.ok(count > 0);
    assert.ok(refused.includes('workspace/didChangeWatchedFiles'), refused.join());
    assert.ok(warnings.some((w) => /did not register file watching: Internal error/.test(w)), warnings.join('\n'));
    assert.equal(exited, false);
  } finally {
    connection.dispose();
    child.kill();
  }
});
