// The MLOps readiness language server on Node: a thin LSP shell over the engine in ./service. It speaks over
// the transport its command line names (`--stdio`, `--node-ipc`, `--socket=N`), starts no process and
// opens nothing else. The wiring is ./lsp/startServer.ts, shared with the browser's Web Worker.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeHost } from './node/nodeHost';
import { startServer } from './lsp/startServer';

declare const __VERSION__: string | undefined;

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe='];
const USAGE = 'usage: mlops-readiness-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n';
const args = process.argv.slice(2);
// Asked for, the usage and the version are an answer (stdout, exit 0); a missing transport is an error.
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}The MLOps readiness language server: an editor starts it and speaks LSP over the transport named.\n`);
  process.exit(0);
}
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}\n`);
  process.exit(0);
}
if (!args.some((arg) => TRANSPORTS.some((t) => arg.startsWith(t)))) {
  process.stderr.write(USAGE);
  process.exit(2);
}

startServer(createConnection(ProposedFeatures.all), nodeHost);
