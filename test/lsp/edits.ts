// Applying what the server returns (WorkspaceEdits from code actions) to a text, as a client would.
import type { CodeAction, Range, SnippetTextEdit, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from './workspace';

/** The plain text a snippet inserts: `${1:reason}` becomes `reason`, `$0` nothing. */
export function snippetText(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{?\d+\}?/g, '').replace(/\\([$}\\])/g, '$1');
}

/** The edits a workspace edit makes to one document (snippet edits as their plain text). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    const documentEdit = change as TextDocumentEdit;
    if (documentEdit.textDocument?.uri !== uri) continue;
    for (const e of documentEdit.edits) {
      const snippet = (e as SnippetTextEdit).snippet;
      out.push(snippet ? { range: e.range, newText: snippetText(snippet.value) } : (e as TextEdit));
    }
  }
  return out;
}

export function applyAction(text: string, action: CodeAction, uri: string): { text: string; inserted: Range[] } {
  const edits = editsFor(action.edit, uri);
  return { text: applyTextEdits(text, edits), inserted: insertedRanges(text, edits) };
}

/** Where each edit's new text lands in the edited text (whole lines), to tell "inside the inserted text" apart. */
export function insertedRanges(text: string, edits: TextEdit[]): Range[] {
  const offsets = lineOffsets(text);
  const offsetOf = (p: { line: number; character: number }) => (offsets[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offsetOf(a.range.start) - offsetOf(b.range.start));
  let shift = 0;
  const ranges: Range[] = [];
  const after = applyTextEdits(text, edits);
  const newOffsets = lineOffsets(after);
  const positionAt = (offset: number) => {
    let line = 0;
    while (line + 1 < newOffsets.length && newOffsets[line + 1] <= offset) line++;
    return { line, character: offset - newOffsets[line] };
  };
  for (const edit of sorted) {
    const start = offsetOf(edit.range.start) + shift;
    const end = start + edit.newText.length;
    ranges.push({ start: { line: positionAt(start).line, character: 0 }, end: { line: positionAt(end).line, character: Number.MAX_SAFE_INTEGER } });
    shift += edit.newText.length - (offsetOf(edit.range.end) - offsetOf(edit.range.start));
  }
  return ranges;
}

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') offsets.push(i + 1);
  return offsets;
}

export function within(ranges: Range[], range: Range): boolean {
  return ranges.some((r) => range.start.line >= r.start.line && range.start.line <= r.end.line);
}
