// Bundles every entry point into a self-contained CommonJS file for Node 20.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
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
      banner: entry.bin ? { js: '#!/usr/bin/env node' } : undefined,
      sourcemap: production ? false : 'linked',
      minify: production,
      legalComments: 'none',
      logLevel: 'warning',
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
