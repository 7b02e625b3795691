// Reading a date written with its month's name (`2 Nov 2026`) or in another unambiguous order
// (`2026/11/02`, `02.11.2026`), for the messages of RDY104 and RDY605.
// Pure text reader.
import { formatDate, toCalendarDate, type CalendarDate } from '../../util/dates';

/**
 * A date written with its month's name ("2 Nov 2026", "November 2, 2026"), or with numbers in an order
 * only one reading fits ("2026/11/02", year first; "02.11.2026", the dotted day-first form), read as the
 * day it names. `11/02/2026` is read in no way: the day and the month could be either.
 */
export interface WrittenDate {
  /** The date as written, and its offset in the text. */
  text: string;
  start: number;
  /** The same day as `YYYY-MM-DD`. */
  iso: string;
  date: CalendarDate;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// A month name or its abbreviation ("Sept", "Nov."), matched on its first three letters.
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{4})`;
const DAY_MONTH_YEAR = new RegExp(String.raw`(?<![\w])${DAY}\s+(?:of\s+)?${MONTH}\s*,?\s+${YEAR}(?!\d)`, 'i');
const MONTH_DAY_YEAR = new RegExp(String.raw`(?<![\w])${MONTH}\s+${DAY}\s*,?\s+${YEAR}(?!\d)`, 'i');
const YEAR_FIRST = /(?<![\w.\/])(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?![\w\/]|\.\d)/;
const DOTTED_DAY_FIRST = /(?<![\w.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\w]|\.\d)/;

/** The first date written with a month name in the text, when it names a real day. */
export function findWrittenDate(text: string): WrittenDate | undefined {
  const dmy = DAY_MONTH_YEAR.exec(text);
  const mdy = MONTH_DAY_YEAR.exec(text);
  const read = (match: RegExpExecArray, day: string, month: string, year: string): WrittenDate | undefined => {
    const date = toCalendarDate(Number(year), MONTH_NAMES.indexOf(month.slice(0, 3).toLowerCase()) + 1, Number(day));
    return date ? { text: match[0], start: match.index, iso: formatDate(date), date } : undefined;
  };
  const numeric = (match: RegExpExecArray | null, year: number, month: number, day: number): WrittenDate | undefined => {
    const date = match ? toCalendarDate(Number(match[year]), Number(match[month]), Number(match[day])) : undefined;
    return match && date ? { text: match[0], start: match.index, iso: formatDate(date), date } : undefined;
  };
  const candidates = [
    dmy && read(dmy, dmy[1], dmy[2], dmy[3]),
    mdy && read(mdy, mdy[2], mdy[1], mdy[3]),
    numeric(YEAR_FIRST.exec(text), 1, 3, 4),
    numeric(DOTTED_DAY_FIRST.exec(text), 3, 2, 1),
  ].filter((d): d is WrittenDate => Boolean(d));
  return candidates.sort((a, b) => a.start - b.start)[0];
}
