// The suite's entry point, in the shape @vscode/test-electron and the code-server runner both expect:
// `run()` returns a promise that rejects when a test failed.
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.MLOPS_READINESS_E2E_GREP;
  if (grep) mocha.grep(grep);
  // untrusted.e2e.js needs a workspace opened in restricted mode: it runs alone, in the runner's untrusted pass.
  const untrusted = process.env.MLOPS_READINESS_E2E_UNTRUSTED === '1';
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js') && (f === 'untrusted.e2e.js') === untrusted);
  for (const file of files.sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve()));
  });
}
