/**
 * The text as a reader sees it: every HTML comment (`<!-- … -->`, on one line or several, inline
 * or a block of its own) blanked to spaces, line breaks kept, so every offset and position still
 * holds. Comments in code blocks and inside code spans are text, not comments, and stay.
 */
export function blankComments(text: string, isCodeLine: (offset: number) => boolean): string {
  let from = text.indexOf('<!--');
  if (from < 0) return text;
  let out = '';
  let copied = 0;
  while (from >= 0) {
    const close = text.indexOf('-->', from + 4);
    if (close < 0) break; // an unclosed `<!--` is text (markdown-it's inline rule agrees)
    const end = close + 3;
    if (isCodeLine(from) || insideCodeSpan(text, from)) {
      from = text.indexOf('<!--', from + 4);
      continue;
    }
    out += text.slice(copied, from) + text.slice(from, end).replace(/[^\r\n]/g, ' ');
    copied = end;
    from = text.indexOf('<!--', end);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** An odd number of backticks before the offset on its line: inside a code span. */
function insideCodeSpan(text: string, offset: number): boolean {
  let ticks = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) break;
    if (ch === 96 /* ` */) ticks++;
  }
  return ticks % 2 === 1;
}
