import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Documents at least this long are kept in pieces. The stock TextDocument rebuilds its whole text
 * on every change (a 10 MB file: 200 one-character edits copied 2 GB and took seconds before the
 * next request was answered); a file this large is over any sensible size limit and never
 * parsed, so it only has to follow the edits cheaply.
 */
export const LARGE_DOCUMENT = 2 * 1024 * 1024;

const PIECE = 64 * 1024;

/**
 * A TextDocument whose text is an array of pieces of about 64 K characters: an edit rewrites the
 * pieces it touches and shifts the line starts after it, never the whole text. The text is joined
 * only when asked for (once per check, not per keystroke).
 */
export class LargeTextDocument implements TextDocument {
  private pieces: string[];
  private joined: string | undefined;
  private lineStarts: number[] | undefined;
  private length: number;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.pieces = split(content);
    this.length = content.length;
    this.joined = content;
  }

  get lineCount(): number {
    return this.lines().length;
  }

  getText(range?: Range): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    this.joined ??= this.pieces.join('');
    return this.joined;
  }

  offsetAt(position: Position): number {
    const lines = this.lines();
    if (position.line >= lines.length) return this.length;
    if (position.line < 0) return 0;
    const start = lines[position.line]!;
    const next = position.line + 1 < lines.length ? lines[position.line + 1]! : this.length;
    // As the stock document: a character past the line's end stops before its line break.
    const offset = Math.max(Math.min(start + position.character, next), start);
    return Math.min(offset, this.beforeLineBreak(position.line));
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.length), 0);
    const lines = this.lines();
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (lines[middle]! > at) high = middle;
      else low = middle + 1;
    }
    return { line: low - 1, character: at - lines[low - 1]! };
  }

  /** The line's range without its line break (out of bounds: as the stock document answers). */
  getLineRange(line: number): Range {
    const lines = this.lines();
    if (line >= lines.length) {
      const last = lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - lines[last]! } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lines[line]!;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(line) - start } };
  }

  getEOLCharacters(line: number): string {
    const lines = this.lines();
    if (line < 0 || line >= lines.length) return '';
    const next = line + 1 < lines.length ? lines[line + 1]! : this.length;
    return this.slice(this.beforeLineBreak(line), next);
  }

  /** Where the line's text ends: before its line break. */
  private beforeLineBreak(line: number): number {
    const lines = this.lines();
    const start = lines[line]!;
    let offset = line + 1 < lines.length ? lines[line + 1]! : this.length;
    while (offset > start && /[\r\n]/.test(this.slice(offset - 1, offset))) offset--;
    return offset;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        this.pieces = split(change.text);
        this.length = change.text.length;
        this.joined = change.text;
        this.lineStarts = undefined;
        continue;
      }
      const range = ordered(change.range);
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      const startLine = this.positionAt(start).line;
      const endLine = this.positionAt(end).line;
      this.replace(start, end, change.text);
      const lines = this.lineStarts;
      const insertedEnd = start + change.text.length;
      // A CR and an LF brought together make one line break of two: recount (as the stock document does).
      const crlf = (at: number) => this.slice(at - 1, at + 1) === '\r\n';
      if (!lines || (start > 0 && crlf(start)) || crlf(insertedEnd)) {
        this.lineStarts = undefined;
        continue;
      }
      const inserted = lineBreaks(change.text, start);
      if (inserted.length > 10_000) {
        this.lineStarts = undefined;
        continue;
      }
      lines.splice(startLine + 1, endLine - startLine, ...inserted);
      const shift = change.text.length - (end - start);
      const after = startLine + 1 + inserted.length;
      if (shift) for (let i = after; i < lines.length; i++) lines[i]! += shift;
    }
    this.version = version;
  }

  private replace(start: number, end: number, text: string): void {
    let first = 0;
    let firstStart = 0;
    while (first < this.pieces.length - 1 && firstStart + this.pieces[first]!.length < start) firstStart += this.pieces[first++]!.length;
    let last = first;
    let lastStart = firstStart;
    while (last < this.pieces.length - 1 && lastStart + this.pieces[last]!.length < end) lastStart += this.pieces[last++]!.length;
    const merged = (this.pieces[first] ?? '').slice(0, start - firstStart) + text + (this.pieces[last] ?? '').slice(end - lastStart);
    this.pieces.splice(first, last - first + 1, ...(merged.length > 2 * PIECE ? split(merged) : [merged]));
    this.length += text.length - (end - start);
    this.joined = undefined;
  }

  private slice(start: number, end: number): string {
    if (this.joined !== undefined) return this.joined.slice(start, end);
    const parts: string[] = [];
    let offset = 0;
    for (const piece of this.pieces) {
      const pieceEnd = offset + piece.length;
      if (pieceEnd > start && offset < end) parts.push(piece.slice(Math.max(start - offset, 0), end - offset));
      if (pieceEnd >= end) break;
      offset = pieceEnd;
    }
    return parts.join('');
  }

  private lines(): number[] {
    if (!this.lineStarts) {
      this.lineStarts = [0, ...lineBreaks(this.getText(), 0)];
    }
    return this.lineStarts;
  }
}

/** The offsets where a line starts after each line break of `text`, placed at `base`. */
function lineBreaks(text: string, base: number): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (code === 13 || code === 10) starts.push(base + i + 1);
  }
  return starts;
}

function split(text: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += PIECE) pieces.push(text.slice(i, i + PIECE));
  return pieces.length ? pieces : [''];
}

function ordered(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

/** The TextDocuments configuration: the stock document, or a LargeTextDocument for a large text. */
export const textDocuments = {
  create(uri: string, languageId: string, version: number, content: string): TextDocument {
    return content.length >= LARGE_DOCUMENT ? new LargeTextDocument(uri, languageId, version, content) : TextDocument.create(uri, languageId, version, content);
  },
  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    if (document instanceof LargeTextDocument) {
      document.update(changes, version);
      return document;
    }
    const updated = TextDocument.update(document, changes, version);
    // Grown large (a paste): kept in pieces from now on.
    const text = updated.getText();
    return text.length >= LARGE_DOCUMENT ? new LargeTextDocument(updated.uri, updated.languageId, version, text) : updated;
  },
};
