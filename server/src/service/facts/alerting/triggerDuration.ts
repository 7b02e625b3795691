// Whether an alert's trigger says how long its condition must hold (`for 10 min`, `over 3 consecutive runs`),
// under RDY204's options. Read by RDY204 (alert-trigger).
import { perObject } from '../fact';
import { CaseInsensitive, lowerAscii } from '../../util/regex';
import { findDurations } from '../../util/durations';
import { NUMBER_WORD_SOURCE } from '../../util/numbers';

export interface TriggerOptions {
  /** Words that introduce how long the condition must hold: `for 10 min`, `over 24h`. */
  durationWords: string[];
  /** Units that count evaluations rather than time: `over 3 consecutive runs`. */
  countUnits: string[];
}

const escape = (text: string) => lowerAscii(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

interface TriggerPatterns {
  /** The duration words right before a duration: `for `, `over the last `. */
  lead: CaseInsensitive | undefined;
  /** `over 3 consecutive runs`. */
  counts: CaseInsensitive | undefined;
}

/** The patterns of a set of options, built once per options object (rules run per row). */
const patternsFor = perObject((options: TriggerOptions): TriggerPatterns => {
  const words = [...options.durationWords].sort((a, b) => b.length - a.length).map(escape).join('|');
  const counts = options.countUnits.map(escape).join('|');
  const number = String.raw`(?:\d+(?:[.,]\d+)?|${NUMBER_WORD_SOURCE})`;
  const amount = String.raw`(?:the\s+)?(?:(?:last|past)\s+)?(?:(?:>=|≥|>|at\s+least)\s*)?${number}`;
  // `over 3 consecutive runs`, `for three checks`, `in 3 of the last 5 bars`.
  const outOf = String.raw`(?:(?:of|out\s+of)\s+(?:the\s+)?(?:last\s+)?${number}\s+)?`;
  return {
    // Matched without `i` on the lower-cased trigger where that is the same (util/regex.ts).
    lead: words ? new CaseInsensitive(String.raw`(?<![\w-])(?:${words})\s+(?:the\s+)?(?:(?:last|past)\s+)?$`, '') : undefined,
    counts: words && counts ? new CaseInsensitive(String.raw`(?<![\w-])(?:${words})\s+${amount}\s+${outOf}(?:consecutive\s+)?(?:${counts})\b`, '') : undefined,
  };
});

/**
 * Whether a trigger says how long its condition must hold: a duration (any form util/durations
 * reads: `10 min`, `one hour`, `a day`, `10–15 min`, `≥ 30 min`) after a duration word (`for`,
 * `over the last`), a duration before `window`, or a count of evaluations (`over 3 consecutive runs`).
 * A comparison with a time value (`latency > 30 min`) is not one.
 */
export function hasDuration(trigger: string, options: TriggerOptions): boolean {
  const { lead, counts } = patternsFor(options);
  if (counts?.test(trigger)) return true;
  return findDurations(trigger).some((duration) => {
    const after = trigger.slice(duration.start + duration.text.length);
    if (/^[\s-]*(?:rolling\s+)?window\b/i.test(after)) return true;
    return lead !== undefined && (lead.test(trigger.slice(0, duration.start)) || lead.test(trigger.slice(0, duration.valueStart)));
  });
}
