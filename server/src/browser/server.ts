// The MLOps readiness language server in a Web Worker (VS Code for the Web: vscode.dev, github.dev).
// The same wiring and engine as on Node (../lsp/startServer.ts); only the transport (the worker's
// messages) and the files differ: the client reads them, with `vscode.workspace.fs`.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/startServer';
import { ClientHost } from './clientHost';

/** The worker's global scope (this project's type checking has no WebWorker library). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, new ClientHost(connection, (message) => connection.console.error(message)));
