#!/usr/bin/env node
// Offline end-to-end runner: runs the extension's mocha suite (test/e2e/out/index.js) inside a real VS Code
// workbench served by code-server, opened in headless chromium — the way @vscode/test-electron runs it in
// desktop VS Code. Exits with the suite's exit code. Always stops code-server and removes its temp folders.
//   node test/e2e/run-code-server.mjs [--untrusted] [--verbose] [--grep <pattern>] [--timeout <ms>]
// --untrusted opens the workspace in restricted mode and runs the untrusted-workspace tests only.
import fs from 'node:fs';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import { REPO, launchChromium, log, makeSandbox, startCodeServer, withTimeout, workbenchUrl } from './lib/codeServer.mjs';

const { values: opts } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    untrusted: { type: 'boolean', default: false },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '600000' },
    suite: { type: 'string', default: path.join(REPO, 'test/e2e/out/index.js') },
    workspace: { type: 'string', default: path.join(REPO, 'test/e2e/fixture-workspace') },
  },
});

const suite = path.resolve(opts.suite);
if (!fs.existsSync(suite)) {
  log(`${suite} does not exist: build the suite first (node test/e2e/build.mjs)`);
  process.exit(2);
}
for (const built of ['client/out/extension.js', 'server/out/server.js']) {
  if (!fs.existsSync(path.join(REPO, built))) log(`warning: ${built} is missing (npm run build)`);
}

/** Screenshots the suite asks for (helpers.ts `screenshot`), written here as e2e-<name>.png. */
const RESULTS = path.join(REPO, 'test-results');
const SCREENSHOT_REQUEST = /\[\[screenshot:([a-z0-9-]+)(?:\|(.+?))?\]\]/;

/**
 * Takes the screenshot, then renames it into place: the suite, waiting for the file, never sees half of it.
 * With `text`, first waits until some frame shows it (a webview, e.g. the Markdown preview, renders late).
 */
async function screenshot(page, name, text) {
  const target = path.join(RESULTS, `e2e-${name}.png`);
  const partial = `${target}.partial`;
  try {
    if (text) await withTimeout(textInSomeFrame(page, text), 15_000, `"${text}" on screen`);
    await page.screenshot({ path: partial, type: 'png' });
    fs.renameSync(partial, target);
  } catch (error) {
    log(`screenshot ${name} failed: ${error instanceof Error ? error.message : error}`);
  }
}

/** Resolves when a frame of the page (webviews are nested frames, attached late) shows `text`. */
function textInSomeFrame(page, text) {
  return new Promise((resolve) => {
    const seen = () => {
      page.off('frameattached', watch);
      resolve();
    };
    const watch = (frame) => frame.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 }).then(seen, () => undefined);
    page.on('frameattached', watch);
    page.frames().forEach(watch);
  });
}

const sandbox = makeSandbox(opts.workspace, { trusted: !opts.untrusted });
let server;
let browser;
let cleaningUp = false;

async function cleanup() {
  if (cleaningUp) return;
  cleaningUp = true;
  await browser?.close().catch(() => undefined);
  await server?.stop();
  fs.rmSync(sandbox.root, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => cleanup().finally(() => process.exit(130)));
}

async function main() {
  // The extension host inherits code-server's environment: that is how the grep pattern reaches the suite.
  fs.mkdirSync(RESULTS, { recursive: true });
  const env = {
    ...(opts.grep ? { MLOPS_READINESS_E2E_GREP: opts.grep } : {}),
    ...(opts.untrusted ? { MLOPS_READINESS_E2E_UNTRUSTED: '1' } : {}),
    MLOPS_READINESS_E2E_SCREENSHOTS: RESULTS,
  };
  server = await startCodeServer(sandbox, { verbose: opts.verbose, env });
  log(`code-server ${server.url} (process group ${server.pid}), workspace ${sandbox.workspace}`);
  browser = await launchChromium();
  const page = await browser.newPage();

  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  // The workbench calls these when the suite in the extension host logs and when its run() settles.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // args are console.log's arguments, printf-style (mocha's reporter uses %s and %d).
    const line = Array.isArray(args) ? format(...args) : String(args ?? type);
    const shot = SCREENSHOT_REQUEST.exec(line);
    if (shot) return screenshot(page, shot[1], shot[2]);
    process.stdout.write(line.endsWith('\n') ? line : `${line}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
  page.on('pageerror', (error) => log('page error:', error.message));
  if (opts.verbose) page.on('console', (m) => log(`[browser ${m.type()}]`, m.text()));

  const url = workbenchUrl(server, { folder: sandbox.workspace, extensionDevelopmentPath: REPO, extensionTestsPath: suite });
  await page.goto(url);
  return finished;
}

let code = 1;
try {
  code = await withTimeout(main(), Number(opts.timeout), 'the end-to-end suite to finish');
  log(`suite exited with ${code}`);
} catch (error) {
  log(error instanceof Error ? error.message : error);
  if (server && !opts.verbose) log(`code-server output:\n${server.output().slice(-4000)}`);
} finally {
  await cleanup();
}
process.exit(code);
