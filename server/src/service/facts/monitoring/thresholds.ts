// Reading a `Threshold (warn / crit)` cell: its bounds, their comparisons, and whether warn and crit are inverted.
// Read by RDY114 (metric-threshold).
import { perObject } from '../fact';
import { CaseInsensitive, lowerAscii } from '../../util/regex';
/**
 * Reading a `Threshold (warn / crit)` cell: `> 0.2 / > 0.5`, `warn 200ms, crit 500ms`,
 * `< 0 (warn) / < -0.5 (crit)`, `warn p50 shift > 0.05 / crit p50 shift > 0.10 vs champion`.
 * A cell gives both values when its parts carry the words warn and crit, each with a number,
 * or, without those words, when it has two parts with a number each (warn first, as the
 * column header says).
 */

export interface ThresholdWords {
  warn: string[];
  crit: string[];
}

export interface Bound {
  comparator: '>' | '<';
  number: number;
  unit: string;
}

export interface ThresholdPart {
  text: string;
  label: 'warn' | 'crit' | undefined;
  hasNumber: boolean;
  /** The first `> 0.5`-like comparison in the part, for ordering warn against crit. */
  bound: Bound | undefined;
}

export interface ThresholdReading {
  parts: ThresholdPart[];
  warn: ThresholdPart | undefined;
  crit: ThresholdPart | undefined;
  /** Whether the author used the words warn / crit. */
  labelled: boolean;
}

// A number on its own: `0.5`, `-0.15%`, `24h`, not the digits of `p50` or `f1`.
const NUMBER = /(?<![\p{L}\d_.])[-+−]?\d+(?:[.,]\d+)?/u;
const BOUND = /(>=|<=|≥|≤|>|<)\s*([-+−]?\d+(?:\.\d+)?)\s*(%|ms|µs|us|s|secs?|seconds?|mins?|minutes?|m|h|hrs?|hours?|d|days?|bps|x)?(?![\p{L}\d])/iu;
// Strong separators: ` / `, `;`, `|`; a bare `/` only between two numbers' parts (see below).
const SEPARATOR = /\s+\/\s*|\s*\/\s+|\s*;\s*|\s*\|\s*/;

export function readThreshold(value: string, words: ThresholdWords): ThresholdReading {
  const warnWord = wordPattern(words.warn);
  const critWord = wordPattern(words.crit);
  const labelOf = (text: string): ThresholdPart['label'] => {
    const warn = warnWord?.test(text) ?? false;
    const crit = critWord?.test(text) ?? false;
    return warn === crit ? undefined : warn ? 'warn' : 'crit';
  };
  let texts = value.split(SEPARATOR).map((t) => t.trim()).filter(Boolean);
  if (texts.length === 1) {
    // A bare `/` or a middle dot (`⚠️ > 250 ms · 🔥 > 500 ms`) between two parts with a number each; a comma only
    // between two comparisons (`> 250 ms, > 500 ms`), not before a remark (`> 0.2, sustained 10 min`).
    const weak: Array<[RegExp, (t: string) => boolean]> = [
      [/\//, (t) => NUMBER.test(t)],
      [/\s*[·•]\s*/, (t) => NUMBER.test(t)],
      [/\s*,\s+/, (t) => BOUND.test(t)],
    ];
    for (const [separator, valued] of weak) {
      const bare = value.split(separator).map((t) => t.trim());
      if (bare.length === 2 && bare.every(valued)) {
        texts = bare;
        break;
      }
    }
  }
  // `warn 200ms, crit 500ms` or `0.2 (warn), 0.5 (crit)`: one piece holding both words is cut between them.
  const parts: ThresholdPart[] = [];
  const part = (text: string, label: ThresholdPart['label']) => parts.push({ text, label, hasNumber: NUMBER.test(text), bound: boundOf(text) });
  for (const text of texts) {
    if (!warnWord || !critWord) {
      part(text, labelOf(text));
      continue;
    }
    const warnAt = warnWord.find(text);
    const critAt = critWord.find(text);
    // A piece not cut has the label its words give (the searches just made tell).
    if (!warnAt || !critAt) part(text, warnAt ? 'warn' : critAt ? 'crit' : undefined);
    else for (const piece of splitAtLabels(text, warnAt, critAt)) part(piece, labelOf(piece));
  }
  const valued = parts.filter((part) => part.hasNumber);
  let warn = valued.find((part) => part.label === 'warn');
  let crit = valued.find((part) => part.label === 'crit');
  // Unlabelled values fill what the words left open, in the header's order: warn, then crit.
  for (const part of valued.filter((p) => p.label === undefined)) {
    if (!warn) warn = part;
    else if (!crit) crit = part;
  }
  return { parts, warn, crit, labelled: parts.some((part) => part.label !== undefined) };
}

/**
 * Whether warn lies past crit (`> 0.5 / > 0.2`): only for two comparisons of the same direction
 * and unit, where the order is certain.
 */
export function inverted(reading: ThresholdReading): boolean {
  const warn = reading.warn?.bound;
  const crit = reading.crit?.bound;
  if (!warn || !crit || warn.comparator !== crit.comparator || warn.unit !== crit.unit) return false;
  return warn.comparator === '>' ? warn.number > crit.number : warn.number < crit.number;
}

function boundOf(text: string): Bound | undefined {
  const match = BOUND.exec(text);
  if (!match) return undefined;
  const comparator = /[>≥]/.test(match[1]) ? '>' : '<';
  return { comparator, number: Number(match[2].replace('−', '-')), unit: (match[3] ?? '').toLowerCase() };
}

// ASCII letters lower-cased (the same words to `iu`): the pattern runs with `u` on the lower-cased text where that matches as `iu` does.
const wordPattern = perObject((words: string[]): CaseInsensitive | undefined => {
  const alternatives = words
    .map((w) => lowerAscii(w.trim()))
    .filter(Boolean)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    // A one-letter label (`W`, `C`) is one only where a label stands: before a colon, `=`, a comparison or
    // a number (`W: 250 ms`, `C > 500`), or in brackets after its value (`250 ms (W)`); `80 C` is a unit.
    .map((w) => (w.length === 1 ? `${w}(?=\\s*[:=<>≥≤]|\\s*[-+−]?\\d)|(?<=\\()${w}(?=\\))` : w));
  return alternatives.length ? new CaseInsensitive(`(?<![\\p{L}\\d_])(?:${alternatives.join('|')})(?![\\p{L}\\d_])`, 'u') : undefined;
});

/** The text cut between its warn and crit words (their first matches, both found). */
function splitAtLabels(text: string, warnAt: RegExpExecArray, critAt: RegExpExecArray): string[] {
  const [a, b] = warnAt.index <= critAt.index ? [warnAt, critAt] : [critAt, warnAt];
  // Words before their values (`warn 200ms crit 500ms`) cut before the second word; words after
  // their values (`0.2 (warn) 0.5 (crit)`) cut after the first word and its closing bracket.
  const prefixStyle = text.slice(0, a.index).trim().replace(/[(\[]/g, '') === '';
  const cut = prefixStyle ? b.index : a.index + a[0].length + (/^\s*\)/.exec(text.slice(a.index + a[0].length))?.[0].length ?? 0);
  return [text.slice(0, cut), text.slice(cut)].map((t) => t.replace(/^[\s,]+|[\s,]+$/g, '')).filter(Boolean);
}
