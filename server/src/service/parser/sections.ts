import type { SectionId } from '../model';

export interface SectionSpec {
  id: SectionId;
  /** The number the template gives the section; the checklist has none. */
  number: number | undefined;
  /** The heading as the template writes it. */
  title: string;
  /** Words that identify the section's heading, whatever its numbering or punctuation. */
  pattern: RegExp;
  /** Columns of the section's table, as the template writes them (empty: no table). */
  columns: string[];
}

export const SECTION_SPECS: readonly SectionSpec[] = [
  {
    id: 'monitoring',
    number: 1,
    title: '1. Production monitoring (MUST)',
    pattern: /\bmonitoring\b/i,
    columns: ['Metric', 'Type', 'Source', 'Dashboard', 'Threshold (warn / crit)', 'Owner'],
  },
  {
    id: 'alerting',
    number: 2,
    title: '2. Alerting & runbooks (MUST)',
    pattern: /\balert(ing|s)?\b|\brunbooks?\b/i,
    columns: ['Alert', 'Trigger', 'Runbook', 'Severity', 'Notification channel'],
  },
  {
    id: 'drift',
    number: 3,
    title: '3. Drift detection (MUST)',
    pattern: /\bdrift\b/i,
    columns: ['Drift type', 'Method', 'Window', 'Threshold', 'Action on trigger'],
  },
  {
    id: 'rollout',
    number: 4,
    title: '4. Staged rollout (MUST)',
    pattern: /\broll-?\s?out\b|\bstaged\b/i,
    columns: ['Stage', 'Traffic %', 'Duration', 'Pass criteria', 'Rollback trigger'],
  },
  {
    id: 'rollback',
    number: 5,
    title: '5. Rollback plan (MUST)',
    pattern: /\broll-?\s?back\b|\brevert\b/i,
    columns: ['Mechanism', 'Description', 'Revert SLA'],
  },
  {
    id: 'owner',
    number: 6,
    title: '6. Owner & DRI (MUST)',
    pattern: /\bowner(ship)?\b|\bDRI\b/i,
    columns: [],
  },
  {
    id: 'checklist',
    number: undefined,
    title: 'Sign-off checklist (gate before PR merge)',
    pattern: /\bsign-?\s?off\b|\bchecklist\b/i,
    columns: [],
  },
];

export function sectionSpec(id: SectionId): SectionSpec {
  return SECTION_SPECS.find((spec) => spec.id === id)!;
}

/** `2.`, `2)`, `§2`, `§ 2 -` … before the title. */
const NUMBER_PREFIX = /^(§\s*)?(\d+)\s*[.):\-—–]?\s*/;

export interface HeadingMatch {
  id: SectionId | undefined;
  number: number | undefined;
}

/**
 * Recognises a section heading tolerantly: by its words first (`## 2 Alerting and runbooks`,
 * `### §2 Alerting`), else by its number alone (`## 2.`). Unnumbered headings below level 2 are
 * the author's own sub-headings, never sections.
 */
export function matchSectionHeading(level: number, title: string): HeadingMatch {
  const prefix = NUMBER_PREFIX.exec(title);
  const number = prefix ? Number(prefix[2]) : undefined;
  const words = prefix ? title.slice(prefix[0].length) : title;
  if (level > 2 && number === undefined) return { id: undefined, number };
  const byWords = SECTION_SPECS.find((spec) => spec.pattern.test(words));
  if (byWords) return { id: byWords.id, number };
  const byNumber = SECTION_SPECS.find((spec) => spec.number !== undefined && spec.number === number);
  return { id: words.trim() === '' || /^\(?must\)?$/i.test(words.trim()) ? byNumber?.id : undefined, number };
}
