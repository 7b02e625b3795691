// The language server's wiring, the same on every platform: documents, settings, checks and the
// workspace's files, over a connection and a host that the entry points bring (Node: stdio/IPC and
// the file system, ./server.ts; browser: a Web Worker and the client's files, ./browser/server.ts).
// All checking, hovering and fixing is the engine's; this file only wires events.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND, SHOW_DOCUMENT_COMMAND, WATCHED_FILES } from '../service';
import { Checker, type Checked } from './checker';
import { Diagnostics } from './diagnostics';
import { registerFeatures, status } from './features';
import type { ServerHost } from './host';
import { CheckAllRequest, SetTrustedNotification, StoryIdPatternRequest, type InitializationOptions } from './protocol';
import { textDocuments } from './largeDocument';
import { SECTION, SettingsStore } from './settings';
import { storyIdPattern } from './storyId';
import { WorkspaceFiles } from './workspaceFiles';
import { WorkspaceRoots } from './workspaceRoots';

export function startServer(connection: Connection, host: ServerHost): void {
  // Large documents are kept in pieces, so an edit costs nothing like the whole text (see largeDocument.ts).
  const documents = new TextDocuments<TextDocument>(textDocuments);
  const roots = new WorkspaceRoots(host);
  let canPullSettings = false;
  let snippetEdits = false;
  let createFiles = false;
  let showDocument = false;
  let headingSymbols = true;
  const settings = new SettingsStore(connection, () => canPullSettings);
  const checker = new Checker(roots, (message) => connection.console.error(message));
  const diagnostics = new Diagnostics(connection, documents, settings, checker, roots);
  const workspaceFiles = new WorkspaceFiles(connection, roots, settings, checker, diagnostics);

  let dynamicWatchers = false;
  let dynamicConfiguration = false;
  let folderNotifications = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    roots.trusted = options.trusted !== false;
    headingSymbols = options.headingSymbols !== false;
    checker.bundledDocs = host.ruleDocs(typeof options.ruleDocsCommand === 'string' ? options.ruleDocsCommand : undefined);
    roots.setFolders(initialFolders(params));
    const workspace = params.capabilities.workspace;
    canPullSettings = workspace?.configuration === true;
    dynamicWatchers = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    dynamicConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    snippetEdits = workspace?.workspaceEdit?.snippetEditSupport === true;
    createFiles = workspace?.workspaceEdit?.documentChanges === true && (workspace.workspaceEdit.resourceOperations ?? []).includes('create');
    showDocument = params.capabilities.window?.showDocument?.support === true;
    folderNotifications = workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '@', '/', '|', '`'], resolveProvider: false },
        documentSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [SHOW_DOCUMENT_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'mlops-readiness-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    // A client may answer a registration with an error (eglot does when it cannot watch the project's files):
    // the server goes on without it; an unhandled rejection would end the process.
    const refused = (what: string) => (error: unknown) => connection.console.warn(`the client did not register ${what}: ${(error as Error).message}`);
    if (dynamicWatchers) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_FILES.map((globPattern) => ({ globPattern })) })
        .catch(refused('file watching'));
    }
    if (dynamicConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }).catch(refused('configuration changes'));
    if (folderNotifications) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => host.uriToPath(f.uri)));
        const kept = roots.workspaceFolders.filter((f) => !removed.has(f));
        roots.setFolders([...kept, ...event.added.map((f) => host.uriToPath(f.uri)).filter((p): p is string => p !== undefined)]);
        void recheckEverything();
      });
    }
    void recheckEverything();
  });

  function initialFolders(params: InitializeParams): string[] {
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return uris.map((uri) => host.uriToPath(uri)).filter((p): p is string => p !== undefined);
  }

  /** Settings, config or trust changed: every open document and every in-scope file is checked again. */
  async function recheckEverything(): Promise<void> {
    checker.invalidate();
    for (const document of documents.all()) diagnostics.schedule(document.uri, 0);
    await workspaceFiles.refresh();
  }

  // TextDocuments fires onDidChangeContent right after onDidOpen: an opened file is checked at once,
  // only real edits wait for the configured delay.
  const justOpened = new Set<string>();
  documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri);
    diagnostics.schedule(document.uri, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (!justOpened.delete(document.uri)) diagnostics.schedule(document.uri);
  });
  documents.onDidClose(({ document }) => {
    justOpened.delete(document.uri);
    void workspaceFiles.closed(document.uri);
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params.settings as Record<string, unknown> | undefined)?.[SECTION];
    settings.reset(pushed);
    void recheckEverything();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    host.changed?.(changes.map((change) => change.uri));
    if (await workspaceFiles.changed(changes)) await recheckEverything();
  });

  connection.onNotification(SetTrustedNotification, ({ trusted }) => {
    if (roots.trusted === trusted) return;
    roots.trusted = trusted;
    roots.setFolders([...roots.workspaceFolders]); // drop views built under the old trust
    void recheckEverything();
  });

  connection.onRequest(CheckAllRequest, async () => {
    checker.invalidate();
    const totals = { files: 0, errors: 0, warnings: 0 };
    // Counted as each file is checked: no file's analysis waits for the others.
    const count = (checked: Checked | undefined) => {
      if (!checked?.result.isReadiness) return;
      const summary = status(checker, checked);
      totals.files++;
      totals.errors += summary.errors;
      totals.warnings += summary.warnings;
    };
    await Promise.all(documents.all().map(async (document) => count(await diagnostics.publishOpen(document.uri))));
    await workspaceFiles.refresh(true, count);
    return totals;
  });

  connection.onRequest(StoryIdPatternRequest, async ({ uri }) => {
    const folderSettings = await settings.get(uri);
    return { pattern: await host.settle(() => storyIdPattern(roots, checker.service, uri, folderSettings)) };
  });

  registerFeatures(connection, diagnostics, checker, {
    snippetEdits: () => snippetEdits,
    createFiles: () => createFiles,
    showDocument: () => showDocument,
    headingSymbols: () => headingSymbols,
    trusted: () => roots.trusted,
    documentVersion: (uri) => documents.get(uri)?.version,
  });

  documents.listen(connection);
  connection.listen();
}
