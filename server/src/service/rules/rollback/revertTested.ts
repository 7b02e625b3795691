import type { ReadinessDocument, Section } from '../../model';
import { findSection, proseOf, sectionTable } from '../../query';
import { defineRule } from '../types';
import { hasKeyword, keywordListSchema } from '../../util/keywords';

const DEFAULTS = {
  testVerbs: ['tested', 'flipped', 'verified', 'rehearsed', 'exercised', 'validated', 'drilled', 'tried', 'dry run'],
  shadowPhrases: [
    'in shadow',
    'during shadow',
    'on shadow',
    'shadow stage',
    'shadow phase',
    'shadow runner',
    'shadow deployment',
    'shadow environment',
    'shadow run',
    'shadow tested',
  ],
  negations: ['not', 'never', "wasn't", "hasn't", "haven't", "isn't", "weren't", 'untested', 'yet to', 'will be', 'to be tested', 'planned', 'TODO', 'TBD'],
};

export const revertTestedRule = defineRule({
  code: 'RDY504',
  name: 'revert-tested',
  requirements: ['B4'],
  section: 'rollback',
  severity: 'warning',
  summary: 'The rollback plan says the revert was tested in shadow (flag flipped, champion behaviour verified restored).',
  rationale:
    'A revert path nobody has exercised fails when it is needed: the template requires the revert mechanism to be tested in ' +
    'the shadow stage at least once — a manual flip, then verifying the champion behaviour is restored — so that the ' +
    'config-only rollback (ADR-56, ADR-59 flags) is known to work before real traffic depends on it.',
  fixHint: 'Flip the revert in the shadow stage, then write it down, e.g. "The revert was tested in shadow: flag flipped, champion predictions verified restored."',
  defaultOptions: DEFAULTS,
  optionsSchema: {
    testVerbs: keywordListSchema('Words saying the revert was exercised (tested, flipped, verified …).'),
    shadowPhrases: keywordListSchema('Phrases placing that test in the shadow stage (in shadow, during shadow, shadow stage …).'),
    negations: keywordListSchema('Words that make a sentence say the test has NOT happened (not, never, planned …).'),
  },
  check({ document, options, report }) {
    const section = findSection(document, 'rollback');
    if (!section) return;
    const table = sectionTable(section);
    if (!table && section.skips.length) return;
    for (const sentence of sentencesOf(document, section)) {
      if (hasKeyword(sentence, options.testVerbs) && hasKeyword(sentence, options.shadowPhrases) && !hasKeyword(sentence, options.negations)) return;
    }
    report({
      range: table ? table.header.range : section.heading.range,
      message:
        'Nothing in §5 says the revert was tested in shadow: flip it once in the shadow stage and write it down, e.g. ' +
        '"The revert was tested in shadow: flag flipped on the shadow runner, champion behaviour verified restored."',
    });
  },
});

/**
 * The section's own words — prose (guidance excluded), then table cells — cut into sentences,
 * one at a time: the check stops at the first sentence that says the revert was tested.
 */
function* sentencesOf(document: ReadinessDocument, section: Section): Generator<string> {
  // Prose wraps across lines: join a paragraph's lines before cutting at sentence ends; list items stay apart.
  let prose = '';
  let previous = -2;
  for (const { line, text } of proseOf(document, section)) {
    const continues = line === previous + 1 && !/^\s*(?:[-*+]|\d+[.)])\s/.test(text);
    prose += (prose ? (continues ? ' ' : '\n') : '') + text;
    previous = line;
  }
  yield* sentencesIn(prose);
  for (const row of sectionTable(section)?.rows ?? []) for (const cell of row.cells) yield* sentencesIn(cell.value);
}

function sentencesIn(text: string): string[] {
  return text.split(/(?<=[.!?;])\s+|\n/).filter((sentence) => sentence.trim());
}
