// Bundles every entry point into a self-contained file: CommonJS for Node 20, and for VS Code for the Web
// the client (CommonJS, as the Web Worker extension host loads it) and the server's Web Worker (an IIFE).
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

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
      // The server's and the CLI's bins are loaders (code cache) of their bundles, main.js.
      { in: 'server/src/start.ts', out: 'server/out/server.js', bin: true },
      { in: 'server/src/server.ts', out: 'server/out/main.js' },
      { in: 'cli/src/start.ts', out: 'cli/out/cli.js', bin: true },
      { in: 'cli/src/cli.ts', out: 'cli/out/main.js' },
      { in: 'client/src/extension.ts', out: 'client/out/extension.js', external: ['vscode'] },
      { in: 'server/src/browser/server.ts', out: 'server/out/browser.js', web: 'iife' },
      { in: 'client/src/browser/extension.ts', out: 'client/out/browser.js', external: ['vscode'], web: 'cjs' },
    ];

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * Fails a web bundle that would contain a Node built-in: imported by our code or a library, or
 * replaced by an empty module through a library's `browser` field (it would then fail at run time).
 */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^[a-z:_/]+$/ }, ({ path, importer }) =>
      NODE_BUILTINS.has(path) || path.startsWith('node:')
        ? { errors: [{ text: `the web bundle imports the Node built-in "${path}" (from ${importer})` }] }
        : undefined,
    );
    build.onEnd((result) => {
      const disabled = Object.keys(result.metafile?.inputs ?? {}).filter((input) => input.startsWith('(disabled):'));
      for (const input of disabled) result.errors.push({ text: `the web bundle replaced a Node module with an empty one: ${input}` });
    });
  },
};

/** Options of a bundle for a Web Worker (the extension host of VS Code for the Web, or the server's worker). */
function webOptions(entry) {
  return {
    platform: 'browser',
    target: 'es2022',
    format: entry.web,
    mainFields: ['browser', 'module', 'main'],
    plugins: [noNodeBuiltins],
    metafile: true, // for the built-in check
    // @cfworker/json-schema takes its base URI from `self.location`, which is not a URL in a worker
    // started from a blob (as on code-server): give it the base it uses on Node.
    define: { __VERSION__: JSON.stringify(version), 'self.location': 'undefined' },
  };
}

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
      banner: entry.web ? undefined : { js: `${entry.bin ? '#!/usr/bin/env node\n' : ''}const __import_meta_url = require('url').pathToFileURL(__filename).href;` },
      sourcemap: production ? false : 'linked',
      minify: production,
      legalComments: 'none',
      // Non-ASCII text (rule messages, markdown-it's entity table) as UTF-8, not \uXXXX escapes.
      charset: 'utf8',
      // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
      alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
      define: { __VERSION__: JSON.stringify(version), 'import.meta.url': '__import_meta_url' },
      logLevel: 'warning',
      // The organisation's template (docs/template.md) is embedded as text.
      loader: { '.md': 'text' },
      metafile,
      ...(entry.web ? webOptions(entry) : {}),
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  // esbuild has printed any error; exit with it, without a stack trace.
  const results = await Promise.all(contexts.map((ctx) => ctx.rebuild())).catch(() => process.exit(1));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  if (metafile) results.forEach((result, i) => report(entries[i].out, result.metafile));
  if (results.some((result) => result.errors.length)) process.exit(1);
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
