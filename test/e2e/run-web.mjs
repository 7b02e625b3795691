#!/usr/bin/env node
// The web extension in a real browser workbench, offline: code-server serves VS Code for the Web, our
// packaged .vsix is forced into its Web Worker extension host (`remote.extensionKind: web`), and headless
// chromium drives it as a reviewer on github.dev would: the desktop's findings (the CLI's, over the same
// files) in Problems, a closed file's among them (the workspace scan), a runbook warning that goes away
// when the runbook is written (the server reads it through the client), the P1 quick fix, and New
// readiness file (written through vscode.workspace.fs), and a setting. Screenshots in test-results/.
//   npm run package && node test/e2e/run-web.mjs [--vsix mlops-readiness.vsix] [--verbose]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO, codeServerCli, launchChromium, log, makeSandbox, startCodeServer, withTimeout, workbenchUrl } from './lib/codeServer.mjs';

const { values: opts } = parseArgs({
  options: {
    vsix: { type: 'string', default: path.join(REPO, 'mlops-readiness.vsix') },
    verbose: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '300000' },
  },
});
const RESULTS = path.join(REPO, 'test-results');
const STEP_MS = 60_000; // one user-visible step (the workbench loading, the server's first check)
const EXTENSION_ID = 'mlops-readiness.mlops-readiness';
const SERVER_WORKER_NAME = 'MLOps Readiness language server'; // client/src/browser/extension.ts
const DEFECTIVE = 'CVN-N011-EA-S40.md';
const CLOSED = 'CVN-N011-EA-S41.md';
const MISSING_RUNBOOK = 'documentation/runbooks/ea-s40-signal-starvation.md';

const sandbox = makeSandbox(path.join(REPO, 'test/e2e/fixture-workspace'));
let server;
let browser;
let page;

/** Runs the extension where VS Code for the Web runs it: in the browser's Web Worker extension host. */
function forceWebExtensionHost() {
  const file = path.join(sandbox.userData, 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, JSON.stringify({ ...settings, 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } }));
}

function defectiveFile() {
  // The valid fixture with its P1 alert demoted to P2 and the P2 alert's runbook not written yet.
  const valid = fs.readFileSync(path.join(sandbox.workspace, 'documentation/readiness/CVN-N011-EA-S11.md'), 'utf8');
  const text = valid
    .replace('# MLOps readiness — CVN-N011-EA-S11', '# MLOps readiness — CVN-N011-EA-S40')
    .replace('**Story**: CVN-N011-EA-S11', '**Story**: CVN-N011-EA-S40')
    .replace('| P1 | Pagerduty |', '| P2 | Slack |')
    .replace('`documentation/runbooks/ea-s11-signal-starvation.md`', `\`${MISSING_RUNBOOK}\``);
  if ((text.match(/S40|ea-s40/g) ?? []).length < 3 || text.includes('| P1 | Pagerduty |')) throw new Error('the fixture changed: the defects could not be written');
  fs.writeFileSync(path.join(sandbox.workspace, 'documentation/readiness', DEFECTIVE), text);
  // Never opened: only the workspace scan (findFiles through the client) finds its placeholder owner.
  const closed = valid.replace(/CVN-N011-EA-S11/g, 'CVN-N011-EA-S41').replace('**Owner**: @ana-m', '**Owner**: <github handle>');
  if (!closed.includes('<github handle>')) throw new Error('the fixture changed: the owner could not be blanked');
  fs.writeFileSync(path.join(sandbox.workspace, 'documentation/readiness', CLOSED), closed);
}

/** The errors and warnings the engine finds on Node (the CLI) in the same workspace: the desktop's result. */
function desktopCounts() {
  const args = [path.join(REPO, 'cli/out/cli.js'), 'check', sandbox.workspace, '--root', sandbox.workspace, '--format', 'json'];
  let output;
  try {
    output = execFileSync(process.execPath, args, { encoding: 'utf8' });
  } catch (error) {
    output = error.stdout; // exit 1: there are errors
  }
  const diagnostics = JSON.parse(output).files.flatMap((f) => f.diagnostics);
  const count = (severity) => diagnostics.filter((d) => d.severity === severity).length;
  return { errors: count('error'), warnings: count('warning') };
}

/** Waits until the status bar counts (its aria-label, "Errors: 1, Warnings: 2": the whole workspace) are `want`. */
async function statusBarCounts(want) {
  const label = () => page.locator('#status\\.problems').first().getAttribute('aria-label');
  await page
    .waitForFunction((want) => {
      const label = document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? '';
      const number = (word) => Number(new RegExp(`${word}s?:\\s*(\\d+)`, 'i').exec(label)?.[1] ?? new RegExp(`(\\d+)\\s+${word}`, 'i').exec(label)?.[1] ?? NaN);
      return number('error') === want.errors && number('warning') === want.warnings;
    }, want, { timeout: STEP_MS })
    .catch(async (error) => {
      throw new Error(`the status bar says "${await label()}", the desktop ${want.errors} errors, ${want.warnings} warnings (${error.message})`);
    });
}

async function step(what, action) {
  log(what);
  return withTimeout(action(), STEP_MS, what);
}

async function openFile(name) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor();
}

/** A row of the Problems panel (the panel lists each finding with its message and code). */
const problem = (text) => page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();

/** Answers one prompt of a sequence: waits for its title first, since the same input box is reused. */
async function answerPrompt(title, text) {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
  await page.locator('.quick-input-widget input').fill(text);
  await page.keyboard.press('Enter');
}

/**
 * Where the extension and its server run, asked of the page's workers: the server must be a worker of
 * the browser with no Node `process`, and no Node process may run the server's Node bundle.
 */
async function runtimeReport() {
  const workers = await Promise.all(
    page.workers().map((worker) =>
      worker.evaluate(() => ({ name: self.name, process: typeof process, importScripts: typeof importScripts })).catch(() => undefined),
    ),
  );
  const serverWorker = workers.find((w) => w?.name?.includes(SERVER_WORKER_NAME));
  const nodeServers = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(sandbox.extensions) && line.includes('server/out/server.js'));
  return { workers: workers.filter(Boolean), serverWorker, nodeServers };
}

async function main() {
  if (!fs.existsSync(opts.vsix)) throw new Error(`${opts.vsix} not found: run npm run package first`);
  fs.mkdirSync(RESULTS, { recursive: true });
  for (const old of fs.readdirSync(RESULTS).filter((f) => f.startsWith('web-'))) fs.rmSync(path.join(RESULTS, old));
  defectiveFile();
  forceWebExtensionHost();

  await step('installing the .vsix into an empty extensions folder', () => codeServerCli(sandbox, ['--install-extension', path.resolve(opts.vsix)]));
  server = await startCodeServer(sandbox, { verbose: opts.verbose });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('console', (m) => {
    if (opts.verbose) log(`[browser ${m.type()}]`, m.text());
    if (m.type() === 'error' && /MLOps Readiness/.test(m.text())) errors.push(m.text());
  });
  await page.goto(workbenchUrl(server, { folder: sandbox.workspace }));
  await step('the workbench to load', () => page.locator('.monaco-workbench .part.statusbar').waitFor());

  await step('opening the defective readiness file', () => openFile(DEFECTIVE));
  const expected = desktopCounts();
  await step(`the desktop's counts in the status bar (${expected.errors} errors, ${expected.warnings} warnings)`, () => statusBarCounts(expected));
  await page.keyboard.press('Control+Shift+M');
  await step('the missing P1 alert (RDY201) in Problems', () => problem('RDY201').waitFor());
  await step('the missing runbook (RDY206) in Problems', () => problem(`Runbook ${MISSING_RUNBOOK} does not exist`).waitFor());
  await step('the closed file found by the workspace scan in Problems', () => page.locator('.markers-panel .monaco-list-row', { hasText: CLOSED }).first().waitFor());
  const runbookWarnings = await page.locator('.markers-panel .monaco-list-row', { hasText: 'does not exist in the workspace' }).count();
  if (runbookWarnings !== 1) throw new Error(`${runbookWarnings} runbook warnings in Problems; only ${MISSING_RUNBOOK} is missing`);
  await page.screenshot({ path: path.join(RESULTS, 'web-problems.png') });
  // The language status item ({} next to "Markdown") summarises the file, from the server's status request.
  await page.locator('#status\\.languageStatus').hover();
  await step('the language status hover with the sections passing', () =>
    page.locator('.monaco-hover', { hasText: /\d\/7 sections passing, \d+ errors?, \d+ warnings?/ }).first().waitFor(),
  );
  await page.screenshot({ path: path.join(RESULTS, 'web-status.png') });
  await page.mouse.move(700, 300);

  const runtime = await runtimeReport();
  log(`workers: ${JSON.stringify(runtime.workers)}`);
  if (!runtime.serverWorker) throw new Error(`no worker named "${SERVER_WORKER_NAME}" among the page's workers`);
  if (runtime.serverWorker.process !== 'undefined') throw new Error('the server worker has a Node process object');
  if (runtime.nodeServers.length) throw new Error(`the Node server runs too:\n${runtime.nodeServers.join('\n')}`);

  // Written behind the editor's back, as a colleague's push would: the watcher tells the client, the
  // server asks the client for the runbook again, and the warning goes.
  fs.writeFileSync(path.join(sandbox.workspace, MISSING_RUNBOOK), fs.readFileSync(path.join(sandbox.workspace, 'documentation/runbooks/ea-s11-signal-starvation.md')));
  await step('the runbook warning to go away once the runbook exists', () => problem(`Runbook ${MISSING_RUNBOOK} does not exist`).waitFor({ state: 'detached' }));

  // The P1 quick fix, from the lightbulb menu at the finding: Enter on its row puts the editor's cursor there.
  await problem('RDY201').click();
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor.focused').waitFor();
  await page.keyboard.press('Control+.');
  const fixes = page.locator('.action-widget .monaco-list-row.action');
  await step('the quick fix menu offering "Add P1 alert row"', () => fixes.filter({ hasText: 'Add P1 alert row' }).first().waitFor());
  await page.screenshot({ path: path.join(RESULTS, 'web-quick-fix.png') });
  const titles = await fixes.allTextContents();
  const index = titles.findIndex((title) => title.includes('Add P1 alert row'));
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown'); // the menu opens on its first action
  await page.keyboard.press('Enter');
  await step('RDY201 to go away after the fix', () => problem('RDY201').waitFor({ state: 'detached' }));
  await page.screenshot({ path: path.join(RESULTS, 'web-fixed.png') });

  // New readiness file, through its prompts; the file is written with vscode.workspace.fs.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type('MLOps Readiness: New readiness file');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New readiness file' }).first().waitFor();
  await page.keyboard.press('Enter');
  await answerPrompt('(1/3)', 'CVN-N042-WEB-S01');
  await answerPrompt('(2/3)', 'Checked in the browser');
  await answerPrompt('(3/3)', '@r-santos');
  await step('the new file open in an editor', () => page.locator('.tab.active[aria-label*="CVN-N042-WEB-S01.md"]').waitFor());
  await step('placeholders flagged in the new file', () => page.locator('.monaco-editor .squiggly-error').first().waitFor());
  const written = path.join(sandbox.workspace, 'documentation/readiness/CVN-N042-WEB-S01.md');
  if (!fs.existsSync(written) || !fs.readFileSync(written, 'utf8').includes('CVN-N042-WEB-S01')) throw new Error('the new file was not written');
  await page.screenshot({ path: path.join(RESULTS, 'web-new-file.png') });

  // A workspace setting, as the desktop reads it: placeholders (RDY001) off, and their findings go.
  await step('placeholder findings (RDY001) in Problems', () => problem('RDY001').waitFor());
  const settingsFile = path.join(sandbox.workspace, '.vscode/settings.json');
  const workspaceSettings = JSON.parse(fs.readFileSync(settingsFile, 'utf8').replace(/^\s*\/\/.*$/gm, ''));
  fs.writeFileSync(settingsFile, JSON.stringify({ ...workspaceSettings, 'mlopsReadiness.rules': { RDY001: 'off' } }));
  await step('the placeholder findings to go once mlopsReadiness.rules turns RDY001 off', () => problem('RDY001').waitFor({ state: 'detached' }));
  if (errors.length) throw new Error(`the extension reported errors:\n${errors.join('\n')}`);
  log(`screenshots in ${path.relative(REPO, RESULTS)}/`);
}

let code = 1;
try {
  await withTimeout(main(), Number(opts.timeout), 'the web extension test');
  code = 0;
  log('web extension test passed');
} catch (error) {
  log('web extension test failed:', error instanceof Error ? error.message : error);
  await page?.screenshot({ path: path.join(RESULTS, 'web-failure.png') }).catch(() => undefined);
  if (server && !opts.verbose) log(`code-server output:\n${server.output().slice(-3000)}`);
} finally {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  fs.rmSync(sandbox.root, { recursive: true, force: true });
}
process.exit(code);
