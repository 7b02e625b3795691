// The BUILT browser language server (server/out/browser.js) for the tests: run in a Node worker thread
// whose `self` stands in for a Web Worker's, spoken to over the thread's messages as the browser's client
// does, and given the workspace's files as that client gives them (ReadFiles / FindFiles requests),
// here from a folder on disk presented under a virtual URI, as github.dev presents a repository.
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import picomatch from 'picomatch';
import { findFiles } from '../../server/src/node/findFiles';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type DataCallback,
  type Disposable,
  type FileEvent,
  type Message,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { FindFilesRequest, MAX_FILE_BYTES, ReadFilesRequest, type FileAnswer, type FileQuery } from '../../server/src/browser/protocol';

export const BROWSER_SERVER = join(__dirname, '..', '..', 'server', 'out', 'browser.js');
/** The folder as github.dev names a repository. */
export const FOLDER_URI = 'vscode-vfs://github/cvn-trading/cvntrade';

// The worker's `self`: messages in and out, as in a browser's dedicated worker.
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
globalThis.self = {
  postMessage: (message) => parentPort.postMessage(message),
  addEventListener: () => undefined,
  set onmessage(listener) { parentPort.on('message', (data) => listener({ data })); },
};
require(workerData.bundle);
`;

class ThreadReader extends AbstractMessageReader {
  constructor(private readonly worker: Worker) {
    super();
  }
  listen(callback: DataCallback): Disposable {
    const listener = (message: Message) => callback(message);
    this.worker.on('message', listener);
    return { dispose: () => this.worker.off('message', listener) };
  }
}

class ThreadWriter extends AbstractMessageWriter {
  constructor(private readonly worker: Worker) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.worker.postMessage(message);
  }
  end(): void {}
}

export class BrowserLspClient {
  readonly publications: PublishDiagnosticsParams[] = [];
  /** Every URI the server asked the client about, in order. */
  readonly asked: string[] = [];
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly worker: Worker,
  ) {}

  /** Starts the server on the folder `root` of the disk, which it sees as FOLDER_URI. */
  static async start(root: string, settings: Record<string, unknown> = {}): Promise<BrowserLspClient> {
    if (!existsSync(BROWSER_SERVER)) throw new Error(`${BROWSER_SERVER} is missing: build it first with \`node esbuild.mjs\``);
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { bundle: BROWSER_SERVER } });
    const connection = createProtocolConnection(new ThreadReader(worker), new ThreadWriter(worker));
    const client = new BrowserLspClient(connection, worker);
    const toPath = (uri: string) => {
      if (!uri.startsWith(FOLDER_URI + '/') && uri !== FOLDER_URI) throw new Error(`asked for ${uri}, outside ${FOLDER_URI}`);
      return join(root, decodeURIComponent(uri.slice(FOLDER_URI.length)));
    };
    connection.onRequest(ReadFilesRequest, ({ queries }) => {
      client.asked.push(...queries.map((q) => q.uri));
      return queries.map((query) => answer(toPath(query.uri), query));
    });
    // As vscode.workspace.findFiles: the folder's files matching the globs, node_modules and .git left out.
    connection.onRequest(FindFilesRequest, ({ folder, include }) => {
      const base = toPath(folder);
      const wanted = picomatch(include, { dot: true });
      const found = findFiles(base, () => true).files.map((file) => relative(base, file).split(sep).join('/')).filter((path) => wanted(path));
      return found.map((path) => `${FOLDER_URI}/${path.split('/').map(encodeURIComponent).join('/')}`);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.publications.push(params);
      for (const listener of client.listeners) listener();
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: FOLDER_URI,
      workspaceFolders: [{ uri: FOLDER_URI, name: 'cvntrade' }],
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  uri(relative: string): string {
    return `${FOLDER_URI}/${relative}`;
  }

  open(relative: string, text: string): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: this.uri(relative), languageId: 'markdown', version: 1, text },
    });
  }

  watched(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** The next (or latest) publication for the file that satisfies `predicate`. */
  waitForDiagnostics(relative: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const uri = this.uri(relative);
    const latest = () => [...this.publications].reverse().find((p) => p.uri === uri);
    return new Promise((resolve, reject) => {
      const check = () => {
        const publication = latest();
        if (!publication || !predicate(publication)) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(publication);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics of ${uri}; latest: ${latest()?.diagnostics.map((d) => d.code).join(',') ?? 'none'}`));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  async stop(): Promise<void> {
    this.connection.dispose();
    await this.worker.terminate();
  }
}

/** What the VS Code client answers (client/src/browser/workspaceFiles.ts), from the disk. */
function answer(path: string, query: FileQuery): FileAnswer {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return { kind: 'missing' };
  }
  if (stat.isSymbolicLink()) return { kind: 'link' };
  if (stat.isDirectory()) return query.want === 'list' ? { kind: 'folder', names: readdirSync(path) } : { kind: 'folder' };
  if (!stat.isFile()) return { kind: 'missing' };
  if (query.want !== 'read' || stat.size > MAX_FILE_BYTES) return { kind: 'file', size: stat.size };
  return { kind: 'file', size: stat.size, text: readFileSync(path, 'utf8') };
}
