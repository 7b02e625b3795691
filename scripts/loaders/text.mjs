// Loads `.md` files as their text, as esbuild's `loader: { '.md': 'text' }` bundles them, for code run from
// source (tests, scripts): `node --import tsx --import ./scripts/loaders/text.mjs …`. The engine's
// `import text from './x.md'` then means the same in a bundle and under tsx.
import { readFileSync } from 'node:fs';
import Module, { register } from 'node:module';

// Our .ts files run as CommonJS under tsx: their imports are require() calls, which ESM hooks do not see on Node 20.
Module._extensions['.md'] = (module, filename) => {
  module.exports = { __esModule: true, default: readFileSync(filename, 'utf8') };
};

// ES modules importing a `.md` file.
register('./text-hooks.mjs', import.meta.url);
