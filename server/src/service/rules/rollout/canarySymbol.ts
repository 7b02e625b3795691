import type { Range } from 'vscode-languageserver-types';
import type { Span } from '../../model';
import { findPhrases } from '../../util/phrases';
import { defineRule } from '../types';
import { rolloutStagesRule } from './rolloutStages';
import { subRange } from '../../facts/document';
import { rolloutAnalysis, rolloutProse } from '../../facts/rollout/stages';
import { alternativesIn, notesAboutOthers } from '../../facts/rollout/canaryTraffic';
import { canarySymbols, DEFAULT_CANARY_SYMBOLS, DEFAULT_SYMBOL_PATTERN, findSymbols, symbolsIn, type CanarySymbolOptions } from '../../facts/rollout/canarySymbols';

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
    const analysis = rolloutAnalysis(document, optionsOf(rolloutStagesRule));
    const row = analysis?.stage.canary;
    if (!analysis || !row) return;
    const { table } = analysis;
    const prose = rolloutProse(document, analysis);

    // Postponing words count where they stand in place of the choice: in the canary row's own
    // cells and in prose clauses about the canary's crypto, never in a note about the other cryptos.
    const named = findSymbols([...row.cells, ...prose], options).length > 0;
    const cryptoCells = row.cells.filter((cell) => !NOT_A_CRYPTO_COLUMN.has(table.columnKeys[cell.column] ?? ''));
    const canaryProse = prose.filter((span) => /\bcanary\b/i.test(span.text));
    const vague = [
      ...cryptoCells.flatMap((cell) => postponements(cell, options, (clause, phrase) => !named || aboutTheCrypto(clause, phrase, options))),
      ...canaryProse.flatMap((line) => postponements(line, options, (clause, phrase) => aboutTheCrypto(clause, phrase, options))),
    ];
    for (const match of vague) {
      report({
        range: match.range,
        message: `"${match.text}" leaves the canary crypto unchosen: name it now${symbolHint(options)}, and say why.`,
      });
    }
    if (vague.length) return;
    // `SOLUSDC or XRPUSDC (whichever is calmer)`: candidates, not a choice.
    const undecided = [...cryptoCells, ...canaryProse].flatMap((span) =>
      alternativesIn(span.text, options).map((piece) => ({ text: piece.text, range: subRange(span, piece.start, piece.end) })),
    );
    for (const match of undecided) {
      report({
        range: match.range,
        message: `"${match.text.replace(/`/g, '')}" names candidates, not the canary crypto: choose one now${symbolHint(options)}, and say why.`,
      });
    }
    if (undecided.length || named) return;
    report({
      range: row.range,
      message: `The Canary row names no crypto: write the symbol that hosts the canary, e.g. \`BTCUSDC only (1 crypto out of 5), chosen because it has the deepest order book\`.`,
    });
  },
});

/** Postponing words that only say when. */
const TIME_WORD = /^(?:later|afterwards|eventually|soon)$/i;
/** Verbs of choosing, with which a time word postpones the choice: "will be confirmed later". */
const CHOICE_VERB =
  /\b(?:pick|picks|picked|picking|choose|chooses|chosen|choosing|choice|select|selects|selected|selection|decide|decides|decided|decision|confirm|confirms|confirmed|name|named|determine|determined|settle|settled|which)\b/i;
/** Words naming the crypto itself: a clause with one of them (or a symbol) is about the canary's crypto. */
const CRYPTO_WORD = /\b(?:cryptos?|crypto-?currenc(?:y|ies)|symbols?|coins?|pairs?|markets?|assets?|tickers?|hosts?|hosted|hosting)\b/i;
/** The canary itself as what is chosen: "pick the canary", "the canary will be chosen", "which one". */
const CANARY_CHOSEN =
  /\b(?:pick|picks|picked|picking|choose|chooses|chosen|choosing|select|selects|selected|decide|decides|decided)\s+(?:(?:on|the|our|which|a)\s+)*canary\b|\bcanary\b(?:\s+[\w']+){0,2}\s+(?:is|are|will\s+be|to\s+be|gets?)\s+(?:picked|chosen|selected|decided|named|confirmed)\b|\bwhich\s+(?:one|crypto)\b/i;

/**
 * Whether a clause speaks of the canary's crypto: it names one (or a symbol), makes the canary what
 * is chosen, or says nothing but the postponement ("Canary: TBD"). "The date of the full rollout is to
 * be decided after the canary" speaks of a date.
 */
function aboutTheCrypto(clause: string, phrase: string, options: Partial<CanarySymbolOptions>): boolean {
  // "later" alone says when, not that the choice waits: "BNBUSDC may follow later in a second canary".
  if (TIME_WORD.test(phrase.trim())) return CHOICE_VERB.test(clause) || onlyThePostponement(clause, phrase);
  if (CRYPTO_WORD.test(clause) || CANARY_CHOSEN.test(clause) || symbolsIn(clause, options).length > 0) return true;
  return onlyThePostponement(clause, phrase);
}

function onlyThePostponement(clause: string, phrase: string): boolean {
  const rest = clause.replace(phrase, ' ').replace(/\bcanary\b|\bstage\b|\bthe\b|\bis\b|\bwill\s+be\b/gi, ' ');
  return (rest.match(/[\p{L}\d]+/gu) ?? []).length === 0;
}

/** The postponing phrases of a span whose clause (between `.`, `;`, `!`, `?` or ` — `) passes `counts`. */
function postponements(span: Span, options: Partial<CanarySymbolOptions>, counts: (clause: string, phrase: string) => boolean): Array<{ text: string; range: Range }> {
  const notes = notesAboutOthers(span.text, options);
  return findPhrases(span.text, Array.isArray(options.vagueKeywords) ? options.vagueKeywords : [])
    .filter((match) => !notes.some((note) => note.start <= match.start && match.start < note.end) && counts(clauseAround(span.text, match.start), match.text))
    .map((match) => ({ text: match.text, range: subRange(span, match.start, match.end) }));
}

function clauseAround(text: string, index: number): string {
  const boundary = /[.!?;](?=\s|$)|\s[—–]\s/g;
  let start = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    if (match.index >= index) return text.slice(start, match.index);
    start = match.index + match[0].length;
  }
  return text.slice(start);
}

function symbolHint(options: Partial<CanarySymbolOptions>): string {
  const symbols = canarySymbols(options);
  return symbols.length ? `, e.g. \`${symbols[0]}\` (one of ${symbols.join(', ')})` : '';
}
