// Bundles every entry point into a self-contained CommonJS file for Node 20.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
// `npm pack` and `npm publish` run `prepare`: what ships is the production build, as in the .vsix.
const production = process.argv.includes('--production') || ['pack', 'publish'].includes(process.env.npm_command);
// --metafile: also write <bundle>.meta.json (esbuild's metafile) and print what each package adds.
const metafile = process.argv.includes('--metafile');

// --bench: only the benchmark, bundled like the product (with --production, minified as shipped),
// so it measures the engine and markdown-it as the server and the CLI run them.
const bench = process.argv.includes('--bench');

const entries = bench
  ? [{ in: 'bench/bench.ts', out: 'bench/out/bench.js', external: ['markdownlint', 'markdownlint/*'] }]
  : [
      { in: 'server/src/server.ts', out: 'server/out/server.js', bin: true },
      { in: 'cli/src/cli.ts', out: 'cli/out/cli.js', bin: true },
      { in: 'client/src/extension.ts', out: 'client/out/extension.js', external: ['vscode'] },
    ];

const contexts = await Promise.all(
  entries.map((entry) =>
    esbuild.context({
      entryPoints: [entry.in],
      outfile: entry.out,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: entry.external ?? [],
      // ESM dependencies (fdir) call createRequire(import.meta.url); give CommonJS bundles a real one.
      banner: { js: `${entry.bin ? '#!/usr/bin/env node\n' : ''}const __import_meta_url = require('url').pathToFileURL(__filename).href;` },
      sourcemap: production ? false : 'linked',
      minify: production,
      legalComments: 'none',
      // Non-ASCII text (rule messages, markdown-it's entity table) as UTF-8, not \uXXXX escapes.
      charset: 'utf8',
      // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
      alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
      define: { __VERSION__: JSON.stringify(version), 'import.meta.url': '__import_meta_url' },
      logLevel: 'warning',
      metafile,
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  const results = await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  if (metafile) results.forEach((result, i) => report(entries[i].out, result.metafile));
}

/** Writes the metafile beside the bundle and prints the bundle's bytes by package (our own code by folder). */
function report(out, meta) {
  writeFileSync(`${out}.meta.json`, JSON.stringify(meta));
  const [output] = Object.values(meta.outputs).filter((o) => o.entryPoint);
  const byPackage = new Map();
  for (const [path, input] of Object.entries(output.inputs)) {
    const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = inPackage ? inPackage[1] : path.split('/').slice(0, path.startsWith('server/src/service/') ? 4 : 3).join('/');
    byPackage.set(key, (byPackage.get(key) ?? 0) + input.bytesInOutput);
  }
  console.log(`${out}: ${output.bytes} B`);
  for (const [key, bytes] of [...byPackage].sort((a, b) => b[1] - a[1])) console.log(`${String(bytes).padStart(9)}  ${key}`);
}
