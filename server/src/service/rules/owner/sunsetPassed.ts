import { hasPlaceholder, subRange } from '../../facts/document';
import { daysBetween, findIsoDate, parseIsoDate } from '../../util/dates';
import { defineRule } from '../types';
import { ownerField, ownerSection } from '../../facts/owner/fields';

export interface SunsetPassedOptions {
  /** Days before the sunset date from which an information says it is coming (0: none). */
  noticeDays: number;
}

export const sunsetPassedRule = defineRule<SunsetPassedOptions>({
  code: 'RDY607',
  name: 'sunset-passed',
  requirements: ['O4'],
  section: 'owner',
  severity: 'warning',
  summary: 'The Sunset date has not passed: by then the change is accepted into the champion stack or revisited, and the file says which.',
  rationale:
    'The template: "by this date the change is either accepted as part of the champion stack OR revisited". A sunset date in ' +
    'the past that nobody acted on means an experimental change has silently become permanent, with a DRI whose 90 days are ' +
    'over (ADR-25 no silent fallback, ADR-70 sign-off).',
  fixHint: 'Decide: accept the change into the champion stack or revisit it, record the decision, and set a new sunset date if it stays experimental.',
  defaultOptions: { noticeDays: 14 },
  optionsSchema: {
    noticeDays: {
      type: 'integer',
      minimum: 0,
      description: 'Days before the sunset date from which an information says it is coming (0: no notice).',
    },
  },
  check({ document, options, today, report }) {
    const section = ownerSection(document);
    const field = section && ownerField(section, 'sunset date');
    if (!field || hasPlaceholder(document, field.value)) return;
    const found = findIsoDate(field.value.text);
    const now = parseIsoDate(today);
    // Not a real date: RDY605 says so.
    if (!found?.date || !now) return;
    const left = daysBetween(now, found.date);
    const range = subRange(field.value, found.start, found.start + found.text.length);
    if (left < 0) {
      report({
        range,
        message:
          `The Sunset date ${found.text} passed ${days(-left)} ago (today is ${today}): accept the change into the champion ` +
          'stack or revisit it, write down the decision, and set a new sunset date if it stays experimental.',
      });
    } else if (left <= options.noticeDays && options.noticeDays > 0) {
      report({
        range,
        severity: 'information',
        message:
          `The Sunset date ${found.text} is ${left === 0 ? 'today' : `in ${days(left)}`}: plan the decision — accept the ` +
          'change into the champion stack or revisit it.',
      });
    }
  },
});

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}
