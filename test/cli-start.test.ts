import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readExample, ROOT } from './helpers';
import { fileUri, LspClient } from './lsp/client';

// The CLI's bin (cli/out/cli.js) and the language server's (server/out/server.js) load their bundles
// with V8's code cache: one file per build, Node version and kind of run (the CLI's command, the
// server), in <tmpdir>/mlops-readiness-<uid>, a folder only its user may write.
const BIN = join(ROOT, 'cli', 'out', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'readiness-start-'));
after(() => rmSync(work, { recursive: true, force: true }));

const uid = process.getuid?.() ?? 'user';

function run(tmp: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  return spawnSync(process.execPath, [BIN, ...args], { cwd: join(ROOT, 'examples'), env, encoding: 'utf8' });
}

function freshTmp(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  return dir;
}

describe('the CLI start-up cache', { skip: process.platform === 'win32' && 'POSIX modes' }, () => {
  it('keeps one cache file per command, private to the user, and gives the same output with it', () => {
    const tmp = freshTmp('per-command');
    const first = run(tmp, 'check', 'documentation', '--format', 'json');
    const version = run(tmp, '--version');
    const second = run(tmp, 'check', 'documentation', '--format', 'json');
    assert.equal(first.status, second.status);
    assert.equal(second.stdout, first.stdout, 'a run from the cache prints what the first run printed');
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    const folder = join(tmp, `mlops-readiness-${uid}`);
    assert.equal(statSync(folder).mode & 0o777, 0o700);
    const files = readdirSync(folder).sort();
    assert.equal(files.length, 2, files.join(', '));
    assert.match(files[0]!, /^cli-check-.*\.cache$/);
    assert.match(files[1]!, /^cli-other-.*\.cache$/);
    for (const file of files) assert.equal(statSync(join(folder, file)).mode & 0o777, 0o600);
  });

  it('neither reads nor writes a cache in a folder others may write', () => {
    const tmp = freshTmp('shared');
    const folder = join(tmp, `mlops-readiness-${uid}`);
    mkdirSync(folder);
    chmodSync(folder, 0o777);
    const result = run(tmp, 'check', 'documentation', '--format', 'json');
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    assert.deepEqual(readdirSync(folder), []);
  });

  it('ignores a cache file that is not V8 code cache (a corrupt or planted file changes nothing)', () => {
    const tmp = freshTmp('corrupt');
    const clean = run(tmp, 'check', 'documentation', '--format', 'json');
    const folder = join(tmp, `mlops-readiness-${uid}`);
    const [file] = readdirSync(folder);
    cpSync(BIN, join(folder, file!));
    const again = run(tmp, 'check', 'documentation', '--format', 'json');
    assert.equal(again.stdout, clean.stdout);
    assert.equal(again.stderr, clean.stderr);
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE=1', () => {
    const tmp = freshTmp('disabled');
    const env = { ...process.env, TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: '1' };
    const result = spawnSync(process.execPath, [BIN, 'check', 'documentation', '--format', 'json'], { cwd: join(ROOT, 'examples'), env, encoding: 'utf8' });
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    assert.deepEqual(readdirSync(tmp), []);
  });
});

describe('the language server start-up cache', { skip: process.platform === 'win32' && 'POSIX modes' }, () => {
  const uri = fileUri(join(ROOT, 'examples', 'documentation', 'readiness', 'CVN-N011-EA-S11.md'));
  const text = readExample('documentation/readiness/CVN-N011-EA-S11.md').replace('| P1 |', '| P2 |');
  async function diagnosticsOnce(tmp: string) {
    const client = await LspClient.start({ env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, NODE_DISABLE_COMPILE_CACHE: '' }, settings: { delay: 0 } });
    try {
      await client.open(uri, text);
      return (await client.waitForDiagnostics(uri)).diagnostics.map((d) => `${d.code} ${d.range.start.line}`);
    } finally {
      await client.shutdown();
    }
  }

  it('is written when a server exits, private to the user, and a server started from it reports the same', async () => {
    const tmp = freshTmp('server');
    const first = await diagnosticsOnce(tmp);
    const folder = join(tmp, `mlops-readiness-${uid}`);
    const files = readdirSync(folder);
    assert.equal(files.length, 1, files.join(', '));
    assert.match(files[0]!, /^server-.*\.cache$/);
    assert.equal(statSync(join(folder, files[0]!)).mode & 0o777, 0o600);
    const second = await diagnosticsOnce(tmp);
    assert.deepEqual(second, first);
    assert.ok(first.some((d) => d.startsWith('RDY201 ')), first.join(', '));
  });
});
