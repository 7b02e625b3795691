/**
 * What a reader sees of text exported from a wiki or an online editor (Confluence, Notion, Google
 * Docs): backslash escapes (`pnl\_per\_trade`, `Slack \#alerts`, `\> 3`) show their character, HTML
 * entities (`&nbsp;`, `&gt;`, `&#160;`) the character they name, and smart quotes read as plain ones.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  ge: '≥',
  le: '≤',
  times: '×',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi;

/** Decodes the HTML entities an export writes (named ones it commonly uses, and numeric ones). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return NAMED_ENTITIES[name!.toLowerCase()] ?? whole;
  });
}

/**
 * Each entity as its character, padded with spaces to the entity's length: `3&nbsp;days` reads as
 * `3\u00a0     days`, every offset after it unchanged.
 */
export function blankEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole) => {
    const char = decodeEntities(whole);
    return char === whole ? whole : char + ' '.repeat(whole.length - char.length);
  });
}

/** Removes the backslash of each escaped ASCII punctuation character (`\_` → `_`), outside code spans. */
export function unescapeMarkdown(text: string): string {
  if (!text.includes('\\')) return text;
  // Inside a code span a backslash is literal: leave those pieces alone.
  return text
    .split(/(`+[^`]*`+)/)
    .map((piece, index) => (index % 2 === 1 ? piece : piece.replace(/\\([!-/:-@[-`{-~])/g, '$1')))
    .join('');
}

/** Smart quotes as plain ones: `we’ll` is `we'll`, `“obvious”` is `"obvious"`. */
export function plainQuotes(text: string): string {
  return /[‘’“”]/.test(text) ? text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"') : text;
}

const INVISIBLE = /[\u200b\u2060\ufeff]/g;

/**
 * Zero-width spaces and word joiners (pasted from web pages) blanked to spaces, so every offset
 * still holds: `**Story**\u200b:` reads as `**Story** :`. Joiners inside emoji (U+200D) stay.
 */
export function blankInvisible(text: string): string {
  return /[\u200b\u2060\ufeff]/.test(text) ? text.replace(INVISIBLE, ' ') : text;
}
