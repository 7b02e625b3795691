// ARCHITECTURE.md is where a newcomer looks first: its code map must name files that exist, and
// its rule table must send each rule code to the file that defines it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../server/src/service';
import { ROOT } from './helpers';

const TEXT = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
const RULES_DIR = join(ROOT, 'server/src/service/rules');

/** The table rows of the section that starts with `heading`, as cell lists (header and delimiter rows left out). */
function tableRows(heading: string): string[][] {
  const start = TEXT.indexOf(heading);
  assert.ok(start >= 0, `ARCHITECTURE.md has "${heading}"`);
  const rows: string[][] = [];
  for (const line of TEXT.slice(start).split('\n').slice(1)) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('|') || /^\|[-\s|]+\|$/.test(line)) continue;
    rows.push(line.slice(1, -1).split('|').map((cell) => cell.trim()));
  }
  return rows.slice(1);
}

const codeSpans = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

describe('ARCHITECTURE.md', () => {
  it('sends every rule code to the file that defines it', () => {
    const listed = new Map<string, string>();
    for (const [part, cell] of tableRows('### Rules:')) {
      const home = codeSpans(part!)[0]!;
      // "RDY001 `noPlaceholders`, 002 `sectionRequired`, …": a code, then its file's name.
      for (const match of cell!.matchAll(/(?:RDY)?(\d{3}) `(\w+)`/g)) listed.set(`RDY${match[1]}`, `${home}/${match[2]}.ts`);
    }
    assert.deepEqual([...listed.keys()].sort(), RULES.map((rule) => rule.code).sort(), 'every rule is listed, once');
    for (const [code, file] of listed) {
      const path = join(RULES_DIR, file);
      assert.ok(existsSync(path), `${code}: rules/${file} exists`);
      assert.match(readFileSync(path, 'utf8'), new RegExp(`code: '${code}'`), `rules/${file} defines ${code}`);
    }
  });

  it('names facts files that exist', () => {
    for (const [part, cell] of tableRows('Facts, by part:')) {
      for (const name of codeSpans(cell!)) {
        const path = join(ROOT, 'server/src/service/facts', codeSpans(part!)[0]!, `${name}.ts`);
        assert.ok(existsSync(path), `facts/${codeSpans(part!)[0]}/${name}.ts exists`);
      }
    }
  });

  it('names paths that exist in its code map', () => {
    const maps: Array<[string, string]> = [
      ['### `server/src/service/`', 'server/src/service'],
      ['### The shells', ''],
      ['### Around the code', ''],
    ];
    for (const [heading, base] of maps) {
      for (const [paths] of tableRows(heading)) {
        const spans = codeSpans(paths!);
        assert.ok(spans.length, `a row under "${heading}" names a path`);
        // Later spans in a cell are often siblings of the first (`checker.ts`, `diagnostics.ts`).
        const folder = spans[0]!.includes('/') ? spans[0]!.replace(/\/[^/]*$/, '') : '';
        for (const span of spans) {
          const path = span.replace(/<code>\.md$/, '');
          assert.ok(existsSync(join(ROOT, base, path)) || existsSync(join(ROOT, base, folder, path)), `"${span}" under "${heading}" exists`);
        }
      }
    }
  });
});
