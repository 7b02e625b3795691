import MarkdownIt from 'markdown-it';

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

export function parseBlocks(text: string): Block[] {
  const tokens = markdown.parse(text, {});
  const blocks: Block[] = [];
  let listDepth = 0;
  let table: Extract<Block, { kind: 'table' }> | undefined;
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
          table = { kind: 'table', startLine: map[0], endLine: map[1], rowLines: [] };
          blocks.push(table);
        }
        break;
      case 'tr_open':
        if (table && map) table.rowLines.push(map[0]);
        break;
      case 'table_close':
        table = undefined;
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
