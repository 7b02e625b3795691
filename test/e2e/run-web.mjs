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
import { REPO, log } from './lib/codeServer.mjs';
import { STEP_MS, answerPrompt, openFile, runCommand, runWorkbenchTest, showLanguageStatus, step, writeFixtureVariant } from './lib/workbench.mjs';

const EXTENSION_ID = 'mlops-readiness.mlops-readiness';
const SERVER_WORKER_NAME = 'MLOps Readiness language server'; // client/src/browser/extension.ts
const DEFECTIVE = 'CVN-N011-EA-S40.md';
const CLOSED = 'CVN-N011-EA-S41.md';
const MISSING_RUNBOOK = 'documentation/runbooks/ea-s40-signal-starvation.md';

/** Runs the extension where VS Code for the Web runs it: in the browser's Web Worker extension host. */
function forceWebExtensionHost(sandbox) {
  const file = path.join(sandbox.userData, 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, JSON.stringify({ ...settings, 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } }));
}

function writeDefectiveFiles(sandbox) {
  // The valid fixture with its P1 alert demoted to P2 and the P2 alert's runbook not written yet.
  writeFixtureVariant(sandbox, DEFECTIVE, 'CVN-N011-EA-S40', [
    ['| P1 | Pagerduty |', '| P2 | Slack |'],
    ['`documentation/runbooks/ea-s11-signal-starvation.md`', `\`${MISSING_RUNBOOK}\``],
  ]);
  // Never opened: only the workspace scan (findFiles through the client) finds its placeholder owner.
  writeFixtureVariant(sandbox, CLOSED, 'CVN-N011-EA-S41', [['**Owner**: @ana-m', '**Owner**: <github handle>']]);
}

/** The errors and warnings the engine finds on Node (the CLI) in the same workspace: the desktop's result. */
function desktopCounts(sandbox) {
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
async function statusBarCounts(page, want) {
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

/** A row of the Problems panel (the panel lists each finding with its message and code). */
const problemRow = (page, text) => page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();

/**
 * Where the extension and its server run, asked of the page's workers: the server must be a worker of
 * the browser with no Node `process`, and no Node process may run the server's Node bundle.
 */
async function runtimeReport(page, sandbox) {
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

const consoleErrors = [];
await runWorkbenchTest(
  {
    name: 'web extension test',
    screenshotPrefix: 'web-',
    prepare: (sandbox) => {
      writeDefectiveFiles(sandbox);
      forceWebExtensionHost(sandbox);
    },
    watch: (page) =>
      page.on('console', (m) => {
        if (m.type() === 'error' && /MLOps Readiness/.test(m.text())) consoleErrors.push(m.text());
      }),
  },
  async ({ page, sandbox, screenshot }) => {
    await step('opening the defective readiness file', () => openFile(page, DEFECTIVE));
    const expected = desktopCounts(sandbox);
    await step(`the desktop's counts in the status bar (${expected.errors} errors, ${expected.warnings} warnings)`, () => statusBarCounts(page, expected));
    await page.keyboard.press('Control+Shift+M');
    await step('the missing P1 alert (RDY201) in Problems', () => problemRow(page, 'RDY201').waitFor());
    await step('the missing runbook (RDY206) in Problems', () => problemRow(page, `Runbook ${MISSING_RUNBOOK} does not exist`).waitFor());
    await step('the closed file found by the workspace scan in Problems', () => page.locator('.markers-panel .monaco-list-row', { hasText: CLOSED }).first().waitFor());
    const runbookWarnings = await page.locator('.markers-panel .monaco-list-row', { hasText: 'does not exist in the workspace' }).count();
    if (runbookWarnings !== 1) throw new Error(`${runbookWarnings} runbook warnings in Problems; only ${MISSING_RUNBOOK} is missing`);
    await screenshot('problems');
    await showLanguageStatus(page, () => screenshot('status'));

    const runtime = await runtimeReport(page, sandbox);
    log(`workers: ${JSON.stringify(runtime.workers)}`);
    if (!runtime.serverWorker) throw new Error(`no worker named "${SERVER_WORKER_NAME}" among the page's workers`);
    if (runtime.serverWorker.process !== 'undefined') throw new Error('the server worker has a Node process object');
    if (runtime.nodeServers.length) throw new Error(`the Node server runs too:\n${runtime.nodeServers.join('\n')}`);

    // Written behind the editor's back, as a colleague's push would: the watcher tells the client, the
    // server asks the client for the runbook again, and the warning goes.
    fs.writeFileSync(path.join(sandbox.workspace, MISSING_RUNBOOK), fs.readFileSync(path.join(sandbox.workspace, 'documentation/runbooks/ea-s11-signal-starvation.md')));
    await step('the runbook warning to go away once the runbook exists', () => problemRow(page, `Runbook ${MISSING_RUNBOOK} does not exist`).waitFor({ state: 'detached' }));

    // The P1 quick fix, from the lightbulb menu at the finding: Enter on its row puts the editor's cursor there.
    await problemRow(page, 'RDY201').click();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor.focused').waitFor();
    await page.keyboard.press('Control+.');
    const fixes = page.locator('.action-widget .monaco-list-row.action');
    await step('the quick fix menu offering "Add P1 alert row"', () => fixes.filter({ hasText: 'Add P1 alert row' }).first().waitFor());
    await screenshot('quick-fix');
    const titles = await fixes.allTextContents();
    const index = titles.findIndex((title) => title.includes('Add P1 alert row'));
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown'); // the menu opens on its first action
    await page.keyboard.press('Enter');
    await step('RDY201 to go away after the fix', () => problemRow(page, 'RDY201').waitFor({ state: 'detached' }));
    await screenshot('fixed');

    // New readiness file, through its prompts; the file is written with vscode.workspace.fs.
    await runCommand(page, 'MLOps Readiness: New readiness file');
    await answerPrompt(page, '(1/3)', 'CVN-N042-WEB-S01');
    await answerPrompt(page, '(2/3)', 'Checked in the browser');
    await answerPrompt(page, '(3/3)', '@r-santos');
    await step('the new file open in an editor', () => page.locator('.tab.active[aria-label*="CVN-N042-WEB-S01.md"]').waitFor());
    await step('placeholders flagged in the new file', () => page.locator('.monaco-editor .squiggly-error').first().waitFor());
    const written = path.join(sandbox.workspace, 'documentation/readiness/CVN-N042-WEB-S01.md');
    if (!fs.existsSync(written) || !fs.readFileSync(written, 'utf8').includes('CVN-N042-WEB-S01')) throw new Error('the new file was not written');
    await screenshot('new-file');

    // A workspace setting, as the desktop reads it: placeholders (RDY001) off, and their findings go.
    await step('placeholder findings (RDY001) in Problems', () => problemRow(page, 'RDY001').waitFor());
    const settingsFile = path.join(sandbox.workspace, '.vscode/settings.json');
    const workspaceSettings = JSON.parse(fs.readFileSync(settingsFile, 'utf8').replace(/^\s*\/\/.*$/gm, ''));
    fs.writeFileSync(settingsFile, JSON.stringify({ ...workspaceSettings, 'mlopsReadiness.rules': { RDY001: 'off' } }));
    await step('the placeholder findings to go once mlopsReadiness.rules turns RDY001 off', () => problemRow(page, 'RDY001').waitFor({ state: 'detached' }));
    if (consoleErrors.length) throw new Error(`the extension reported errors:\n${consoleErrors.join('\n')}`);
  },
);
