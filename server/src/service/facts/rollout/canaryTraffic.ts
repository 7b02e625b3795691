// Reading the Canary row's traffic: one crypto or several, notes about the others, undecided candidates.
// Read by RDY403 (canary-stage) and RDY404 (canary-symbol).
import { blankEmoji } from '../../util/emoji';
import { compilePattern, findPhrases } from '../../util/phrases';
import { symbolsIn, type CanarySymbolOptions } from './canarySymbols';

/**
 * Reading the canary's Traffic % cell as a small expression rather than by keyword search:
 * - notes about the OTHER cryptos (`(all other cryptos stay on the champion)`, `; the rest keep v3`)
 *   say nothing about the canary and are set aside;
 * - one symbol named alone (`ETHUSDC`, `ETHUSDC only`) is one crypto;
 * - symbols joined by `+`, `,`, `and`, `&` or `/` (`SOLUSDC + ETHUSDC`) are several;
 * - "all", "every crypto", "100%" and counts above one (`5 cryptos`, `two pairs`, `2 of 5 cryptos`)
 *   are several; `1 crypto out of 5` is one, and so is `100% of BTCUSDC`.
 */

export interface TextPiece {
  text: string;
  start: number;
  end: number;
}

export interface TrafficOptions {
  allAtOnceKeywords: string[];
  multiCryptoPattern: string;
}

export interface TrafficReading {
  /** The distinct symbols the canary itself is on (notes about the others left out). */
  symbols: string[];
  /** What says the canary takes more than one crypto, in text order; empty when it takes one (or says nothing). */
  several: TextPiece[];
  /** How `several` reads, for messages: `list` when only a list of joined symbols says so. */
  kind: 'list' | 'words' | undefined;
}

const MANY = String.raw`(?:[2-9]|[1-9]\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple|both)`;
const ANY = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const CRYPTOS = String.raw`(?:cryptos|crypto-?currencies|symbols|pairs|coins|markets|assets|tickers)`;
/** `5 cryptos`, `two pairs`, `2 out of 5 cryptos`; never the total of `1 crypto out of 5 cryptos` or `1/5 cryptos`. */
export const DEFAULT_MULTI_CRYPTO =
  String.raw`(?<![\w.\/])(?:${MANY}\s*(?:out\s+of|of|\/)\s*(?:the\s+)?${ANY}\s+|(?<!\b(?:of|/)\s*(?:the\s+)?)${MANY}\s*)${CRYPTOS}\b`;

/** `btcusdc`, `BTC/USDC` and `BTC-USDC` are one symbol. */
const symbolKey = (symbol: string) => symbol.toUpperCase().replace(/[/-]/g, '');

/** Words of a note about the cryptos the canary does not touch. */
const OTHERS = /\b(?:others?|rest|remaining|remainder|else|non-canary)\b/i;
/** Words saying those others are left alone, so a note may name them (`(ETHUSDC and the rest stay on the champion)`). */
const LEFT_ALONE = /\b(?:stay|stays|remain|remains|keep|keeps|kept|untouched|unchanged|champion|excluded)\b/i;
/** A note saying named cryptos are left as they are: `(ETHUSDC and SOLUSDC stay on the champion)`, `SOLUSDC unchanged`. */
const STAY_AS_THEY_ARE = /\b(?:stay|stays|remain|remains|keep|keeps|kept|left|run|runs)\b[^.;]*\b(?:champion|baseline|current\s+model)\b|\b(?:untouched|unchanged|excluded|not\s+touched)\b/i;
/** Words before a list that rule it out: `not ETHUSDC/SOLUSDC`, `except ETHUSDC and SOLUSDC`. */
const RULED_OUT_BEFORE = /(?:^|[^\p{L}])(?:not|never|no|nor|except|excluding|without)\s+(?:(?:on|in|for|the)\s+)?[\s`*_]*$/iu;
/** What may stand between a keyword and the symbol it qualifies: `100% of BTCUSDC`, `all BTCUSDC trades`. */
const OF_SYMBOL = /^[\s`*_]*(?:of\s+)?(?:the\s+)?(?:its\s+)?[\s`*_]*$/i;
/** What may stand between two symbols of one list. */
// A line break in the cell (`SOLUSDC<br>ETHUSDC`) lists the symbols as much as a comma does.
const JOINER = /^(?:[\s`*_"']|<br\s*\/?>)*(?:\+|,|&|\/|and|plus|,\s*and|&amp;|<br\s*\/?>)(?:[\s`*_"']|<br\s*\/?>)*$/i;

/** Pieces of the text that speak only of the other cryptos: parenthesised notes and clauses after `;`, `,`, `—` or `.`. */
export function notesAboutOthers(text: string, symbolOptions: Partial<CanarySymbolOptions>): TextPiece[] {
  const notes: TextPiece[] = [];
  const isAboutOthers = (piece: string) =>
    (OTHERS.test(piece) && (LEFT_ALONE.test(piece) || !symbolsIn(piece, symbolOptions).length)) || STAY_AS_THEY_ARE.test(piece);
  // Whether each character stands outside brackets (a text without `(` has none: not recorded).
  const bracketed = text.includes('(');
  const outside: boolean[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; bracketed && i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') {
      if (depth === 0) open = i;
      depth++;
    }
    outside.push(depth === 0);
    if (ch === ')' && depth > 0) {
      depth--;
      if (depth === 0) {
        const inner = text.slice(open, i + 1);
        if (isAboutOthers(inner)) notes.push({ text: inner, start: open, end: i + 1 });
      }
    }
  }
  // Clauses of the text outside brackets.
  const boundary = /[;,]|\s[—–-]\s|\.(?=\s|$)|:\s/g;
  let start = 0;
  const clauses: Array<[number, number]> = [];
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    if (bracketed && !outside[match.index]) continue;
    clauses.push([start, match.index]);
    start = match.index + match[0].length;
  }
  clauses.push([start, text.length]);
  for (const [from, to] of clauses) {
    const clause = text.slice(from, to);
    // Bracketed notes inside the clause are judged on their own.
    const bare = bracketed ? clause.replace(/\([^()]*\)/g, (note) => ' '.repeat(note.length)) : clause;
    if (bare.trim() && isAboutOthers(bare)) notes.push({ text: clause, start: from, end: to });
  }
  return notes.sort((a, b) => a.start - b.start);
}

/** The text with the given pieces replaced by spaces, so offsets still point into the original. */
export function blank(text: string, pieces: readonly TextPiece[]): string {
  let out = text;
  for (const piece of pieces) out = out.slice(0, piece.start) + ' '.repeat(piece.end - piece.start) + out.slice(piece.end);
  return out;
}

const multiCryptoPatterns = new Map<string | undefined, RegExp>();

/** The configured count pattern, compiled once per pattern (the caller resets `lastIndex`). */
function multiCryptoPattern(configured: string | undefined): RegExp {
  let pattern = multiCryptoPatterns.get(configured);
  if (!pattern) {
    pattern = compilePattern(configured, DEFAULT_MULTI_CRYPTO, 'gi');
    if (multiCryptoPatterns.size < 100) multiCryptoPatterns.set(configured, pattern);
  }
  return pattern;
}

export function readCanaryTraffic(text: string, options: Partial<TrafficOptions>, symbolOptions: Partial<CanarySymbolOptions>): TrafficReading {
  // Emoji beside the symbols (`🪙 XRPUSDC + 🪙 SOLUSDC`) decorate them: they neither join nor part them.
  const visible = blankEmoji(blank(text, notesAboutOthers(text, symbolOptions)));
  const piece = (start: number, end: number): TextPiece => ({ text: text.slice(start, end), start, end });
  const mentions = symbolsIn(visible, symbolOptions);
  const symbols = [...new Set(mentions.map((m) => symbolKey(m.text)))];
  // `100% of BTCUSDC`, `all BTCUSDC trades`: the words qualify the one symbol, not the portfolio.
  const qualifiesSymbol = (end: number) => mentions.some((m) => m.start >= end && OF_SYMBOL.test(visible.slice(end, m.start)));
  const words: TextPiece[] = findPhrases(visible, Array.isArray(options.allAtOnceKeywords) ? options.allAtOnceKeywords : [])
    .filter((m) => !qualifiesSymbol(m.end))
    .map((m) => piece(m.start, m.end));
  const counts = multiCryptoPattern(options.multiCryptoPattern);
  counts.lastIndex = 0;
  for (let match = counts.exec(visible); match; match = counts.exec(visible)) {
    if (!match[0]) {
      counts.lastIndex++;
      continue;
    }
    words.push(piece(match.index, match.index + match[0].length));
  }
  if (words.length) return { symbols, several: words.sort((a, b) => a.start - b.start), kind: 'words' };
  // Symbols joined into one list: the first list of two different symbols is the finding.
  for (let first = 0; first < mentions.length; first++) {
    let last = first;
    while (last + 1 < mentions.length && JOINER.test(visible.slice(mentions[last].end, mentions[last + 1].start))) last++;
    const joined = new Set(mentions.slice(first, last + 1).map((m) => symbolKey(m.text)));
    const ruledOut = RULED_OUT_BEFORE.test(visible.slice(0, mentions[first].start));
    if (joined.size > 1 && !ruledOut) return { symbols, several: [piece(mentions[first].start, mentions[last].end)], kind: 'list' };
    first = last;
  }
  return { symbols, several: [], kind: undefined };
}

/** What stands between two candidates: `or`, `, or`, `/ or`. */
const OR_JOINER = /^[\s`*_"']*(?:,\s*)?or[\s`*_"']*$/i;
/**
 * The `or` OR_JOINER takes, in the text as written: between two symbols (which never touch a letter or
 * digit) it has neither on either side, and what is blanked beside it (a bracket, a note, an emoji) is none.
 */
const STANDALONE_OR = /(?<![A-Za-z0-9])or(?![A-Za-z0-9])/i;

/**
 * Symbols offered as alternatives outside brackets and notes about the others: `SOLUSDC or XRPUSDC`,
 * `either BTCUSDC or ETHUSDC`. A bracketed fallback (`BTCUSDC (or ETHUSDC if the book thins)`) keeps
 * the choice made.
 */
export function alternativesIn(text: string, symbolOptions: Partial<CanarySymbolOptions>): TextPiece[] {
  // Alternatives need an `or` standing alone between two symbols (OR_JOINER): a text without one has none.
  if (!STANDALONE_OR.test(text)) return [];
  const notes = notesAboutOthers(text, symbolOptions);
  const brackets = [...text.matchAll(/\([^()]*\)/g)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
  const visible = blankEmoji(blank(text, [...notes, ...brackets]));
  const mentions = symbolsIn(visible, symbolOptions);
  const found: TextPiece[] = [];
  for (let first = 0; first < mentions.length; first++) {
    let last = first;
    while (last + 1 < mentions.length && (OR_JOINER.test(visible.slice(mentions[last].end, mentions[last + 1].start)) || JOINER.test(visible.slice(mentions[last].end, mentions[last + 1].start)))) last++;
    const candidates = mentions.slice(first, last + 1);
    const hasOr = candidates.some((m, i) => i > 0 && OR_JOINER.test(visible.slice(candidates[i - 1].end, m.start)));
    if (hasOr && new Set(candidates.map((m) => symbolKey(m.text))).size > 1) {
      found.push({ text: text.slice(candidates[0].start, candidates[candidates.length - 1].end), start: candidates[0].start, end: candidates[candidates.length - 1].end });
    }
    first = last;
  }
  return found;
}
