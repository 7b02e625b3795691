// Temporary workspaces for the language-server tests: a copy of examples/ (the valid file, the defective
// ones and their runbooks) plus an ADR folder and a CODEOWNERS, under os.tmpdir().
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { fileUri } from './client';

export const REPO = join(__dirname, '..', '..');
export const VALID_PATH = 'documentation/readiness/CVN-N011-EA-S11.md';
export const ADR_25 = 'docs/adr/0025-no-silent-fallback.md';

export class TempWorkspace {
  readonly root: string;

  constructor(withExamples = true) {
    this.root = mkdtempSync(join(tmpdir(), 'mlops-readiness-lsp-'));
    if (withExamples) cpSync(join(REPO, 'examples'), this.root, { recursive: true });
    this.write(ADR_25, '# ADR-25: No silent fallback\n\nA model never degrades silently.\n');
    this.write('CODEOWNERS', '# owners\n* @ana-m @cvn/ml-platform\ndocumentation/ @quinn-r @li-wei @d-okafor\n');
  }

  path(relative: string): string {
    return join(this.root, relative);
  }

  uri(relative: string): string {
    return fileUri(this.path(relative));
  }

  read(relative: string): string {
    return readFileSync(this.path(relative), 'utf8');
  }

  /** Writes atomically (temp file + rename), as editors save: the server, busy in its own process, never reads half a file. */
  write(relative: string, text: string): void {
    mkdirSync(dirname(this.path(relative)), { recursive: true });
    const temporary = `${this.path(relative)}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, this.path(relative));
  }

  remove(relative: string): void {
    rmSync(this.path(relative), { force: true });
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** The valid example, the fixture every test starts from. */
export function validText(): string {
  return readFileSync(join(REPO, 'examples', VALID_PATH), 'utf8');
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///t.md', 'markdown', 0, text), edits);
}

/** Replaces `search` (which must occur) in the text. */
export function replaceOnce(text: string, search: string, replacement: string): string {
  if (!text.includes(search)) throw new Error(`fixture edit did not apply: ${search}`);
  return text.replace(search, replacement);
}

/** The position of the first occurrence of `needle` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`not in text: ${needle}`);
  return { line, character: lines[line].indexOf(needle) + offset };
}
