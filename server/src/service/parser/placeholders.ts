import type { Placeholder, PlaceholderKind } from '../model';
import type { LineIndex } from '../text/lineIndex';

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

function alternativesPattern(options: readonly string[]): string {
  const longestFirst = [...options].sort((a, b) => b.length - a.length);
  const option = `(?:${longestFirst.map(escape).join('|')})`;
  return String.raw`(?<![\w-])${option}(?:\s*/\s*${option})+(?![\w-])`;
}

// One pass per line finds every kind; the named group tells which matched.
const PLACEHOLDER = new RegExp(
  [
    String.raw`(?<compare>\x60?<\x60?\s*/\s*\x60?>\x60?)`,
    `(?<alternatives>${TEMPLATE_ALTERNATIVES.map(alternativesPattern).join('|')})`,
    `(?<literal>${TEMPLATE_LITERALS.map(escape).join('|')})`,
    // `<` right before a non-space and `>` right after one: `< 5 min` is a comparison, not a slot.
    String.raw`(?<angle><[^<>\s\x60=][^<>\x60\n]*?(?<=[^<>\s\x60=])>|<[^<>\s\x60=]>)`,
  ].join('|'),
  'gi',
);

const HTML_TAGS = new Set(
  (
    'a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption ' +
    'figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li mark ol p picture pre q s samp section small ' +
    'source span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var video wbr'
  ).split(' '),
);

/** HTML, autolinks and e-mail addresses look like `<…>` but are not template slots. */
function isMarkup(inner: string): boolean {
  if (inner.startsWith('!') || inner.startsWith('?')) return true;
  const tag = /^\/?([A-Za-z][A-Za-z0-9-]*)(\s+[^>]*)?\/?$/.exec(inner);
  if (tag && HTML_TAGS.has(tag[1].toLowerCase()) && (tag[2] === undefined || /=|^\s*\/$/.test(tag[2]))) return true;
  if (/^[A-Za-z][A-Za-z0-9+.-]{1,31}:\S*$/.test(inner)) return true;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(inner);
}

export function findPlaceholders(lines: LineIndex, line: number, out: Placeholder[]): void {
  const text = lines.lineText(line);
  if (!/[<>/]|YYYY|Grafana panel|link to GH/i.test(text)) return;
  PLACEHOLDER.lastIndex = 0;
  for (let match = PLACEHOLDER.exec(text); match; match = PLACEHOLDER.exec(text)) {
    const groups = match.groups!;
    let kind: PlaceholderKind;
    if (groups.compare || groups.alternatives) kind = 'alternatives';
    else if (groups.literal) kind = groups.literal === 'YYYY-MM-DD' ? 'date' : 'literal';
    else if (isMarkup(groups.angle.slice(1, -1))) continue;
    else kind = 'angle';
    out.push({ kind, line, text: match[0], range: lines.range(line, match.index, match.index + match[0].length) });
  }
}
