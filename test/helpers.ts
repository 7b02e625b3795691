import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import {
  analyse,
  applyEdits,
  createReadinessService,
  memoryWorkspace,
  parseReadiness,
  resolveSettings,
  RULES,
  toDiagnostic,
  type Analysis,
  type CheckResult,
  type DocumentRequest,
  type ReadinessConfig,
  type ReadinessFinding,
} from '../server/src/service';

export const ROOT = join(__dirname, '..');
export const FIXTURES = join(__dirname, 'fixtures');
/** A fixed "today" so date rules give the same answer every day. */
export const TODAY = '2026-11-26';

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** The organisation's template (docs/template.md, which the engine embeds). */
export function readTemplate(): string {
  return readFileSync(join(ROOT, 'docs', 'template.md'), 'utf8');
}

export function readExample(relativePath: string): string {
  return readFileSync(join(ROOT, 'examples', relativePath), 'utf8');
}

export interface CheckOptions {
  /** Other files of the workspace (runbooks, requirements, configs), by root-relative path. */
  files?: Record<string, string>;
  /** The document's root-relative path. */
  path?: string;
  config?: ReadinessConfig;
  today?: string;
}

/** The engine's diagnostics always carry plain-text messages. */
export type TextDiagnostic = Diagnostic & { message: string };

const service = createReadinessService();

/** The service's check, with the LSP diagnostics the language server publishes for its findings. */
export function checkDocument(request: DocumentRequest): CheckResult & { diagnostics: Diagnostic[] } {
  const result = service.check(request);
  return { ...result, diagnostics: result.findings.map(toDiagnostic) };
}

/** Runs the whole check as a shell would, over an in-memory workspace. */
export function check(text: string, options: CheckOptions = {}): TextDiagnostic[] {
  return checkDocument({
    text,
    documentPath: options.path ?? 'documentation/readiness/CVN-N011-EA-S11.md',
    workspace: memoryWorkspace(options.files ?? {}),
    editorSettings: options.config,
    today: options.today ?? TODAY,
  }).diagnostics as TextDiagnostic[];
}

/** The analysis (findings with their fixes) of a text. */
export function analyseText(text: string, options: CheckOptions = {}): Analysis {
  return analyse(parseReadiness(text), {
    settings: resolveSettings(RULES, options.config ? [options.config] : []),
    workspace: memoryWorkspace(options.files ?? {}),
    documentPath: options.path ?? 'documentation/readiness/CVN-N011-EA-S11.md',
    today: options.today ?? TODAY,
  });
}

/** Diagnostics of one rule code. */
export function withCode<D extends Diagnostic>(diagnostics: D[], code: string): D[] {
  return diagnostics.filter((d) => d.code === code);
}

/** `line:char-line:char`, 0-based as in LSP: compact for exact range assertions. */
export function at(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (range.start.line !== range.end.line) return '';
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

/** Replaces the first occurrence of `search` (which must exist) in the text. */
export function edit(text: string, search: string | RegExp, replacement: string): string {
  const next = text.replace(search, replacement);
  if (next === text) throw new Error(`fixture edit did not apply: ${String(search)}`);
  return next;
}

/** Applies a finding's fix (by title prefix) and returns the new text. */
export function applyFix(text: string, finding: ReadinessFinding, titlePrefix?: string): string {
  const fix = titlePrefix ? finding.fixes.find((f) => f.title.startsWith(titlePrefix)) : finding.fixes[0];
  if (!fix) throw new Error(`no fix ${titlePrefix ?? ''} on ${finding.rule.code}: ${finding.fixes.map((f) => f.title).join(', ')}`);
  return applyEdits(text, fix.edits);
}

/** The document with its section `number` (heading up to the next `## `) replaced by a fixture. */
export function withSection(text: string, number: number, fixture: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## ${number}.`));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  assert.ok(start >= 0 && end > start, `no section ${number}`);
  return [...lines.slice(0, start), ...readFixture(fixture).replace(/\n+$/, '').split('\n'), '', ...lines.slice(end)].join('\n');
}

/** `line:start-line:end` of `needle` on the first line containing `lineMarker` (found without the parser). */
export function rangeOf(text: string, lineMarker: string, needle: string = lineMarker): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const line = lines.findIndex((l) => l.includes(lineMarker));
  assert.ok(line >= 0, `no line with ${lineMarker}`);
  const start = lines[line].indexOf(needle, lines[line].indexOf(lineMarker));
  assert.ok(start >= 0, `no ${needle} on line ${line}`);
  return `${line}:${start}-${line}:${start + needle.length}`;
}

/** A diagnostic's message as text (LSP 3.18 types allow MarkupContent). */
export const messageText = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const errorsOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 1);
const errorKey = (d: Diagnostic) => `${d.code} ${messageText(d)}`;

/** Errors after a fix that did not exist before (by code and message, as lines move), outside `insertedLines`. */
export function newErrors(before: string, after: string, insertedLines: number[] = [], options: CheckOptions = {}): Diagnostic[] {
  const old = new Set(errorsOf(check(before, options)).map(errorKey));
  return errorsOf(check(after, options)).filter((d) => !old.has(errorKey(d)) && !insertedLines.includes(d.range.start.line));
}

/** The first finding of a rule, which must exist. */
export function finding(text: string, code: string, options: CheckOptions = {}): ReadinessFinding {
  const found = analyseText(text, options).findings.find((f) => f.rule.code === code);
  assert.ok(found, `no ${code} finding`);
  return found;
}

/** The finding of a rule, which must be its only one. */
export function onlyFinding(text: string, code: string, options: CheckOptions = {}): ReadinessFinding {
  const found = analyseText(text, options).findings.filter((f) => f.rule.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${found.map((f) => f.message).join(' | ')}`);
  return found[0];
}

/** This version of the LSP types allows Markdown messages; ours are always plain strings. */
export function plain(d: Diagnostic): TextDiagnostic {
  assert.equal(typeof d.message, 'string');
  return d as TextDiagnostic;
}

/** The diagnostic of a rule, which must be its only one. */
export function only(text: string, code: string, options: CheckOptions = {}): TextDiagnostic {
  const found = withCode(check(text, options), code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(found.map((d) => d.message))}`);
  return plain(found[0]);
}

/** The lines `after` inserts into `before` (one insertion, found from the first line that differs). */
export function insertedLines(before: string, after: string): number[] {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  const count = b.length - a.length;
  return Array.from({ length: count }, (_, i) => start + i);
}

/** Errors of `after` that are neither on inserted lines nor already in `before` (same code, same text). */
export function newErrorsOutside(before: string, after: string, inserted: number[] = insertedLines(before, after)): Diagnostic[] {
  const old = check(before)
    .filter((d) => d.severity === 1)
    .map((d) => `${d.code}:${textAt(before, d.range)}`);
  return check(after).filter((d) => d.severity === 1 && !inserted.includes(d.range.start.line) && !old.includes(`${d.code}:${textAt(after, d.range)}`));
}

/** Check options configuring one rule. */
export const withRuleOptions = (code: string, options: Record<string, unknown>): CheckOptions => ({ config: { rules: { [code]: options } } });

/** Writes each file under `dir`, creating its folders. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}
