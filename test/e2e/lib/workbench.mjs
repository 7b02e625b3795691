// What the runners that drive the packaged .vsix in a browser (ui-smoke.mjs, run-web.mjs) share: their
// options, one run from a fresh sandbox to everything stopped, and the steps a user takes in the workbench.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO, codeServerCli, launchChromium, log, makeSandbox, startCodeServer, withTimeout, workbenchUrl } from './codeServer.mjs';

export const RESULTS = path.join(REPO, 'test-results');
export const STEP_MS = 60_000; // one user-visible step (the workbench loading, the server's first check)
const VALID_FIXTURE = 'documentation/readiness/CVN-N011-EA-S11.md';

/** Runs one user-visible step, logged, failing with its name when it takes longer than a step may. */
export async function step(what, action) {
  log(what);
  return withTimeout(action(), STEP_MS, what);
}

/**
 * The fixture workspace's valid file as another Story's (`storyId`), with `edits` ([search, replacement]
 * pairs, each of which must apply), written beside it as `name`.
 */
export function writeFixtureVariant(sandbox, name, storyId, edits) {
  const valid = fs.readFileSync(path.join(sandbox.workspace, VALID_FIXTURE), 'utf8');
  let text = valid.replaceAll('CVN-N011-EA-S11', storyId);
  for (const [search, replacement] of edits) {
    const next = text.replace(search, replacement);
    if (next === text) throw new Error(`the fixture changed: "${search}" is not in ${VALID_FIXTURE}`);
    text = next;
  }
  fs.writeFileSync(path.join(sandbox.workspace, path.dirname(VALID_FIXTURE), name), text);
}

/**
 * Installs the .vsix (--vsix, default the one `npm run package` writes) into a fresh code-server, opens the
 * fixture workspace in headless chromium and runs `test({ page, sandbox, screenshot })`; then stops everything
 * and exits 0 when the test passed, 1 with a failure screenshot when it did not.
 * `prepare(sandbox)` writes files and settings before code-server starts; `installed(sandbox)` checks the
 * installed extension; `watch(page)` listens to the page before the workbench loads.
 */
export async function runWorkbenchTest({ name, screenshotPrefix, prepare, installed, watch }, test) {
  const { values: opts } = parseArgs({
    options: {
      vsix: { type: 'string', default: path.join(REPO, 'mlops-readiness.vsix') },
      verbose: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '300000' },
    },
  });
  const sandbox = makeSandbox(path.join(REPO, 'test/e2e/fixture-workspace'));
  const screenshotPath = (label) => path.join(RESULTS, `${screenshotPrefix}${label}.png`);
  let server;
  let browser;
  let page;
  const run = async () => {
    if (!fs.existsSync(opts.vsix)) throw new Error(`${opts.vsix} not found: run npm run package first`);
    fs.mkdirSync(RESULTS, { recursive: true });
    for (const old of fs.readdirSync(RESULTS).filter((f) => f.startsWith(screenshotPrefix))) fs.rmSync(path.join(RESULTS, old));
    prepare?.(sandbox);
    await step('installing the .vsix into an empty extensions folder', () => codeServerCli(sandbox, ['--install-extension', path.resolve(opts.vsix)]));
    installed?.(sandbox);
    server = await startCodeServer(sandbox, { verbose: opts.verbose });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    if (opts.verbose) page.on('console', (m) => log(`[browser ${m.type()}]`, m.text()));
    watch?.(page);
    await page.goto(workbenchUrl(server, { folder: sandbox.workspace }));
    await step('the workbench to load', () => page.locator('.monaco-workbench .part.statusbar').waitFor());
    await test({ page, sandbox, screenshot: (label) => page.screenshot({ path: screenshotPath(label) }) });
    log(`screenshots in ${path.relative(REPO, RESULTS)}/`);
  };
  let code = 1;
  try {
    await withTimeout(run(), Number(opts.timeout), `the ${name}`);
    code = 0;
    log(`${name} passed`);
  } catch (error) {
    log(`${name} failed:`, error instanceof Error ? error.message : error);
    await page?.screenshot({ path: screenshotPath('failure') }).catch(() => undefined);
    if (server && !opts.verbose) log(`code-server output:\n${server.output().slice(-3000)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(sandbox.root, { recursive: true, force: true });
  }
  process.exit(code);
}

/** Opens a workspace file by name through Quick Open and waits for its editor tab. */
export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor();
}

/**
 * Hovers the language status item ({} next to "Markdown" in the status bar), whose hover summarises the file
 * from the server's status request, waits for that summary, takes `screenshot()` and moves the mouse away.
 */
export async function showLanguageStatus(page, screenshot) {
  await page.locator('#status\\.languageStatus').hover();
  await step('the language status hover with the sections passing', () =>
    page.locator('.monaco-hover', { hasText: /\d\/7 sections passing, \d+ errors?, \d+ warnings?/ }).first().waitFor(),
  );
  await screenshot();
  await page.mouse.move(700, 300);
}

/** Starts a command from the command palette by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^.*: /, '') }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Answers one prompt of a sequence: waits for its title first, since the same input box is reused. */
export async function answerPrompt(page, title, text) {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
  await page.locator('.quick-input-widget input').fill(text);
  await page.keyboard.press('Enter');
}
