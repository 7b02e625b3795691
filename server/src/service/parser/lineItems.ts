import type { Cell, ChecklistItem, ChecklistTopic, Field, FieldKey, SectionId, Skip, Table, TableRow } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { SECTION_SPECS } from './sections';

const FIELD_KEYS: readonly FieldKey[] = [
  'story',
  'owner',
  'filled on',
  'reviewed by committee',
  'backup dri',
  'dri',
  'decision authority',
  'sunset date',
];

const KEYS = new Set<string>(FIELD_KEYS);

/** Other names people give the same fields, each read as the field it names. */
const KEY_ALIASES: ReadonlyMap<string, FieldKey> = new Map([
  ['filled in', 'filled on'],
  ['committee review', 'reviewed by committee'],
  ['back-up dri', 'backup dri'],
  ['sunset', 'sunset date'],
]);

/** The longest key or alias: lower-casing never shortens a text. */
const LONGEST_KEY = Math.max(...[...KEYS, ...KEY_ALIASES.keys()].map((key) => key.length));

const KEY_INITIALS = new Set([...KEYS, ...KEY_ALIASES.keys()].map((key) => key.charCodeAt(0)));

/** A key as written (any case, spacing) to the field it names. */
function fieldKeyOf(words: string): FieldKey | undefined {
  // Most table cells are longer than any key (metric names, handles, prose): ruled out before a copy
  // is made, when nothing in them collapses (a run of white space, bold markers beside a space).
  if (words.length > LONGEST_KEY && !/\s\s|\*\*|__/.test(words)) return undefined;
  // Nor can a text whose first character is not a key's first letter (`|0x20` lower-cases an ASCII
  // letter; of the rest only the Kelvin sign and `İ` lower-case to ASCII, to letters no key starts with).
  if (!KEY_INITIALS.has(words.charCodeAt(0) | 0x20)) return undefined;
  const key = words.toLowerCase().replace(/(?:\*\*|__)?\s+(?:\*\*|__)?/g, ' ');
  return KEYS.has(key) ? (key as FieldKey) : KEY_ALIASES.get(key);
}

// Longest first, so `sunset date` wins over `sunset` and `backup dri` over `dri`.
const KEY_WORDS_PATTERN = [...FIELD_KEYS, ...KEY_ALIASES.keys()]
  .sort((a, b) => b.length - a.length)
  // An editor's export may bold each word on its own (`**Filled** **on**:`).
  .map((key) => key.replace(/ /g, String.raw`(?:\*\*|__)?\s+(?:\*\*|__)?`))
  .join('|');

// `**Key**: value`, `**Key:** value`, `*Key*: value`, `` `Key`: value ``, `Key: value`, or a marked
// key and a dash (`**Key** — value`), in `<b>` or `<strong>` too, optionally as a bullet or numbered list item or in a block
// quote. A trailing `<br>` or `\` (a line break) is not part of the value.
// An HTML export writes the bold as `<b>Key</b>:` or `<strong>Key:</strong>`.
const MARK = String.raw`(?:\*\*|__|\*|_|\x60|<\/?(?:b|strong)>)`;
const FIELD_LINE = new RegExp(
  String.raw`^(\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?)(${MARK}?\s*(` +
    KEY_WORDS_PATTERN +
    String.raw`)\s*(?::\s*${MARK}|${MARK}\s*:|:|${MARK}\s*[—–-](?=\s)))[ \t\u00a0]*(.*?)(?:\s*(?:<br\s*\/?>|\\))?\s*$`,
  'i',
);

/** Whether a line is a `Key: value` field of the form (content to fill, never guidance). */
export function isFieldLine(text: string): boolean {
  return FIELD_LINE.test(text);
}

export function parseField(lines: LineIndex, line: number): Field | undefined {
  const text = lines.lineText(line);
  // Most prose lines have neither a colon nor a dash: no field.
  if (!text.includes(':') && !/[—–-]/.test(text)) return undefined;
  const match = FIELD_LINE.exec(text);
  if (!match) return undefined;
  const [, lead, keyPart, keyWords, value] = match;
  const key = fieldKeyOf(keyWords)!;
  const keyStart = lead.length;
  const valueStart = value ? text.indexOf(value, keyStart + keyPart.length) : text.trimEnd().length;
  return {
    key,
    line,
    keySpan: { text: keyPart, range: lines.range(line, keyStart, keyStart + keyPart.length) },
    value: { text: value, range: lines.range(line, valueStart, valueStart + value.length) },
    range: lines.trimmedLineRange(line),
    table: undefined,
  };
}

// Any `Key: value` line, a field of the form or not (`Reviewers: @x`): never the continuation of a value.
// A key's brackets are closed (`Threshold (warn / crit):`): `Ana Martins (GitHub: ana-m)` is a value, not a key.
const ANY_KEY_LINE = /^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?(?:\*\*|__|\*|_|`)?[A-Za-z](?:[\w ./-]|\([\w ./-]*\)){0,40}?(?:\*\*|__|\*|_|`)?\s*:(?:\*\*|__)?(?:\s|$)/;

/**
 * Extends a field's value over a wrapped continuation line of its paragraph or list item
 * (`- **Decision authority**: who can flip the rollback flag without` / `  committee — @d-okafor`).
 * The value's text then holds the lines joined by `\n`, each continuation line whole from its
 * first column, so an offset in the text still maps to one position. False when the line is
 * not a continuation.
 */
export function continueField(field: Field, lines: LineIndex, line: number): boolean {
  const text = lines.lineText(line);
  if (ANY_KEY_LINE.test(text) || CHECKLIST_LINE.test(text)) return false;
  const end = lines.trimmedLineRange(line).end;
  const value = field.value.text ? `${field.value.text}\n${text.trimEnd()}` : text.trim();
  const start = field.value.text ? field.value.range.start : lines.trimmedLineRange(line).start;
  field.value = { text: value, range: { start, end } };
  field.range = { start: field.range.start, end };
  return true;
}

const LIST_ITEM = /^(\s*)(?:[-*+]|\d+[.)])\s+(?!\[[ xX]\])(.*?)\s*$/;

/**
 * Takes a field's value from the list item nested under its key (`- **DRI**:` over `  - @ana-m`), when
 * the key's item has none: the nested item's text, after its marker. False when the line is no deeper
 * list item, or is a key of its own.
 */
export function nestedValue(field: Field, lines: LineIndex, line: number): boolean {
  const text = lines.lineText(line);
  const item = LIST_ITEM.exec(text);
  const keyIndent = /^\s*/.exec(lines.lineText(field.line))![0].length;
  if (!item || item[1].length <= keyIndent || !item[2] || ANY_KEY_LINE.test(text)) return false;
  const start = text.length - text.trimStart().length + text.trimStart().indexOf(item[2]);
  field.value = { text: item[2], range: lines.range(line, start, start + item[2].length) };
  field.range = { start: field.range.start, end: lines.trimmedLineRange(line).end };
  return true;
}

/** The field a table cell names (`Story`, `**Owner**`, `Filled on:`), if any. */
function cellFieldKey(cell: Cell | undefined): FieldKey | undefined {
  if (!cell) return undefined;
  return fieldKeyOf(cell.value.replace(/:\s*$/, '').trim());
}

/**
 * Fields written as a table, read as a person reads one: key | value rows (the header row may be
 * one of them, or a `| Field | Value |` caption), or keys across the header with the values in
 * the single row below. Each value is its cell, with the cell's exact range.
 */
export function parseTableFields(table: Table): Field[] {
  const fields: Field[] = [];
  const headerKeys = table.header.cells.map(cellFieldKey);
  if (table.rows.length === 1 && headerKeys.filter((key) => key !== undefined).length >= 2) {
    const values = table.rows[0];
    headerKeys.forEach((key, column) => {
      if (key) fields.push(tableField(table, key, table.header.cells[column], values, values.cells[column]));
    });
    return fields;
  }
  // A table of fields has keys down its first column: most of its body rows name a field (a
  // section table whose first column is "Owner" holds handles below it, not keys).
  if (!cellFieldKey(table.rows[0]?.cells[0]) && !cellFieldKey(table.rows[1]?.cells[0])) return fields;
  const keyed = table.rows.filter((row) => cellFieldKey(row.cells[0]) !== undefined).length;
  if (keyed === 0 || keyed * 2 < table.rows.length) return fields;
  for (const row of [table.header, ...table.rows]) {
    const key = cellFieldKey(row.cells[0]);
    if (key) fields.push(tableField(table, key, row.cells[0], row, row.cells[1]));
  }
  return fields;
}

function tableField(table: Table, key: FieldKey, keyCell: Cell, row: TableRow, valueCell: Cell | undefined): Field {
  const rowRange = row.range;
  // An empty or missing value cell: an empty range at the end of the key's cell, where the value belongs.
  const end = valueCell ? valueCell.range : { start: keyCell.range.end, end: keyCell.range.end };
  return {
    key,
    line: row.line,
    keySpan: { text: keyCell.text, range: keyCell.range },
    value: { text: valueCell?.text ?? '', range: end },
    range: rowRange,
    table,
  };
}

// `- [x] …`, `* [ ] …`, `1. [x] …`.
export const CHECKLIST_LINE = /^(\s*(?:[-*+]|\d+[.)])\s+)(\[[ xX]\])(\s+)(.*?)\s*$/;

export function parseChecklistItem(lines: LineIndex, line: number): ChecklistItem | undefined {
  const text = lines.lineText(line);
  if (!text.includes('[')) return undefined;
  const match = CHECKLIST_LINE.exec(text);
  if (!match) return undefined;
  const [, lead, box, gap, rest] = match;
  const textStart = lead.length + box.length + gap.length;
  return {
    line,
    checked: box !== '[ ]',
    box: { text: box, range: lines.range(line, lead.length, lead.length + box.length) },
    text: { text: rest, range: lines.range(line, textStart, textStart + rest.length) },
    range: lines.trimmedLineRange(line),
    topic: checklistTopic(rest),
  };
}

const SECTION_BY_NUMBER: Record<string, SectionId> = {
  '1': 'monitoring',
  '2': 'alerting',
  '3': 'drift',
  '4': 'rollout',
  '5': 'rollback',
  '6': 'owner',
};

function checklistTopic(text: string): ChecklistTopic | undefined {
  const plain = text.includes('*') || text.includes('_') || text.includes('`') ? text.replace(/\*\*|__|`/g, '') : text;
  const numbered = /^\s*(?:§\s*|section\s+)(\d)(?!\d)/i.exec(plain);
  if (numbered) return SECTION_BY_NUMBER[numbered[1]];
  if (/\bdependenc/i.test(plain)) return 'dependencies';
  if (/\bOP comment\b/i.test(plain)) return 'op-comment';
  if (/\bcommittee\b/i.test(plain)) return 'committee';
  // A box named by its section's words before the colon or dash: "Rollback: revert path documented".
  const lead = /^[^:—–]{0,40}?(?=\s*[:—–]|$)/.exec(plain)?.[0] ?? '';
  return SECTION_SPECS.find((spec) => spec.id !== 'checklist' && spec.pattern.test(lead))?.id;
}

// `**SKIP — JUSTIFICATION**: why`, with an em dash, en dash or hyphen, bold or not.
const SKIP_LINE = /((?:\*\*|__)?SKIP\s*[—–-]{1,2}\s*JUSTIFICATION\s*(?:(?:\*\*|__)\s*:|:\s*(?:\*\*|__)|:|(?:\*\*|__)))[ \t]*(.*?)\s*$/i;

export function parseSkip(lines: LineIndex, line: number): Skip | undefined {
  const text = lines.lineText(line);
  if (!text.includes(':') && !text.includes('**') && !text.includes('__')) return undefined;
  const match = SKIP_LINE.exec(text);
  if (!match) return undefined;
  const [whole, marker, reason] = match;
  const markerStart = match.index;
  const reasonStart = markerStart + whole.indexOf(reason, marker.length);
  return {
    line,
    marker: { text: marker, range: lines.range(line, markerStart, markerStart + marker.length) },
    reason: reason ? { text: reason, range: lines.range(line, reasonStart, reasonStart + reason.length) } : undefined,
    range: lines.range(line, markerStart, text.trimEnd().length),
  };
}
