// The crypto symbols a rollout names for its canary: the configured ones and any matching the pattern.
// Read by RDY403/RDY404 (rules/rollout), the canary-traffic reader, completions and the diff.
import type { Range } from 'vscode-languageserver-types';
import type { Span } from '../../model';
import { compilePattern, findPhrases } from '../../util/phrases';
import { subRange } from '../document';

export interface CanarySymbolOptions {
  symbols: string[];
  symbolPattern: string;
  vagueKeywords: string[];
}

export const DEFAULT_CANARY_SYMBOLS: readonly string[] = ['BTCUSDC', 'ETHUSDC', 'SOLUSDC', 'BNBUSDC', 'XRPUSDC'];

/** `DOGEUSDT`, and the exchange spellings `BTC/USDC`, `BTC-USDC`. */
export const DEFAULT_SYMBOL_PATTERN = '[A-Z]{2,10}[/-]?(USDC|USDT|USD)';

/** The canary symbols configured for RDY404 (defaults when none): for completions in the Canary row. */
export function canarySymbols(options?: Partial<CanarySymbolOptions>): string[] {
  const symbols = options?.symbols;
  return Array.isArray(symbols) ? symbols.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [...DEFAULT_CANARY_SYMBOLS];
}

/** Every symbol named in the spans: a configured one (any case) or one matching the pattern. */
export function findSymbols(spans: readonly Span[], options: Partial<CanarySymbolOptions>): Array<{ text: string; range: Range }> {
  return spans.flatMap((span) => symbolsIn(span.text, options).map((m) => ({ text: m.text, range: subRange(span, m.start, m.end) })));
}

const symbolPatterns = new Map<string | undefined, RegExp>();

/** The configured symbol pattern as whole tokens, compiled once per pattern (callers reset `lastIndex`). */
function symbolPattern(configured: string | undefined): RegExp {
  let pattern = symbolPatterns.get(configured);
  if (!pattern) {
    pattern = compilePattern(
      `(?<![A-Za-z0-9])(?:${configured ?? DEFAULT_SYMBOL_PATTERN})(?![A-Za-z0-9])`,
      `(?<![A-Za-z0-9])(?:${DEFAULT_SYMBOL_PATTERN})(?![A-Za-z0-9])`,
      'g',
    );
    if (symbolPatterns.size < 100) symbolPatterns.set(configured, pattern);
  }
  return pattern;
}

/** The symbols named in a text, in text order, with their offsets (one per place, configured or matching the pattern). */
export function symbolsIn(text: string, options: Partial<CanarySymbolOptions>): Array<{ text: string; start: number; end: number }> {
  const pattern = symbolPattern(options.symbolPattern);
  const found = findPhrases(text, canarySymbols(options), true).map((m) => ({ text: m.text, start: m.start, end: m.end }));
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!match[0]) {
      pattern.lastIndex++;
      continue;
    }
    const start = match.index;
    const end = start + match[0].length;
    if (!found.some((other) => start < other.end && other.start < end)) found.push({ text: match[0], start, end });
  }
  return found.sort((a, b) => a.start - b.start);
}
