// What the language client asks for, the same on the desktop and in the browser: the documents, the
// settings section, the watched files and the trust. Only how the server is started differs.
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import { WATCHED_FILES } from '../../server/src/service';
import type { InitializationOptions } from './protocol';

export const CLIENT_ID = 'mlopsReadiness'; // also the settings section, so `mlopsReadiness.trace.server` works
export const CLIENT_NAME = 'MLOps Readiness';
/** Shows a bundled rule page in the Markdown preview; the rule links in diagnostics and hovers call it. */
export const SHOW_RULE_DOCS_COMMAND = 'mlopsReadiness.showRuleDocs';

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

export function clientOptions(): LanguageClientOptions {
  return {
    documentSelector: documentSelector(),
    synchronize: {
      configurationSection: CLIENT_ID,
      fileEvents: WATCHED_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
    },
    // A function, so that a restart after trust is granted sends the new value.
    // VS Code's Markdown extension outlines the headings: the server adds only its own symbols, so each heading shows once.
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted, ruleDocsCommand: SHOW_RULE_DOCS_COMMAND, headingSymbols: false }),
    // Hovers may link the rule pages through that one command, and nothing else.
    markdown: { isTrusted: { enabledCommands: [SHOW_RULE_DOCS_COMMAND] } },
  };
}
