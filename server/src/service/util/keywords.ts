import { perObject } from '../facts/fact';
import { CaseInsensitive, lowerAscii } from './regex';
/**
 * Keyword lists are options, so authors can teach the rules their own words. A keyword matches
 * whole words, case-insensitively, with spaces, hyphens and underscores interchangeable and an
 * optional plural (`drill` matches "drills"); a trailing `*` matches any word ending
 * (`deploy*` matches "deployment", `pin*` matches "pinning" but never "spin").
 */
const patterns = new Map<string, CaseInsensitive | undefined>();

/**
 * Rules ask per cell and per line; the list is the same each time, so it is compiled once, and an
 * options array is looked up by identity before it is joined.
 */
export const keywordPattern = perObject((keywords: readonly string[]): CaseInsensitive | undefined => {
  const key = keywords.join('\u0000');
  if (!patterns.has(key)) patterns.set(key, compileKeywords(keywords));
  return patterns.get(key);
});

function compileKeywords(keywords: readonly string[]): CaseInsensitive | undefined {
  const alternatives = keywords
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword && keyword !== '*')
    .map((keyword) => {
      const prefix = keyword.endsWith('*');
      const words = (prefix ? keyword.slice(0, -1) : keyword)
        .split(/[\s_-]+/)
        .filter(Boolean)
        .map((part) => lowerAscii(part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('[\\s_-]*');
      return prefix ? words : `${words}(?:s|es)?(?![A-Za-z0-9])`;
    });
  return alternatives.length ? new CaseInsensitive(`(?<![A-Za-z0-9])(?:${alternatives.join('|')})`, '') : undefined;
}

/** The first keyword found in the text, as written there. */
export function findKeyword(text: string, keywords: readonly string[]): string | undefined {
  return keywordPattern(keywords)?.find(text)?.[0];
}

export function hasKeyword(text: string, keywords: readonly string[]): boolean {
  return keywordPattern(keywords)?.test(text) ?? false;
}

/** JSON Schema of a keyword-list option. */
export function keywordListSchema(description: string): object {
  return {
    type: 'array',
    items: { type: 'string', minLength: 1 },
    description: `${description} Whole words, case-insensitive; a trailing * matches any word ending.`,
  };
}
