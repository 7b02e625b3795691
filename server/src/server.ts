// The MLOps readiness language server on Node: a thin LSP shell over the engine in ./service. It speaks over
// the transport its command line names (`--stdio`, `--node-ipc`, `--socket=N`), starts no process and
// opens nothing else. The wiring is ./lsp/startServer.ts, shared with the browser's Web Worker.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeHost } from './node/nodeHost';
import { startServer } from './lsp/startServer';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe='];
if (!process.argv.some((arg) => TRANSPORTS.some((t) => arg.startsWith(t)))) {
  process.stderr.write('usage: mlops-readiness-server --stdio | --node-ipc | --socket=<port>\n');
  process.exit(2);
}

startServer(createConnection(ProposedFeatures.all), nodeHost);
