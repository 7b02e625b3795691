// Builds a new readiness file from the organisation's template. Shared by the VS Code command
// "New readiness file" and the CLI's `init`, so both produce the same text.
// Pure: no file system, no clock (the caller passes `today`), no editor API.
import { TEMPLATE_TEXT } from './template/templateText';
import { addDays as addCalendarDays, formatDate, parseIsoDate } from './util/dates';

export interface NewReadinessFileInput {
  storyId: string;
  title: string;
  owner: string;
  /** The author's local date, YYYY-MM-DD. */
  today: string;
  /** Planned shadow stage length; the template's minimum is 7 days. */
  shadowDays?: number;
  /** Planned canary stage length; the template's minimum is 7 days. */
  canaryDays?: number;
}

export interface NewReadinessFile {
  text: string;
  /** Where the author should start typing: the first placeholder left in the text (0-based, UTF-16). */
  firstPlaceholder: { line: number; character: number };
}

/** The template asks for a sunset date 90 days after the planned full rollout. */
export const SUNSET_DAYS_AFTER_FULL_ROLLOUT = 90;
export const DEFAULT_STAGE_DAYS = 7;

export function newReadinessFile(input: NewReadinessFileInput): NewReadinessFile {
  const storyId = input.storyId.trim();
  const title = input.title.trim();
  const owner = input.owner.trim();
  const shadowDays = stageDays(input.shadowDays, 'shadowDays');
  const canaryDays = stageDays(input.canaryDays, 'canaryDays');
  const sunset = addDays(input.today, shadowDays + canaryDays + SUNSET_DAYS_AFTER_FULL_ROLLOUT);

  let text = TEMPLATE_TEXT;
  text = replaceOnce(text, /^# MLOps readiness — .*$/m, () => `# MLOps readiness — ${[storyId, title].filter(Boolean).join(' ')}`);
  // The story id is known; the GitHub issue and the OP work package are not: they become placeholders in the
  // shape the checker accepts once filled (`#812 + wp#92`, as the snippets write it), flagged until then,
  // and the cursor lands on the first one.
  text = replaceOnce(text, /^\*\*Story\*\*: <cvn_id> — link to GH issue \+ OP wp$/m, () => `**Story**: ${storyId} — #<issue> + wp#<id>`);
  text = replaceOnce(text, /^(\*\*Owner\*\*: )<github handle>/m, (g) => `${g[1]}${owner}`);
  // The template says the Owner is the "DRI for production behaviour of this change": the DRI line starts as
  // the owner (the author may hand it to someone else); the backup and the decision authority stay to fill.
  text = replaceOnce(text, /^(- \*\*DRI\*\*: `)<handle>`/m, (g) => `${g[1]}${owner}\``);
  text = replaceOnce(text, /^(\*\*Filled on\*\*: )YYYY-MM-DD$/m, (g) => `${g[1]}${input.today}`);
  text = replaceOnce(text, /^(- \*\*Sunset date\*\*: `)YYYY-MM-DD`/m, (g) => `${g[1]}${sunset}\``);
  // Keep the rollout table consistent with the sunset date computed from the planned stage lengths.
  text = replaceOnce(text, /^(\| Shadow \|[^|\n]*\| )≥ 7d( \|)/m, (g) => `${g[1]}≥ ${shadowDays}d${g[2]}`);
  text = replaceOnce(text, /^(\| Canary \|[^|\n]*\| )≥ 7d( \|)/m, (g) => `${g[1]}≥ ${canaryDays}d${g[2]}`);

  return { text, firstPlaceholder: firstPlaceholderAfterTitle(text) };
}

/** Adds whole days to a YYYY-MM-DD date, in the calendar (no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const date = parseIsoDate(isoDate);
  // 2026-02-30 would roll over to March: a date that does not exist is refused.
  if (!date) throw new RangeError(`expected a real date as YYYY-MM-DD, got "${isoDate}"`);
  return formatDate(addCalendarDays(date, days));
}

function stageDays(value: number | undefined, name: string): number {
  const days = value ?? DEFAULT_STAGE_DAYS;
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`${name} must be a whole number of days ≥ 0, got ${value}`);
  return days;
}

// The template is a constant: a pattern that stops matching means the template changed, which must not
// silently produce a file with unreplaced fields. A function replacement keeps `$` in user input literal.
function replaceOnce(text: string, pattern: RegExp, build: (groups: string[]) => string): string {
  if (!pattern.test(text)) throw new Error(`readiness template changed: ${pattern} no longer matches`);
  return text.replace(pattern, (...args: unknown[]) => build(args.filter((a): a is string => typeof a === 'string')));
}

function firstPlaceholderAfterTitle(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  for (let line = 1; line < lines.length; line++) {
    const character = lines[line]!.search(/<[A-Za-z][^<>]*>|YYYY-MM-DD/);
    if (character >= 0) return { line, character };
  }
  return { line: 0, character: 0 };
}
