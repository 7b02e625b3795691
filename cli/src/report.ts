import type { Diagnostic } from 'vscode-languageserver-types';

/** One checked file (or a config file with problems) in a report. */
export interface FileReport {
  /** Path relative to the current folder, `/`-separated. */
  file: string;
  absolutePath: string;
  /** Workspace root used for this file (config, runbooks). */
  root: string;
  /** The repository the file belongs to (nearest `.git` upward, else `root`): SARIF's %SRCROOT%. */
  repositoryRoot?: string;
  /** Set when the file was not checked at all (over the size limit): why. Such a file never passes. */
  notChecked?: string;
  diagnostics: Diagnostic[];
  /** The configured base of the rule pages for this file (`docsBaseUrl`), if any. */
  docsBaseUrl?: string;
}

export interface Report {
  files: FileReport[];
  summary: { files: number; errors: number; warnings: number };
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

const NAMES: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

export function severityName(diagnostic: Diagnostic): SeverityName {
  return NAMES[diagnostic.severity ?? 1] ?? 'error';
}

/** The rule name a diagnostic carries in `data.rule`. */
export function ruleName(diagnostic: Diagnostic): string {
  return ((diagnostic.data as { rule?: string } | undefined)?.rule ?? '') as string;
}

export function summarise(files: FileReport[]): Report {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const diagnostic of file.diagnostics) {
      const severity = severityName(diagnostic);
      if (severity === 'error') errors++;
      else if (severity === 'warning') warnings++;
    }
  }
  return { files, summary: { files: files.length, errors, warnings } };
}

/** The diagnostic's message as plain text (LSP 3.18 allows Markup; the engine writes strings). */
export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
