// A minimal LSP client for the tests: spawns the BUILT server (server/out/server.js) over stdio and
// speaks JSON-RPC to it. Waiting is always on an event with a timeout, never a fixed sleep.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_EXEC_ARGV } from '../../server/src/lsp/serverProcess';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  type FileEvent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '..', '..', 'server', 'out', 'server.js');

export interface StartOptions {
  /** Workspace folder paths (absolute). */
  folders?: string[];
  /** The `mlopsReadiness` section the client answers `workspace/configuration` with. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Declare LSP 3.18 `workspace.workspaceEdit.snippetEditSupport`. */
  snippetEditSupport?: boolean;
  /** Declare `create` resource operations and `window.showDocument` (the client opens what the server asks for). */
  createAndShowFiles?: boolean;
  /** The server's environment (by default the tests'). */
  env?: NodeJS.ProcessEnv;
}

export class LspClient {
  /** Test-controlled settings; change them, then call `settingsChanged()`. */
  settings: Record<string, unknown>;
  readonly registrations: Registration[] = [];
  /** Every publication received, oldest first. */
  readonly publications: PublishDiagnosticsParams[] = [];
  readonly stderr: string[] = [];
  /** Every `window/logMessage` text, oldest first. */
  readonly logs: string[] = [];
  /** Every `window/showDocument` request, oldest first (answered with success). */
  readonly shownDocuments: Array<{ uri: string; takeFocus?: boolean }> = [];
  private readonly listeners = new Set<(p: PublishDiagnosticsParams) => void>();

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcess,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: build it first with \`node esbuild.mjs\``);
    // Started as the VS Code client starts it (the same Node options).
    const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(connection, child, options.settings ?? {});
    child.stderr!.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.publications.push(params);
      for (const listener of client.listeners) listener(params);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => client.settings));
    connection.onRequest(RegistrationRequest.type, (params) => {
      client.registrations.push(...params.registrations);
    });
    connection.onRequest('window/showDocument', (params: { uri: string; takeFocus?: boolean }) => {
      client.shownDocuments.push(params);
      return { success: true };
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      client.logs.push(params.message);
    });
    connection.listen();
    const folders = (options.folders ?? []).map((path, index) => ({ uri: fileUri(path), name: `folder${index}` }));
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length ? folders : null,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
          workspaceEdit: {
            documentChanges: true,
            snippetEditSupport: options.snippetEditSupport === true,
            resourceOperations: options.createAndShowFiles ? ['create'] : [],
          },
        },
        window: { showDocument: { support: options.createAndShowFiles === true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  watched(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Tells the server the settings changed (it pulls them again through `workspace/configuration`). */
  settingsChanged(): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { mlopsReadiness: this.settings } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /**
   * Resolves with the first publication for `uri` matching `predicate`: the latest one already
   * received if it matches (unless `onlyNew`), else the next matching one, within `timeoutMs`.
   */
  waitForDiagnostics(
    uri: string,
    predicate: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
    onlyNew = false,
  ): Promise<PublishDiagnosticsParams> {
    const latest = [...this.publications].reverse().find((p) => sameUri(p.uri, uri));
    if (!onlyNew && latest && predicate(latest)) return Promise.resolve(latest);
    return new Promise((resolve, reject) => {
      const listener = (p: PublishDiagnosticsParams) => {
        if (!sameUri(p.uri, uri) || !predicate(p)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(p);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        const seen = this.publications.filter((p) => sameUri(p.uri, uri)).map((p) => `v${p.version}: ${p.diagnostics.map((d) => d.code).join(',')}`);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics of ${uri}; seen: ${seen.join(' | ') || 'none'}\n${this.stderr.join('')}`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  async shutdown(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 5000, 'shutdown');
      await this.connection.sendNotification(ExitNotification.type);
      await withTimeout(exited, 5000, 'the server to exit');
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null) this.child.kill();
    }
  }
}

/** A diagnostic's message as text (LSP 3.18 also allows MarkupContent). */
export function messageOf(diagnostic: { message: string | { value: string } }): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}

function sameUri(a: string, b: string): boolean {
  return decodeURIComponent(a) === decodeURIComponent(b);
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
