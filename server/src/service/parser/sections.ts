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
    pattern: /\bmonitoring\b|\bobservability\b/i,
    columns: ['Metric', 'Type', 'Source', 'Dashboard', 'Threshold (warn / crit)', 'Owner'],
  },
  {
    id: 'alerting',
    number: 2,
    title: '2. Alerting & runbooks (MUST)',
    pattern: /\balert(ing|s)?\b|\brunbooks?\b|\bpaging\b|\bon-?call\b/i,
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
    pattern: /\broll-?\s?out\b|\bstaged\b|\b(?:release|deployment|launch) plan\b/i,
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
    pattern: /\bowners?(ship)?\b|\bDRIs?\b|\baccountab|\bresponsib/i,
    columns: [],
  },
  {
    id: 'checklist',
    number: undefined,
    title: 'Sign-off checklist (gate before PR merge)',
    pattern: /\bsign-?\s?off\b|\bchecklist\b|\bmerge gate\b/i,
    columns: [],
  },
];

export function sectionSpec(id: SectionId): SectionSpec {
  return SECTION_SPECS.find((spec) => spec.id === id)!;
}

/**
 * `2.`, `2)`, `§2`, `§ 2 -`, `Section 2:` … before the title, after an emoji if any (`📈 1) …`). A dotted
 * number (`4.1`) is a sub-heading's: it names no section.
 */
const NUMBER_PREFIX = /^(?:\p{Extended_Pictographic}[\p{Extended_Pictographic}\uFE0F\u200D]*\s*)?(?:(?:section|part)\s+|§\s*)?(\d+)((?:\.\d+)+\.?)?(?![\d])\s*[.):\-—–]?\s*/iu;

// Emphasis, code marks, a trailing colon or closing emoji do not change what a heading names.
const DECORATION = /\*\*|__|`|[*_](?=\S)|(?<=\S)[*_]/g;

export interface HeadingMatch {
  /** The section the heading's words (or, when it has no words, its number) name. */
  id: SectionId | undefined;
  /** The number written before the words, if any. */
  number: number | undefined;
  /** Numbered, and the number is the one the template gives the named section: a heading that says so twice. */
  numberAgrees: boolean;
  /** A `4.1`-style number: the author's own sub-heading, never a section. */
  subNumbered: boolean;
}

/**
 * What a heading's words name, whatever the level, numbering, `§`, "&" or "and", or "(MUST)":
 * `## 2 Alerting and runbooks`, `### §2 Alerting`, `#### Sign-off checklist`, or the number alone
 * (`## 2.`). Whether it starts a section also depends on its level (see `sectionLevel`).
 */
export function matchSectionHeading(written: string): HeadingMatch {
  // Readiness files share the template's headings: each heading's match is remembered (callers never change one).
  let known = headingMatches.get(written);
  if (!known) {
    known = matchHeading(written);
    if (headingMatches.size >= 2_000) headingMatches.clear();
    headingMatches.set(written, known);
  }
  return known;
}

const headingMatches = new Map<string, HeadingMatch>();

function matchHeading(written: string): HeadingMatch {
  // Inline HTML (`<a id="owner"></a>`) and attribute blocks (`{#monitoring}`) are not the heading's words.
  const title = written.includes('<') || written.includes('{') ? written.replace(/<\/?[A-Za-z][^<>]*>|\{[#.:][^{}]*\}/g, ' ') : written;
  const plain = title.includes('*') || title.includes('_') || title.includes('`') ? title.replace(DECORATION, '') : title;
  const trimmed = plain.trim();
  const prefix = NUMBER_PREFIX.exec(trimmed);
  const subNumbered = prefix?.[2] !== undefined;
  const number = prefix && !subNumbered ? Number(prefix[1]) : undefined;
  const words = prefix ? trimmed.slice(prefix[0].length) : trimmed;
  if (subNumbered) return { id: undefined, number: undefined, numberAgrees: false, subNumbered };
  const byNumber = SECTION_SPECS.find((spec) => spec.number !== undefined && spec.number === number);
  const id = byWords(words, byNumber) ?? (words.trim() === '' || /^\(?must\)?$/i.test(words.trim()) ? byNumber?.id : undefined);
  return { id, number, numberAgrees: id !== undefined && byNumber?.id === id, subNumbered };
}

/**
 * The section the words name. Where several match ("Drift monitoring"), the number written
 * decides, else the word that comes first.
 */
function byWords(words: string, byNumber: SectionSpec | undefined): SectionId | undefined {
  let best: SectionSpec | undefined;
  let bestAt = Infinity;
  for (const spec of SECTION_SPECS) {
    const found = spec.pattern.exec(words);
    if (!found) continue;
    if (spec === byNumber) return spec.id;
    if (found.index < bestAt) {
      best = spec;
      bestAt = found.index;
    }
  }
  return best?.id;
}
