// §4's facts: its stages (shadow, canary, full) by the configured keywords, their days, and the shadow SKIPs.
// Read by RDY401–RDY406 and the diff.
import type { Range } from 'vscode-languageserver-types';
import type { ReadinessDocument, Section, Skip, Span, Table, TableRow } from '../../model';
import { factBy } from '../fact';
import { findSection, sectionTable, subRange } from '../document';
import { parseDuration } from '../../util/durations';
import { findPhrases, hasPhrase } from '../../util/phrases';
import { stageList, type Item, type StageListStyle } from './stageList';

export type StageKind = 'shadow' | 'canary' | 'full';
export const STAGE_ORDER: readonly StageKind[] = ['shadow', 'canary', 'full'];
export const STAGE_TITLE: Record<StageKind, string> = { shadow: 'Shadow', canary: 'Canary', full: 'Full' };

export interface StageKeywords {
  shadowKeywords: string[];
  canaryKeywords: string[];
  fullKeywords: string[];
}

/** What the template asks the Full stage to name instead of any automatic promotion. */
export const SIGNOFF_TEXT = 'explicit operator sign-off in the OP Story';

export const DEFAULT_STAGE_KEYWORDS: StageKeywords = {
  shadowKeywords: ['shadow', 'dark launch'],
  canaryKeywords: ['canary', 'pilot'],
  fullKeywords: ['full', 'full rollout', 'general availability', 'GA'],
};

export interface StageRow {
  row: TableRow;
  kind: StageKind | undefined;
}

export interface RolloutAnalysis {
  section: Section;
  /** How §4 writes its stages: the template's table, or a list read as that table (facts/rollout/stageList). */
  form: 'table' | 'list';
  /** For a list: list items, a paragraph per stage, or a sub-heading per stage. */
  listStyle: StageListStyle | undefined;
  /** For a list: the item, paragraph or sub-heading of each row, in the rows' order. */
  listItems: readonly Item[];
  /** The stage table, or the stage list as a table: its rows are the list's items, its cells spans of their text. */
  table: Table;
  /** The section's prose lines that the stage list takes (none for a table). */
  listLines: ReadonlySet<number>;
  rows: StageRow[];
  /** The first row of each stage. */
  stage: Partial<Record<StageKind, TableRow>>;
}

/**
 * The §4 table (or, when there is none, its stage list) with each row's stage; undefined when §4 is
 * missing or has neither (RDY002/RDY004).
 */
export const rolloutAnalysis = factBy((document, keywords: StageKeywords): RolloutAnalysis | undefined => {
  const section = findSection(document, 'rollout');
  if (!section) return undefined;
  const stageTable = sectionTable(section);
  const list = stageTable ? undefined : stageList(document, section, (name) => stageKind(name, keywords));
  const table = stageTable ?? list?.table;
  if (!table) return undefined;
  const rows = table.rows.map((row): StageRow => {
    const cell = table.cell(row, 'Stage') ?? row.cells[0];
    return { row, kind: cell ? stageKind(cell.value, keywords) : undefined };
  });
  const stage: Partial<Record<StageKind, TableRow>> = {};
  for (const { row, kind } of rows) if (kind && !stage[kind]) stage[kind] = row;
  return { section, form: list ? 'list' : 'table', listStyle: list?.style, listItems: list?.items ?? [], table, listLines: list?.lines ?? new Set(), rows, stage };
});

/** §4's prose lines as spans, without the items of its stage list (read as rows already). */
export function rolloutProse(document: ReadinessDocument, analysis: RolloutAnalysis): Span[] {
  return proseSpans(document, analysis.section).filter((span) => !analysis.listLines.has(span.range.start.line));
}

function stageKind(text: string, keywords: StageKeywords): StageKind | undefined {
  if (hasPhrase(text, keywords.shadowKeywords, true)) return 'shadow';
  if (hasPhrase(text, keywords.canaryKeywords, true)) return 'canary';
  if (hasPhrase(text, keywords.fullKeywords, true)) return 'full';
  return undefined;
}

export interface StageDays {
  days: number;
  /** `< 7d`, `≤ 7d`: an upper bound promises no minimum. */
  upperBound: boolean;
}

/**
 * Whole days a Duration cell promises: `≥ 7d` 7, `one week` 7, `a fortnight` 14, `7–14 days` 7 (a
 * range's lower end); see util/durations for every form.
 */
export function stageDays(text: string): StageDays | undefined {
  const duration = parseDuration(text);
  if (!duration) return undefined;
  return { days: Math.floor(duration.minutes / 1440), upperBound: duration.comparator === '<' || duration.comparator === '≤' };
}

/** `**SKIP — JUSTIFICATION**: calibration-only, shadow=Nd because <reason>` in §4. */
export interface ShadowSkip {
  skip: Skip;
  /** N, when `shadow=Nd` is written. */
  days: number | undefined;
  /** The `shadow=Nd` text. */
  daysSpan: Span | undefined;
  /** What follows `shadow=Nd` (after "because"); undefined when nothing does. */
  reason: Span | undefined;
}

/**
 * What RDY402's "Insert SKIP — JUSTIFICATION" fix writes where the reason goes. The reason is the
 * author's to give: this placeholder keeps the shadow unjustified (and RDY001 flags it) until it
 * is replaced; snippet-capable clients select it so that typing replaces it.
 */
export const SKIP_REASON_PLACEHOLDER = '<reason>';

const SHADOW_LEAD = /shadow\s*[=:]\s*/gi;

/** `shadow=3d`, `shadow = 3 days`, `shadow: 72h`, `shadow=3` (days): the number of days and where it is written. */
function shadowDays(text: string): { days: number; index: number; text: string } | undefined {
  SHADOW_LEAD.lastIndex = 0;
  for (let lead = SHADOW_LEAD.exec(text); lead; lead = SHADOW_LEAD.exec(text)) {
    const rest = text.slice(lead.index + lead[0].length);
    const duration = parseDuration(rest);
    if (duration?.start === 0) return { days: Math.floor(duration.minutes / 1440), index: lead.index, text: lead[0] + duration.text };
    const bare = /^\d+(?![\d.])/.exec(rest);
    if (bare) return { days: Number(bare[0]), index: lead.index, text: lead[0] + bare[0] };
  }
  return undefined;
}

/** §4's calibration-only SKIPs (other §4 skips are section skips: RDY005 judges them). */
export function shadowSkips(section: Section): ShadowSkip[] {
  const result: ShadowSkip[] = [];
  for (const skip of section.skips) {
    const reason = skip.reason;
    if (!reason || !/^calibration-only\b/i.test(reason.text)) continue;
    const match = shadowDays(reason.text);
    const afterStart = match ? match.index + match.text.length : 'calibration-only'.length;
    const after = reason.text.slice(afterStart);
    const lead = /^[\s,;:.—–-]*(?:because\b|since\b|as\b)?[\s,;:]*/i.exec(after)![0].length;
    const text = after.slice(lead).trimEnd();
    const start = afterStart + lead;
    result.push({
      skip,
      days: match?.days,
      daysSpan: match ? { text: match.text, range: subRange(reason, match.index, match.index + match.text.length) } : undefined,
      reason: /[\p{L}\p{N}]/u.test(text) ? { text, range: subRange(reason, start, start + text.length) } : undefined,
    });
  }
  return result;
}

/** Searches single-line spans (cells, prose lines) one by one, so each match keeps its own range. */
export function findInSpans(spans: readonly Span[], phrases: readonly string[]): Array<{ text: string; range: Range }> {
  return spans.flatMap((cell) => findPhrases(cell.text, phrases).map((m) => ({ text: m.text, range: subRange(cell, m.start, m.end) })));
}

/** The section's prose lines as spans (guidance already excluded by the parser). */
export function proseSpans(document: ReadinessDocument, section: Section): Span[] {
  return section.proseLines
    .filter((line) => !section.skips.some((skip) => skip.line === line))
    .map((line) => ({ text: document.content.lineText(line), range: { start: { line, character: 0 }, end: { line, character: document.content.lineText(line).length } } }));
}
