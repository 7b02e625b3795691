// Inline Markdown masked out of a header value, so readers see its words at their own offsets.
// Read by the story-id facts and the file-kind check (fileKind.ts).
/**
 * Inline Markdown markup blanked out (same length, so offsets still hold): code-span backticks,
 * bold / italic marks, and a link's brackets and target, so `` `CVN-N011-EA-S11` ``,
 * `**CVN-N011-EA-S11**` and `[CVN-N011-EA-S11](…)` read as the id they show.
 */
export function maskInlineMarkup(text: string): string {
  const blank = (s: string) => ' '.repeat(s.length);
  return text
    .replace(/\]\([^()\s]*(?:\s+"[^"]*")?\)/g, blank)
    .replace(/(?<!\\)[[\]`]/g, blank)
    .replace(/(?<![\\\w])(?:\*{1,3}|_{1,3})(?=\S)|(?<=\S)(?:\*{1,3}|_{1,3})(?![\w])/g, blank);
}
