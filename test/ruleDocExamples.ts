// The failing and passing examples of a rule page (docs/rules/<code>.md), read out of the page and put into
// a valid readiness file (examples/…/CVN-N011-EA-S11.md) where they belong, so that a test can check them.
//
// An example is a ```markdown block under "## Failing example" or "## Passing example" (each block one
// example). Most are fragments, placed by what they are:
// - a title, a header field (`**Owner**: …`), a §6 field (`- **DRI**: …`) or a checklist box replaces the
//   line with the same key; a line `…` separates fragments that go to different places;
// - a table (header row first) replaces the table with the same first column and the rest of its section;
// - table rows (no header) replace the rows with the same first cell;
// - headings (`## 3. Drift detection`) give the file's sections in that order, from the first shown to the
//   last: a heading alone (or followed by `…`) keeps its section's body, one followed by lines has them as body
//   (lines followed by `…` are placed into the body instead).
// Comments before a block say what the page cannot show in it:
// - `<!-- example: section N -->`: rows with no row of the same first cell are added to section N's table;
// - `<!-- example: file PATH -->`: the block is the workspace file PATH (a runbook, CODEOWNERS) for the
//   section's examples; a section with only such blocks checks the valid file itself;
// - `<!-- example: without PATH -->`: the workspace has no file PATH for the section's examples.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROOT } from './helpers';

export const HOST_PATH = 'documentation/readiness/CVN-N011-EA-S11.md';
const EXAMPLES = join(ROOT, 'examples');

export interface RuleDocExample {
  kind: 'failing' | 'passing';
  /** 1-based line of the block's opening fence in the page. */
  line: number;
  /** The readiness file with the example in place. */
  text: string;
  /** The 0-based lines of `text` that the example wrote (none when the example is the workspace's files). */
  placedLines: number[];
  /** Why the example could not be placed (then `text` is the valid file). */
  problem?: string;
  /** The workspace around it, by root-relative path. */
  files: Record<string, string>;
}

interface Block {
  line: number;
  lines: string[];
  directives: string[];
}

/** Every file of examples/ but the readiness files: the runbooks the valid file links, the config. */
function exampleWorkspace(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(EXAMPLES, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(EXAMPLES);
  return Object.fromEntries(Object.entries(files).filter(([path]) => !path.startsWith('documentation/readiness/')));
}

/** The blocks of a page's section ("## Failing example"), with the `<!-- example: … -->` comments before each. */
function blocksOf(page: string[], heading: string): Block[] {
  const start = page.indexOf(heading);
  if (start < 0) return [];
  const blocks: Block[] = [];
  let directives: string[] = [];
  for (let i = start + 1; i < page.length && !page[i].startsWith('## '); i++) {
    const directive = /^<!-- example: (.*?) -->$/.exec(page[i]);
    if (directive) directives.push(directive[1]);
    if (!page[i].startsWith('```')) continue;
    const end = page.findIndex((l, j) => j > i && l.startsWith('```'));
    if (end < 0) throw new Error(`unclosed code block at line ${i + 1}`);
    blocks.push({ line: i + 1, lines: page.slice(i + 1, end), directives });
    directives = [];
    i = end;
  }
  return blocks;
}

/** The examples of one rule page. */
export function ruleDocExamples(pageText: string): RuleDocExample[] {
  const page = pageText.split('\n');
  const host = readFileSync(join(EXAMPLES, HOST_PATH), 'utf8');
  const examples: RuleDocExample[] = [];
  for (const kind of ['failing', 'passing'] as const) {
    const blocks = blocksOf(page, kind === 'failing' ? '## Failing example' : '## Passing example');
    const files = exampleWorkspace();
    const fragments: Block[] = [];
    for (const block of blocks) {
      const file = block.directives.map((d) => /^file (\S+)$/.exec(d)?.[1]).find(Boolean);
      if (file) files[file] = block.lines.join('\n') + '\n';
      else fragments.push(block);
      for (const path of block.directives.map((d) => /^without (\S+)$/.exec(d)?.[1]).filter(Boolean)) delete files[path!];
    }
    if (!fragments.length && blocks.length) examples.push({ kind, line: blocks[0].line, text: host, placedLines: [], files });
    for (const block of fragments) {
      const section = Number(block.directives.map((d) => /^section (\d+)$/.exec(d)?.[1]).find(Boolean)) || undefined;
      try {
        const lines = place(host.split('\n'), block.lines, section);
        const placedLines = lines.flatMap((line, i) => (line.startsWith(PLACED) ? [i] : []));
        examples.push({ kind, line: block.line, text: lines.map(unmark).join('\n'), placedLines, files });
      } catch (error) {
        examples.push({ kind, line: block.line, text: host, placedLines: [], files, problem: (error as Error).message });
      }
    }
  }
  return examples;
}

// A line the example wrote carries this mark until the text is joined: what later fragments look for in the
// valid file never matches it, and the test knows which lines are the example's.
const PLACED = '\u0001';
const mark = (line: string) => PLACED + line;
const unmark = (line: string) => (line.startsWith(PLACED) ? line.slice(1) : line);

const isBlank = (line: string) => !line.trim();
const isHeading = (line: string) => line.startsWith('## ');
const isRow = (line: string) => line.trimStart().startsWith('|');
const isDelimiter = (line: string | undefined) => line !== undefined && /^\s*\|?\s*:?-+/.test(line) && !/[^|\s:-]/.test(line);
const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
/** A row's key: the first word of its first cell, without backticks. */
const rowKey = (row: string) => cells(row)[0].replace(/`/g, '').split(/\s+/)[0].toLowerCase();
/** A heading's key: its words without number and `(MUST)`. */
const headingKey = (line: string) =>
  line
    .replace(/^##\s+/, '')
    .replace(/^(§\s*)?\d+[.)]?\s+/, '')
    .replace(/\(MUST\)/i, '')
    .trim()
    .toLowerCase();

/** The key of a line that stands for itself: the title, a header or §6 field, a checklist box. */
function lineKey(line: string): string | undefined {
  if (line.startsWith('# ')) return 'title';
  const field = /^(- )?\*\*([^*]+?):?\*\*:?/.exec(line);
  if (field) return `${field[1] ?? ''}${field[2]}`;
  const box = /^- \[[ xX]\] (.*?)(?: : | \(|$)/.exec(line);
  if (box) return `box ${box[1]}`;
  return undefined;
}

/** The host with one block placed in it. */
function place(host: string[], block: string[], section: number | undefined): string[] {
  if (block.some(isHeading)) return placeOutline(host, block);
  let result = host;
  for (const piece of splitOn(block, '…')) result = placePiece(result, piece, section);
  return result;
}

/** The runs of `lines` between separator lines, without their blank edges; empty runs left out. */
function splitOn(lines: string[], separator: string): string[][] {
  const pieces: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === separator) pieces.push([]);
    else pieces[pieces.length - 1].push(line);
  }
  return pieces.map(trimBlank).filter((piece) => piece.length);
}

function trimBlank(lines: string[]): string[] {
  let [start, end] = [0, lines.length];
  while (start < end && isBlank(lines[start])) start++;
  while (end > start && isBlank(lines[end - 1])) end--;
  return lines.slice(start, end);
}

/** Where each `## ` section of the text starts and ends (its heading included). */
function sections(text: string[]): Array<{ start: number; end: number; key: string; heading: string }> {
  const starts = text.flatMap((line, i) => (isHeading(line) ? [i] : []));
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length, key: headingKey(text[start]), heading: text[start] }));
}

function placePiece(host: string[], piece: string[], section: number | undefined): string[] {
  if (isRow(piece[0]) && isDelimiter(piece[1])) return placeTable(host, piece);
  if (piece.every((line) => isRow(line) || line.startsWith('<!--'))) return placeRows(host, piece, section);
  let result = host;
  for (const line of piece) {
    if (isBlank(line)) continue;
    const key = lineKey(line);
    const at = key === undefined ? -1 : result.findIndex((hostLine) => lineKey(hostLine) === key);
    if (at < 0) throw new Error(`no line of the valid file is like "${line}"`);
    result = [...result.slice(0, at), mark(line), ...result.slice(at + 1)];
  }
  return result;
}

/** A table, and what follows it, in place of the table with the same first column and the rest of its section. */
function placeTable(host: string[], piece: string[]): string[] {
  const firstColumn = cells(piece[0])[0];
  const start = host.findIndex((line, i) => isRow(line) && isDelimiter(host[i + 1]) && cells(line)[0] === firstColumn);
  if (start < 0) throw new Error(`no table of the valid file starts with "${firstColumn}"`);
  const end = host.findIndex((line, i) => i > start && isHeading(line));
  return [...host.slice(0, start), ...piece.map(mark), '', ...host.slice(end < 0 ? host.length : end)];
}

/** Rows in place of the rows with the same first cell; the others at the end of section `section`'s table. */
function placeRows(host: string[], piece: string[], section: number | undefined): string[] {
  let result = [...host];
  let pending: string[] = [];
  for (const line of piece) {
    if (!isRow(line)) {
      pending.push(line);
      continue;
    }
    const key = rowKey(line);
    const at = result.findIndex((hostLine, i) => isRow(hostLine) && !isDelimiter(hostLine) && !isDelimiter(result[i + 1]) && rowKey(hostLine) === key);
    if (at >= 0) result = [...result.slice(0, at), ...pending.map(mark), mark(line), ...result.slice(at + 1)];
    else {
      if (section === undefined) throw new Error(`no row of the valid file starts with "${key}" (say where: <!-- example: section N -->)`);
      const target = sections(result).find((s) => new RegExp(`^##\\s+(§\\s*)?${section}\\b`).test(s.heading));
      if (!target) throw new Error(`the valid file has no section ${section}`);
      let lastRow = target.end - 1;
      while (lastRow > target.start && !isRow(result[lastRow])) lastRow--;
      result = [...result.slice(0, lastRow + 1), ...pending.map(mark), mark(line), ...result.slice(lastRow + 1)];
    }
    pending = [];
  }
  return result;
}

/** Headings: the file's sections, from the first shown to the last, are those shown, in that order. */
function placeOutline(host: string[], block: string[]): string[] {
  interface Shown {
    heading: string;
    body: string[];
    elided: boolean;
  }
  const shown: Shown[] = [];
  for (const line of block) {
    if (isHeading(line)) shown.push({ heading: line, body: [], elided: false });
    else if (!shown.length) {
      if (!isBlank(line)) throw new Error(`"${line}" comes before the first heading`);
    } else if (line.trim() === '…') shown[shown.length - 1].elided = true;
    else shown[shown.length - 1].body.push(line);
  }
  // Lines followed by `…` are placed into the host's section; the others are the section's whole body.
  let text = host;
  for (const s of shown) if (s.elided && trimBlank(s.body).length) text = place(text, s.body, undefined);
  const hostSections = sections(text);
  const matched = shown.map((s) => {
    const found = hostSections.find((h) => h.key === headingKey(s.heading));
    if (!found) throw new Error(`the valid file has no section "${s.heading}"`);
    return found;
  });
  const from = Math.min(...matched.map((m) => m.start));
  const to = Math.max(...matched.map((m) => m.end));
  const replaced = shown.flatMap((s, i) => {
    const body = s.elided || !trimBlank(s.body).length ? text.slice(matched[i].start + 1, matched[i].end) : ['', ...trimBlank(s.body).map(mark), ''];
    return [mark(s.heading), ...body];
  });
  return [...text.slice(0, from), ...replaced, ...text.slice(to)];
}
