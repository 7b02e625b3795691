import { perObject } from '../facts/fact';
import { CaseInsensitive, cachedRegExp, lowerAscii, optionRegExp } from './regex';
/**
 * Keyword matching for the §3 and §4 rules: configurable phrase lists matched the way people
 * write them, with offsets into the original text so findings can sit on the phrase itself.
 * Shared by rules/drift and rules/rollout.
 */

export interface PhraseMatch {
  /** The configured phrase that matched. */
  phrase: string;
  /** The text as written. */
  text: string;
  start: number;
  end: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const cache = new Map<string, CaseInsensitive>();

/**
 * A phrase as a tolerant pattern: case-insensitive; spaces, hyphens and underscores between its
 * parts interchangeable or absent (`auto-retrain` = `auto retrain` = `autoretrain`); common
 * inflections allowed (`alert` matches `alerts`, `auto-promote` matches `auto-promoted`); never
 * inside a longer word (`page` does not match `pager`).
 */
function phrasePattern(phrase: string): CaseInsensitive {
  let pattern = cache.get(phrase);
  if (!pattern) {
    const parts = phrase
      .trim()
      .replace(/[’‘]/g, "'")
      .split(/[\s_-]+/)
      .filter(Boolean)
      .map((part) => lowerAscii(escape(part)));
    const last = parts.length ? parts[parts.length - 1] : '';
    // A phrase ending in a letter may take an inflection; `100%` or `TBD?` may not.
    const suffix = /[a-z]$/i.test(last) ? '(?:s|es|d|ed|ing|ion|ions)?' : '';
    const lead = /^[a-z0-9]/i.test(parts[0] ?? '') ? '(?<![A-Za-z0-9])' : '';
    const tail = /[a-z0-9]$/i.test(last) || suffix ? '(?![A-Za-z0-9])' : '';
    pattern = new CaseInsensitive(`${lead}${parts.join('[\\s_-]*')}${suffix}${tail}`, 'g');
    cache.set(phrase, pattern);
  }
  return pattern;
}

// "no auto-retrain", "never all at once", "without auto-promotion", "not silently": a phrase
// right after a negation (at most two words in between) is being ruled out, not proposed.
const NEGATION_BEFORE = /(?:^|[^A-Za-z])(?:no|not|never|without|nor|instead\s+of|rather\s+than|avoid|avoids|forbid|forbids|forbidden)\s+(?:[^\s;,.()]+\s+){0,2}$/i;

function negated(text: string, start: number): boolean {
  const clauseStart = Math.max(text.lastIndexOf(';', start - 1), text.lastIndexOf('.', start - 1), text.lastIndexOf('(', start - 1)) + 1;
  return NEGATION_BEFORE.test(text.slice(clauseStart, start));
}

const combined = new Map<string, CaseInsensitive>();

/** One alternation per list; options arrays live as long as the settings, so one is looked up by identity before it is joined. */
const combinedPattern = perObject((phrases: readonly string[]): CaseInsensitive => {
  const key = phrases.join('\u0000');
  let pattern = combined.get(key);
  if (!pattern) {
    // A phrase of separators only (`-`) compiles to an empty pattern that matches nothing real;
    // as an alternative it would match first everywhere and hide the other phrases.
    const sources = phrases
      .filter((p) => typeof p === 'string' && p.trim())
      .map((p) => phrasePattern(p).source)
      .filter((source) => source !== '');
    pattern = new CaseInsensitive(sources.length ? sources.map((source) => `(?:${source})`).join('|') : '(?!)', 'g');
    combined.set(key, pattern);
  }
  return pattern;
});

/**
 * Whether any of the phrases occurs (not negated, unless `includeNegated`). One alternation per
 * list instead of one pattern per phrase: rules ask this for every cell.
 */
export function hasPhrase(text: string, phrases: readonly string[], includeNegated = false): boolean {
  if (!Array.isArray(phrases)) return false;
  const pattern = combinedPattern(phrases);
  const normalised = text.includes('’') || text.includes('‘') ? text.replace(/[’‘]/g, "'") : text;
  // Most texts hold none of the phrases: one test tells, without walking the matches.
  if (!pattern.test(normalised)) return false;
  for (const match of pattern.matches(normalised)) {
    if (includeNegated || !negated(normalised, match.index)) return true;
  }
  return false;
}

/**
 * Every occurrence of any of the phrases, longest first when two overlap, in text order.
 * `includeNegated` keeps occurrences that follow "no", "not", "never", "without"….
 */
export function findPhrases(text: string, phrases: readonly string[], includeNegated = false): PhraseMatch[] {
  // Options come from user configuration: a non-list (editor settings are not schema-checked) matches nothing.
  if (!Array.isArray(phrases)) return [];
  // Most cells and lines hold none of the phrases: one combined search tells, before a search per phrase.
  if (!hasPhrase(text, phrases, true)) return [];
  // Curly apostrophes count as straight ones; the replacement keeps every offset.
  const normalised = text.replace(/[’‘]/g, "'");
  const found: PhraseMatch[] = [];
  for (const phrase of phrases) {
    if (typeof phrase !== 'string' || !phrase.trim()) continue;
    for (const match of phrasePattern(phrase).matches(normalised)) {
      if (!includeNegated && negated(normalised, match.index)) continue;
      found.push({ phrase, text: text.slice(match.index, match.index + match[0].length), start: match.index, end: match.index + match[0].length });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: PhraseMatch[] = [];
  for (const match of found) {
    if (kept.some((other) => match.start < other.end && other.start < match.end)) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** A cell that says nothing: empty, only dashes, or "n/a" / "none". */
export function isBlankValue(value: string | undefined): boolean {
  if (value === undefined) return true;
  const text = value.replace(/[`*_]/g, '').trim();
  return text === '' || /^[—–\-\s.]+$/.test(text) || /^(n\/?a|none|nil|null)$/i.test(text);
}

/** A day count from the options, or the default when the configured value is not a number. */
export function dayOption(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Compiles a user pattern; an invalid one falls back to the default rather than failing the check. */
export function compilePattern(source: string | undefined, fallback: string, flags = ''): RegExp {
  try {
    return optionRegExp(source, fallback, (p) => p, flags);
  } catch {
    return cachedRegExp(fallback, flags);
  }
}
