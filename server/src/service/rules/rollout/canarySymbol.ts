import type { Range } from 'vscode-languageserver-types';
import type { Span } from '../../model';
import { compilePattern } from '../../util/phrases';
import { defineRule } from '../types';
import { rolloutStagesRule } from './rolloutStages';
import { analyseRollout, findInSpans, proseSpans } from './stages';

export interface CanarySymbolOptions {
  symbols: string[];
  symbolPattern: string;
  vagueKeywords: string[];
}

export const DEFAULT_CANARY_SYMBOLS: readonly string[] = ['BTCUSDC', 'ETHUSDC', 'SOLUSDC', 'BNBUSDC', 'XRPUSDC'];
const DEFAULT_SYMBOL_PATTERN = '[A-Z]{2,10}(USDC|USDT|USD)';

/** Columns where the canary's pass / rollback logic lives, not its crypto ("evaluated later" is fine there). */
const NOT_A_CRYPTO_COLUMN = new Set(['duration', 'passcriteria', 'rollbacktrigger']);

export const canarySymbolRule = defineRule<CanarySymbolOptions>({
  code: 'RDY404',
  name: 'canary-symbol',
  requirements: ['R4'],
  section: 'rollout',
  severity: 'error',
  summary: 'The crypto hosting the canary is named (e.g. `BTCUSDC`), not left for later.',
  rationale:
    'The template: "The operator filling this template names the specific crypto that hosts the canary … — not \'we\'ll pick later\'". ' +
    'The choice (liquidity, order-book depth) is part of what the committee reviews, and a canary chosen after sign-off was never reviewed (ADR-70).',
  fixHint: 'Name the symbol in the Canary row, e.g. `BTCUSDC only (1 crypto out of 5), chosen because it has the deepest order book`.',
  defaultOptions: {
    symbols: [...DEFAULT_CANARY_SYMBOLS],
    symbolPattern: DEFAULT_SYMBOL_PATTERN,
    vagueKeywords: ["we'll pick later", 'we will pick later', 'pick later', 'to be decided', 'to be chosen', 'TBD', 'TBC', 'later'],
  },
  optionsSchema: {
    symbols: { description: 'Symbols that may host the canary (also offered as completions).', type: 'array', items: { type: 'string' } },
    symbolPattern: { description: 'Regular expression (case-sensitive) any other symbol matches.', type: 'string' },
    vagueKeywords: { description: 'Phrases that postpone the choice of the canary crypto.', type: 'array', items: { type: 'string' } },
  },
  check({ document, options, optionsOf, report }) {
    const analysis = analyseRollout(document, optionsOf(rolloutStagesRule));
    const row = analysis?.stage.canary;
    if (!analysis || !row) return;
    const { table, section } = analysis;
    const prose = proseSpans(document, section);

    // Vague phrases where the crypto is named: the canary row's own cells and prose about the canary.
    const cryptoCells = row.cells.filter((cell) => !NOT_A_CRYPTO_COLUMN.has(table.columnKeys[cell.column] ?? ''));
    const canaryProse = prose.filter((span) => /\bcanary\b/i.test(span.text));
    const vague = findInSpans([...cryptoCells, ...canaryProse], options.vagueKeywords);
    for (const match of vague) {
      report({
        range: match.range,
        message: `"${match.text}" leaves the canary crypto unchosen: name it now${symbolHint(options)}, and say why.`,
      });
    }
    if (vague.length) return;
    if (findSymbols([...row.cells, ...prose], options).length) return;
    report({
      range: row.range,
      message: `The Canary row names no crypto: write the symbol that hosts the canary, e.g. \`BTCUSDC only (1 crypto out of 5), chosen because it has the deepest order book\`.`,
    });
  },
});

function symbolHint(options: Partial<CanarySymbolOptions>): string {
  const symbols = canarySymbols(options);
  return symbols.length ? `, e.g. \`${symbols[0]}\` (one of ${symbols.join(', ')})` : '';
}

/** The canary symbols configured for RDY404 (defaults when none): for completions in the Canary row. */
export function canarySymbols(options?: Partial<CanarySymbolOptions>): string[] {
  const symbols = options?.symbols;
  return Array.isArray(symbols) ? symbols.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [...DEFAULT_CANARY_SYMBOLS];
}

/** Every symbol named in the spans: a configured one (any case) or one matching the pattern. */
export function findSymbols(spans: readonly Span[], options: Partial<CanarySymbolOptions>): Array<{ text: string; range: Range }> {
  const pattern = compilePattern(
    `(?<![A-Za-z0-9])(?:${options.symbolPattern ?? DEFAULT_SYMBOL_PATTERN})(?![A-Za-z0-9])`,
    `(?<![A-Za-z0-9])(?:${DEFAULT_SYMBOL_PATTERN})(?![A-Za-z0-9])`,
    'g',
  );
  const found = findInSpans(spans, canarySymbols(options));
  for (const span of spans) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(span.text); match; match = pattern.exec(span.text)) {
      if (!match[0]) {
        pattern.lastIndex++;
        continue;
      }
      const start = span.range.start.character + match.index;
      found.push({ text: match[0], range: { start: { line: span.range.start.line, character: start }, end: { line: span.range.start.line, character: start + match[0].length } } });
    }
  }
  return found;
}
