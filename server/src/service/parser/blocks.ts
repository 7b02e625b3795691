import MarkdownIt from 'markdown-it';
import { blockParagraph, blockTable } from './blockRules';

/** A block of the document as markdown-it's source map gives it (lines are 0-based, end exclusive). */
export type Block =
  | { kind: 'heading'; level: number; startLine: number; endLine: number }
  | { kind: 'paragraph'; startLine: number; endLine: number; inListItem: boolean }
  | { kind: 'table'; startLine: number; endLine: number; rowLines: number[] }
  | { kind: 'html'; startLine: number; endLine: number }
  | { kind: 'code'; startLine: number; endLine: number };

// Only block structure is needed: every rule reads cells and lines from the source text with
// exact columns, so the inline pass (the costly half of markdown-it) is switched off.
const markdown = new MarkdownIt('default', { html: true });
markdown.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
// markdown-it's normalize, run only on a text that needs it: most files have no CR and no NUL.
markdown.core.ruler.at('normalize', (state) => {
  if (state.src.includes('\r') || state.src.includes('\0')) state.src = state.src.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
});
// Tables and paragraphs are found as markdown-it finds them, without the cell and paragraph
// strings only the inline pass would read (blockRules.ts).
markdown.block.ruler.at('table', blockTable, { alt: ['paragraph', 'reference'] });
markdown.block.ruler.at('paragraph', blockParagraph);

// markdown-it 15's published build turns Token's class fields into a `_defineProperty` helper call
// per field: profiling showed token construction at about half of the block pass. This parser's
// block state (`markdown.block.State`, an instance field, so no other markdown-it user is
// affected) builds the same tokens — the same fields, values and prototype, hence the same
// methods — with plain assignments. `push` is markdown-it's own `StateBlock.push`, token for token.
const BaseState = markdown.block.State;
type BlockToken = ReturnType<InstanceType<typeof BaseState>['push']>;
const TokenClass = new BaseState('', markdown, {}, []).Token;

function FastToken(this: BlockToken, type: string, tag: string, nesting: -1 | 0 | 1) {
  this.map = null;
  this.level = 0;
  this.children = null;
  this.content = '';
  this.markup = '';
  this.info = '';
  this.block = false;
  this.hidden = false;
  this.type = type;
  this.tag = tag;
  this.attrs = null;
  this.nesting = nesting;
  this.meta = null;
}
FastToken.prototype = TokenClass.prototype;

// Nothing inside a table is pushed (blockRules.ts): rules read cells from the source line, with
// exact columns (tables.ts), and the rows are the lines of the table's map but its delimiter line.

type BlockState = InstanceType<typeof BaseState>;

/**
 * markdown-it's StateBlock constructor, field for field, in plain assignments (its build sets
 * each class field through `_defineProperty`), with each line's end found by `indexOf` instead
 * of a test of every character. As in markdown-it, a last line of only spaces and tabs with no
 * line break after it is no line.
 */
function FastState(this: BlockState, src: string, md: BlockState['md'], env: BlockState['env'], tokens: BlockToken[]) {
  this.bMarks = [];
  this.eMarks = [];
  this.tShift = [];
  this.sCount = [];
  this.bsCount = [];
  this.blkIndent = 0;
  this.line = 0;
  this.lineMax = 0;
  this.tight = false;
  this.listIndent = -1;
  this.parentType = 'root';
  this.level = 0;
  this.Token = TokenClass;
  this.src = src;
  this.md = md;
  this.env = env;
  this.tokens = tokens;
  const length = src.length;
  for (let start = 0; start < length; ) {
    let pos = start;
    let indent = 0;
    let offset = 0;
    for (; pos < length; pos++) {
      const ch = src.charCodeAt(pos);
      if (ch === 32) offset++;
      else if (ch === 9) offset += 4 - (offset % 4);
      else break;
      indent++;
    }
    if (pos >= length) break;
    const newline = src.indexOf('\n', pos);
    const end = newline < 0 ? length : newline;
    this.bMarks.push(start);
    this.eMarks.push(end);
    this.tShift.push(indent);
    this.sCount.push(offset);
    this.bsCount.push(0);
    start = end + 1;
  }
  this.bMarks.push(length);
  this.eMarks.push(length);
  this.tShift.push(0);
  this.sCount.push(0);
  this.bsCount.push(0);
  this.lineMax = this.bMarks.length - 1;
}
FastState.prototype = Object.create(BaseState.prototype, { constructor: { value: FastState, writable: true, configurable: true } });
FastState.prototype.push = function push(this: BlockState, type: string, tag: string, nesting: -1 | 0 | 1): BlockToken {
  const token = new (FastToken as unknown as new (type: string, tag: string, nesting: -1 | 0 | 1) => BlockToken)(type, tag, nesting);
  token.block = true;
  if (nesting < 0) this.level--;
  token.level = this.level;
  if (nesting > 0) this.level++;
  this.tokens.push(token);
  return token;
};
markdown.block.State = FastState as unknown as typeof BaseState;

/**
 * YAML front matter (`---` on the first line, up to a `---` or `...` line): metadata for a site
 * generator, not the form's content. Its last line, or -1 when there is none.
 */
function frontMatterEnd(text: string): number {
  if (!/^---[ \t]*\r?\n/.test(text)) return -1;
  const closing = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(text.indexOf('\n') + 1);
  const found = closing.exec(rest);
  if (!found) return -1;
  // YAML opens with a key (`title: …`); a leading rule over Markdown (`---` then `# Title`) is no front matter.
  const body = rest.slice(0, found.index);
  return /^\s*[\w-]+[ \t]*:/.test(body) ? body.split('\n').length : -1;
}

export function parseBlocks(text: string): Block[] {
  const metadataEnd = frontMatterEnd(text);
  const blocks: Block[] = [];
  let source = text;
  if (metadataEnd >= 0) {
    // Read as a code block; markdown-it gets blank lines in its place, so that line numbers hold.
    blocks.push({ kind: 'code', startLine: 0, endLine: metadataEnd + 1 });
    const lines = text.split('\n');
    source = lines.map((line, i) => (i <= metadataEnd ? '' : line)).join('\n');
  }
  const tokens = markdown.parse(source, {});
  let listDepth = 0;
  for (const token of tokens) {
    const map = token.map;
    switch (token.type) {
      case 'list_item_open':
        listDepth++;
        break;
      case 'list_item_close':
        listDepth--;
        break;
      case 'heading_open':
        if (map) blocks.push({ kind: 'heading', level: Number(token.tag.slice(1)), startLine: map[0], endLine: map[1] });
        break;
      case 'paragraph_open':
        if (map) blocks.push({ kind: 'paragraph', startLine: map[0], endLine: map[1], inListItem: listDepth > 0 });
        break;
      case 'table_open':
        if (map) {
          // The header line, then every line after the delimiter line.
          const rowLines = [map[0]];
          for (let line = map[0] + 2; line < map[1]; line++) rowLines.push(line);
          blocks.push({ kind: 'table', startLine: map[0], endLine: map[1], rowLines });
        }
        break;
      case 'html_block':
        if (map) blocks.push({ kind: 'html', startLine: map[0], endLine: map[1] });
        break;
      case 'fence':
      case 'code_block':
        if (map) blocks.push({ kind: 'code', startLine: map[0], endLine: map[1] });
        break;
    }
  }
  return blocks;
}
