import type { Placeholder, PlaceholderKind } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { linesOutsideFences } from '../text/proseLines';

/** Sets of alternatives the template offers; writing two or more of one set means none was chosen. */
export const TEMPLATE_ALTERNATIVES: readonly (readonly string[])[] = [
  ['counter', 'gauge', 'histogram'],
  ['Loki query', 'Prometheus', 'OpenTelemetry span'],
  ['P1', 'P2', 'P3'],
  ['Pagerduty', 'Slack', 'email'],
  ['OK', 'OK-WITH-CHANGES'],
];

/** Template phrases that stand for a value to write. */
export const TEMPLATE_LITERALS: readonly string[] = [
  'YYYY-MM-DD',
  'Grafana panel URL',
  'metric > threshold for N min',
  'link to GH issue + OP wp',
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Two or more of one set, slash-separated, not inside a longer word. */
function alternativesPattern(sets: readonly (readonly string[])[]): RegExp {
  const branches = sets.map((options) => {
    const longestFirst = [...options].sort((a, b) => b.length - a.length);
    const option = `(?:${longestFirst.map(escape).join('|')})`;
    return String.raw`${option}(?:\s*/\s*${option})+(?![\w-])`;
  });
  // One leading look-behind for all the sets: it is tried at every position of every line.
  return new RegExp(String.raw`(?<![\w-])(?:${branches.join('|')})`, 'gi');
}

type Candidate = 'compare' | 'alternatives' | 'literal' | 'angle';

// `<` right before a non-space and `>` right after one: `< 5 min` is a comparison, not a slot.
const ANGLE = /<[^<>\s`=][^<>`\n]*?(?<=[^<>\s`=])>|<[^<>\s`=]>/g;

/**
 * One pattern per kind, in priority order (where two start at the same place, the earlier kind
 * wins), each run only on lines that can hold it: most lines have a URL's `/` but no `<`.
 */
const PATTERNS: ReadonlyArray<{ kind: Candidate; pattern: RegExp; applies: (text: string) => boolean }> = [
  { kind: 'compare', pattern: /`?<`?\s*\/\s*`?>`?/g, applies: (text) => text.includes('<') },
  { kind: 'alternatives', pattern: alternativesPattern(TEMPLATE_ALTERNATIVES), applies: (text) => text.includes('/') },
  { kind: 'literal', pattern: new RegExp(TEMPLATE_LITERALS.map(escape).join('|'), 'gi'), applies: (text) => /YYYY|Grafana panel|metric >|link to GH/i.test(text) },
  { kind: 'angle', pattern: ANGLE, applies: (text) => text.includes('<') },
];

const HTML_TAGS = new Set(
  (
    'a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption ' +
    'figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li mark ol p picture pre q s samp section small ' +
    'source span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var video wbr'
  ).split(' '),
);

/** Words that name what a `<@…>` slot stands for, not a person: `<@handle>` is still to fill in. */
const SLOT_WORDS = /^(?:handle|github[-_]?handle|name|user(?:name)?|login|owner|dri|backup|someone|person|team|id)$/i;

/**
 * HTML, autolinks and e-mail addresses look like `<…>` but are not template slots; nor is a mention
 * of a real handle, `Sofia Marin <@sofia-m>`, or of a team, `ML platform <@cvn/ml-platform>`.
 */
function isMarkup(inner: string): boolean {
  if (inner.startsWith('!') || inner.startsWith('?')) return true;
  // A team, `<@cvn/ml-platform>`, is a mention too: RDY601 says a team cannot be the DRI.
  const mention = /^@([A-Za-z0-9](?:-?[A-Za-z0-9])*)(?:\/[A-Za-z0-9][A-Za-z0-9_-]*)?$/.exec(inner);
  if (mention) return !SLOT_WORDS.test(mention[1]);
  const tag = /^\/?([A-Za-z][A-Za-z0-9-]*)(\s+[^>]*)?\/?$/.exec(inner);
  if (tag && HTML_TAGS.has(tag[1].toLowerCase()) && (tag[2] === undefined || /=|^\s*\/$/.test(tag[2]))) return true;
  if (/^[A-Za-z][A-Za-z0-9+.-]{1,31}:\S*$/.test(inner)) return true;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(inner);
}

/** `[text](<path with spaces.md>)` and `[label]: <path>`: a link destination in angle brackets, as CommonMark allows. */
function isLinkDestination(text: string, start: number): boolean {
  const before = text.slice(0, start);
  return /\]\(\s*$/.test(before) || /^\s{0,3}\[[^\]]+\]:\s*$/.test(before);
}

export function findPlaceholders(lines: LineIndex, line: number, out: Placeholder[]): void {
  const text = lines.lineText(line);
  let candidates: Array<{ kind: Candidate; priority: number; start: number; end: number }> | undefined;
  for (let priority = 0; priority < PATTERNS.length; priority++) {
    const { kind, pattern, applies } = PATTERNS[priority];
    if (!applies(text)) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      (candidates ??= []).push({ kind, priority, start: match.index, end: match.index + match[0].length });
    }
  }
  if (!candidates) return;
  candidates.sort((a, b) => a.start - b.start || a.priority - b.priority);
  // Leftmost first; a span taken (HTML and autolinks included) hides whatever overlaps it.
  let taken = 0;
  for (const candidate of candidates) {
    if (candidate.start < taken) continue;
    taken = candidate.end;
    const found = text.slice(candidate.start, candidate.end);
    let kind: PlaceholderKind;
    if (candidate.kind === 'compare' || candidate.kind === 'alternatives') kind = 'alternatives';
    else if (candidate.kind === 'literal') kind = found === 'YYYY-MM-DD' ? 'date' : 'literal';
    else if (isMarkup(found.slice(1, -1)) || isLinkDestination(text, candidate.start)) continue;
    else kind = 'angle';
    out.push({ kind, line, text: found, range: lines.range(line, candidate.start, candidate.end) });
  }
}

/**
 * The `<…>` slots still to fill in a text that is not a readiness file (a runbook the "Create runbook" fix
 * wrote: `<what the on-call sees when the alert fires>`, `{job="<job>"}`). HTML, autolinks, e-mail addresses,
 * comparisons and fenced code are not slots.
 */
export function angleSlotsIn(text: string): string[] {
  const found: string[] = [];
  for (const line of linesOutsideFences(text)) {
    if (!line.includes('<')) continue;
    for (const match of line.matchAll(ANGLE)) if (!isMarkup(match[0].slice(1, -1))) found.push(match[0]);
  }
  return found;
}
