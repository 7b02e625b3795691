import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Analysis, ReadinessFinding } from './analysis';
import type { Fix } from './rules/types';

/** Applies edits to a text (edits refer to the original text, as in LSP). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///fix', 'markdown', 0, text), edits);
}

/**
 * The safe fixes of an analysis that can be applied together: the first safe fix of each
 * finding, skipping any whose edits overlap one already taken.
 */
export function compatibleSafeFixes(analysis: Analysis): Array<{ finding: ReadinessFinding; fix: Fix }> {
  const taken: Range[] = [];
  const chosen: Array<{ finding: ReadinessFinding; fix: Fix }> = [];
  for (const finding of analysis.findings) {
    const fix = finding.fixes.find((candidate) => candidate.safe);
    if (!fix) continue;
    if (fix.edits.some((edit) => taken.some((range) => overlaps(range, edit.range)))) continue;
    taken.push(...fix.edits.map((edit) => edit.range));
    chosen.push({ finding, fix });
  }
  return chosen;
}

/**
 * Applies every safe fix, re-checking after each round, until none is left (so applying the
 * result again changes nothing). `check` re-analyses a text.
 */
export function fixAll(text: string, check: (text: string) => Analysis, maxRounds = 8): { text: string; applied: Fix[] } {
  const applied: Fix[] = [];
  let current = text;
  for (let round = 0; round < maxRounds; round++) {
    const fixes = compatibleSafeFixes(check(current));
    if (!fixes.length) break;
    const next = applyEdits(current, fixes.flatMap(({ fix }) => fix.edits));
    applied.push(...fixes.map(({ fix }) => fix));
    if (next === current) break;
    current = next;
  }
  return { text: current, applied };
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Two ranges overlap when they share a character; two insertions at one point also clash. */
function overlaps(a: Range, b: Range): boolean {
  const aEmpty = !before(a.start, a.end);
  const bEmpty = !before(b.start, b.end);
  if (aEmpty && bEmpty) return a.start.line === b.start.line && a.start.character === b.start.character;
  return before(a.start, b.end) && before(b.start, a.end);
}
