/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC, with no clock: callers pass "today". */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

// Word processors turn `-` into a non-breaking hyphen or a dash; the date is the same.
const ISO_DATE = /(?<![\w.])(\d{4})[-‐‑–](\d{2})[-‐‑–](\d{2})(?![\d])/;
const DAY_MS = 86_400_000;

/** The first `YYYY-MM-DD` in the text and its offset, whether or not it is a real date. */
export function findIsoDate(text: string): { text: string; start: number; date: CalendarDate | undefined } | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  // Dashes read as `-` (same length, so the offsets still hold).
  return { text: match[0].replace(/[‐‑–]/g, '-'), start: match.index, date: toCalendarDate(+match[1], +match[2], +match[3]) };
}

/** Undefined for dates that do not exist (2026-02-30, month 13). */
export function toCalendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})[-‐‑–](\d{2})[-‐‑–](\d{2})$/.exec(text.trim());
  return match ? toCalendarDate(+match[1], +match[2], +match[3]) : undefined;
}

function toTime(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

export function formatDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(toTime(date) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekday(date: CalendarDate): string {
  return WEEKDAYS[new Date(toTime(date)).getUTCDay()];
}

/** Today's date on the machine's clock, for shells (the engine itself never reads a clock). */
export function localToday(now = new Date()): string {
  return formatDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}
