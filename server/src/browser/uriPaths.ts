// In the browser every workspace file is a URI (`vscode-vfs://github/owner/repo/…` on github.dev,
// `file:` or `vscode-remote:` elsewhere). The server's shell works on paths, so a URI becomes the
// absolute path `/<scheme>/@<authority>/<decoded path>` and back: the path is the same whatever the
// URI's spelling, and two files of one folder are as related as their URIs' paths are.

const URI = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)$/;
const PATH = /^\/([a-z][a-z0-9+.-]*)\/@([^/]*)(\/.*)?$/;

/** The path of a hierarchical URI without query or fragment; undefined for any other. */
export function uriToPath(uri: string): string | undefined {
  const match = URI.exec(uri);
  if (!match) return undefined;
  try {
    const authority = decodeURIComponent(match[2]).toLowerCase();
    const path = decodeURIComponent(match[3]);
    if (path.includes('\0')) return undefined;
    return `/${match[1].toLowerCase()}/@${authority}${path.startsWith('/') || path === '' ? path : '/' + path}`.replace(/\/+$/, '') || '/';
  } catch {
    return undefined; // a malformed escape
  }
}

export function pathToUri(path: string): string {
  const match = PATH.exec(path);
  if (!match) throw new Error(`not a path made from a URI: ${path}`);
  const [, scheme, authority, rest = ''] = match;
  const encodedAuthority = authority.split(':').map(encodeURIComponent).join(':'); // keep a port's colon
  return `${scheme}://${encodedAuthority}${rest.split('/').map(encodeURIComponent).join('/')}`;
}
