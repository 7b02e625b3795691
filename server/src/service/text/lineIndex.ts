import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Maps between string offsets and LSP positions. JavaScript strings are UTF-16, so a
 * character column is simply an offset within the line: emoji count as two, as LSP wants.
 * Line breaks are \n, \r\n or a lone \r, as in LSP and markdown-it.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    if (!text.includes('\r')) {
      // The common case, LF only: let indexOf find the breaks.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 13 /* \r */) {
          if (text.charCodeAt(i + 1) === 10) i++;
          this.starts.push(i + 1);
        } else if (ch === 10) {
          this.starts.push(i + 1);
        }
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)];
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  /** The line break that ends most lines, so inserted text keeps the file's style. */
  get eol(): string {
    const i = this.text.indexOf('\n');
    return i > 0 && this.text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
  }

  positionAt(offset: number): Position {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(position.character, 0), this.lineEnd(position.line));
  }

  range(line: number, startCharacter: number, endCharacter: number): Range {
    return { start: { line, character: startCharacter }, end: { line, character: endCharacter } };
  }

  /** The whole line, without its break. */
  lineRange(line: number): Range {
    return this.range(line, 0, this.lineEnd(line) - this.lineStart(line));
  }

  /** The line without its leading and trailing white space (where a squiggle belongs). */
  trimmedLineRange(line: number): Range {
    const text = this.lineText(line);
    let end = text.length;
    while (end > 0 && isTrimmed(text.charCodeAt(end - 1))) end--;
    let start = 0;
    while (start < end && isTrimmed(text.charCodeAt(start))) start++;
    return this.range(line, start, end);
  }
}

/** The characters `String.prototype.trim` removes (white space and line terminators). */
export function isTrimmed(code: number): boolean {
  if (code > 32 && code < 160) return false;
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}
