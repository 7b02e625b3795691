import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Range } from 'vscode-languageserver-types';
import { analyse, parseReadiness, resolveSettings, RULES, memoryWorkspace, type ReadinessFinding } from '../server/src/service';
import { readExample, readTemplate, TODAY } from './helpers';

const SEED = Number(process.env.FC_SEED ?? 20261126);
const params = { seed: SEED, numRuns: 150 };

const TEMPLATE = readTemplate();
const VALID = readExample('documentation/readiness/CVN-N011-EA-S11.md');
const settings = resolveSettings(RULES, []);

function analyseAll(text: string) {
  return analyse(parseReadiness(text), { settings, workspace: memoryWorkspace({}), documentPath: 'readiness.md', today: TODAY });
}

/** Every range lies inside the document, start before end, on real lines. */
function assertInside(text: string, ranges: Range[]): void {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const range of ranges) {
    const { start, end } = range;
    assert.ok(start.line >= 0 && end.line < lines.length, `line inside: ${JSON.stringify(range)}`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `start ≤ end: ${JSON.stringify(range)}`);
    assert.ok(start.character >= 0 && start.character <= lines[start.line].length, `start column inside: ${JSON.stringify(range)}`);
    assert.ok(end.character <= lines[end.line].length, `end column inside: ${JSON.stringify(range)}`);
  }
}

const rangesOf = (findings: ReadinessFinding[]) => findings.flatMap((f) => [f.range, ...f.fixes.flatMap((fix) => fix.edits.map((e) => e.range))]);

/** Mutations people and editors make: lines lost, doubled, swapped; characters typed; files cut short. */
const NASTY = ['|', '`', '<', '>', '🚀', '\r', '\n', '\t', '**', '\\', '-', '#', ' ', 'é', '\u0000', '[x]', '§'];
function mutation(base: string) {
  const lineCount = base.split('\n').length;
  return fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), line: fc.nat(lineCount) }),
    fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat(lineCount) }),
    fc.record({ kind: fc.constant('swap' as const), line: fc.nat(lineCount), other: fc.nat(lineCount) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(base.length), text: fc.constantFrom(...NASTY) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(base.length) }),
  );
}

type Mutation = { kind: 'delete' | 'duplicate'; line: number } | { kind: 'swap'; line: number; other: number } | { kind: 'insert'; at: number; text: string } | { kind: 'truncate'; at: number };

function apply(text: string, m: Mutation): string {
  const lines = text.split('\n');
  switch (m.kind) {
    case 'delete':
      lines.splice(m.line % lines.length, 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(m.line % lines.length, 0, lines[m.line % lines.length]);
      return lines.join('\n');
    case 'swap': {
      const a = m.line % lines.length;
      const b = m.other % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'insert':
      return text.slice(0, m.at) + m.text + text.slice(m.at);
    case 'truncate':
      // Cut at a byte, as a partial write would: the UTF-8 decoder then replaces a broken character.
      return Buffer.from(text, 'utf8').subarray(0, m.at).toString('utf8');
  }
}

describe('the engine never throws and keeps ranges inside the document', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (tail) => {
        const text = '# MLOps readiness — CVN-N1-S1 fuzz\n' + tail;
        assertInside(text, rangesOf(analyseAll(text).findings));
      }),
      params,
    );
  });

  for (const [name, base] of [['the template', TEMPLATE], ['the valid example', VALID]] as const) {
    it(`on mutations of ${name}`, () => {
      fc.assert(
        fc.property(fc.array(mutation(base), { minLength: 1, maxLength: 6 }), (mutations) => {
          const text = mutations.reduce(apply, base);
          assertInside(text, rangesOf(analyseAll(text).findings));
        }),
        params,
      );
    });
  }
});

describe('a rule that throws', () => {
  it('is reported once through onRuleError while the other rules still report', () => {
    const victim = RULES.find((rule) => rule.code === 'RDY002')!;
    const original = victim.check;
    victim.check = () => {
      throw new Error('boom');
    };
    try {
      const failures: string[] = [];
      const result = analyse(parseReadiness(TEMPLATE), {
        settings,
        workspace: memoryWorkspace({}),
        today: TODAY,
        onRuleError: (rule, error) => failures.push(`${rule.code}: ${(error as Error).message}`),
      });
      assert.deepEqual(failures, ['RDY002: boom']);
      assert.ok(result.findings.some((f) => f.rule.code === 'RDY001'), 'other rules still report');
    } finally {
      victim.check = original;
    }
  });
});
