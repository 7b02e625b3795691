// Starts the language server and connects it to VS Code. No checking happens here: the server does it all.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import type { InitializationOptions } from './protocol';
import { SERVER_EXEC_ARGV } from './serverProcess';

export const CLIENT_ID = 'mlopsReadiness';
/** Shows a bundled rule page in the Markdown preview; the rule links in diagnostics and hovers call it. */
export const SHOW_RULE_DOCS_COMMAND = 'mlopsReadiness.showRuleDocs'; // also the settings section, so `mlopsReadiness.trace.server` works
const CLIENT_NAME = 'MLOps Readiness';

/** Files whose changes on disk can change a readiness file's diagnostics (config, runbooks, requirements, owners). */
const WATCHED = ['**/.mlops-readiness.json', '**/*.md', '**/requirements.txt', '**/CODEOWNERS'];

export function documentSelector(): { language: string; scheme: string }[] {
  const selector = [
    { language: 'markdown', scheme: 'file' },
    { language: 'markdown', scheme: 'untitled' },
  ];
  // A virtual workspace (e.g. a remote repository) has no `file:` documents: check its open buffers too.
  const virtualSchemes = new Set((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme).filter((s) => s !== 'file'));
  for (const scheme of virtualSchemes) selector.push({ language: 'markdown', scheme });
  return selector;
}

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    // `--nolazy` so breakpoints bind before the code first runs; attach a debugger to port 6009.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009', ...SERVER_EXEC_ARGV] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: {
      configurationSection: CLIENT_ID,
      fileEvents: WATCHED.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
    },
    // A function, so that a restart after trust is granted sends the new value.
    // VS Code's Markdown extension outlines the headings: the server adds only its own symbols, so each heading shows once.
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted, ruleDocsCommand: SHOW_RULE_DOCS_COMMAND, headingSymbols: false }),
    // Hovers may link the rule pages through that one command, and nothing else.
    markdown: { isTrusted: { enabledCommands: [SHOW_RULE_DOCS_COMMAND] } },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
