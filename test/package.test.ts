// The npm package as a user gets it: `npm pack`, installed into an empty project without the registry, both bins
// run from there. The bundles inline every runtime dependency, so the package declares none.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TEMPLATE_TEXT } from '../server/src/service/template/templateText';
import { readTemplate, ROOT, TODAY } from './helpers';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// No registry, no audit, no update check: installing the tarball must need nothing from the network.
const OFFLINE = ['--offline', '--no-audit', '--no-fund', '--no-update-notifier'];

function npm(args: string[], cwd: string): { stdout: string; stderr: string } {
  const result = spawnSync(NPM, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, `npm ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

interface PackedFile {
  path: string;
  size: number;
}

describe('the npm package', () => {
  let tarball: string;
  let files: PackedFile[];
  let packedSize: number;
  let project: string;
  let installWarnings: string;
  let out: string;

  before(() => {
    out = mkdtempSync(join(tmpdir(), 'readiness-pack-'));
    // --ignore-scripts: pack the bundles `npm test` just built; the `prepare` rebuild would rewrite them while
    // other test files run them.
    const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', out, ...OFFLINE], ROOT).stdout) as Array<{ filename: string; size: number; files: PackedFile[] }>;
    tarball = join(out, packed!.filename);
    files = packed!.files;
    packedSize = packed!.size;

    project = mkdtempSync(join(tmpdir(), 'readiness-installed-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-project', version: '1.0.0', private: true }));
    // As the README installs it: the package has nothing to build or fetch, and npm has nothing to warn about.
    installWarnings = npm(['install', '--ignore-scripts', ...OFFLINE, tarball], project).stderr;
  });

  after(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(project, { recursive: true, force: true });
  });

  it('installs offline without a warning', () => {
    assert.doesNotMatch(installWarnings, /warn/i);
  });

  it('ships the bundles, schemas, rule docs, snippets, grammar and template, and nothing for development', () => {
    const paths = files.map((f) => f.path);
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'cli/out/cli.js', 'cli/out/main.js', 'server/out/server.js', 'server/out/main.js', 'client/out/extension.js', 'client/out/browser.js', 'server/out/browser.js', 'schemas/mlops-readiness.schema.json', 'snippets/readiness.code-snippets', 'syntaxes/readiness.injection.tmLanguage.json', 'docs/rules/RDY001.md', 'docs/template.md']) {
      assert.ok(paths.includes(needed), `${needed} is not in the package`);
    }
    // Every entry point the manifest names (the desktop and web extension, the bins) ships.
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const entry of [manifest.main, manifest.browser, ...Object.values(manifest.bin)] as string[]) {
      assert.ok(paths.includes(entry.replace(/^\.\//, '')), `the manifest's ${entry} is not in the package`);
    }
    const unwanted = paths.filter((p) => /\.map$|\.ts$|^test\/|^\.ci\/|^scripts\/|^bench\/|^examples\/|\/src\//.test(p));
    assert.deepEqual(unwanted, []);
    // The bundles npm test built (not minified; the published, minified package is about 1.3 MB).
    assert.ok(packedSize < 2_000_000, `the tarball is ${packedSize} bytes`);
  });

  it('declares no runtime dependency: the bundles are self-contained', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/mlops-readiness/package.json'), 'utf8'));
    assert.equal(manifest.private, undefined);
    assert.deepEqual(manifest.dependencies ?? {}, {});
  });

  it('ships the organisation template as init writes it before filling', () => {
    assert.equal(readFileSync(join(project, 'node_modules/mlops-readiness/docs/template.md'), 'utf8'), TEMPLATE_TEXT);
  });

  it('mlops-readiness check: exit 1 and the finding, from the installed bin', () => {
    const dir = join(project, 'docs/readiness');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'CVN-N1-S1.md'), readTemplate());
    const bin = join(project, 'node_modules/.bin/mlops-readiness');
    const result = spawnSync(bin, ['check', 'docs', '--today', TODAY], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^ {2}1:21 +error +Unfilled placeholder `<CVN-N\.\.\.-S0X title>`.*RDY001$/m);
  });

  it('mlops-readiness-server --stdio: answers initialize and publishes diagnostics', async () => {
    const child = spawn(join(project, 'node_modules/.bin/mlops-readiness-server'), ['--stdio'], { cwd: project, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    try {
      const uri = pathToFileURL(join(project, 'docs/readiness/CVN-N2-S1.md')).href;
      const published = new Promise<PublishDiagnosticsParams>((resolve) => {
        connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
          if (params.uri === uri && params.diagnostics.length) resolve(params);
        });
      });
      connection.listen();
      const result = await withTimeout(
        connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(project).href, workspaceFolders: null, capabilities: {} }),
        'initialize',
      );
      assert.equal(result.serverInfo?.name, 'mlops-readiness-server');
      assert.ok(result.capabilities.textDocumentSync);
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readTemplate() } });
      const diagnostics = (await withTimeout(published, 'publishDiagnostics')).diagnostics;
      assert.ok(diagnostics.some((d) => d.code === 'RDY001' && d.range.start.line === 0), JSON.stringify(diagnostics[0]));
    } finally {
      connection.dispose();
      child.kill();
    }
  });

});

function withTimeout<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
    }),
  ]);
}

describe('npm ci', () => {
  it('decides, in allowScripts, every locked package that has an install script, on every platform', () => {
    const { allowScripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> };
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path && entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    assert.ok(withScripts.includes('esbuild'));
    assert.deepEqual(withScripts.filter((name) => !(name in allowScripts)), []);
  });

  it('has every dependency install script reviewed (allowScripts), so a fresh install prints no warning', (t) => {
    // npm 11 lists the install scripts its `allowScripts` policy does not cover, and warns about them on install.
    const result = spawnSync(NPM, ['install-scripts', 'ls', '--json', ...OFFLINE], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    if (result.status !== 0 && /Unknown command/i.test(result.stdout + result.stderr)) return t.skip(`this npm has no install-scripts policy`);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).allowScripts, []);
  });
});
