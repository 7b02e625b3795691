// The workspace roots of the server on Node, where paths are the file system's.
import { nodeHost } from '../node/nodeHost';
import { WorkspaceRoots } from './workspaceRoots';

export { recordingView, type Placement } from './workspaceRoots';

export const uriToPath = (uri: string): string | undefined => nodeHost.uriToPath(uri);

export const pathToUri = (path: string): string => nodeHost.pathToUri(path);

/** The same file whatever the client's URI spelling (`%3A`, `%40`…). */
export function uriKey(uri: string): string {
  return uriToPath(uri) ?? uri;
}

export class Roots extends WorkspaceRoots {
  constructor() {
    super(nodeHost);
  }
}
