// §4's stages written without the stage table, read as the table they stand for: a list,
//   1. **Shadow** — 7 days, pass criteria: …, rollback: …
//   - Stage: Canary, Duration: 7d, Traffic: BTCUSDC only, Pass: …
// a paragraph per stage (`**Shadow** — 7 days on live traffic. Promote when … Roll back when …`,
// `Shadow: ≥ 7d …`), or a sub-heading per stage (`### Shadow`) over its paragraphs and lists.
// Each stage (item, paragraph or sub-heading) becomes a row whose cells are the spans of the item that hold each column's value,
// so the rollout rules judge a list exactly as the same content in a table, on the item's own text.
import type { Cell, ReadinessDocument, Section, Table, TableRow } from '../../model';
import { columnKey, stripMarkup } from '../../parser/tables';
import { sectionSpec } from '../../parser/sections';
import { parseDuration } from '../../util/durations';
import { blankEntities } from '../../text/shownText';

const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+)(\S.*?)\s*$/;

/** Keys an item may name a value by (`Duration: 7d`, `**Pass:**`), and the column each stands for. */
const KEYS: Array<[RegExp, string]> = [
  [/^stage$/i, 'Stage'],
  [/^(?:traffic(?:\s*%)?|scope|cryptos?|symbols?)$/i, 'Traffic %'],
  [/^(?:duration|length)$/i, 'Duration'],
  [/^(?:pass(?:\s+criteria|\s+criterion)?|(?:promotion|exit|success)\s+criteria|criteria|promote\s+when)$/i, 'Pass criteria'],
  [/^(?:roll[\s-]?back(?:\s+(?:trigger|if|when))?|abort(?:\s+(?:if|when))?)$/i, 'Rollback trigger'],
];
/**
 * A sentence that opens with what it decides names its column without a colon: `Promote when …`,
 * `Promote to canary after …`, `Roll back if …`, `Abort when …`.
 */
const SENTENCE_KEY =
  /(?<=^\s*|[.;!]\s+|[—–]\s+|^\s*(?:[-*+]|\d{1,9}[.)])\s+)(?:(promot(?:e|ion)(?:\s+to\s+[\p{L}-]+)?\s+(?:when|if|after|once|on))|(roll[\s-]?back(?:\s+(?:when|if|on|after|per))|abort(?:\s+(?:when|if|on))))\s+/giu;
const KEY =
  /(?<![\p{L}\p{N}])(?:\*\*|__)?(stage|traffic(?:\s*%)?|scope|cryptos?|symbols?|duration|length|pass(?:\s+criteri(?:a|on))?|(?:promotion|exit|success)\s+criteria|criteria|promote\s+when|roll[\s-]?back(?:\s+(?:trigger|if|when))?|abort(?:\s+(?:if|when))?)(?:\s*:(?:\*\*|__)?|(?:\*\*|__)\s*:|\s*=)/giu;

/** A word that tells a crypto or a share of traffic: an unlabelled part with one says where the stage runs. */
const TRAFFIC_WORD = /%|\b[A-Z]{2,}(?:USD[CT]?|EUR|BTC)\b|\b(?:cryptos?|symbols?|traffic|only|portfolio|pairs?)\b/i;

/** How the stages are written: list items, one paragraph each, or one sub-heading each. */
export type StageListStyle = 'items' | 'paragraphs' | 'headings';

export interface Item {
  line: number;
  /** Where the item's marker starts. */
  start: number;
  /** The item's own lines: its first line and the more indented lines under it. */
  lines: number[];
  indent: number;
  endLine: number;
  endCharacter: number;
  /** For a sub-heading, where its text starts (after the `#`s) and ends (before closing `#`s). */
  headingBody?: number;
  headingEnd?: number;
}

export interface StageList {
  table: Table;
  style: StageListStyle;
  /** The stages' items, paragraphs or sub-headings, one for each of the table's rows. */
  items: Item[];
  /** The stage items' lines, so that prose readers do not read them a second time (other items stay prose). */
  lines: ReadonlySet<number>;
}

/**
 * §4's stages without a table: the first list with at least one item named as a stage (`stageOf` says
 * which names are which stage), or the sub-headings, or the paragraphs that open with a stage's name,
 * whichever names the most stages (a list first when they tie), as a table with the template's columns;
 * undefined when §4 holds none.
 */
export function stageList(document: ReadinessDocument, section: Section, stageOf: (name: string) => string | undefined): StageList | undefined {
  const columnKeys = sectionSpec('rollout').columns.map(columnKey);
  const isStage = (name: string) => stageOf(name) !== undefined;
  const skipLines = new Set(section.skips.map((skip) => skip.line));
  const prose = section.proseLines.filter((line) => !skipLines.has(line));
  const named = (items: Item[]) =>
    items.map((item) => ({ item, row: rowOf(document, item, columnKeys, isStage) })).filter(({ row }) => row.cells[0]?.column === 0 && isStage(row.cells[0].value));
  const candidates: Array<{ style: StageListStyle; stages: ReturnType<typeof named> }> = [];
  for (const run of itemRuns(document, prose)) {
    const stages = named(run);
    if (stages.length) {
      candidates.push({ style: 'items', stages });
      break;
    }
  }
  candidates.push({ style: 'headings', stages: named(headingItems(document, section, prose)) });
  candidates.push({ style: 'paragraphs', stages: named(paragraphItems(document, prose)) });
  const kinds = (stages: ReturnType<typeof named>) => new Set(stages.map(({ row }) => stageOf(row.cells[0].value))).size;
  const best = candidates.reduce((a, b) => (kinds(b.stages) > kinds(a.stages) ? b : a));
  if (!best.stages.length) return undefined;
  const rows = best.stages.map(({ row }) => row);
  const first = best.stages[0].item;
  const last = best.stages[best.stages.length - 1].item;
  const table: Table = {
    header: { line: section.heading.line, range: section.heading.range, cells: [] },
    columnKeys,
    rows,
    range: { start: { line: first.line, character: first.start }, end: { line: last.endLine, character: last.endCharacter } },
    cell: (row, name) => {
      const column = columnKeys.indexOf(columnKey(name));
      return row.cells.find((cell) => cell.column === column);
    },
    hasColumn: (name) => columnKeys.includes(columnKey(name)),
  };
  const items = best.stages.map(({ item }) => item);
  return { table, style: best.style, items, lines: new Set(items.flatMap((item) => item.lines)) };
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The section's ATX sub-headings, each with the prose under it up to the next heading: a heading
 * line that stands in no code block (code is not prose, so a fence is tracked here).
 */
function headingItems(document: ReadinessDocument, section: Section, prose: number[]): Item[] {
  const proseSet = new Set(prose);
  const items: Item[] = [];
  let fence: string | undefined;
  let current: Item | undefined;
  for (let line = section.startLine; line < section.endLine; line++) {
    const text = document.content.lineText(line);
    const fenceMatch = FENCE.exec(text);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1][0];
      else if (fenceMatch[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence) continue;
    const heading = proseSet.has(line) ? undefined : HEADING.exec(text);
    if (heading) {
      const end = text.replace(/(?:\s+#+)?\s*$/, '').length;
      current = { line, start: text.length - text.trimStart().length, lines: [line], indent: 0, endLine: line, endCharacter: end, headingBody: heading[0].length, headingEnd: end };
      items.push(current);
      continue;
    }
    if (current && proseSet.has(line)) {
      current.lines.push(line);
      current.endLine = line;
      current.endCharacter = text.trimEnd().length;
    }
  }
  return items;
}

/** The section's paragraphs (runs of prose lines that are no list item), each as one item. */
function paragraphItems(document: ReadinessDocument, prose: number[]): Item[] {
  const items: Item[] = [];
  let current: Item | undefined;
  let inList = false;
  let previous = -1;
  for (const line of prose) {
    const text = document.content.lineText(line);
    if (line !== previous + 1) {
      current = undefined;
      inList = false;
    }
    previous = line;
    if (text.trim() === '') {
      current = undefined;
      inList = false;
      continue;
    }
    if (ITEM.test(text) || HEADING.test(text)) {
      current = undefined;
      inList = true;
      continue;
    }
    if (inList) continue; // a list item's wrapped line
    if (current) {
      current.lines.push(line);
      current.endLine = line;
      current.endCharacter = text.trimEnd().length;
      continue;
    }
    const indent = text.length - text.trimStart().length;
    current = { line, start: indent, lines: [line], indent, endLine: line, endCharacter: text.trimEnd().length };
    items.push(current);
  }
  return items;
}

/** The section's list items, grouped into runs that no paragraph interrupts. */
function itemRuns(document: ReadinessDocument, proseLines: number[]): Item[][] {
  const runs: Item[][] = [];
  let run: Item[] = [];
  let current: Item | undefined;
  let previous = -1;
  for (const line of proseLines) {
    const text = document.content.lineText(line);
    // A line that is not the next prose line (a table, a code block between) ends the run.
    if (previous >= 0 && line !== previous + 1 && !blankBetween(document, previous, line)) current = undefined;
    previous = line;
    if (text.trim() === '') continue;
    const match = ITEM.exec(text);
    const indent = text.length - text.trimStart().length;
    if (current && indent > current.indent) {
      current.lines.push(line);
      current.endLine = line;
      current.endCharacter = text.trimEnd().length;
      continue;
    }
    if (!match) {
      if (run.length) runs.push(run);
      run = [];
      current = undefined;
      continue;
    }
    if (!current && run.length) {
      runs.push(run);
      run = [];
    }
    current = { line, start: indent, lines: [line], indent, endLine: line, endCharacter: text.trimEnd().length };
    run.push(current);
  }
  if (run.length) runs.push(run);
  return runs;
}

function blankBetween(document: ReadinessDocument, from: number, to: number): boolean {
  for (let line = from + 1; line < to; line++) if (document.content.lineText(line).trim() !== '') return false;
  return true;
}

/** The item as a row: cell 0 is the stage's name, the others the values its keys or its words give. */
function rowOf(document: ReadinessDocument, item: Item, columnKeys: string[], isStage: (name: string) => boolean): TableRow {
  const cells = new Map<number, Cell>();
  // Text no column takes stays in the row (column -1), so that what is read anywhere in a row (a
  // symbol, an auto-promotion) is read in the whole item.
  const unread: Cell[] = [];
  const cellAt = (line: number, from: number, to: number, column: number): Cell => {
    const text = document.content.lineText(line).slice(from, to);
    return { text, value: stripMarkup(text), column, range: { start: { line, character: from }, end: { line, character: to } } };
  };
  const put = (name: string, line: number, start: number, end: number) => {
    const column = columnKeys.indexOf(columnKey(name));
    const trimmed = trimSeparators(document.content.lineText(line).slice(start, end));
    if (column < 0 || !trimmed.text) return;
    const from = start + trimmed.start;
    const to = from + trimmed.text.length;
    const known = cells.get(column);
    if (!known) {
      cells.set(column, cellAt(line, from, to, column));
      return;
    }
    // A second clause of the same column right after the first (`after sign-off: all canary criteria`) extends it.
    const between = [...cells.values()].some((cell) => cell !== known && cell.range.start.line === line && cell.range.start.character >= known.range.end.character && cell.range.start.character < from);
    if (known.range.end.line === line && known.range.end.character <= from && !between) cells.set(column, cellAt(line, known.range.start.character, to, column));
    else unread.push(cellAt(line, from, to, -1));
  };
  item.lines.forEach((line, index) => {
    const text = document.content.lineText(line);
    const marker = index === 0 && item.headingBody !== undefined ? undefined : ITEM.exec(text);
    let body = marker ? marker[1].length + marker[2].length + marker[3].length : text.length - text.trimStart().length;
    if (index === 0 && item.headingBody !== undefined) body = headingTextStart(text, item.headingBody);
    const end = index === 0 && item.headingEnd !== undefined ? item.headingEnd : text.length;
    // A sub-heading that names a stage and holds no value is the stage's name as a whole (`### Shadow stage (dark launch)`).
    if (index === 0 && item.headingBody !== undefined && isStage(stripMarkup(text.slice(body, end))) && !holdsValue(text.slice(body, end))) {
      put('Stage', line, body, end);
      return;
    }
    if (index === 0) {
      const label = labelOf(text.slice(0, end), body, isStage);
      if (label) {
        put('Stage', line, label.start, label.end);
        body = label.after;
      } else if (item.headingBody !== undefined && isStage(stripMarkup(text.slice(body, end)))) {
        // A sub-heading is the stage's name as a whole (`### Shadow stage (dark launch)`).
        put('Stage', line, body, end);
        body = end;
      }
    }
    readValues(text.slice(0, end), body, (name, start, end) => put(name, line, start, end));
  });
  const ordered = [...[...cells.values()].sort((a, b) => a.column - b.column), ...unread];
  const last = document.content.lineText(item.endLine);
  return {
    line: item.line,
    range: { start: { line: item.line, character: item.start }, end: { line: item.endLine, character: last.trimEnd().length } },
    cells: ordered,
  };
}

/**
 * An item's first word or two, as a stage's name, only before a preposition or a number: `Shadow stage
 * MUST be ≥ 7 days` is a sentence about the stage, `Shadow for 7 days at 0%` a stage.
 */
const FIRST_WORDS = [/^\S+\s+stage(?=\s+(?:(?:for|on|at|in|with|during|over|lasting)\b|\d|≥|>=))/i, /^[^\s,:;—–(]+(?=\s+(?:(?:for|on|at|in|with|during|over|lasting)\b|\d|≥|>=))/i];

/**
 * The stage's name at the start of an item: `**Shadow**`, the few words before a dash, a colon, a comma
 * or a bracket (`Canary — …`, `Full: …`), or the first word or two when they name a stage (`Shadow for
 * 7 days …`, `Canary stage on BTCUSDC …`), when it names a stage; `Stage: …` is read as a key.
 */
function labelOf(text: string, body: number, isStage: (name: string) => boolean): { start: number; end: number; after: number } | undefined {
  const rest = text.slice(body);
  const bold = /^(\*\*|__)([^*_]+?)\s*:?\1\s*:?/.exec(rest);
  if (bold && isStage(stripMarkup(bold[2]))) return { start: body + bold[1].length, end: body + bold[1].length + bold[2].length, after: body + bold[0].length };
  if (/^stage\s*[:=]/i.test(rest)) return undefined;
  const lead = /^([^:—–,(]+?)(?=\s+[—–-]\s|\s*[:—–,(])/.exec(rest) ?? /^(.+)$/.exec(rest);
  if (lead && lead[1].trim().split(/\s+/).length <= 4 && isStage(stripMarkup(lead[1]))) return { start: body, end: body + lead[1].length, after: body + lead[0].length };
  for (const words of FIRST_WORDS) {
    const first = words.exec(rest);
    if (first && isStage(stripMarkup(first[0]))) return { start: body, end: body + first[0].length, after: body + first[0].length };
  }
  // No stage name in front: a `Stage:` key may name it anywhere in the item (`- Traffic: 0%, …, Stage: Shadow`).
  return undefined;
}

/** Whether words hold a value of their own: a key (`Duration:`) or a duration (`— 7 days`). */
function holdsValue(words: string): boolean {
  KEY.lastIndex = 0;
  return KEY.test(words) || parseDuration(words) !== undefined;
}

/** Where a sub-heading's words start: after its `#`s and a number (`### 1. Shadow`, `### Stage 2: Canary`). */
function headingTextStart(text: string, body: number): number {
  const number = /^(?:stage\s+)?\d{1,3}(?:[.):]|\s*[—–-])?\s+/i.exec(text.slice(body));
  return body + (number ? number[0].length : 0);
}

/** Reads `Key: value` parts of a line from `from`; the words before the first key give the duration and traffic. */
function readValues(text: string, from: number, put: (name: string, start: number, end: number) => void) {
  const keys: Array<{ name: string; start: number; valueStart: number }> = [];
  KEY.lastIndex = from;
  for (let match = KEY.exec(text); match; match = KEY.exec(text)) {
    const name = KEYS.find(([pattern]) => pattern.test(match![1].replace(/\s+/g, ' ')))?.[1];
    if (name) keys.push({ name, start: match.index, valueStart: match.index + match[0].length });
  }
  SENTENCE_KEY.lastIndex = from;
  for (let match = SENTENCE_KEY.exec(text); match; match = SENTENCE_KEY.exec(text)) {
    if (keys.some((key) => key.start <= match!.index && match!.index < key.valueStart)) continue;
    keys.push({ name: match[1] ? 'Pass criteria' : 'Rollback trigger', start: match.index, valueStart: match.index + match[0].length });
  }
  keys.sort((a, b) => a.start - b.start);
  readUnkeyed(text, from, keys[0]?.start ?? text.length, put);
  keys.forEach((key, index) => put(key.name, key.valueStart, keys[index + 1]?.start ?? text.length));
}

/**
 * The words before the first key, clause by clause (`;`, `:`): `7 days on BTCUSDC only` is the
 * duration, then where the stage runs; a clause with neither (`after committee sign-off`) is its pass criteria.
 */
function readUnkeyed(text: string, start: number, end: number, put: (name: string, start: number, end: number) => void) {
  // An entity's `;` (`3&nbsp;days`) ends no clause.
  const clause = /(?:[^;:&]|&(?:#\d+|#x[0-9a-f]+|[a-z]+);|&)+/gi;
  clause.lastIndex = 0;
  const part = text.slice(start, end);
  for (let match = clause.exec(part); match; match = clause.exec(part)) readClause(text, start + match.index, start + match.index + match[0].length, put);
}

function readClause(text: string, start: number, end: number, put: (name: string, start: number, end: number) => void) {
  const part = text.slice(start, end);
  if (!/[\p{L}\p{N}]/u.test(part)) return;
  const duration = parseDuration(blankEntities(part));
  if (!duration) return readWords(text, start, end, put);
  const durationEnd = start + duration.start + duration.text.length;
  put('Duration', start + duration.start, durationEnd);
  // The words around the duration say where the stage runs (or what passes it): those before it
  // (`BTCUSDC only for 7 days`), else those after it (`7 days on BTCUSDC only`, `for 7 days at 0%`).
  if (!readWords(text, start, start + duration.start, put)) readWords(text, durationEnd, end, put);
}

/** Words without a key: the Traffic % when they name a crypto or a percentage, else the pass criteria. */
function readWords(text: string, start: number, end: number, put: (name: string, start: number, end: number) => void): boolean {
  const words = text.slice(start, end);
  const lead = /^[\s,;:.—–-]*(?:(?:on|in|with|for|at|over|during)\s+)?/i.exec(words)![0].length;
  const what = words.slice(lead);
  // Markup alone (a footnote reference after the duration, `7d[^note]`) or a lone preposition says nothing.
  if (!/[\p{L}\p{N}]/u.test(stripMarkup(what)) || /^\s*(?:on|in|with|for|at|over|during)\s*$/i.test(what)) return false;
  put(TRAFFIC_WORD.test(what) ? 'Traffic %' : 'Pass criteria', start + lead, end);
  return true;
}

function trimSeparators(text: string): { text: string; start: number } {
  const lead = /^[\s,;—–-]*/.exec(text)![0].length;
  const trimmed = text.slice(lead).replace(/[\s,;—–-]+$/, '').replace(/\.$/, '');
  return { text: trimmed, start: lead };
}
