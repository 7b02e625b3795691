import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { fixAll, type Analysis } from '../../server/src/service';
import { writeFileAtomic } from './atomicWrite';

/** A readiness file the safe fixes change. */
export interface FixedFile {
  /** Path relative to the current folder, `/`-separated. */
  file: string;
  absolutePath: string;
  /** The text as read and as fixed (without the BOM, which is kept as it was). */
  before: string;
  after: string;
  bom: boolean;
  /** How many fixes were applied. */
  fixes: number;
}

/**
 * Applies every safe fix of the engine (the editor's "Fix all"), re-checking until none is left.
 * `check` re-analyses a text; undefined when it is no longer a readiness file.
 */
export function fixText(text: string, check: (text: string) => Analysis | undefined): { text: string; fixes: number } {
  const first = check(text);
  if (!first) return { text, fixes: 0 };
  const result = fixAll(text, (current) => (current === text ? first : check(current) ?? { ...first, findings: [] }));
  return { text: keepLineEnds(text, result.text), fixes: result.applied.length };
}

/**
 * The fixes write the file's own line end; should any inserted text carry a bare `\n` into a
 * file that uses CRLF throughout, it is made CRLF too, so a fix never mixes line ends.
 */
export function keepLineEnds(before: string, after: string): string {
  const crlfOnly = before.includes('\r\n') && !/(^|[^\r])\n/.test(before);
  return crlfOnly ? after.replace(/\r?\n/g, '\r\n') : after;
}

/** Writes a fixed file atomically, with its BOM as it was. */
export function writeFixed(fixed: FixedFile): void {
  writeFileAtomic(fixed.absolutePath, (fixed.bom ? '\uFEFF' : '') + fixed.after);
}

/** A unified diff (`--- a/file`, `+++ b/file`, 3 lines of context), as `git apply` and `patch -p1` take it. */
export function unifiedDiff(fixed: FixedFile): string {
  const bom = fixed.bom ? '\uFEFF' : '';
  return createTwoFilesPatch(`a/${fixed.file}`, `b/${fixed.file}`, bom + fixed.before, bom + fixed.after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
