import type { ReadinessDocument, Section } from '../../model';
import { findSection, proseOf, sectionTable } from '../../facts/document';
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
    // "Revert tested ✅ (shadow, 2026-10-30)": the stage named alone; "before / after / until shadow" are negations.
    'shadow',
  ],
  negations: [
    'not',
    'never',
    "wasn't",
    "hasn't",
    "haven't",
    "isn't",
    "weren't",
    'untested',
    'yet to',
    'will be',
    'will test',
    'to be',
    'must',
    'should',
    'planned',
    'pending',
    'scheduled',
    'before shadow',
    'after shadow',
    'until shadow',
    'before the shadow',
    'after the shadow',
    'until the shadow',
    'shadow starts',
    'shadow begins',
    'TODO',
    'TBD',
  ],
};

/** A mark saying "done": ✅, ✔, ✓, ☑ or a ticked box. */
const DONE_MARK = /[✅✔✓☑]|\[[xX]\]/u;
/** A mark saying "not done": ❌, ✗, ✘, ⛔. */
const NOT_DONE_MARK = /[❌✗✘⛔]/u;
/** An unticked box starting a list item: the author's to-do, not a statement. */
const OPEN_BOX = /^\s*(?:[-*+]|\d+[.)])\s+\[ \]/;
/** A cell answering "yes" under a column such as "Tested in shadow": a mark, yes / done / passed, or a date. */
const AFFIRMATIVE_CELL = /[✅✔✓☑]|\[[xX]\]|^(?:yes|y|done|passed|ok)(?![\p{L}\d])|\d{4}-\d{2}-\d{2}/iu;

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
    for (const sentence of sentencesOf(document, section)) if (saysTestedInShadow(sentence, options)) return;
    report({
      range: table ? table.header.range : section.heading.range,
      message:
        'Nothing in §5 says the revert was tested in shadow: flip it once in the shadow stage and write it down, e.g. ' +
        '"The revert was tested in shadow: flag flipped on the shadow runner, champion behaviour verified restored."',
    });
  },
});

/**
 * A sentence saying the revert was exercised in the shadow stage: a test verb (or a done mark beside
 * "test"), the shadow stage, and nothing saying it has not happened yet (a negation, ❌, an open box).
 */
function saysTestedInShadow(sentence: string, options: typeof DEFAULTS): boolean {
  if (OPEN_BOX.test(sentence) || NOT_DONE_MARK.test(sentence)) return false;
  const tested = hasKeyword(sentence, options.testVerbs) || (DONE_MARK.test(sentence) && /(?<![\p{L}\d])test/iu.test(sentence));
  return tested && hasKeyword(sentence, options.shadowPhrases) && !hasKeyword(sentence, options.negations);
}

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
  const table = sectionTable(section);
  for (const row of table?.rows ?? []) {
    for (const cell of row.cells) {
      yield* sentencesIn(cell.value);
      // A "Tested in shadow | ✅ 2026-10-30" column: the header says what, the cell says it happened.
      const header = table!.header.cells.find((h) => h.column === cell.column)?.value ?? '';
      if (header && AFFIRMATIVE_CELL.test(cell.value.trim())) yield `${header}: ${cell.value}`;
    }
  }
}

function sentencesIn(text: string): string[] {
  return text.split(/(?<=[.!?;])\s+|\n/).filter((sentence) => sentence.trim());
}
