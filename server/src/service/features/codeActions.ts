import type { CodeAction, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import { toDiagnostic } from '../findings';
import { fixAll } from '../fixes';
import type { ReadinessDocument } from '../model';
import type { Fix } from '../rules/types';
import type { WorkspaceView } from '../workspace';
import { createRunbookFix, type NewRunbook } from './createRunbook';
import { disableEdit } from './disableComment';
import { skipSectionFix } from './skipSection';
import type { ResolvedSettings } from '../config/settings';

export const FIX_ALL_KIND = 'source.fixAll.mlopsReadiness';

/** The server command a code action runs to show a document it created (`window/showDocument`). */
export const SHOW_DOCUMENT_COMMAND = 'mlopsReadiness.showDocument';

export interface CodeActionOptions {
  /** The document's URI, for the workspace edits. */
  uri: string;
  /** Its version, sent with snippet edits (which need a versioned document edit). */
  version?: number;
  /** The kinds the client asked for (`CodeActionContext.only`). */
  only?: string[];
  /** The client applies LSP 3.18 SnippetTextEdits (`workspace.workspaceEdit.snippetEditSupport`). */
  snippetSupport?: boolean;
  /** The document's settings: RDY005's skippable sections for the "Skip §N" fix. */
  settings?: ResolvedSettings;
  /** Re-checks a text with the same settings: needed for the fix-all source action. */
  recheck?: (text: string) => Analysis;
  /** The workspace, for the URI of a file an action creates ("Create runbook"). */
  workspace?: WorkspaceView;
  /** The document's path relative to the workspace root: a runbook link is read from its folder. */
  documentPath?: string;
  /** The client applies `create` resource operations in workspace edits. */
  createFileSupport?: boolean;
  /** The client shows documents on request (`window.showDocument.support`): a created file is opened. */
  showDocumentSupport?: boolean;
}

/**
 * Quick fixes for the findings touching `range` (each rule fix, then "Disable RDYxxx"), and the
 * `source.fixAll.mlopsReadiness` action applying every safe fix when the client asks for source actions.
 */
export function getCodeActions(analysis: Analysis, range: Range, options: CodeActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(options.only, CodeActionKind.QuickFix)) {
    const touching = analysis.findings.filter((finding) => touches(finding.range, range));
    for (const finding of touching) {
      const diagnostic = toDiagnostic(finding);
      const skip = skipSectionFix(analysis.document, finding, options.settings);
      for (const fix of skip ? [...finding.fixes, skip] : finding.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.isPreferred === true,
          edit: fixEdit(fix, options),
        });
      }
      const runbook = options.createFileSupport && options.workspace ? createRunbookFix(analysis.document, finding, options.settings, options.documentPath) : undefined;
      if (runbook) actions.push(createFileAction(runbook, diagnostic, options));
    }
    const seen = new Set<string>();
    for (const finding of touching) {
      const key = `${finding.rule.code}:${finding.range.start.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const disable = disableEdit(analysis.document, finding.rule.code, finding.range.start.line);
      actions.push({
        title: disable.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: touching.filter((f) => f.rule.code === finding.rule.code && f.range.start.line === finding.range.start.line).map((f) => toDiagnostic(f)),
        edit: { changes: { [options.uri]: disable.edits } },
      });
    }
  }
  if (options.recheck && options.only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(kind + '.'))) {
    const all = fixAllAction(analysis, options);
    if (all) actions.push(all);
  }
  return actions;
}

/** Every safe fix at once (fixes.ts re-checks between rounds), as one minimal edit. */
export function fixAllAction(analysis: Analysis, options: CodeActionOptions): CodeAction | undefined {
  if (!options.recheck) return undefined;
  const before = analysis.document.text;
  let first = true;
  const { text, applied } = fixAll(before, (text) => {
    // The first round reuses the analysis the client already has.
    if (first) {
      first = false;
      return analysis;
    }
    return options.recheck!(text);
  });
  if (!applied.length || text === before) return undefined;
  return {
    title: `Fix all safe MLOps readiness problems (${applied.length})`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [options.uri]: [minimalEdit(analysis.document, text)] } },
  };
}

/** Creates the file (never over an existing one) with its text, then asks the client to show it. */
function createFileAction(file: NewRunbook, diagnostic: ReturnType<typeof toDiagnostic>, options: CodeActionOptions): CodeAction {
  const uri = options.workspace!.uriOf(file.path);
  const start = { line: 0, character: 0 };
  return {
    title: file.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: {
      documentChanges: [
        { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: file.text }] },
      ],
    },
    command: options.showDocumentSupport ? { title: `Open ${file.path}`, command: SHOW_DOCUMENT_COMMAND, arguments: [uri] } : undefined,
  };
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => k === kind || kind.startsWith(k + '.'));
}

function fixEdit(fix: Fix, options: CodeActionOptions): WorkspaceEdit {
  if (options.snippetSupport && fix.snippetEdits?.length) {
    return {
      documentChanges: [
        {
          textDocument: { uri: options.uri, version: options.version ?? null },
          edits: fix.snippetEdits.map((edit) => ({ range: edit.range, snippet: { kind: 'snippet' as const, value: edit.newText } })),
        },
      ],
    };
  }
  return { changes: { [options.uri]: fix.edits } };
}

/** A finding touches the requested range when they overlap or meet (a cursor at a squiggle's end counts). */
function touches(a: Range, b: Range): boolean {
  const le = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(a.start, b.end) && le(b.start, a.end);
}

/** The smallest single edit turning the document's text into `next` (keeps the cursor and undo tidy). */
function minimalEdit(document: ReadinessDocument, next: string): TextEdit {
  const before = document.text;
  let start = 0;
  while (start < before.length && start < next.length && before[start] === next[start]) start++;
  if (start > 0 && before[start - 1] === '\r') start--; // never split a CRLF
  let end = 0;
  while (end < before.length - start && end < next.length - start && before[before.length - 1 - end] === next[next.length - 1 - end]) end++;
  if (end > 0 && before[before.length - end] === '\n' && before[before.length - end - 1] === '\r') end--;
  return {
    range: { start: document.lines.positionAt(start), end: document.lines.positionAt(before.length - end) },
    newText: next.slice(start, next.length - end),
  };
}
