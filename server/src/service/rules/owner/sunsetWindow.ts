import { hasPlaceholder, subRange } from '../../facts/document';
import { daysBetween, findIsoDate, formatDate } from '../../util/dates';
import { defineRule } from '../types';
import { ownerField, ownerSection } from '../../facts/owner/fields';
import { expectedSunset, filledOnDate, SUNSET_DEFAULTS, SUNSET_OPTIONS_SCHEMA } from '../../facts/owner/sunset';

export const sunsetWindowRule = defineRule({
  code: 'RDY606',
  name: 'sunset-window',
  requirements: ['O4'],
  section: 'owner',
  severity: 'warning',
  summary: 'The Sunset date is about 90 days after the planned full rollout (Filled on + shadow + canary days + 90).',
  rationale:
    'The template sets the sunset 90 days post full rollout: long enough to judge the change on live traffic, short enough ' +
    'that the DRI still owns it. A date far from that is usually a slip (wrong year, rollout stages forgotten); §4\'s shadow ' +
    '(ADR-67: ≥ 7 days) and canary stages come before the full rollout.',
  fixHint: 'Set the sunset to Filled on + shadow days + canary days + 90 (the quick fix writes that date).',
  defaultOptions: { ...SUNSET_DEFAULTS, toleranceDays: 14 },
  optionsSchema: {
    ...SUNSET_OPTIONS_SCHEMA,
    toleranceDays: { type: 'integer', minimum: 0, description: 'Days the sunset date may differ from the expected date.' },
  },
  check({ document, options, report }) {
    const section = ownerSection(document);
    const field = section && ownerField(section, 'sunset date');
    if (!field || hasPlaceholder(document, field.value)) return;
    const found = findIsoDate(field.value.text);
    const filledOn = filledOnDate(document);
    const expected = expectedSunset(document, options);
    // Not a date, or not after Filled on: RDY605's error says so.
    if (!found?.date || !filledOn || !expected || daysBetween(filledOn.date, found.date) <= 0) return;
    const off = daysBetween(expected.date, found.date);
    if (Math.abs(off) <= options.toleranceDays) return;
    const expectedText = formatDate(expected.date);
    const range = subRange(field.value, found.start, found.start + found.text.length);
    report({
      range,
      message:
        `The Sunset date ${found.text} is ${Math.abs(off)} days ${off > 0 ? 'after' : 'before'} the expected ${expectedText} ` +
        `(Filled on ${expected.filledOnText} + shadow ${expected.shadowDays}d + canary ${expected.canaryDays}d + ` +
        `${expected.daysAfterFullRollout} days after full rollout, ± ${options.toleranceDays} days): set it to ${expectedText}.`,
      fixes: [{ title: `Set to ${expectedText}`, isPreferred: true, edits: [{ range, newText: expectedText }] }],
    });
  },
});
