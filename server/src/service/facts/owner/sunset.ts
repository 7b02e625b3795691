// The sunset date a file should carry: Filled on + shadow days + canary days + the days after full rollout.
// Read by RDY605, RDY606, the date hover and the diff.
import type { ReadinessDocument } from '../../model';
import { findHeaderField, findSection, hasPlaceholder, sectionTable } from '../document';
import { addDays, type CalendarDate, findIsoDate } from '../../util/dates';
import { durationDays } from '../../util/durations';

export interface SunsetOptions {
  daysAfterFullRollout: number;
  /** Shadow / canary days assumed when §4 gives no readable Duration (the template's minimum). */
  defaultStageDays: number;
}

export interface ExpectedSunset {
  filledOn: CalendarDate;
  filledOnText: string;
  shadowDays: number;
  canaryDays: number;
  daysAfterFullRollout: number;
  date: CalendarDate;
}

/** The header's Filled on date, when it is a real date. */
export function filledOnDate(document: ReadinessDocument): { date: CalendarDate; text: string } | undefined {
  const field = findHeaderField(document, 'filled on');
  if (!field || hasPlaceholder(document, field.value)) return undefined;
  const found = findIsoDate(field.value.text);
  return found?.date ? { date: found.date, text: found.text } : undefined;
}

/**
 * The sunset date the template asks for: 90 days after the planned full rollout, which comes after
 * the shadow and canary stages of §4 (Filled on + shadow days + canary days + 90).
 */
export function expectedSunset(document: ReadinessDocument, options: SunsetOptions): ExpectedSunset | undefined {
  const filledOn = filledOnDate(document);
  if (!filledOn) return undefined;
  const shadowDays = stageDays(document, /\bshadow\b/i) ?? options.defaultStageDays;
  const canaryDays = stageDays(document, /\bcanary\b/i) ?? options.defaultStageDays;
  return {
    filledOn: filledOn.date,
    filledOnText: filledOn.text,
    shadowDays,
    canaryDays,
    daysAfterFullRollout: options.daysAfterFullRollout,
    date: addDays(filledOn.date, shadowDays + canaryDays + options.daysAfterFullRollout),
  };
}

function stageDays(document: ReadinessDocument, stage: RegExp): number | undefined {
  const table = sectionTable(findSection(document, 'rollout'));
  if (!table) return undefined;
  const row = table.rows.find((candidate) => stage.test(table.cell(candidate, 'Stage')?.value ?? ''));
  const duration = row && table.cell(row, 'Duration');
  return duration ? durationDays(duration.value) : undefined;
}

export const SUNSET_DEFAULTS: SunsetOptions = { daysAfterFullRollout: 90, defaultStageDays: 7 };

export const SUNSET_OPTIONS_SCHEMA: Record<string, object> = {
  daysAfterFullRollout: { type: 'integer', minimum: 0, description: 'Days between the planned full rollout and the sunset date.' },
  defaultStageDays: {
    type: 'integer',
    minimum: 0,
    description: 'Shadow or canary days assumed when the §4 Duration cell cannot be read as a duration.',
  },
};
