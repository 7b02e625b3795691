/** Counts written as words, as people write them in prose and cells: "one week", "two cryptos". */
const WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, sixty: 60, ninety: 90,
};

/** An alternation of the number words, longest first (`fourteen` before `four`), for building patterns. */
export const NUMBER_WORD_SOURCE = Object.keys(WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** `7`, `1.5`, `seven`, `Seven`; undefined for anything else. */
export function readCount(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return Object.prototype.hasOwnProperty.call(WORDS, trimmed) ? WORDS[trimmed] : undefined;
}
