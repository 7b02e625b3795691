import type { Field, FieldKey, ReadinessDocument, Span } from '../../model';
import { placeholdersIn } from '../../query';
import { insertLinesBefore } from '../../util/edits';
import type { Fix } from '../types';

/** The header fields in template order, with the label the template writes. */
export const HEADER_FIELDS: ReadonlyArray<{ key: FieldKey; label: string }> = [
  { key: 'story', label: 'Story' },
  { key: 'owner', label: 'Owner' },
  { key: 'filled on', label: 'Filled on' },
  { key: 'reviewed by committee', label: 'Reviewed by committee' },
];

export function headerLabel(key: FieldKey): string {
  return HEADER_FIELDS.find((field) => field.key === key)?.label ?? key;
}

/**
 * The span's text with every placeholder blanked out (same length, so offsets still hold), and
 * whether there was any. A rule reads the masked text: what a placeholder stands for is RDY001's
 * business, the rest of the value is still checked.
 */
export function maskPlaceholders(document: ReadinessDocument, span: Span): { text: string; placeholders: boolean } {
  const base = span.range.start.character;
  let text = span.text;
  const found = placeholdersIn(document, span).filter((p) => p.range.start.line === span.range.start.line);
  for (const placeholder of found) {
    const start = placeholder.range.start.character - base;
    const end = placeholder.range.end.character - base;
    text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  }
  return { text, placeholders: found.length > 0 };
}

/** Where a missing field is reported: the title, else the first line. */
export function missingFieldRange(document: ReadinessDocument) {
  return document.title?.range ?? document.lines.trimmedLineRange(0);
}

/**
 * A fix inserting `**Label**: value` in the header, at its template position among the fields
 * present (or right under the title). Never `safe`: the value is the author's to write.
 */
export function insertFieldFix(document: ReadinessDocument, key: FieldKey, value: string, snippetValue?: string): Fix {
  const label = headerLabel(key);
  const lineFor = (text: string) => `**${label}**: ${text}`;
  const { line, before, after } = fieldInsertionPoint(document, key);
  const edit = (text: string) => insertLinesBefore(document, line, [...before, lineFor(text), ...after]);
  return {
    title: `Insert the "${label}" line`,
    isPreferred: true,
    edits: [edit(value)],
    snippetEdits: snippetValue ? [edit(snippetValue)] : undefined,
  };
}

function fieldInsertionPoint(document: ReadinessDocument, key: FieldKey): { line: number; before: string[]; after: string[] } {
  const order = (k: FieldKey) => HEADER_FIELDS.findIndex((field) => field.key === k);
  const fields = document.headerFields.filter((field) => order(field.key) >= 0);
  const next = fields.find((field) => order(field.key) > order(key));
  if (next) return { line: next.line, before: [], after: [] };
  const previous = fields.filter((field) => order(field.key) < order(key)).pop();
  if (previous) return { line: previous.line + 1, before: [], after: [] };
  if (!document.title) return { line: 0, before: [], after: [''] };
  // A title standing below the first section (lines moved around) has no header under it: a field
  // inserted there would belong to that section and the finding would stay. Insert the field just
  // above the first section instead, where the parser reads the header.
  const first = document.sections[0];
  if (first && document.title.line > first.heading.line) return { line: first.heading.line, before: [], after: [''] };
  const line = document.title.line + 1;
  const blankAfter = document.lines.lineText(line).trim() === '' || line >= document.lines.lineCount;
  return { line, before: [''], after: blankAfter ? [] : [''] };
}

export function findField(document: ReadinessDocument, key: FieldKey): Field | undefined {
  return document.headerFields.find((field) => field.key === key);
}

/** Where an empty or wrong value is reported: the value, or the whole line when it is empty. */
export function valueRange(field: Field) {
  return field.value.text.trim() ? field.value.range : field.range;
}
