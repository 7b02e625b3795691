import type { StateBlock } from 'markdown-it';

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

// markdown-it 15's own limit on the cells a table's short rows may leave out.
const MAX_AUTOCOMPLETED_CELLS = 65536;

const isSpace = (code: number) => code === 9 || code === 32;

/** Whether one of the rules that may end a block starts at `line` (markdown-it's terminator check). */
function terminates(rules: readonly BlockRule[], state: StateBlock, line: number, endLine: number): boolean {
  for (let i = 0, l = rules.length; i < l; i++) if (rules[i](state, line, endLine, true)) return true;
  return false;
}

function getLine(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

/**
 * How many cells markdown-it's `escapedSplit` finds in a trimmed row once an empty first and
 * last piece are dropped: one more than the unescaped `|` (a `|` right after a backslash is
 * escaped), less the empty piece before a leading `|` and after a trailing unescaped one.
 */
function cellCount(row: string): number {
  let pieces = 1;
  for (let i = row.indexOf('|'); i >= 0; i = row.indexOf('|', i + 1)) {
    if (i === 0 || row.charCodeAt(i - 1) !== 92) pieces++;
  }
  if (row.charCodeAt(0) === 124) pieces--;
  const last = row.length - 1;
  if (pieces > 0 && row.charCodeAt(last) === 124 && (last === 0 || row.charCodeAt(last - 1) !== 92)) pieces--;
  return pieces;
}

/**
 * markdown-it's `table` rule, step for step, for a parser that keeps nothing inside a table
 * (blocks.ts): the same tests decide where a table starts and ends, but the rows are counted
 * instead of split into cells, and only `table_open` (with the table's map) and `table_close`
 * are pushed. Splitting every row into cell strings was a tenth of the block pass.
 */
export const blockTable: BlockRule = (state, startLine, endLine, silent) => {
  if (startLine + 2 > endLine) return false;
  let nextLine = startLine + 1;
  if (state.sCount[nextLine] < state.blkIndent) return false;
  if (state.sCount[nextLine] - state.blkIndent >= 4) return false;
  let pos = state.bMarks[nextLine] + state.tShift[nextLine];
  if (pos >= state.eMarks[nextLine]) return false;
  const firstCh = state.src.charCodeAt(pos++);
  if (firstCh !== 124 && firstCh !== 45 && firstCh !== 58) return false;
  if (pos >= state.eMarks[nextLine]) return false;
  const secondCh = state.src.charCodeAt(pos++);
  if (secondCh !== 124 && secondCh !== 45 && secondCh !== 58 && !isSpace(secondCh)) return false;
  if (firstCh === 45 && isSpace(secondCh)) return false;
  while (pos < state.eMarks[nextLine]) {
    const ch = state.src.charCodeAt(pos);
    if (ch !== 124 && ch !== 45 && ch !== 58 && !isSpace(ch)) return false;
    pos++;
  }
  let lineText = getLine(state, startLine + 1);
  const delimiters = lineText.split('|');
  let alignCount = 0;
  for (let i = 0; i < delimiters.length; i++) {
    const t = delimiters[i].trim();
    if (!t) {
      if (i === 0 || i === delimiters.length - 1) continue;
      else return false;
    }
    if (!/^:?-+:?$/.test(t)) return false;
    alignCount++;
  }
  lineText = getLine(state, startLine).trim();
  if (lineText.indexOf('|') === -1) return false;
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const columnCount = cellCount(lineText);
  if (columnCount === 0 || columnCount !== alignCount) return false;
  if (silent) return true;

  const oldParentType = state.parentType;
  state.parentType = 'table' as typeof state.parentType;
  const terminatorRules = state.md.block.ruler.getRules('blockquote');
  const tableOpen = state.push('table_open', 'table', 1);
  const tableLines: [number, number] = [startLine, 0];
  tableOpen.map = tableLines;
  let autocompletedCells = 0;
  for (nextLine = startLine + 2; nextLine < endLine; nextLine++) {
    if (state.sCount[nextLine] < state.blkIndent) break;
    if (terminates(terminatorRules, state, nextLine, endLine)) break;
    lineText = getLine(state, nextLine).trim();
    if (!lineText) break;
    if (state.sCount[nextLine] - state.blkIndent >= 4) break;
    autocompletedCells += columnCount - cellCount(lineText);
    if (autocompletedCells > MAX_AUTOCOMPLETED_CELLS) break;
  }
  state.push('table_close', 'table', -1);
  tableLines[1] = nextLine;
  state.parentType = oldParentType;
  state.line = nextLine;
  return true;
};

/**
 * markdown-it's `paragraph` rule without the paragraph's text: the inline pass is off, so the
 * `inline` token's content (the paragraph's lines joined and trimmed, the largest allocation of
 * the block pass) was never read; it stays empty. The same lines end it, the same tokens and maps
 * are pushed (the list rule marks a tight list's paragraphs by their place among the tokens).
 */
export const blockParagraph: BlockRule = (state, startLine, endLine) => {
  const terminatorRules = state.md.block.ruler.getRules('paragraph');
  const oldParentType = state.parentType;
  let nextLine = startLine + 1;
  state.parentType = 'paragraph';
  for (; nextLine < endLine && !state.isEmpty(nextLine); nextLine++) {
    if (state.sCount[nextLine] - state.blkIndent > 3) continue;
    if (state.sCount[nextLine] < 0) continue;
    if (terminates(terminatorRules, state, nextLine, endLine)) break;
  }
  state.line = nextLine;
  const open = state.push('paragraph_open', 'p', 1);
  open.map = [startLine, state.line];
  const inline = state.push('inline', '', 0);
  inline.map = [startLine, state.line];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
  state.parentType = oldParentType;
  return true;
};
