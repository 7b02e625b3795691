// The few `node:path` operations the server uses, for `/`-separated absolute paths (no Node built-in
// may enter the browser bundle). The browser's paths are made from URIs (./uriPaths.ts).
import type { PathOps } from '../lsp/host';

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

export const posixPath: PathOps = {
  sep: '/',
  isAbsolute: (path) => path.startsWith('/'),
  join: (...paths) => normalize(paths.filter((p) => p !== '').join('/')),
  dirname(path) {
    const normal = normalize(path);
    const slash = normal.lastIndexOf('/');
    return slash <= 0 ? '/' : normal.slice(0, slash);
  },
  basename(path) {
    const normal = normalize(path);
    return normal.slice(normal.lastIndexOf('/') + 1);
  },
  relative(from, to) {
    const a = normalize(from).split('/').filter(Boolean);
    const b = normalize(to).split('/').filter(Boolean);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
  },
};
