// Configured patterns run on RE2 (server/src/service/util/regex.ts): on what both engines accept,
// they must find what JavaScript's engine finds, through every RegExp method the rules use.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { validateStoryId } from '../client/src/commands/newFileInputs';
import { linearRegExp, patternProblem } from '../server/src/service/util/regex';

/** Patterns shaped as the rules build them from options: guards around a configured pattern. */
const PATTERNS: Array<[string, string]> = [
  [String.raw`(?<![\w-])(?:CVN-N\d+(-[A-Z0-9]+)*-S\d+)(?![\w-])`, 'g'],
  [String.raw`(?<![A-Za-z0-9])(?:[A-Z]{2,}USDC?)(?![A-Za-z0-9])`, 'g'],
  [String.raw`^(?:#?[A-Za-z0-9][\w.-]*)$`, ''],
  [String.raw`\bwp\s*#\s*\d+\b|https?://\S+?/work_packages/\d+`, 'i'],
  [String.raw`(?<year>\d{4})-(?<month>\d{2})?`, 'g'],
  [String.raw`(?:a|ab)(?![b])`, 'g'],
  [String.raw`(a+)+$`, ''],
];

const shape = (m: RegExpMatchArray) => ({ text: [...m], index: m.index, groups: m.groups ? { ...m.groups } : undefined });

describe('linear-time patterns', () => {
  it('match as JavaScript does: matchAll, exec, test, replace, split', () => {
    const text = fc.string({ unit: fc.constantFrom('C', 'V', 'N', '-', '1', '2', 'S', 'x', 'a', 'b', 'A', 'U', 'D', 'w', 'p', '#', ' ', '\n', '9', '0', 'é') , maxLength: 40 });
    for (const [source, flags] of PATTERNS) {
      fc.assert(
        fc.property(text, (input) => {
          const global = flags.includes('g') ? flags : flags + 'g';
          assert.deepEqual([...input.matchAll(linearRegExp(source, global))].map(shape), [...input.matchAll(new RegExp(source, global))].map(shape), source);
          assert.equal(linearRegExp(source, flags.replace('g', '')).test(input), new RegExp(source, flags.replace('g', '')).test(input));
          assert.equal(input.replace(linearRegExp(source, global), '<$&>'), input.replace(new RegExp(source, global), '<$&>'));
          assert.deepEqual(input.split(linearRegExp(source, flags)), input.split(new RegExp(source, flags)));
        }),
        { numRuns: 150 },
      );
    }
  });

  it('run (a+)+$ on a long input at once, and say why a pattern cannot run', () => {
    assert.equal(linearRegExp('(a+)+$').test(`${'a'.repeat(10_000)}!`), false);
    assert.match(patternProblem('a(?=b)')!, /^a pattern the checker cannot run in linear time: lookaheads/);
    assert.match(patternProblem('(a)\\1')!, /^a pattern the checker cannot run in linear time/);
    assert.match(patternProblem('(')!, /^not a valid regular expression/);
    assert.equal(patternProblem('(a+)+$'), undefined);
    assert.equal(patternProblem('x'.repeat(10_001)), 'longer than 10,000 characters');
  });

  it('the "New readiness file" prompt checks a typed story id against a configured pattern in linear time', () => {
    assert.match(validateStoryId(`${'a'.repeat(40)}!`, '(a+)+$')!, /is not a Story id as this workspace names them \(RDY101 storyIdPattern\)/);
    assert.equal(validateStoryId('a'.repeat(40), '(a+)+$'), undefined);
    assert.equal(validateStoryId('CVN-N1-S1', 'CVN-(?=N)N\\d+-S\\d+x'), undefined, 'a pattern RE2 cannot run falls back to the default');
  });
});
