// The language server's entry (server/out/server.js, what VS Code's client and the bin start):
// runs the server's bundle (main.js beside this file) from V8's code cache (node/codeCache.ts),
// which leaves out most of the compiling between the server's start and its first diagnostics.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runWithCodeCache } from './node/codeCache';

// As the client starts it (lsp/serverProcess.ts); an editor starting the bin gets it here.
setFlagsFromString('--no-regexp-tier-up');

runWithCodeCache({ bundle: join(__dirname, 'main.js'), name: 'server', writeCache: true });
