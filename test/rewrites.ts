// Meaning-preserving rewrites of a readiness file: the ways people write the same content.
// A file written in the template's layout is read into lines that know what they are (title, header field,
// heading, table row, template guidance, text); each rewrite changes some of them; `render` writes the text
// back and says where each original line went, so a finding expected on line N can be looked for on the line
// that line became.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type SectionKey = 'monitoring' | 'alerting' | 'drift' | 'rollout' | 'rollback' | 'owner' | 'checklist';

interface Heading {
  level: number;
  /** Before the number, e.g. an emoji. */
  prefix?: string;
  sectionSign: boolean;
  /** `1.`, `1)` or `Section 1:` (`§1` when sectionSign). */
  numbering?: 'paren' | 'word';
  number?: number;
  title: string;
  must: boolean;
}

export type Line =
  | { kind: 'title' | 'guidance' | 'text'; text: string; origin?: number; section?: SectionKey }
  | { kind: 'header'; key: string; value: string; origin?: number }
  | { kind: 'field'; key: string; value: string; origin?: number; section?: SectionKey }
  | { kind: 'heading'; heading: Heading; origin?: number; section?: SectionKey }
  | { kind: 'table'; table: number; row: number; cells: string[]; origin?: number; section?: SectionKey };

export interface HeaderStyle {
  /** `table`: a `| Field | Value |` table; `key-table`: the first field is the table's header row. */
  layout: 'lines' | 'bullets' | 'quote' | 'table' | 'key-table';
  key: 'bold' | 'colon-inside-bold' | 'plain';
}

export interface ReadinessText {
  lines: Line[];
  header: HeaderStyle;
  /** §6's fields: the template's bullets `- **DRI**: …`, a numbered list, or a two-column table. */
  ownerFields: { layout: 'bullets' | 'numbered' | 'table'; key: HeaderStyle['key'] };
  tables: { outerPipes: boolean; padded: boolean };
  crlf: boolean;
  bom: boolean;
  trailingSpaces: boolean;
}

export interface Rewrite {
  name: string;
  apply(doc: ReadinessText): ReadinessText;
}

const TEMPLATE = readFileSync(join(__dirname, 'fixtures/template.md'), 'utf8');
const HEADER_LINE = /^\*\*(Story|Owner|Filled on|Reviewed by committee)\*\*:\s*(.*)$/;
const HEADING_LINE = /^(#{2,4})\s+(.*)$/;
const OWNER_FIELD_LINE = /^- \*\*(DRI|Backup DRI|Decision authority|Sunset date)\*\*:\s*(.*)$/;
const SECTION_WORDS: Array<[SectionKey, RegExp]> = [
  ['monitoring', /monitoring/i],
  ['alerting', /alerting/i],
  ['drift', /drift/i],
  ['rollout', /rollout/i],
  ['rollback', /rollback/i],
  ['owner', /owner/i],
  ['checklist', /checklist/i],
];

/** Whitespace and bold/code markup do not make guidance different. */
const normalise = (text: string) => text.replace(/[*`]/g, '').replace(/\s+/g, ' ').trim();

/** The template's own prose and bullets: instructions, kept or deleted at the author's choice. */
const GUIDANCE = new Set(
  TEMPLATE.split(/\r?\n/)
    .filter((l) => l.trim() && !/^(#|\||\*\*(Story|Owner|Filled on|Reviewed by committee)\*\*|- \[|- \*\*)/.test(l))
    .map(normalise),
);

function parseHeading(level: number, text: string): Heading {
  const must = /\s*\(MUST\)\s*$/.test(text);
  let title = text.replace(/\s*\(MUST\)\s*$/, '');
  const numbered = /^(§)?(\d+)\.?\s+/.exec(title);
  if (numbered) title = title.slice(numbered[0].length);
  return { level, sectionSign: Boolean(numbered?.[1]), number: numbered ? Number(numbered[2]) : undefined, title, must };
}

function renderHeading({ level, prefix, sectionSign, numbering, number, title, must }: Heading): string {
  const numberText =
    number === undefined ? '' : sectionSign ? `§${number} ` : numbering === 'paren' ? `${number}) ` : numbering === 'word' ? `Section ${number}: ` : `${number}. `;
  return `${'#'.repeat(level)} ${prefix ? `${prefix} ` : ''}${numberText}${title}${must ? ' (MUST)' : ''}`;
}

const splitCells = (row: string) =>
  row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());

/** Reads a file written in the template's layout. */
export function parse(text: string): ReadinessText {
  const bom = text.startsWith('\uFEFF');
  const crlf = text.includes('\r\n');
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const lines: Line[] = [];
  let section: SectionKey | undefined;
  let table = -1;
  let row = 0;
  let inTable = false;
  raw.forEach((textLine, origin) => {
    const heading = HEADING_LINE.exec(textLine);
    const header = HEADER_LINE.exec(textLine);
    const ownerField = section === 'owner' ? OWNER_FIELD_LINE.exec(textLine) : null;
    if (origin === 0 && textLine.startsWith('# ')) lines.push({ kind: 'title', text: textLine, origin });
    else if (heading) {
      section = SECTION_WORDS.find(([, words]) => words.test(heading[2]))?.[0];
      lines.push({ kind: 'heading', heading: parseHeading(heading[1].length, heading[2]), origin, section });
    } else if (header && section === undefined) lines.push({ kind: 'header', key: header[1], value: header[2], origin });
    else if (ownerField) lines.push({ kind: 'field', key: ownerField[1], value: ownerField[2], origin, section });
    else if (textLine.startsWith('|')) {
      if (!inTable) [table, row] = [table + 1, 0];
      lines.push({ kind: 'table', table, row: row++, cells: splitCells(textLine), origin, section });
    } else if (textLine.trim() && !textLine.startsWith('- [') && GUIDANCE.has(normalise(textLine))) {
      lines.push({ kind: 'guidance', text: textLine, origin, section });
    } else lines.push({ kind: 'text', text: textLine, origin, section });
    inTable = textLine.startsWith('|');
  });
  return { lines, header: { layout: 'lines', key: 'bold' }, ownerFields: { layout: 'bullets', key: 'bold' }, tables: { outerPipes: true, padded: false }, crlf, bom, trailingSpaces: false };
}

function tableText(cells: string[], delimiter: boolean, style: ReadinessText['tables'], widths?: number[]): string {
  const padded = widths ? cells.map((c, i) => (delimiter ? c.replace(/-+/, '-'.repeat(Math.max(3, widths[i] - c.replace(/-+/, '').length))) : c.padEnd(widths[i]))) : cells;
  const inner = delimiter && !widths ? padded.join('|') : padded.join(' | ');
  if (!style.outerPipes) return inner;
  return delimiter && !widths ? `|${inner}|` : `| ${inner} |`;
}

function headerKey(key: string, style: HeaderStyle): string {
  if (style.key === 'colon-inside-bold') return `**${key}:**`;
  if (style.key === 'plain') return `${key}:`;
  return `**${key}**:`;
}

/** The text, and for each of its lines the original line it comes from (undefined for added lines). */
export function render(doc: ReadinessText): { text: string; origins: Array<number | undefined> } {
  const out: Array<{ text: string; origin?: number }> = [];
  const widths = new Map<number, number[]>();
  if (doc.tables.padded) {
    for (const line of doc.lines) {
      if (line.kind !== 'table' || line.row === 1) continue;
      const current = widths.get(line.table) ?? [];
      line.cells.forEach((cell, i) => (current[i] = Math.max(current[i] ?? 3, cell.length)));
      widths.set(line.table, current);
    }
  }
  let headerTableOpen = false;
  let fieldTableOpen = false;
  let fieldNumber = 0;
  for (let index = 0; index < doc.lines.length; index++) {
    const line = doc.lines[index];
    if (line.kind === 'field') {
      const { layout, key } = doc.ownerFields;
      if (layout === 'table') {
        if (!fieldTableOpen) {
          out.push({ text: tableText(['Role', 'Who / what'], false, doc.tables) }, { text: tableText(['---', '---'], true, doc.tables) });
          fieldTableOpen = true;
        }
        // A list item's continuation lines join its value: a table row is one line.
        let value = line.value;
        for (let next = doc.lines[index + 1]; next?.kind === 'text' && /^\s+\S/.test(next.text); next = doc.lines[index + 1]) {
          value += ` ${next.text.trim()}`;
          index++;
        }
        out.push({ text: tableText([line.key, value], false, doc.tables), origin: line.origin });
      } else {
        const bullet = layout === 'numbered' ? `${++fieldNumber}. ` : '- ';
        out.push({ text: `${bullet}${headerKey(line.key, { layout: 'lines', key })} ${line.value}`, origin: line.origin });
      }
      continue;
    }
    if (line.kind === 'header') {
      if (doc.header.layout === 'table' || doc.header.layout === 'key-table') {
        if (!headerTableOpen && doc.header.layout === 'table') {
          out.push({ text: tableText(['Field', 'Value'], false, doc.tables) }, { text: tableText(['---', '---'], true, doc.tables) });
        }
        out.push({ text: tableText([line.key, line.value], false, doc.tables), origin: line.origin });
        if (!headerTableOpen && doc.header.layout === 'key-table') out.push({ text: tableText(['---', '---'], true, doc.tables) });
        headerTableOpen = true;
      } else {
        const bullet = doc.header.layout === 'bullets' ? '- ' : doc.header.layout === 'quote' ? '> ' : '';
        out.push({ text: `${bullet}${headerKey(line.key, doc.header)} ${line.value}`, origin: line.origin });
      }
      continue;
    }
    if (line.kind === 'heading') out.push({ text: renderHeading(line.heading), origin: line.origin });
    else if (line.kind === 'table') out.push({ text: tableText(line.cells, line.row === 1, doc.tables, widths.get(line.table)), origin: line.origin });
    else out.push({ text: line.text, origin: line.origin });
  }
  const texts = out.map(({ text }) => (doc.trailingSpaces && text.trim() ? `${text}  ` : text));
  return { text: (doc.bom ? '\uFEFF' : '') + texts.join(doc.crlf ? '\r\n' : '\n'), origins: out.map(({ origin }) => origin) };
}

/** Applies rewrites in order. */
export function rewrite(text: string, rewrites: readonly Rewrite[]): { text: string; origins: Array<number | undefined> } {
  return render(rewrites.reduce((doc, r) => r.apply(doc), parse(text)));
}

// ---- helpers for the rewrites -------------------------------------------------------------------------------

const mapLines = (doc: ReadinessText, f: (line: Line) => Line | Line[]): ReadinessText => ({ ...doc, lines: doc.lines.flatMap(f) });
const headings = (f: (h: Heading) => Heading) => (doc: ReadinessText) =>
  mapLines(doc, (line) => (line.kind === 'heading' && line.section ? { ...line, heading: f(line.heading) } : line));
/** The sections whose tables the template defines (§1–§5); a header or §6 table of two columns is left alone. */
const TABLE_SECTIONS: ReadonlySet<SectionKey | undefined> = new Set(['monitoring', 'alerting', 'drift', 'rollout', 'rollback']);
const tableLines = (f: (line: Extract<Line, { kind: 'table' }>) => Line) => (doc: ReadinessText) =>
  mapLines(doc, (line) => (line.kind === 'table' && TABLE_SECTIONS.has(line.section) ? f(line) : line));

/** Index of a column (by header text, case- and markup-insensitive) in the table `table`. */
function column(doc: ReadinessText, table: number, name: string): number {
  const header = doc.lines.find((l) => l.kind === 'table' && l.table === table && l.row === 0);
  return header?.kind === 'table' ? header.cells.findIndex((c) => normalise(c).toLowerCase().startsWith(name.toLowerCase())) : -1;
}

/** Rewrites the cells of one column in the body rows of the tables of a section. */
const cellsOf = (section: SectionKey, name: string, f: (cell: string, row: string[]) => string) => (doc: ReadinessText) =>
  mapLines(doc, (line) => {
    if (line.kind !== 'table' || line.section !== section || line.row < 2) return line;
    const index = column(doc, line.table, name);
    if (index < 0 || index >= line.cells.length) return line;
    const cells = [...line.cells];
    cells[index] = f(cells[index], cells);
    return { ...line, cells };
  });

/** Inserts lines before the heading that follows `section` (or at the end). */
function appendToSection(doc: ReadinessText, section: SectionKey, added: string[]): ReadinessText {
  const start = doc.lines.findIndex((l) => l.kind === 'heading' && l.section === section);
  if (start < 0) return doc;
  let end = doc.lines.findIndex((l, i) => i > start && l.kind === 'heading');
  if (end < 0) end = doc.lines.length;
  const lines = [...doc.lines];
  lines.splice(end, 0, ...added.map((text): Line => ({ kind: 'text', text, section })));
  return { ...doc, lines };
}

/** Wraps each run of guidance lines (blank lines inside a run included) between `open` and `close` lines. */
function wrapGuidance(doc: ReadinessText, open: string[], close: string[]): ReadinessText {
  const lines: Line[] = [];
  const blank = (l: Line | undefined) => l?.kind === 'text' && !l.text.trim();
  for (let i = 0; i < doc.lines.length; i++) {
    if (doc.lines[i].kind !== 'guidance') {
      lines.push(doc.lines[i]);
      continue;
    }
    let end = i;
    while (end + 1 < doc.lines.length && (doc.lines[end + 1].kind === 'guidance' || (blank(doc.lines[end + 1]) && doc.lines[end + 2]?.kind === 'guidance'))) end++;
    lines.push(...open.map((text): Line => ({ kind: 'text', text })), ...doc.lines.slice(i, end + 1), ...close.map((text): Line => ({ kind: 'text', text })));
    i = end;
  }
  return { ...doc, lines };
}

const DAYS = /^(?:≥\s*)?(\d+)\s*d$/;
const durations = (write: (days: number) => string | undefined) =>
  cellsOf('rollout', 'Duration', (cell) => {
    const match = DAYS.exec(cell);
    return match ? (write(Number(match[1])) ?? cell) : cell;
  });
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four'];
const EMOJI: Record<SectionKey, string> = { monitoring: '📈', alerting: '🚨', drift: '🌊', rollout: '🚦', rollback: '⏪', owner: '👤', checklist: '✅' };

/** The canary's crypto, when the Traffic cell names one symbol alone ("BTCUSDC only (…)"). */
const canaryCell = (write: (symbol: string) => string) =>
  cellsOf('rollout', 'Traffic', (cell, row) => {
    const symbol = /^`?([A-Z]{2,10}USDC)`?\s+only\b/.exec(cell);
    return row[0] === 'Canary' && symbol ? write(symbol[1]) : cell;
  });

// ---- the rewrites ----------------------------------------------------------------------------------------

/** Structure: headings at any level, numbered or not, `§`, "and" for "&", without "(MUST)". */
export const STRUCTURE: Rewrite[] = [
  { name: 'headingsAtLevel3', apply: headings((h) => ({ ...h, level: 3 })) },
  { name: 'headingsAtLevel4', apply: headings((h) => ({ ...h, level: 4 })) },
  { name: 'unnumberedHeadings', apply: headings((h) => ({ ...h, number: undefined })) },
  { name: 'sectionSignInHeadings', apply: headings((h) => ({ ...h, sectionSign: true })) },
  { name: 'numberWithParenthesis', apply: headings((h) => ({ ...h, numbering: 'paren' })) },
  { name: 'sectionWordInHeadings', apply: headings((h) => ({ ...h, numbering: 'word' })) },
  { name: 'andForAmpersand', apply: headings((h) => ({ ...h, title: h.title.replace(/ & /g, ' and ') })) },
  { name: 'dropMust', apply: headings((h) => ({ ...h, must: false })) },
  { name: 'shortChecklistHeading', apply: headings((h) => ({ ...h, title: h.title.replace(/^(Sign-off checklist) \(.*\)$/, '$1') })) },
  {
    name: 'emojiInHeadings',
    apply: (doc) =>
      mapLines(doc, (line) =>
        line.kind === 'heading' && line.section ? { ...line, heading: { ...line.heading, prefix: EMOJI[line.section] } } : line,
      ),
  },
];

/** Header fields: bold key, colon inside the bold, plain key, a bullet list, a two-column table; prose before them. */
export const HEADER: Rewrite[] = [
  { name: 'headerKeyColonInsideBold', apply: (doc) => ({ ...doc, header: { ...doc.header, key: 'colon-inside-bold' } }) },
  { name: 'plainHeaderKeys', apply: (doc) => ({ ...doc, header: { ...doc.header, key: 'plain' } }) },
  { name: 'headerAsBulletList', apply: (doc) => ({ ...doc, header: { ...doc.header, layout: 'bullets' } }) },
  { name: 'headerAsTable', apply: (doc) => ({ ...doc, header: { ...doc.header, layout: 'table' } }) },
  { name: 'headerAsTableWithoutHeaderRow', apply: (doc) => ({ ...doc, header: { ...doc.header, layout: 'key-table' } }) },
  { name: 'headerInBlockQuote', apply: (doc) => ({ ...doc, header: { ...doc.header, layout: 'quote' } }) },
  {
    name: 'introParagraphBeforeHeader',
    apply: (doc) => {
      const lines = [...doc.lines];
      lines.splice(1, 0, { kind: 'text', text: '' }, { kind: 'text', text: 'Filled by the DRI after the committee session; questions in #cvn-ml.' });
      return { ...doc, lines };
    },
  },
];

/** §6's fields: bullets with plain keys or the colon inside the bold, a numbered list, a two-column table. */
export const OWNER_FIELDS: Rewrite[] = [
  { name: 'ownerFieldsPlainKeys', apply: (doc) => ({ ...doc, ownerFields: { ...doc.ownerFields, key: 'plain' } }) },
  { name: 'ownerFieldsColonInsideBold', apply: (doc) => ({ ...doc, ownerFields: { ...doc.ownerFields, key: 'colon-inside-bold' } }) },
  { name: 'ownerFieldsAsNumberedList', apply: (doc) => ({ ...doc, ownerFields: { ...doc.ownerFields, layout: 'numbered' } }) },
  { name: 'ownerFieldsAsTable', apply: (doc) => ({ ...doc, ownerFields: { ...doc.ownerFields, layout: 'table' } }) },
];

/** The sign-off checklist: `[X]`, `*` bullets. */
export const CHECKLIST: Rewrite[] = [
  { name: 'checklistUppercaseX', apply: (doc) => mapLines(doc, (l) => (l.kind === 'text' && l.section === 'checklist' ? { ...l, text: l.text.replace(/^- \[x\]/, '- [X]') } : l)) },
  { name: 'checklistStarBullets', apply: (doc) => mapLines(doc, (l) => (l.kind === 'text' && l.section === 'checklist' ? { ...l, text: l.text.replace(/^- \[/, '* [') } : l)) },
];

/** Tables: columns reordered, added, lower-cased; alignment colons; no outer pipes; padding; rich cells. */
export const TABLES: Rewrite[] = [
  { name: 'reorderTableColumns', apply: tableLines((line) => ({ ...line, cells: [...line.cells].reverse() })) },
  {
    name: 'addExtraColumn',
    apply: tableLines((line) => ({ ...line, cells: [...line.cells, line.row === 0 ? 'Notes' : line.row === 1 ? '---' : 'reviewed \\| kept'] })),
  },
  { name: 'lowercaseColumnHeaders', apply: tableLines((line) => (line.row === 0 ? { ...line, cells: line.cells.map((c) => c.toLowerCase()) } : line)) },
  {
    name: 'alignmentColons',
    apply: tableLines((line) => (line.row === 1 ? { ...line, cells: line.cells.map((_, i, all) => (i === 0 ? ':---' : i === all.length - 1 ? '---:' : ':---:')) } : line)),
  },
  { name: 'noOuterPipes', apply: (doc) => ({ ...doc, tables: { ...doc.tables, outerPipes: false } }) },
  { name: 'paddedTables', apply: (doc) => ({ ...doc, tables: { ...doc.tables, padded: true } }) },
  { name: 'lineBreaksInThresholds', apply: cellsOf('monitoring', 'Threshold', (cell) => cell.replace(/ \/ (crit\b)/, '<br>$1')) },
  {
    name: 'channelsWithTarget',
    apply: cellsOf('alerting', 'Notification channel', (cell) =>
      cell.replace(/^Slack$/, 'Slack #cvn-ml-alerts').replace(/^Pagerduty$/, 'Pagerduty service `cvn-trading-live`').replace(/^email$/, 'email ml-oncall@cvn-trading.com'),
    ),
  },
  {
    name: 'runbooksAsLinks',
    apply: cellsOf('alerting', 'Runbook', (cell) => cell.replace(/^`(documentation\/runbooks\/([^`<>]+\.md))`$/, '[$2](/$1)')),
  },
  { name: 'dashboardsAsLinks', apply: cellsOf('monitoring', 'Dashboard', (cell) => (/^https?:\/\/\S+$/.test(cell) ? `[Grafana panel](${cell})` : cell)) },
  {
    name: 'codeSpansInValueCells',
    apply: (doc) =>
      [
        cellsOf('monitoring', 'Type', (cell) => (/^(counter|gauge|histogram)$/.test(cell) ? `\`${cell}\`` : cell)),
        cellsOf('alerting', 'Severity', (cell) => (/^P[123]$/.test(cell) ? `\`${cell}\`` : cell)),
      ].reduce((d, f) => f(d), doc),
  },
];

/** Template guidance: kept, deleted, re-wrapped, hidden in an HTML comment or a `<details>` block. */
export const GUIDANCE_REWRITES: Rewrite[] = [
  {
    name: 'dropGuidance',
    apply: (doc) => {
      const lines = doc.lines.filter((l) => l.kind !== 'guidance');
      // Collapse the blank lines the deleted paragraphs leave behind.
      return { ...doc, lines: lines.filter((l, i) => !(l.kind === 'text' && !l.text.trim() && lines[i - 1]?.kind === 'text' && !(lines[i - 1] as { text: string }).text.trim())) };
    },
  },
  {
    name: 'rewrapGuidance',
    apply: (doc) =>
      mapLines(doc, (line) => {
        if (line.kind !== 'guidance' || line.text.length <= 72) return line;
        const indent = /^- /.test(line.text) ? '  ' : '';
        const wrapped: string[] = [];
        for (const word of line.text.split(' ')) {
          const last = wrapped.length - 1;
          if (last >= 0 && wrapped[last].length + word.length + 1 <= 72) wrapped[last] += ` ${word}`;
          else wrapped.push(last < 0 ? word : `${indent}${word}`);
        }
        return wrapped.map((text, i): Line => ({ kind: 'guidance', text, origin: i === 0 ? line.origin : undefined, section: line.section }));
      }),
  },
  { name: 'guidanceInHtmlComment', apply: (doc) => wrapGuidance(doc, ['<!--'], ['-->']) },
  { name: 'guidanceInDetails', apply: (doc) => wrapGuidance(doc, ['<details>', '<summary>Template guidance</summary>', ''], ['', '</details>']) },
];

/** Additions that say nothing the checks read: comments, notes, postponing words that stand for no choice. */
export const ADDITIONS: Rewrite[] = [
  {
    name: 'htmlCommentsUnderHeadings',
    apply: (doc) => mapLines(doc, (line) => (line.kind === 'heading' ? [line, { kind: 'text', text: '' }, { kind: 'text', text: '<!-- checked by the DRI -->' }] : line)),
  },
  {
    name: 'notesInDetails',
    apply: (doc) =>
      appendToSection(doc, 'alerting', ['<details>', '<summary>Notes for reviewers</summary>', '', 'Thresholds come from the champion\'s last 90 days.', '', '</details>', '']),
  },
  { name: 'unrelatedLaterSentence', apply: (doc) => appendToSection(doc, 'rollout', ["The canary's numbers are summarised later in the OP Story.", '']) },
  { name: 'unrelatedToBeDecided', apply: (doc) => appendToSection(doc, 'rollout', ['The date of the full rollout is to be decided by the operator after the canary.', '']) },
];

/** Values: durations in the forms people write, the canary crypto named alone in several ways. */
export const VALUES: Rewrite[] = [
  { name: 'durationsInWords', apply: durations((n) => (n === 7 ? 'one week' : n === 14 ? 'a fortnight' : n % 7 === 0 ? `${NUMBER_WORDS[n / 7]} weeks` : `${n} days`)) },
  { name: 'durationsInWeeks', apply: durations((n) => (n % 7 === 0 ? (n === 7 ? '1w' : `${n / 7} weeks`) : undefined)) },
  { name: 'durationsInDays', apply: durations((n) => `${n} days`) },
  { name: 'durationsAtLeast', apply: durations((n) => `≥ ${n}d`) },
  { name: 'canaryOnlyWithNote', apply: canaryCell((symbol) => `\`${symbol}\` only (all other cryptos stay on the champion)`) },
  { name: 'canaryOneOutOfFive', apply: canaryCell((symbol) => `${symbol} — 1 crypto out of 5`) },
  { name: 'canarySymbolAlone', apply: canaryCell((symbol) => symbol) },
];

/** Bytes: line ends, byte-order mark, trailing spaces. */
export const ENCODING: Rewrite[] = [
  { name: 'crlf', apply: (doc) => ({ ...doc, crlf: true }) },
  { name: 'bom', apply: (doc) => ({ ...doc, bom: true }) },
  { name: 'trailingSpaces', apply: (doc) => ({ ...doc, trailingSpaces: true }) },
];

/** Every rewrite, by what it varies: the styles the checker reads as the template's own. */
export const REWRITES_BY_KIND: Record<string, Rewrite[]> = {
  'section headings': STRUCTURE,
  'header fields': HEADER,
  '§6 fields': OWNER_FIELDS,
  'checklist boxes': CHECKLIST,
  tables: TABLES,
  'template guidance': GUIDANCE_REWRITES,
  'comments, notes and unrelated words': ADDITIONS,
  'values (durations, canary crypto)': VALUES,
  'line ends, BOM, trailing spaces': ENCODING,
};

export const REWRITES: Rewrite[] = Object.values(REWRITES_BY_KIND).flat();
