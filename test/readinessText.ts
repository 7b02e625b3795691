// A readiness file written in the template's layout, read into lines that know what they are (title, header
// field, heading, §6 field, table row, template guidance, text), and written back: the text the rewrites of
// test/rewrites.ts work on. `render` says where each original line went, so a finding expected on line N can be
// looked for on the line that line became.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type SectionKey = 'monitoring' | 'alerting' | 'drift' | 'rollout' | 'rollback' | 'owner' | 'checklist';

export interface Heading {
  level: number;
  /** Before the number, e.g. an emoji. */
  prefix?: string;
  sectionSign: boolean;
  /** `1.`, `1)` or `Section 1:` (`§1` when sectionSign). */
  numbering?: 'paren' | 'word';
  number?: number;
  title: string;
  /** Words of the author's own, naming no section, written in place of the title when the heading is numbered (`6. People`). */
  ownWords?: string;
  must: boolean;
  /** After everything, e.g. a trailing colon or an anchor `{#monitoring}`. */
  suffix?: string;
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
  /** `html-bold`: `<b>Key</b>:`, `html-strong`: `<strong>Key:</strong>`, `bold-per-word`: `**Filled** **on**:` (wiki exports). */
  key: 'bold' | 'colon-inside-bold' | 'plain' | 'html-bold' | 'html-strong' | 'bold-per-word';
}

export interface ReadinessText {
  lines: Line[];
  header: HeaderStyle;
  /**
   * §6's fields: the template's bullets `- **DRI**: …`, a numbered list, a two-column table, or bullets whose
   * value stands in an item nested under the key (`- **DRI**:` / `  - @ana-m`).
   */
  ownerFields: { layout: 'bullets' | 'numbered' | 'table' | 'nested'; key: HeaderStyle['key'] };
  /** `tabs`: a tab on each side of every cell, as some editors on Windows write them. */
  tables: { outerPipes: boolean; padded: boolean; tabs?: boolean };
  crlf: boolean;
  bom: boolean;
  trailingSpaces: boolean;
}

const TEMPLATE = readFileSync(join(__dirname, '..', 'docs', 'template.md'), 'utf8');
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

/** Whether a heading's words name a section, without its number. */
export const namesASection = (words: string) => SECTION_WORDS.some(([, pattern]) => pattern.test(words));

/** Whitespace and bold/code markup do not make guidance different. */
export const normalise = (text: string) => text.replace(/[*`]/g, '').replace(/\s+/g, ' ').trim();

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

function renderHeading({ level, prefix, sectionSign, numbering, number, title, ownWords, must, suffix }: Heading): string {
  const numberText =
    number === undefined ? '' : sectionSign ? `§${number} ` : numbering === 'paren' ? `${number}) ` : numbering === 'word' ? `Section ${number}: ` : `${number}. `;
  const words = number !== undefined && ownWords ? ownWords : title;
  return `${'#'.repeat(level)} ${prefix ? `${prefix} ` : ''}${numberText}${words}${must ? ' (MUST)' : ''}${suffix ?? ''}`;
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
    // The first `#` line; YAML front matter may stand above it.
    if (textLine.startsWith('# ') && !lines.some((l) => l.kind === 'title')) lines.push({ kind: 'title', text: textLine, origin });
    else if (heading) {
      const parsed = parseHeading(heading[1].length, heading[2]);
      // A numbered heading in the author's own words (`## 6. People`) is the section of its number.
      const byNumber = parsed.number !== undefined && parsed.number <= 6 ? SECTION_WORDS[parsed.number - 1][0] : undefined;
      section = SECTION_WORDS.find(([, words]) => words.test(heading[2]))?.[0] ?? byNumber;
      lines.push({ kind: 'heading', heading: parsed, origin, section });
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
  // Without outer pipes an empty first or last cell would be no cell at all: that side keeps its pipe.
  if (!style.outerPipes && (!cells[0]?.trim() || !cells[cells.length - 1]?.trim())) {
    const text = tableText(cells, delimiter, { ...style, outerPipes: true }, widths);
    return text.replace(/^\|\s*(?=\S)/, cells[0]?.trim() ? '' : '$&').replace(/(?<=\S)\s*\|$/, cells[cells.length - 1]?.trim() ? '' : '$&');
  }
  if (style.tabs && !widths) return style.outerPipes ? `|\t${cells.join('\t|\t')}\t|` : cells.join('\t|\t');
  const padded = widths ? cells.map((c, i) => (delimiter ? c.replace(/-+/, '-'.repeat(Math.max(3, widths[i] - c.replace(/-+/, '').length))) : c.padEnd(widths[i]))) : cells;
  const inner = delimiter && !widths ? padded.join('|') : padded.join(' | ');
  if (!style.outerPipes) return inner;
  return delimiter && !widths ? `|${inner}|` : `| ${inner} |`;
}

function headerKey(key: string, style: HeaderStyle): string {
  if (style.key === 'colon-inside-bold') return `**${key}:**`;
  if (style.key === 'plain') return `${key}:`;
  if (style.key === 'html-bold') return `<b>${key}</b>:`;
  if (style.key === 'html-strong') return `<strong>${key}:</strong>`;
  if (style.key === 'bold-per-word') return `${key.split(' ').map((word) => `**${word}**`).join(' ')}:`;
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
        // A list item's continuation lines join its value: a table row is one line. A value nested under its key
        // (`- **DRI**:` / `  - @ana-m`) becomes the cell, and the row stands for the nested line.
        let value = line.value;
        let origin = line.origin;
        for (let next = doc.lines[index + 1]; next?.kind === 'text' && /^\s+\S/.test(next.text); next = doc.lines[index + 1]) {
          const nested = next.text.trim().replace(/^[-*+]\s+/, '');
          if (!value) [value, origin] = [nested, next.origin];
          else value += ` ${nested}`;
          index++;
        }
        out.push({ text: tableText([line.key, value], false, doc.tables), origin });
      } else if (layout === 'nested' && line.value) {
        // The key alone on its item, the value (and the origin's findings) on the item nested under it.
        out.push({ text: `- ${headerKey(line.key, { layout: 'lines', key })}` }, { text: `  - ${line.value}`, origin: line.origin });
      } else {
        const bullet = layout === 'numbered' ? `${++fieldNumber}. ` : '- ';
        out.push({ text: `${bullet}${headerKey(line.key, { layout: 'lines', key })}${line.value ? ` ${line.value}` : ''}`, origin: line.origin });
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
