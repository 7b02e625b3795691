// §3's facts: its drift rows by kind (data, concept), N/A justifications, and how a row is named in messages.
// Read by RDY301–RDY303 and the diff.
import { factBy } from '../fact';
import type { Range } from 'vscode-languageserver-types';
import type { ReadinessDocument, Section, Span, Table, TableRow } from '../../model';
import { findSection, hasPlaceholder, proseOf, sectionTable, subRange } from '../document';
import { hasPhrase, isBlankValue } from '../../util/phrases';

export type DriftKind = 'data' | 'concept';

export interface DriftKeywords {
  dataDriftKeywords: string[];
  conceptDriftKeywords: string[];
}

export const DEFAULT_DRIFT_KEYWORDS: DriftKeywords = {
  dataDriftKeywords: ['data drift', 'covariate', 'covariate shift', 'input drift', 'feature drift', 'input distribution'],
  conceptDriftKeywords: ['concept drift', 'concept', 'performance drift', 'model drift', 'perf gap'],
};

/**
 * `N/A — calibration-only change`, with an em dash, en dash, hyphen(s) or colon, or the reason in
 * parentheses (`n/a (calibration-only change)`); `not applicable` for `N/A`.
 */
const NOT_APPLICABLE = /(?:N\s*\/\s*A|not\s+applicable)\s*(?:[—–:]|-{1,2}|\()\s*calibration[\s_-]*only(?:\s+change)?(?:\s*\))?/i;

/** Words that carry no reason: "Data drift is marked N/A — calibration-only change." justifies nothing. */
const FILLER = new Set(
  'a an and are as because been being change data drift for here is it marked of on row section since so the this to track was which'.split(' '),
);

export interface NotApplicable {
  /** Where `N/A — calibration-only change` is written. */
  range: Range;
  /** The justification's words, or empty. */
  justification: string;
  /** The justification still holds a template placeholder (RDY001 reports it). */
  placeholder: boolean;
}

export interface DriftRow {
  row: TableRow;
  kind: DriftKind | undefined;
  /** Set when the row is marked `N/A — calibration-only change` (only data drift may be: RDY301). */
  notApplicable: NotApplicable | undefined;
}

export interface DriftAnalysis {
  section: Section;
  table: Table;
  rows: DriftRow[];
  /** `N/A — calibration-only change` for data drift written in the section's prose. */
  proseNotApplicable: NotApplicable | undefined;
}

/** The §3 table, each row classified; undefined when §3 or its table is missing (RDY002/RDY004). */
export const driftAnalysis = factBy((document, keywords: DriftKeywords): DriftAnalysis | undefined => {
  const section = findSection(document, 'drift');
  const table = sectionTable(section);
  if (!section || !table) return undefined;
  const rows = table.rows.map((row): DriftRow => {
    const typeCell = table.cell(row, 'Drift type') ?? row.cells[0];
    const kind = typeCell ? driftKind(typeCell.value, keywords) : undefined;
    return { row, kind, notApplicable: rowNotApplicable(document, row) };
  });
  return { section, table, rows, proseNotApplicable: proseNotApplicable(document, section, keywords) };
});

function driftKind(text: string, keywords: DriftKeywords): DriftKind | undefined {
  // Data first: "data drift (covariate)" is data drift even if a concept word follows.
  if (hasPhrase(text, keywords.dataDriftKeywords, true)) return 'data';
  if (hasPhrase(text, keywords.conceptDriftKeywords, true)) return 'concept';
  return undefined;
}

/** The marker anywhere in the row; the justification is what follows it plus any other non-empty cell. */
function rowNotApplicable(document: ReadinessDocument, row: TableRow): NotApplicable | undefined {
  const markerCell = row.cells.findIndex((cell) => NOT_APPLICABLE.test(cell.text));
  if (markerCell < 0) return undefined;
  const cell = row.cells[markerCell];
  const match = NOT_APPLICABLE.exec(cell.text)!;
  const rest: Span[] = [tail(cell, match.index + match[0].length)];
  // The Drift type cell names the row; other cells may carry the reason ("the rest of the row").
  row.cells.forEach((other, index) => {
    if (index !== markerCell && index !== 0 && !isBlankValue(other.value)) rest.push(other);
  });
  return {
    range: subRange(cell, match.index, match.index + match[0].length),
    justification: reasonWords(rest.map((span) => span.text).join(' ')),
    placeholder: rest.some((span) => span.text !== '' && hasPlaceholder(document, span)),
  };
}

/** A prose line of §3 carrying the marker, unless it is about concept drift only. */
function proseNotApplicable(document: ReadinessDocument, section: Section, keywords: DriftKeywords): NotApplicable | undefined {
  for (const { line, text } of proseOf(document, section)) {
    const match = NOT_APPLICABLE.exec(text);
    if (!match) continue;
    if (driftKind(text.slice(0, match.index), keywords) === 'concept') continue;
    const end = match.index + match[0].length;
    return {
      range: { start: { line, character: match.index }, end: { line, character: end } },
      justification: reasonWords(text.slice(0, match.index) + ' ' + text.slice(end)),
      placeholder: hasPlaceholder(document, { text, range: document.lines.trimmedLineRange(line) }),
    };
  }
  return undefined;
}

function tail(span: Span, from: number): Span {
  return { text: span.text.slice(from), range: subRange(span, from, span.text.length) };
}

/** The words that could be a reason: markup, punctuation, drift labels and filler removed. */
function reasonWords(text: string): string {
  return text
    .replace(/[`*_>#|]/g, ' ')
    .replace(/^\s*[-+]\s+/, ' ')
    .split(/[^\p{L}\p{N}/.'-]+/u)
    .map((word) => word.replace(/^[-.']+|[-.']+$/g, ''))
    .filter((word) => /\p{L}/u.test(word) && !FILLER.has(word.toLowerCase()))
    .join(' ');
}

/** "The Concept drift row", for messages. */
export function rowName(row: TableRow): string {
  const first = row.cells[0]?.value.trim();
  return first ? `The ${first} row` : 'This row';
}

/** A justification of the kind RDY301's messages cite as an example of why data drift is N/A. */
export const NA_FIX_REASON = 'features and labels are untouched, only the calibration changes';
