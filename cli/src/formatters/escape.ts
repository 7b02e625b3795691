/**
 * Control characters (C0 but none, DEL, C1) and the bidirectional overrides: what a file could use
 * to move the cursor, recolour or clear a terminal (ESC), ring it (BEL), break lines (VT, CR, LF)
 * or reorder what a reader sees.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a file, safe to print on a terminal or a CI log: each unprintable character shown as `\xNN` or `\uNNNN`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/**
 * A line that starts with `::` is a workflow command to the GitHub Actions runner: a file name
 * printed at the start of a line must not become one (`./` keeps it the same path).
 */
export function notACommand(path: string): string {
  return path.startsWith('::') ? `./${path}` : path;
}
