import { NUMBER_WORD_SOURCE, readCount } from './numbers';
import { FOLDING_DIFFERS } from './regex';

/**
 * Durations as people write them: `≥ 7d`, `>= 7 days`, `7 days`, `one week`, `a fortnight`, `1w`,
 * `7-day`, `7–14 days`, `at least 7 days`, `min. 7d`, `7d+`, `10 business days`, `< 5 min`,
 * `within 5 minutes`, `7×24h`, `half an hour`, `a quarter of an hour`, `one and a half hours`, `30s`, `7 calendar days`, ISO 8601 `P7D`. The one place the engine reads a duration.
 * Values are in minutes; `comparator` keeps the bound the author wrote, and a range keeps both ends.
 * Numbers that are not durations are left alone: `7 model versions`, `24/7`, `p99`, `1 crypto out of 5`.
 */
export interface Duration {
  /** Minutes; for a range (`7–14 days`), its lower end. */
  minutes: number;
  /** A range's upper end, in minutes. */
  maxMinutes?: number;
  /** The text matched, and where it starts within the input. */
  text: string;
  start: number;
  /** Where the number itself starts (after a comparator such as `≥` or `within`). */
  valueStart: number;
  comparator: '<' | '≤' | '>' | '≥' | '=' | undefined;
}

const DAY = 1440;

/** Units, longest spelling first within each; `short` ones are abbreviations a number word may not take ("one d"). */
const UNITS: Array<{ pattern: RegExp; minutes: number; short?: RegExp }> = [
  { pattern: /^(?:business|working|work)[\s-]+days?$/i, minutes: (DAY * 7) / 5 },
  { pattern: /^fortnights?$/i, minutes: DAY * 14 },
  { pattern: /^(?:weeks?|wks?|w)$/i, minutes: DAY * 7, short: /^w$/i },
  { pattern: /^(?:days?|d)$/i, minutes: DAY, short: /^d$/i },
  { pattern: /^(?:hours?|hrs?|h)$/i, minutes: 60, short: /^h$/i },
  { pattern: /^(?:milliseconds?|msecs?|ms)$/i, minutes: 1 / 60_000, short: /^ms$/i },
  { pattern: /^(?:minutes?|mins?|m)$/i, minutes: 1, short: /^m$/i },
  { pattern: /^(?:months?|mos?)$/i, minutes: DAY * 30, short: /^mos?$/i },
  { pattern: /^(?:seconds?|secs?|s)$/i, minutes: 1 / 60, short: /^s$/i },
  { pattern: /^(?:years?|yrs?|y)$/i, minutes: DAY * 365, short: /^y$/i },
];

const UNIT =
  String.raw`(?:(?:business|working|work)[\s-]+days?|fortnights?|weeks?|wks?|w|days?|d|hours?|hrs?|h|milliseconds?|msecs?|ms|minutes?|mins?|` +
  String.raw`months?|mos?|m|seconds?|secs?|s|years?|yrs?|y)`;
/**
 * A number: digits (never the tail of `p99`, `24/7` or `v2`), a number word, or `a` / `an` / `half an`; a
 * fraction of a unit, `a quarter of an`, `three quarters of an`; or a number and a half, `one and a half`.
 */
const COUNT = String.raw`(?:(?<![\p{L}\d_.\/])\d+(?:\.\d+)?(?![.\/]\d)|(?<![\p{L}])(?:${NUMBER_WORD_SOURCE})(?![\p{L}]))`;
const FRACTION = String.raw`(?:(?:an?|one|three)\s+)?quarters?\s+(?:of\s+)?an?|${COUNT}\s+and\s+an?\s+half`;
const AMOUNT = String.raw`(?:(?<![\p{L}])(?:${FRACTION})(?![\p{L}])|${COUNT}|(?<![\p{L}])(?:half\s+an?|an?)(?![\p{L}]))`;

// Comparators written before the amount, as symbols or words.
const AT_LEAST = String.raw`>=|=>|≥|⩾|≧|at\s+least|no\s+less\s+than|not\s+less\s+than|no\s+shorter\s+than|not\s+shorter\s+than|minimum(?:\s+of)?|min\.?`;
const AT_MOST = String.raw`<=|=<|≤|⩽|≦|at\s+most|no\s+more\s+than|not\s+more\s+than|no\s+longer\s+than|up\s+to|within|maximum(?:\s+of)?|max\.?`;
const BELOW = String.raw`<|less\s+than|under|below|shorter\s+than`;
const ABOVE = String.raw`>|more\s+than|longer\s+than`;
const ABOUT = String.raw`~|≈|about|around|approx(?:imately|\.)?|roughly|between|=`;
const PREFIX = String.raw`(?:(?<![\p{L}])(?:(?<atLeast>${AT_LEAST})|(?<atMost>${AT_MOST})|(?<below>${BELOW})|(?<above>${ABOVE})|(?<about>${ABOUT}))[\s:]*)`;
// … and after it: `7d+`, `7 days or more`, `7d minimum`, `5 min max`.
const POSTFIX = String.raw`(?:\s*(?:(?<postAtLeast>\+|or\s+more|or\s+longer|(?:at\s+)?minimum|min\b\.?|at\s+least)|(?<postAtMost>or\s+less|or\s+shorter|(?:at\s+)?maximum|max\b\.?|at\s+most|tops)))`;
// The lower end of a range: `7–14 days`, `7d-14d`, `1 to 2 weeks`, `between 7 and 14 days`.
const RANGE_START = String.raw`(?:(?<low>${COUNT})\s*-?\s*(?<lowUnit>${UNIT}(?![\p{L}]))?\s*(?:[-–—]|to|until|or|and)\s*)`;

// `7 calendar days`, `one full week`, `3 consecutive minutes`: a word between the amount and the unit that changes nothing.
const QUALIFIER = String.raw`(?:(?:calendar|full|whole|consecutive|straight|trading|live|market)\s+)?`;

// A product, `7×24h`, `7x24h` or `7 x 24 hours`: a count of days or runs times the amount.
const PRODUCT = String.raw`(?<![\p{L}\d_.\/])(?<times>\d+)\s*[×✕x*]\s*(?<factor>\d+(?:\.\d+)?)`;

const DURATION_SOURCE = String.raw`${PREFIX}?${RANGE_START}?(?:${PRODUCT}|(?<amount>${AMOUNT}))\s*(?<plus>\+)?\s*-?\s*${QUALIFIER}(?<unit>${UNIT})(?![\p{L}\d])${POSTFIX}?`;

/**
 * The pattern is matched without `i` on the lower-cased text: compiled with `iu`, V8 case-folds every
 * `\p{L}` set and letter of it, three times as long as with `u` alone (≈ 15 against 5 ms, once per
 * process, most of a one-file check's regex compilation). Both match alike on every character but those of
 * FOLDING_DIFFERS; a text that holds one is matched with the case-insensitive pattern itself
 * (test/caseFolding.test.ts holds the two to the same result). Each is compiled on first use only.
 */
let lowerCasePattern: RegExp | undefined;
let caseInsensitivePattern: RegExp | undefined;

/**
 * On the lower-cased text the pattern runs without `u` too, its `\p{L}` sets read as `[a-z]` plus
 * a stand-in that every non-ASCII letter of the text is written as (one per UTF-16 unit, so every
 * offset holds): `\p{L}` compiled with `u` is a set of hundreds of ranges in every lookaround,
 * and the pattern compiled about 4× as fast and ran 3× as fast without it (one file's cells);
 * a one-file check: 143 → 134 ms (A/B, 21 rounds).
 * The pattern's own words are ASCII, so no letter it matches is a stand-in; a stand-in character
 * already in the text (a private-use character, no letter) is written as another one.
 */
const LETTER_STAND_IN = '\uE000';
const NOT_A_LETTER_STAND_IN = '\uE001';
const ASCII_DURATION_SOURCE = DURATION_SOURCE.replaceAll('\\p{L}', `a-z${LETTER_STAND_IN}`);
let nonAsciiLetter: RegExp | undefined;

/** The lower-cased text with every non-ASCII letter as the stand-in, same length. */
function withLettersStoodIn(lowerCase: string): string {
  if (!/[^\x00-\x7f]/.test(lowerCase)) return lowerCase;
  nonAsciiLetter ??= /(?=[^\x00-\x7f])\p{L}/gu;
  return lowerCase
    .replaceAll(LETTER_STAND_IN, NOT_A_LETTER_STAND_IN)
    .replace(nonAsciiLetter, (letter) => LETTER_STAND_IN.repeat(letter.length));
}

function unitOf(text: string): (typeof UNITS)[number] | undefined {
  return UNITS.find((unit) => unit.pattern.test(text.trim()));
}

function amountOf(text: string): number | undefined {
  const lower = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (lower === 'a' || lower === 'an') return 1;
  if (lower === 'half a' || lower === 'half an') return 0.5;
  if (lower.includes('quarter')) return lower.startsWith('three') ? 0.75 : 0.25;
  const andAHalf = /^(.+?) and an? half$/.exec(lower);
  if (andAHalf) {
    const whole = readCount(andAHalf[1]);
    return whole === undefined ? undefined : whole + 0.5;
  }
  return readCount(lower);
}

const isWord = (text: string) => /^\p{L}/u.test(text.trim());

/** ISO 8601: `P7D`, `P2W`, `PT5M`, `P1DT12H`. */
const ISO_8601 = /(?<![\p{L}\d])P(?=\d|T\d)(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?(?![\p{L}\d])/gu;

function isoDurations(text: string): Duration[] {
  const found: Duration[] = [];
  ISO_8601.lastIndex = 0;
  for (let match = ISO_8601.exec(text); match; match = ISO_8601.exec(text)) {
    const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
    if (match[0] === 'P' || match[0].endsWith('T')) continue;
    const total = weeks * 7 * DAY + days * DAY + hours * 60 + minutes + seconds / 60;
    found.push({ minutes: total, text: match[0], start: match.index, valueStart: match.index, comparator: undefined });
  }
  return found;
}

// Several rules read the durations of the same cells, and re-checks while typing see the same
// cells again: the scan (one long Unicode pattern tried at every position) is remembered per text.
const known = new Map<string, readonly Duration[]>();

/** Every duration in the text, in order. */
export function findDurations(text: string): Duration[] {
  let found = known.get(text);
  if (found === undefined) {
    found = scanDurations(text);
    if (known.size >= 2_000) known.clear();
    known.set(text, found);
  }
  return found.slice();
}

function scanDurations(text: string): readonly Duration[] {
  return scanDurationsBy(text, FOLDING_DIFFERS.test(text) ? 'case-insensitive' : 'lower-case');
}

/**
 * The scan, matching the lower-cased text (`lower-case`) or the text itself with `iu`
 * (`case-insensitive`): exported so that a test can hold the two to the same result.
 */
export function scanDurationsBy(text: string, matching: 'lower-case' | 'case-insensitive'): readonly Duration[] {
  const found: Duration[] = text.includes('P') ? isoDurations(text) : [];
  const pattern =
    matching === 'lower-case'
      ? (lowerCasePattern ??= new RegExp(ASCII_DURATION_SOURCE, 'dg'))
      : (caseInsensitivePattern ??= new RegExp(DURATION_SOURCE, 'dgiu'));
  const subject = matching === 'lower-case' ? withLettersStoodIn(text.toLowerCase()) : text;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(subject); match; match = pattern.exec(subject)) {
    const duration = toDuration(text, match);
    if (duration) {
      found.push(duration);
    } else {
      // Not a duration here ("once a day", "one d"): look again from the next character.
      pattern.lastIndex = match.index + 1;
    }
  }
  // Shared by every reader of the same text: frozen, so none can change what another reads.
  return found.sort((a, b) => a.start - b.start).map((duration) => Object.freeze(duration));
}

/** The groups as written in the text (the match may be of its lower-cased copy, same offsets). */
function groupsOf(text: string, match: RegExpExecArray): Record<string, string | undefined> {
  const groups: Record<string, string | undefined> = {};
  for (const [name, span] of Object.entries(match.indices!.groups!)) groups[name] = span && text.slice(span[0], span[1]);
  return groups;
}

function toDuration(text: string, match: RegExpExecArray): Duration | undefined {
  const groups = groupsOf(text, match);
  const written = text.slice(match.index, match.index + match[0].length);
  const unit = unitOf(groups.unit!);
  const amount = groups.times ? Number(groups.times) * Number(groups.factor) : amountOf(groups.amount!);
  if (!unit || amount === undefined) return undefined;
  // A number word takes a unit word: "one week", never "one d" or "a m".
  if (groups.amount && isWord(groups.amount) && unit.short?.test(groups.unit!.trim())) return undefined;
  const before = text.slice(0, match.index);
  // "once a day", "twice a week", "per an hour" are frequencies, not durations.
  if (groups.amount && /^an?$/i.test(groups.amount.trim()) && !groups.low && /(?:once|twice|times|per|each|every)\s+$/i.test(before)) return undefined;
  let minutes = amount * unit.minutes;
  let maxMinutes: number | undefined;
  if (groups.low) {
    const low = readCount(groups.low);
    const lowUnit = groups.lowUnit ? unitOf(groups.lowUnit) : unit;
    if (low === undefined || !lowUnit) return undefined;
    maxMinutes = minutes;
    minutes = Math.min(low * lowUnit.minutes, maxMinutes);
  }
  const comparator: Duration['comparator'] =
    groups.atLeast || groups.plus || groups.postAtLeast
      ? '≥'
      : groups.atMost || groups.postAtMost
        ? '≤'
        : groups.below
          ? '<'
          : groups.above
            ? '>'
            : groups.about === '='
              ? '='
              : undefined;
  const lead = written.length - written.trimStart().length;
  const valueStart = (match.indices?.groups?.low ?? match.indices?.groups?.times ?? match.indices?.groups?.amount ?? [match.index])[0];
  return { minutes, maxMinutes, text: written.trim(), start: match.index + lead, valueStart, comparator };
}

/** The first duration in the text. */
export function parseDuration(text: string): Duration | undefined {
  return findDurations(text)[0];
}

/** Whole days, rounded down, or undefined when the text holds no duration. */
export function durationDays(text: string): number | undefined {
  const duration = parseDuration(text);
  return duration ? Math.floor(duration.minutes / DAY) : undefined;
}
