import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';

export type InputText = { kind: 'text'; text: string; /** The file starts with a UTF-8 BOM (not part of `text`). */ bom: boolean } | { kind: 'too-large'; size: number } | { kind: 'unreadable'; reason: string };

/**
 * Reads a file as UTF-8 text, refusing what is not: a file over the size limit is not read at
 * all; binary content (a NUL byte) and invalid UTF-8 get a reason a person understands.
 */
export function readInput(path: string, maxBytes: number): InputText {
  let size: number;
  try {
    const stat = statSync(path);
    // A named pipe would block the read until something writes to it: a check must never hang.
    if (!stat.isFile()) return { kind: 'unreadable', reason: 'it is not a regular file (a pipe, socket or device)' };
    size = stat.size;
  } catch (error) {
    return { kind: 'unreadable', reason: describe(error) };
  }
  if (size > maxBytes) return { kind: 'too-large', size };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { kind: 'unreadable', reason: describe(error) };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { kind: 'unreadable', reason: 'it is a binary file, not Markdown text' };
  if (!isUtf8(bytes)) return { kind: 'unreadable', reason: 'it is not valid UTF-8 text' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // The BOM is not part of the text (as TextDecoder drops it); isUtf8 and toString are one native pass each.
  return { kind: 'text', text: (bom ? bytes.subarray(3) : bytes).toString('utf8'), bom };
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EIO') return 'the file could not be read (input/output error)';
  return (error as Error)?.message ?? String(error);
}
