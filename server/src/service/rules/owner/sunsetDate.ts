import type { Field, ReadinessDocument } from '../../model';
import { subRange } from '../../facts/document';
import { daysBetween, findIsoDate, formatDate } from '../../util/dates';
import { defineRule, type Fix } from '../types';
import { fieldToCheck, insertFieldFix, ownerSection, templateField } from '../../facts/owner/fields';
import { expectedSunset, filledOnDate, type SunsetOptions } from '../../facts/owner/sunset';
import { findWrittenDate } from '../../facts/header/writtenDate';
import { sunsetWindowRule } from './sunsetWindow';

export const sunsetDateRule = defineRule({
  code: 'RDY605',
  name: 'sunset-date',
  requirements: ['O4'],
  section: 'owner',
  severity: 'error',
  summary: 'The Sunset date is a real calendar date (YYYY-MM-DD) after Filled on.',
  rationale:
    'By the sunset date the change is either accepted into the champion stack or revisited: without a real date nobody ' +
    'reopens the question and an experimental change silently becomes permanent (ADR-25 no silent fallback, ADR-70 sign-off).',
  fixHint: 'Write a real date after Filled on, about 90 days after the planned full rollout; the quick fix sets the expected date.',
  check({ document, optionsOf, report }) {
    const section = ownerSection(document);
    if (!section) return;
    const expected = expectedSunset(document, optionsOf(sunsetWindowRule) as SunsetOptions);
    const field = fieldToCheck(document, section, 'sunset date', report, {
      message:
        '§6 has no Sunset date: add `- **Sunset date**: YYYY-MM-DD`, about 90 days after the planned full rollout' +
        (expected ? ` (${formatDate(expected.date)}).` : '.'),
      fix: () =>
        insertFieldFix(document, section, 'sunset date', expected ? templateField('sunset date').line.replace('YYYY-MM-DD', formatDate(expected.date)) : undefined),
    });
    if (!field) return;
    const found = findIsoDate(field.value.text);
    const advice = expected ? `, e.g. ${formatDate(expected.date)} (90 days after the planned full rollout)` : '';
    if (!found) {
      const written = findWrittenDate(field.value.text);
      if (written) {
        // A real day in another form: the ISO form is the same date, so the fix invents nothing.
        const range = subRange(field.value, written.start, written.start + written.text.length);
        report({
          range,
          message: `The Sunset date "${written.text}" is not in the form YYYY-MM-DD the template asks for: write it as ${written.iso}.`,
          fixes: [{ title: `Write the date as ${written.iso}`, isPreferred: true, safe: true, edits: [{ range, newText: written.iso }] }],
        });
        return;
      }
      report({
        range: field.value.text ? field.value.range : field.range,
        message: `The Sunset date ${field.value.text ? `"${field.value.text}" ` : ''}is not a date: write YYYY-MM-DD${advice}.`,
        fixes: field.value.text || !expected ? [] : [setDateFix(document, field, formatDate(expected.date))],
      });
      return;
    }
    const range = subRange(field.value, found.start, found.start + found.text.length);
    if (!found.date) {
      report({
        range,
        message: `The Sunset date ${found.text} does not exist on the calendar: write a real date${advice}.`,
        fixes: expected ? [replaceDateFix(range, formatDate(expected.date))] : [],
      });
      return;
    }
    const filledOn = filledOnDate(document);
    if (filledOn && daysBetween(filledOn.date, found.date) <= 0) {
      report({
        range,
        message: `The Sunset date ${found.text} is not after Filled on ${filledOn.text}: write a later date${advice}.`,
        fixes: expected ? [replaceDateFix(range, formatDate(expected.date))] : [],
      });
    }
  },
});

function replaceDateFix(range: Fix['edits'][number]['range'], date: string): Fix {
  return { title: `Set to ${date}`, isPreferred: true, edits: [{ range, newText: date }] };
}

/** Fills an empty value; a space after the colon when the line has none. */
function setDateFix(document: ReadinessDocument, field: Field, date: string): Fix {
  const at = field.value.range.start;
  const before = document.lines.lineText(at.line).slice(0, at.character);
  const space = /\s$/.test(before) ? '' : ' ';
  return { title: `Set to ${date}`, isPreferred: true, edits: [{ range: field.value.range, newText: `${space}\`${date}\`` }] };
}
