// Bundles the end-to-end mocha suite (test/e2e/suite/index.ts and *.e2e.ts) into test/e2e/out/, one CommonJS
// file per entry, for the extension host to load. `vscode` comes from the host; mocha from the repo's
// node_modules. The suite files are *.e2e.ts, not *.test.ts, so that `npm test` (node:test) leaves them alone.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const suiteDir = path.join(here, 'suite');
const entryPoints = fs
  .readdirSync(suiteDir)
  .filter((f) => f === 'index.ts' || f.endsWith('.e2e.ts'))
  .map((f) => path.join(suiteDir, f));

fs.rmSync(path.join(here, 'out'), { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir: path.join(here, 'out'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  // The suite imports the engine's template, embedded as text like in the product's bundles.
  loader: { '.md': 'text' },
  logLevel: 'warning',
});
