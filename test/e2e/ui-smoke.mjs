#!/usr/bin/env node
// UI smoke test, as a user would see it: installs the packaged .vsix into a fresh code-server, opens a
// defective readiness file in the real workbench (headless chromium), waits for the squiggles and the
// Problems count, creates a new file through the command's prompts, and saves screenshots in test-results/.
//   npm run package && node test/e2e/ui-smoke.mjs [--vsix mlops-readiness.vsix] [--verbose]
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

const sandbox = makeSandbox(path.join(REPO, 'test/e2e/fixture-workspace'));
let server;
let browser;
let page;

function defectiveFile() {
  // The valid fixture with its P1 alert demoted to P2 and the owner left as a placeholder.
  const valid = fs.readFileSync(path.join(sandbox.workspace, 'documentation/readiness/CVN-N011-EA-S11.md'), 'utf8');
  const text = valid
    .replace('# MLOps readiness — CVN-N011-EA-S11', '# MLOps readiness — CVN-N011-EA-S40')
    .replace('**Story**: CVN-N011-EA-S11', '**Story**: CVN-N011-EA-S40')
    .replace('| P1 | Pagerduty |', '| P2 | Slack |')
    .replace('**Owner**: @ana-m', '**Owner**: <github handle>');
  if (text === valid) throw new Error('the fixture changed: the defects could not be written');
  fs.writeFileSync(path.join(sandbox.workspace, 'documentation/readiness/CVN-N011-EA-S40-defective.md'), text);
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

/** The status bar's problems entry, e.g. "Errors: 3, Warnings: 1" in its aria-label. */
async function problemCounts() {
  const label = (await page.locator('#status\\.problems a, #status\\.problems').first().getAttribute('aria-label')) ?? '';
  const number = (word) => Number(new RegExp(`(\\d+)\\s+${word}`, 'i').exec(label)?.[1] ?? new RegExp(`${word}s?:\\s*(\\d+)`, 'i').exec(label)?.[1] ?? NaN);
  return { label, errors: number('error'), warnings: number('warning') };
}

/** Answers one prompt of a sequence: waits for its title first, since the same input box is reused. */
async function answerPrompt(title, text) {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
  await page.locator('.quick-input-widget input').fill(text);
  await page.keyboard.press('Enter');
}

async function main() {
  if (!fs.existsSync(opts.vsix)) throw new Error(`${opts.vsix} not found: run npm run package first`);
  fs.mkdirSync(RESULTS, { recursive: true });
  for (const old of fs.readdirSync(RESULTS).filter((f) => f.startsWith('ui-smoke-'))) fs.rmSync(path.join(RESULTS, old));
  defectiveFile();

  await step('installing the .vsix into an empty extensions folder', () => codeServerCli(sandbox, ['--install-extension', path.resolve(opts.vsix)]));
  const installed = fs.readdirSync(sandbox.extensions).filter((d) => d.startsWith('mlops-readiness.'));
  if (installed.length !== 1) throw new Error(`expected the extension in ${sandbox.extensions}, found ${fs.readdirSync(sandbox.extensions)}`);
  if (fs.existsSync(path.join(sandbox.extensions, installed[0], 'node_modules'))) throw new Error('the .vsix ships node_modules');

  server = await startCodeServer(sandbox, { verbose: opts.verbose });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  if (opts.verbose) page.on('console', (m) => log(`[browser ${m.type()}]`, m.text()));
  await page.goto(workbenchUrl(server, { folder: sandbox.workspace }));
  await step('the workbench to load', () => page.locator('.monaco-workbench .part.statusbar').waitFor());

  await step('opening the defective readiness file', () => openFile('CVN-N011-EA-S40-defective.md'));
  await step('red squiggles in the editor', () => page.locator('.monaco-editor .squiggly-error').first().waitFor());
  await step('the Problems count in the status bar', () =>
    page.waitForFunction(() => /[1-9]\d*\s+error|errors?:\s*[1-9]/i.test(document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? document.querySelector('#status\\.problems a')?.getAttribute('aria-label') ?? '')),
  );
  const counts = await problemCounts();
  log(`status bar: ${counts.label}`);
  await page.keyboard.press('Control+Shift+M');
  await step('the Problems panel listing RDY codes', () => page.locator('.markers-panel .monaco-list-row', { hasText: 'RDY' }).first().waitFor());
  await page.screenshot({ path: path.join(RESULTS, 'ui-smoke-problems.png') });
  // The language status item ({} next to "Markdown" in the status bar) summarises the file.
  await page.locator('#status\\.languageStatus').hover();
  await step('the language status hover with the sections passing', () =>
    page.locator('.monaco-hover', { hasText: /\d\/7 sections passing, \d+ errors?, \d+ warnings?/ }).first().waitFor(),
  );
  await page.screenshot({ path: path.join(RESULTS, 'ui-smoke-status.png') });
  await page.mouse.move(700, 300);

  // The New readiness file command, through its prompts, with the live story-id validation.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type('MLOps Readiness: New readiness file');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New readiness file' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: '(1/3)' }).waitFor();
  await page.locator('.quick-input-widget input').fill('CVN-42');
  await step('the live validation message', () => page.locator('.quick-input-message', { hasText: 'not a Story id' }).waitFor());
  await page.screenshot({ path: path.join(RESULTS, 'ui-smoke-validation.png') });
  // An id whose file exists is refused right away, before the other prompts.
  await page.locator('.quick-input-widget input').fill('CVN-N011-EA-S11');
  await step('the id-exists message', () => page.locator('.quick-input-message', { hasText: 'already exists' }).waitFor());
  await page.screenshot({ path: path.join(RESULTS, 'ui-smoke-id-exists.png') });
  await answerPrompt('(1/3)', 'CVN-N042-UI-S01');
  await answerPrompt('(2/3)', 'Smoke-tested scaffolding');
  await answerPrompt('(3/3)', '@r-santos');
  await step('the new file open in an editor', () => page.locator('.tab.active[aria-label*="CVN-N042-UI-S01.md"]').waitFor());
  await step('placeholders flagged in the new file', () => page.locator('.monaco-editor .squiggly-error').first().waitFor());
  if (!fs.existsSync(path.join(sandbox.workspace, 'documentation/readiness/CVN-N042-UI-S01.md'))) throw new Error('the new file was not written');
  await page.screenshot({ path: path.join(RESULTS, 'ui-smoke-new-file.png') });
  log(`screenshots in ${path.relative(REPO, RESULTS)}/`);
}

let code = 1;
try {
  await withTimeout(main(), Number(opts.timeout), 'the UI smoke test');
  code = 0;
  log('UI smoke test passed');
} catch (error) {
  log('UI smoke test failed:', error instanceof Error ? error.message : error);
  await page?.screenshot({ path: path.join(RESULTS, 'ui-smoke-failure.png') }).catch(() => undefined);
  if (server && !opts.verbose) log(`code-server output:\n${server.output().slice(-3000)}`);
} finally {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  fs.rmSync(sandbox.root, { recursive: true, force: true });
}
process.exit(code);
