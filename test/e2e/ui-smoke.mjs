#!/usr/bin/env node
// UI smoke test, as a user would see it: installs the packaged .vsix into a fresh code-server, opens a
// defective readiness file in the real workbench (headless chromium), waits for the squiggles and the
// Problems count, creates a new file through the command's prompts, and saves screenshots in test-results/.
//   npm run package && node test/e2e/ui-smoke.mjs [--vsix mlops-readiness.vsix] [--verbose]
import fs from 'node:fs';
import path from 'node:path';
import { log } from './lib/codeServer.mjs';
import { answerPrompt, openFile, runCommand, runWorkbenchTest, showLanguageStatus, step, writeFixtureVariant } from './lib/workbench.mjs';

const DEFECTIVE = 'CVN-N011-EA-S40-defective.md';

/** The status bar's problems entry, e.g. "Errors: 3, Warnings: 1" in its aria-label. */
async function problemCounts(page) {
  const label = (await page.locator('#status\\.problems a, #status\\.problems').first().getAttribute('aria-label')) ?? '';
  const number = (word) => Number(new RegExp(`(\\d+)\\s+${word}`, 'i').exec(label)?.[1] ?? new RegExp(`${word}s?:\\s*(\\d+)`, 'i').exec(label)?.[1] ?? NaN);
  return { label, errors: number('error'), warnings: number('warning') };
}

await runWorkbenchTest(
  {
    name: 'UI smoke test',
    screenshotPrefix: 'ui-smoke-',
    // The valid fixture with its P1 alert demoted to P2 and the owner left as a placeholder.
    prepare: (sandbox) =>
      writeFixtureVariant(sandbox, DEFECTIVE, 'CVN-N011-EA-S40', [
        ['| P1 | Pagerduty |', '| P2 | Slack |'],
        ['**Owner**: @ana-m', '**Owner**: <github handle>'],
      ]),
    installed: (sandbox) => {
      const installed = fs.readdirSync(sandbox.extensions).filter((d) => d.startsWith('mlops-readiness.'));
      if (installed.length !== 1) throw new Error(`expected the extension in ${sandbox.extensions}, found ${fs.readdirSync(sandbox.extensions)}`);
      if (fs.existsSync(path.join(sandbox.extensions, installed[0], 'node_modules'))) throw new Error('the .vsix ships node_modules');
    },
  },
  async ({ page, sandbox, screenshot }) => {
    await step('opening the defective readiness file', () => openFile(page, DEFECTIVE));
    await step('red squiggles in the editor', () => page.locator('.monaco-editor .squiggly-error').first().waitFor());
    await step('the Problems count in the status bar', () =>
      page.waitForFunction(() => /[1-9]\d*\s+error|errors?:\s*[1-9]/i.test(document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? document.querySelector('#status\\.problems a')?.getAttribute('aria-label') ?? '')),
    );
    const counts = await problemCounts(page);
    log(`status bar: ${counts.label}`);
    await page.keyboard.press('Control+Shift+M');
    await step('the Problems panel listing RDY codes', () => page.locator('.markers-panel .monaco-list-row', { hasText: 'RDY' }).first().waitFor());
    await screenshot('problems');
    await showLanguageStatus(page, () => screenshot('status'));

    // The New readiness file command, through its prompts, with the live story-id validation.
    await runCommand(page, 'MLOps Readiness: New readiness file');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: '(1/3)' }).waitFor();
    await page.locator('.quick-input-widget input').fill('CVN-42');
    await step('the live validation message', () => page.locator('.quick-input-message', { hasText: 'not a Story id' }).waitFor());
    await screenshot('validation');
    // An id whose file exists is refused right away, before the other prompts.
    await page.locator('.quick-input-widget input').fill('CVN-N011-EA-S11');
    await step('the id-exists message', () => page.locator('.quick-input-message', { hasText: 'already exists' }).waitFor());
    await screenshot('id-exists');
    await answerPrompt(page, '(1/3)', 'CVN-N042-UI-S01');
    await answerPrompt(page, '(2/3)', 'Smoke-tested scaffolding');
    await answerPrompt(page, '(3/3)', '@r-santos');
    await step('the new file open in an editor', () => page.locator('.tab.active[aria-label*="CVN-N042-UI-S01.md"]').waitFor());
    await step('placeholders flagged in the new file', () => page.locator('.monaco-editor .squiggly-error').first().waitFor());
    if (!fs.existsSync(path.join(sandbox.workspace, 'documentation/readiness/CVN-N042-UI-S01.md'))) throw new Error('the new file was not written');
    await screenshot('new-file');
  },
);
