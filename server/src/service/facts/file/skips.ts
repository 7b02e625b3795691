// Facts of section SKIPs: which sections a SKIP replaces, and whether its reason reads as one.
// Read by RDY005/RDY006, RDY402 and the skip action; the runner and RDY702 through validSkips with RDY005's options.
import type { ReadinessDocument, Section, SectionId, Skip } from '../../model';
import { SECTION_SPECS } from '../../parser/sections';
import { hasPlaceholder } from '../document';

export interface SkipOptions {
  /** Sections that may be replaced by a SKIP justification: ids (`alerting`) or numbers (`2`). */
  skippableSections: string[];
  /** Fewest words a SKIP reason must have (RDY402's calibration-only reason too). */
  minReasonWords: number;
}

export const DEFAULT_MIN_REASON_WORDS = 4;

/** Words that stand for a reason not yet written (`TBD`, `n/a`, `because`…), compared in lower case. */
const EMPTY_REASON_WORDS = new Set([
  'tbd', 'tbc', 'todo', 'to-do', 'fixme', 'xxx', 'wip', 'n/a', 'na', 'none', 'nothing', 'reason', 'reasons', 'because',
  'since', 'as', 'justification', 'why', 'later', 'pending', 'see', 'above', 'below', 'obvious', 'trivial', 'same',
  '-', '--', '—', '?', '...', '…',
]);

/**
 * What is wrong with a written reason, or undefined when it reads as one: a reason made only of
 * stand-ins (`TBD`, `n/a`, `-`, `because`) or shorter than `minWords` words says nothing.
 */
export function emptyReasonProblem(text: string, minWords: number): string | undefined {
  const words = text
    .replace(/[`*_]/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^[("'“]+|[)"'”.,;:!]+$/g, ''))
    .filter((word) => word !== '');
  const meaningful = words.filter((word) => /[\p{L}\p{N}]/u.test(word) && !EMPTY_REASON_WORDS.has(word.toLowerCase()));
  if (!meaningful.length) return `"${text.trim()}" is not a reason`;
  const count = words.filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  if (count < minWords) return `"${text.trim()}" is too short to be a reason (${count} word${count === 1 ? '' : 's'}, at least ${minWords})`;
  return undefined;
}

/** How a reason reads, for the messages: a sentence saying why, with what makes the change safe. */
export const REASON_EXAMPLE = 'no new alert; existing P1 `pnl_drop` covers it';

/** Sections replaced by a valid SKIP under these options: their other rules stay silent. */
export function validSkips(document: ReadinessDocument, options: SkipOptions): Set<SectionId> {
  const skipped = new Set<SectionId>();
  for (const { section, skip } of sectionSkips(document)) {
    if (isValidSkip(document, section.id!, skip, options)) skipped.add(section.id!);
  }
  return skipped;
}

/**
 * Skips that stand for a whole section. In §4 a calibration-only SKIP shortens the shadow stage
 * instead (RDY402 judges it), so it is not a section skip.
 */
export function sectionSkips(document: ReadinessDocument): Array<{ section: Section; skip: Skip }> {
  const result: Array<{ section: Section; skip: Skip }> = [];
  for (const section of document.sections) {
    if (!section.id) continue;
    for (const skip of section.skips) {
      if (section.id === 'rollout' && /^calibration-only\b/i.test(skip.reason?.text ?? '')) continue;
      result.push({ section, skip });
    }
  }
  return result;
}

/** Whether the configuration (RDY005 `skippableSections`: ids or numbers, `§` optional) lets a section be skipped. */
export function isSkippable(id: SectionId, options: SkipOptions): boolean {
  const spec = SECTION_SPECS.find((s) => s.id === id)!;
  return options.skippableSections.some((entry) => {
    const key = String(entry).trim().toLowerCase().replace(/^§/, '');
    return key === id || (spec.number !== undefined && key === String(spec.number));
  });
}

/** The configured minimum, never below one word (a broken option falls back to the default). */
export function minReasonWords(options: Partial<SkipOptions>): number {
  const value = Number(options.minReasonWords);
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_MIN_REASON_WORDS;
}

export function isValidSkip(document: ReadinessDocument, id: SectionId, skip: Skip, options: SkipOptions): boolean {
  return isSkippable(id, options) && hasReason(document, skip) && !emptyReasonProblem(skip.reason!.text, minReasonWords(options));
}

export function hasReason(document: ReadinessDocument, skip: Skip): boolean {
  return skip.reason !== undefined && /\w/.test(skip.reason.text) && !hasPlaceholder(document, skip.reason);
}
