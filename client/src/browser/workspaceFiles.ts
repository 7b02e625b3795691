// The browser's language server has no file system: it asks here, and the answers come from
// `vscode.workspace.fs` and `vscode.workspace.findFiles`, which work on any workspace VS Code for the Web
// opens (github.dev's virtual file system, a local folder on vscode.dev, a remote). Nothing outside the
// workspace folders is read, and links are reported as links, never followed.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  FindFilesRequest,
  MAX_FILE_BYTES,
  ReadFilesRequest,
  type FileAnswer,
  type FileQuery,
  type FindFilesParams,
} from '../../../server/src/browser/protocol';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // keep a BOM, as Node's readFileSync does

export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(ReadFilesRequest, ({ queries }) => Promise.all(queries.map(answer))),
    client.onRequest(FindFilesRequest, findFiles),
  ];
}

async function answer(query: FileQuery): Promise<FileAnswer> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(query.uri, true);
  } catch {
    return { kind: 'missing' };
  }
  if (!vscode.workspace.getWorkspaceFolder(uri)) return { kind: 'missing' };
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.SymbolicLink) return { kind: 'link' };
    if (stat.type === vscode.FileType.Directory) {
      if (query.want !== 'list') return { kind: 'folder' };
      const entries = await vscode.workspace.fs.readDirectory(uri);
      return { kind: 'folder', names: entries.map(([name]) => name) };
    }
    if (stat.type !== vscode.FileType.File) return { kind: 'missing' };
    if (query.want !== 'read' || stat.size > MAX_FILE_BYTES) return { kind: 'file', size: stat.size };
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { kind: 'file', size: bytes.byteLength, text: decoder.decode(bytes) };
  } catch {
    return { kind: 'missing' }; // not found, or unreadable: the same to the checks
  }
}

async function findFiles({ folder, include, exclude }: FindFilesParams): Promise<string[]> {
  const base = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(folder, true));
  if (!base) return [];
  const glob = (patterns: string[]) => (patterns.length === 1 ? patterns[0] : `{${patterns.join(',')}}`);
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(base, glob(include)), exclude.length ? glob(exclude) : null);
  return found.map((uri) => uri.toString());
}

