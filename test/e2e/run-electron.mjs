#!/usr/bin/env node
// Runs the same end-to-end suite in desktop VS Code through @vscode/test-electron, which downloads VS Code
// (into .vscode-test/) — so it needs a network that reaches the VS Code update servers. On Linux without a
// display, run it under `xvfb-run -a`. Offline, use test/e2e/run-code-server.mjs (npm run test:e2e).
//   VSCODE_VERSION=1.100.3 node test/e2e/run-electron.mjs [--grep <pattern>]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { REPO } from './lib/codeServer.mjs';

const { values: opts } = parseArgs({ options: { grep: { type: 'string' } } });

// The suite writes into its workspace (New readiness file): give it a copy, removed afterwards.
const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-readiness-e2e-electron-'));
const workspace = path.join(sandbox, 'workspace');
fs.cpSync(path.join(REPO, 'test/e2e/fixture-workspace'), workspace, { recursive: true });

let code = 1;
try {
  await runTests({
    // The oldest version engines.vscode allows, the same as the offline runner's code-server 4.100.3.
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'test/e2e/out/index.js'),
    extensionTestsEnv: opts.grep ? { MLOPS_READINESS_E2E_GREP: opts.grep } : {},
    launchArgs: [
      workspace,
      '--disable-extensions', // only the extension under test
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(sandbox, 'user-data')}`,
      `--extensions-dir=${path.join(sandbox, 'extensions')}`,
    ],
  });
  code = 0;
} catch (error) {
  console.error('[e2e] end-to-end suite failed:', error instanceof Error ? error.message : error);
} finally {
  fs.rmSync(sandbox, { recursive: true, force: true });
}
process.exit(code);
