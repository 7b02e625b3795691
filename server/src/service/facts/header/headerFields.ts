// The header's facts: its fields (Story, Owner, Filled on, Reviewed by committee), their values with
// placeholders masked, and the fix inserting a missing one. Read by RDY101–RDY105 and RDY704.
import type { Position } from 'vscode-languageserver-types';
import type { Field, FieldKey, ReadinessDocument, Span } from '../../model';
import { placeholdersIn } from '../document';
import { insertLinesBefore } from '../../util/edits';
import type { Fix } from '../../rules/types';

/** The header fields in template order, with the label the template writes. */
const HEADER_FIELDS: ReadonlyArray<{ key: FieldKey; label: string }> = [
  { key: 'story', label: 'Story' },
  { key: 'owner', label: 'Owner' },
  { key: 'filled on', label: 'Filled on' },
  { key: 'reviewed by committee', label: 'Reviewed by committee' },
];

function headerLabel(key: FieldKey): string {
  return HEADER_FIELDS.find((field) => field.key === key)?.label ?? key;
}

/**
 * The span's text with every placeholder blanked out (same length, so offsets still hold), and
 * whether there was any. A rule reads the masked text: what a placeholder stands for is RDY001's
 * business, the rest of the value is still checked.
 */
export function maskPlaceholders(document: ReadinessDocument, span: Span): { text: string; placeholders: boolean } {
  let text = span.text;
  const found = placeholdersIn(document, span).filter((p) => p.range.start.line === p.range.end.line);
  for (const placeholder of found) {
    const start = offsetIn(span, placeholder.range.start);
    const end = start + placeholder.range.end.character - placeholder.range.start.character;
    text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  }
  return { text, placeholders: found.length > 0 };
}

/** The offset in a span's text of a position inside it (a multi-line span's text holds whole lines after its first). */
function offsetIn(span: Span, position: Position): number {
  const first = span.range.start;
  if (position.line === first.line) return position.character - first.character;
  let at = -1;
  for (let line = first.line; line < position.line; line++) at = span.text.indexOf('\n', at + 1);
  return at + 1 + position.character;
}

/** Where a missing field is reported: the title, else the first line. */
export function missingFieldRange(document: ReadinessDocument) {
  return document.title?.range ?? document.lines.trimmedLineRange(0);
}

/**
 * A fix inserting the field in the header, at its template position among the fields present (or
 * right under the title), written as its neighbour is: `**Label**: value` after a `**Story**:`
 * line, `- Label: value` in a list, a `| Label | value |` row in a key | value table. Never `safe`:
 * the value is the author's to write.
 */
export function insertFieldFix(document: ReadinessDocument, key: FieldKey, value: string, snippetValue?: string): Fix {
  const label = headerLabel(key);
  const { line, before, after, write } = fieldInsertionPoint(document, key, label);
  const edit = (text: string) => insertLinesBefore(document, line, [...before, write(text), ...after]);
  return {
    title: `Insert the "${label}" line`,
    isPreferred: true,
    edits: [edit(value)],
    snippetEdits: snippetValue ? [edit(snippetValue)] : undefined,
  };
}

interface InsertionPoint {
  line: number;
  before: string[];
  after: string[];
  write: (value: string) => string;
}

function fieldInsertionPoint(document: ReadinessDocument, key: FieldKey, label: string): InsertionPoint {
  const order = (k: FieldKey) => HEADER_FIELDS.findIndex((field) => field.key === k);
  const fields = document.headerFields.filter((field) => order(field.key) >= 0);
  const plain = (value: string) => `**${label}**: ${value}`;
  const next = fields.find((field) => order(field.key) > order(key));
  if (next) return besideField(document, next, 'before', label) ?? { line: next.line, before: [], after: [], write: plain };
  const previous = fields.filter((field) => order(field.key) < order(key)).pop();
  if (previous) return besideField(document, previous, 'after', label) ?? { line: previous.line + 1, before: [], after: [], write: plain };
  if (!document.title) return { line: 0, before: [], after: [''], write: plain };
  // A title standing below the first section (lines moved around) has no header under it: a field
  // inserted there would belong to that section and the finding would stay. Insert the field just
  // above the first section instead, where the parser reads the header.
  const first = document.sections[0];
  if (first && document.title.line > first.heading.line) return { line: first.heading.line, before: [], after: [''], write: plain };
  const line = document.title.line + 1;
  const blankAfter = document.lines.lineText(line).trim() === '' || line >= document.lines.lineCount;
  return { line, before: [''], after: blankAfter ? [] : [''], write: plain };
}

/** The key's words in a neighbour's key (`**Story**:`, `Story`), to be replaced by the new label. */
const KEY_WORDS = /[A-Za-z]+(?:\s+[A-Za-z]+)*/;

/** The new field written in its neighbour's style, on the line before or after it; undefined: a plain line. */
function besideField(document: ReadinessDocument, neighbour: Field, side: 'before' | 'after', label: string): InsertionPoint | undefined {
  const key = neighbour.keySpan.text.replace(KEY_WORDS, label);
  const table = neighbour.table;
  if (!table) {
    const lead = document.lines.lineText(neighbour.line).slice(0, neighbour.keySpan.range.start.character);
    return { line: side === 'before' ? neighbour.line : neighbour.line + 1, before: [], after: [], write: (value) => `${lead}${key} ${value}` };
  }
  // Keys across the header row: a new column is not worth the risk; a line above the table.
  if (neighbour.keySpan.range.start.line !== neighbour.line) return { line: table.header.line, before: [], after: [''], write: (value) => `**${label}**: ${value}` };
  const extra = Array(Math.max(0, table.columnKeys.length - 2)).fill(' |').join('');
  const write = (value: string) => `| ${key} | ${value} |${extra}`;
  if (side === 'after') return { line: neighbour.line === table.header.line ? neighbour.line + 2 : neighbour.line + 1, before: [], after: [], write };
  // No row can stand above the header row: a line above the table.
  if (neighbour.line === table.header.line) return { line: table.header.line, before: [], after: [''], write: (value) => `**${label}**: ${value}` };
  return { line: neighbour.line, before: [], after: [], write };
}

export function findField(document: ReadinessDocument, key: FieldKey): Field | undefined {
  return document.headerFields.find((field) => field.key === key);
}

/** Where an empty or wrong value is reported: the value, or the whole line when it is empty. */
export function valueRange(field: Field) {
  return field.value.text.trim() ? field.value.range : field.range;
}
