import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from './text/lineIndex';

/** The six MUST sections and the sign-off checklist, in template order. */
export type SectionId = 'monitoring' | 'alerting' | 'drift' | 'rollout' | 'rollback' | 'owner' | 'checklist';

/**
 * A piece of source text and where it stands. `text` is the source as a reader sees it: markup
 * included, HTML comments blanked to spaces (same length, so offsets within it still hold).
 */
export interface Span {
  text: string;
  range: Range;
}

export interface Heading extends Span {
  level: number;
  line: number;
  /** The heading's words without the `#` marks. */
  title: Span;
}

export interface Cell extends Span {
  /** The cell's text with code and emphasis markers removed and `\|` unescaped. */
  value: string;
  column: number;
}

export interface TableRow {
  line: number;
  range: Range;
  cells: Cell[];
}

export interface Table {
  header: TableRow;
  /** Column keys, normalised by `columnKey` (lower case, singular, no spacing, punctuation, `%` or parenthesised part). */
  columnKeys: string[];
  rows: TableRow[];
  range: Range;
  /** The cell of `row` under the column whose key is `columnKey(name)`. */
  cell(row: TableRow, name: string): Cell | undefined;
  hasColumn(name: string): boolean;
}

export type FieldKey =
  | 'story'
  | 'owner'
  | 'filled on'
  | 'reviewed by committee'
  | 'dri'
  | 'backup dri'
  | 'decision authority'
  | 'sunset date';

/**
 * A field of the form, however written: a `**Key**: value` line (`**Key:**`, `Key:`, a list item)
 * or a row (or column) of a key | value table, whose value is the value cell.
 */
export interface Field {
  key: FieldKey;
  line: number;
  keySpan: Span;
  /** The value after the colon (or the value cell), trimmed; an empty value has an empty range where it belongs. */
  value: Span;
  /** The whole line, or the table row. */
  range: Range;
  /** The key | value table the field is a row (or column) of; undefined for a line. */
  table: Table | undefined;
}

export type ChecklistTopic = SectionId | 'dependencies' | 'committee' | 'op-comment';

export interface ChecklistItem {
  line: number;
  checked: boolean;
  /** The `[ ]` / `[x]` brackets. */
  box: Span;
  text: Span;
  range: Range;
  topic: ChecklistTopic | undefined;
}

/** A `**SKIP — JUSTIFICATION**: reason` line. */
export interface Skip {
  line: number;
  marker: Span;
  /** Undefined when nothing follows the marker. */
  reason: Span | undefined;
  range: Range;
}

export interface Section {
  id: SectionId | undefined;
  /** The number written in the heading (`## 2.` or `§2`), if any. */
  number: number | undefined;
  heading: Heading;
  /** First line after the heading, and the line after the section's last line. */
  startLine: number;
  endLine: number;
  tables: Table[];
  fields: Field[];
  checklist: ChecklistItem[];
  skips: Skip[];
  /** Lines of the author's own prose and lists (not tables, not template guidance, not code). */
  proseLines: number[];
}

export type PlaceholderKind = 'angle' | 'date' | 'literal' | 'alternatives';

export interface Placeholder extends Span {
  kind: PlaceholderKind;
  line: number;
}

/** What `<!-- readiness-disable… -->` comments say, resolved per line. */
export interface Suppressions {
  /** `ids` are a rule's code and name: a comment may name either. */
  isSuppressed(ids: readonly string[], line: number): boolean;
}

export interface ReadinessDocument {
  /** The text analysed: the input without a leading BOM. */
  text: string;
  lines: LineIndex;
  /** The same lines as a reader sees them: HTML comments blanked to spaces, every position unchanged. */
  content: LineIndex;
  title: Heading | undefined;
  /** Fields above the first recognised section (Story, Owner, Filled on, Reviewed by committee), however written. */
  headerFields: Field[];
  /**
   * Every heading that starts a section, recognised or not, in order: the headings at the file's
   * section level (`##` to `####`, read from the file) or above it; deeper ones are sub-headings.
   */
  sections: Section[];
  placeholders: Placeholder[];
  /** Lines that repeat the template's own guidance (F7): never a finding. */
  guidanceLines: ReadonlySet<number>;
  /** Lines inside fenced or indented code blocks. */
  codeLines: ReadonlySet<number>;
  /** Link reference definitions (`[rb-expectancy]: ../runbooks/x.md`) by label in lower case: where `[text][label]` points. */
  linkDefinitions: ReadonlyMap<string, string>;
  suppressions: Suppressions;
}
