import type { Analysis } from '../analysis';
import type { ResolvedSettings } from '../config/settings';
import { readinessFacts } from '../diff/facts';
import { optionsOf } from '../features/ruleOptions';
import { sunsetPassedRule } from '../rules/owner/sunsetPassed';
import { sectionStatuses } from '../sectionStatus';
import { daysBetween, parseIsoDate } from '../util/dates';

/** Why a file is listed first: the most pressing reason it needs someone. */
export type Attention = 'sunset passed' | 'errors' | 'sunset soon' | 'warnings' | 'ok';
const ATTENTION_ORDER: readonly Attention[] = ['sunset passed', 'errors', 'sunset soon', 'warnings', 'ok'];

/** One readiness file in the overview of all of them. */
export interface ReportRow {
  /** Path as the shell shows it. */
  file: string;
  story: string | undefined;
  title: string | undefined;
  dri: string | undefined;
  /** Template sections (the checklist included) present and without errors. */
  sectionsPassing: number;
  sections: number;
  errors: number;
  warnings: number;
  filledOn: string | undefined;
  sunset: string | undefined;
  /** Days from today to the sunset date (negative: passed); undefined without a real date. */
  daysLeft: number | undefined;
  attention: Attention;
}

export function reportRow(file: string, analysis: Analysis, settings: ResolvedSettings, today: string): ReportRow {
  const facts = readinessFacts(analysis, settings);
  const statuses = sectionStatuses(analysis);
  const errors = facts.findings.filter((f) => f.severity === 'error').length;
  const warnings = facts.findings.filter((f) => f.severity === 'warning').length;
  const [now, sunset] = [parseIsoDate(today), facts.sunset ? parseIsoDate(facts.sunset) : undefined];
  const daysLeft = now && sunset ? daysBetween(now, sunset) : undefined;
  const noticeDays = optionsOf(settings, sunsetPassedRule).noticeDays ?? 14;
  const attention: Attention =
    daysLeft !== undefined && daysLeft < 0
      ? 'sunset passed'
      : errors > 0
        ? 'errors'
        : daysLeft !== undefined && daysLeft <= noticeDays
          ? 'sunset soon'
          : warnings > 0
            ? 'warnings'
            : 'ok';
  return {
    file,
    story: facts.story,
    title: facts.title,
    dri: facts.dri ? facts.dri.handles.join(', ') || facts.dri.text : undefined,
    sectionsPassing: statuses.filter((s) => s.passing).length,
    sections: statuses.length,
    errors,
    warnings,
    filledOn: facts.filledOn,
    sunset: facts.sunset,
    daysLeft,
    attention,
  };
}

/** What needs attention first: passed sunsets, then errors, sunsets coming, warnings; then fewest days left, then path. */
export function byAttention(a: ReportRow, b: ReportRow): number {
  return (
    ATTENTION_ORDER.indexOf(a.attention) - ATTENTION_ORDER.indexOf(b.attention) ||
    b.errors - a.errors ||
    b.warnings - a.warnings ||
    (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  );
}
