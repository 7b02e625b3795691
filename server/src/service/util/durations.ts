/**
 * Durations as people write them in the template's tables: `≥ 7d`, `7 days`, `1w`, `14d window`,
 * `< 5 min`, `30s`, `2h`. Values are in minutes; `atLeast` / `atMost` keep the comparison.
 */
export interface Duration {
  minutes: number;
  /** The text matched, and where it starts within the input. */
  text: string;
  start: number;
  comparator: '<' | '≤' | '>' | '≥' | '=' | undefined;
}

const UNIT_MINUTES: Array<[RegExp, number]> = [
  [/^(s|secs?|seconds?)$/i, 1 / 60],
  [/^(m|mins?|minutes?)$/i, 1],
  [/^(h|hrs?|hours?)$/i, 60],
  [/^(d|days?)$/i, 1440],
  [/^(w|wks?|weeks?)$/i, 10080],
];

const DURATION = /(<=|>=|≤|≥|<|>|=)?\s*(\d+(?:\.\d+)?)\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w)(?![A-Za-z])/i;

export function parseDuration(text: string): Duration | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const unit = UNIT_MINUTES.find(([pattern]) => pattern.test(match[3]));
  if (!unit) return undefined;
  const comparator = ({ '<=': '≤', '>=': '≥' } as Record<string, Duration['comparator']>)[match[1] ?? ''] ?? (match[1] as Duration['comparator']);
  return { minutes: Number(match[2]) * unit[1], text: match[0].trim(), start: match.index + (match[0].length - match[0].trimStart().length), comparator };
}

/** Whole days, rounded down, or undefined when the text holds no duration. */
export function durationDays(text: string): number | undefined {
  const duration = parseDuration(text);
  return duration ? Math.floor(duration.minutes / 1440) : undefined;
}
