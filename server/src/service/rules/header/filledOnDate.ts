import { subRange } from '../../facts/document';
import { daysBetween, findIsoDate, parseIsoDate } from '../../util/dates';
import { defineRule } from '../types';
import { findField, insertFieldFix, maskPlaceholders, missingFieldRange, valueRange } from '../../facts/header/headerFields';
import { findWrittenDate } from '../../facts/header/writtenDate';

interface FilledOnOptions {
  /** Days after today a Filled on date may be (time zones, a file prepared the evening before). */
  futureToleranceDays: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const filledOnDateRule = defineRule<FilledOnOptions>({
  code: 'RDY104',
  name: 'filled-on-date',
  requirements: ['H4'],
  section: 'header',
  severity: 'error',
  summary: 'The `Filled on:` line is a real calendar date, `YYYY-MM-DD`, not in the future.',
  rationale:
    'The fill date anchors the whole plan: the shadow and canary stages and the 90-day sunset are counted from it (ADR-67, ' +
    'ADR-70). A date that does not exist or lies in the future makes every derived date wrong.',
  fixHint: 'Write the day the file was filled, as `YYYY-MM-DD`.',
  defaultOptions: { futureToleranceDays: 0 },
  optionsSchema: {
    futureToleranceDays: {
      type: 'integer',
      minimum: 0,
      description: 'How many days after today the "Filled on" date may be (0: not after today).',
    },
  },
  check({ document, options, today, report }) {
    const field = findField(document, 'filled on');
    if (!field) {
      report({
        range: missingFieldRange(document),
        message: `The header has no "Filled on" line: add \`**Filled on**: ${today}\` (the day you filled the file).`,
        // The day the file was filled is the author's to give: the line holds the template's placeholder until then.
        fixes: [insertFieldFix(document, 'filled on', 'YYYY-MM-DD', '${1:YYYY-MM-DD}')],
      });
      return;
    }
    const { text, placeholders } = maskPlaceholders(document, field.value);
    if (placeholders) return;
    const found = findIsoDate(text);
    if (!found) {
      const written = findWrittenDate(text);
      if (written) {
        // The author wrote a real day in words: the ISO form is the same date, so the fix invents nothing.
        report({
          range: valueRange(field),
          message: `"${written.text}" is not in the form YYYY-MM-DD the template asks for: write it as ${written.iso}.`,
          fixes: [
            {
              title: `Write the date as ${written.iso}`,
              isPreferred: true,
              safe: true,
              edits: [{ range: subRange(field.value, written.start, written.start + written.text.length), newText: written.iso }],
            },
          ],
        });
        return;
      }
      report({
        range: valueRange(field),
        message: text.trim()
          ? `"${text.trim()}" is not a date in the form YYYY-MM-DD: write the day you filled the file, e.g. ${today}.`
          : `The "Filled on" line is empty: write the day you filled the file as YYYY-MM-DD, e.g. ${today}.`,
      });
      return;
    }
    const range = subRange(field.value, found.start, found.start + found.text.length);
    if (!found.date) {
      report({ range, message: `${found.text} is not a real date: ${whyNotADate(found.text)}. Write the day you filled the file.` });
      return;
    }
    const now = parseIsoDate(today);
    const ahead = now ? daysBetween(now, found.date) : 0;
    if (ahead > options.futureToleranceDays) {
      report({
        range,
        message: `${found.text} is ${ahead} day${ahead === 1 ? '' : 's'} after today (${today}): a file cannot be filled in the future; write the day you filled it.`,
      });
    }
  },
});

/** Why `YYYY-MM-DD` names no day: the month or the day is out of range. */
function whyNotADate(text: string): string {
  const [year, month, day] = text.split('-').map(Number);
  if (month < 1 || month > 12) return `there is no month ${String(month).padStart(2, '0')} (months run from 01 to 12)`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1) return 'days start at 01';
  return `${MONTHS[month - 1]} ${year} has ${days} days`;
}
