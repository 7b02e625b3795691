import type { Position, Range } from 'vscode-languageserver-types';
import type { ReadinessDocument } from '../model';
import { findSection, findHeaderField } from '../facts/document';
import { expectedSunset } from '../facts/owner/sunset';
import { sunsetWindowRule } from '../rules/owner/sunsetWindow';
import { daysBetween, findIsoDate, formatDate, parseIsoDate, weekday, type CalendarDate } from '../util/dates';
import type { FeatureContext } from './context';
import { optionsOf } from './ruleOptions';
import { matchesOnLine, rangeContains } from './positions';

/** A hover on a `YYYY-MM-DD`: weekday, distance from Filled on and from today; on the sunset, the expected one. */
export function dateHover(document: ReadinessDocument, position: Position, context: FeatureContext): { markdown: string; range: Range } | undefined {
  const hit = matchesOnLine(document, position.line, /\b\d{4}-\d{2}-\d{2}\b/).find((m) => rangeContains(m.range, position));
  if (!hit) return undefined;
  const date = parseIsoDate(hit.match[0]);
  if (!date) return { markdown: `\`${hit.match[0]}\` is not a real calendar date.`, range: hit.range };
  const lines = [`**${formatDate(date)}** is a ${weekday(date)}.`, ''];
  const filledOn = filledOnDate(document);
  if (filledOn && filledOn.line !== position.line) lines.push(`- ${distance(filledOn.date, date, `*Filled on* (${formatDate(filledOn.date)})`)}`);
  const today = parseIsoDate(context.today);
  if (today) lines.push(`- ${fromToday(daysBetween(today, date))} (today is ${context.today})`);
  const sunsetField = findSection(document, 'owner')?.fields.find((field) => field.key === 'sunset date');
  // The same expected date, from the same options, as RDY606 checks.
  const expected = sunsetField && sunsetField.line === position.line ? expectedSunset(document, optionsOf(context.settings, sunsetWindowRule)) : undefined;
  if (expected) {
    const off = daysBetween(expected.date, date);
    lines.push(
      '',
      `Expected sunset: **${formatDate(expected.date)}** (${weekday(expected.date)}) = Filled on + shadow ${expected.shadowDays}d + canary ${expected.canaryDays}d + ${expected.daysAfterFullRollout}d` +
        (off === 0 ? '.' : `; this date is ${Math.abs(off)} day${Math.abs(off) === 1 ? '' : 's'} ${off > 0 ? 'later' : 'earlier'}.`),
    );
  }
  return { markdown: lines.join('\n').trimEnd(), range: hit.range };
}

function distance(from: CalendarDate, to: CalendarDate, name: string): string {
  const days = daysBetween(from, to);
  if (days === 0) return `the same day as ${name}`;
  return `${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} ${days > 0 ? 'after' : 'before'} ${name}`;
}

function fromToday(days: number): string {
  const count = `${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'}`;
  return days === 0 ? 'today' : days > 0 ? `in ${count}` : `${count} ago`;
}

function filledOnDate(document: ReadinessDocument): { date: CalendarDate; line: number } | undefined {
  const field = findHeaderField(document, 'filled on');
  const found = field && findIsoDate(field.value.text);
  return found?.date && field ? { date: found.date, line: field.line } : undefined;
}
