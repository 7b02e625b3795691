// The block parser builds markdown-it's tokens with its own, faster block state (parser/blocks.ts,
// issue 6). It must yield exactly the tokens stock markdown-it yields with the same options, less table
// cells and paragraph text (blockRules.ts): same fields in the same order, same values, same prototype. A markdown-it upgrade that adds a Token
// field or changes `StateBlock.push` shows up here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { readinessDocument } from '../bench/documents';
import { parseBlocks } from '../server/src/service/parser/blocks';

type Parse = (src: string, env: object) => unknown[];

// The block parser's markdown-it instance is private to its module: its tokens are recorded by
// wrapping MarkdownIt.prototype.parse for the duration of one parse.
const prototype = MarkdownIt.prototype as unknown as { parse: Parse };
const original = prototype.parse;
let captured: unknown[] = [];

const stock = new MarkdownIt('default', { html: true });
stock.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);

function markdownFiles(folder: string, out: string[] = []): string[] {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) markdownFiles(path, out);
    else if (path.endsWith('.md')) out.push(path);
  }
  return out;
}

const CONSTRUCTS =
  '- a\n  - b\n\n> q\n> - x\n\n```js\nx\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>\nhi\n</div>\n\n' +
  'Setext\n===\n\n    code\n\n1. one\n2. two\n\n[ref]: http://x "t"\n\n***\n\n# h #\n\n' +
  // Tables: header only, in a quote, ended by a list, in a list item, with an escaped pipe.
  '| h |\n|---|\n\n> | a |\n> |---|\n> | 1 |\n\n| x | y |\n|---|---|\n| 1 | 2 |\n- item\n\n- | p | q |\n  |---|---|\n  | 3 \\| 4 | 5 |\n';

/**
 * Stock tokens less what is inside tables, which the block parser does not keep (tables.ts reads
 * rows and cells), and less each paragraph's text (the content of its `inline` token), which only
 * the inline pass reads: the block parser leaves it empty.
 */
function withoutTableInsides(tokens: Array<{ type: string; content: string }>): Array<{ type: string }> {
  let inTable = false;
  return tokens
    .filter((token) => {
      if (token.type === 'table_close') inTable = false;
      const kept = !inTable;
      if (token.type === 'table_open') inTable = true;
      return kept;
    })
    .map((token, i, kept) => (token.type === 'inline' && kept[i - 1]?.type === 'paragraph_open' ? Object.assign(Object.create(Object.getPrototypeOf(token)), token, { content: '' }) : token));
}

/** The first line of each row (`tr_open`) of each table, as stock markdown-it maps them. */
function stockRowLines(tokens: Array<{ type: string; map: [number, number] | null }>): number[][] {
  const tables: number[][] = [];
  for (const token of tokens) {
    if (token.type === 'table_open') tables.push([]);
    if (token.type === 'tr_open' && token.map) tables[tables.length - 1].push(token.map[0]);
  }
  return tables;
}

describe('block parser tokens', () => {
  it('are the tokens of stock markdown-it on the examples, the fixtures and every block construct', () => {
    const root = join(__dirname, '..');
    const texts = [
      CONSTRUCTS,
      readinessDocument(1_000),
      ...markdownFiles(join(root, 'examples')).map((f) => readFileSync(f, 'utf8')),
      ...markdownFiles(join(root, 'test/fixtures')).map((f) => readFileSync(f, 'utf8')),
    ];
    for (const text of texts) {
      prototype.parse = function (this: unknown, src: string, env: object) {
        captured = original.call(this, src, env);
        return captured;
      };
      let blocks: ReturnType<typeof parseBlocks>;
      try {
        blocks = parseBlocks(text);
      } finally {
        prototype.parse = original;
      }
      const stockTokens = stock.parse(text, {});
      const rowLines = blocks.flatMap((block) => (block.kind === 'table' ? [block.rowLines] : []));
      assert.deepEqual(rowLines, stockRowLines(stockTokens as Array<{ type: string; map: [number, number] | null }>));
      const expected = withoutTableInsides(stockTokens as Array<{ type: string; content: string }>);
      assert.equal(JSON.stringify(captured), JSON.stringify(expected));
      captured.forEach((token, i) => assert.equal(Object.getPrototypeOf(token), Object.getPrototypeOf(expected[i])));
    }
  });
});
