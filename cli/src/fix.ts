import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { parseReadiness, type Fix } from '../../server/src/service';
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
  /** What each fix did, as a person reads it: `inserted section "6. Owner & DRI (MUST)": 4 fields to fill`. */
  done: string[];
}

/** What the engine's "Fix all" (every safe fix, re-checked until none is left) did to a text, as the CLI reports it. */
export function fixText(text: string, result: { text: string; applied: Fix[] }): { text: string; fixes: number; done: string[] } {
  return { text: keepLineEnds(text, result.text), fixes: result.applied.length, done: result.applied.map(describeFix) };
}

// A fix's title is an imperative ("Insert section …"); the report says what was done.
const PAST: Record<string, string> = {
  Add: 'added', Change: 'changed', Insert: 'inserted', Make: 'made', Mark: 'marked', Name: 'named', Prefix: 'prefixed',
  Renumber: 'renumbered', Replace: 'replaced', Set: 'set', Tick: 'ticked', Untick: 'unticked', Write: 'wrote',
};

/**
 * `inserted section "6. Owner & DRI (MUST)": 4 fields to fill`. A fix may write structure with the template's
 * placeholders in it: they are findings until the author fills them, so the count is said, not hidden.
 */
export function describeFix(fix: Fix): string {
  const [verb, ...rest] = fix.title.split(' ');
  const done = PAST[verb!] ? [PAST[verb!], ...rest].join(' ') : `applied "${fix.title}"`;
  const fields = fix.edits.reduce((n, edit) => n + parseReadiness(edit.newText).placeholders.length, 0);
  return fields ? `${done}: ${fields} field${fields === 1 ? '' : 's'} to fill` : done;
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
