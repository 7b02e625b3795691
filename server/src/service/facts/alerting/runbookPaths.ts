// Where a §2 row's runbook lives: its path as written, the configured folder, and whether the path fits it.
// Read by RDY201, RDY205, the runbook-files facts, the create-runbook action and completions.
import type { Cell } from '../../model';
import { inlineReferenceLinks } from '../document';

export const DEFAULT_RUNBOOK_FOLDER = 'documentation/runbooks/';

/** `./ops\runbooks` → `ops/runbooks/`: the folder as paths are compared with it. */
export function normaliseFolder(folder: string): string {
  const unified = folder.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  return unified ? unified + '/' : '';
}

const LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^)]*["'])?\s*\)/g;
const CODE = /(`+)([^`]+?)\1/g;

/**
 * The path a Runbook cell gives: its first runbook (see `runbookPathsOf`), undefined when the cell is empty.
 */
export function runbookPathOf(cell: Cell, documentPath?: string, definitions?: ReadonlyMap<string, string>): string | undefined {
  return runbookPathsOf(cell, documentPath, definitions)[0];
}

/**
 * Every runbook a Runbook cell gives. A link's target or a code span naming a Markdown file is a runbook, each
 * one in the cell (`a.md + b.md`, `[symptom](…/a.md), [escalation](…/b.md)`); other links and code spans beside
 * them (a dashboard URL, an alert name) are remarks. A cell naming no Markdown file gives the first link's
 * target, else the first code span, else the first word (what follows is a remark such as "(shared with §3)").
 * A link target starting `../` is relative to the document's folder, as Markdown renders it
 * (`../runbooks/x.md` from `documentation/readiness/`), one starting `/` is relative to the root;
 * other targets, or one leading out of the workspace, are read from the root, as the template writes paths.
 */
export function runbookPathsOf(cell: Cell, documentPath?: string, definitions: ReadonlyMap<string, string> = new Map()): string[] {
  // A reference link (`[runbook][rb-x]`) points where the document's `[rb-x]: …` line says.
  const text = inlineReferenceLinks(cell.text, definitions);
  const found: Array<{ at: number; path: string; link: boolean }> = [];
  for (const link of text.matchAll(LINK)) {
    const target = link[1].replace(/#.*$/, '');
    // In a link, `/documentation/…` is the repository root, as Markdown renders it on GitHub.
    const path = /^\/(?!\/)/.test(target) ? target.slice(1) : (documentPath !== undefined && relativeToDocument(target, documentPath)) || target;
    found.push({ at: link.index, path, link: true });
  }
  // A code span in a link's text (`[`x.md`](…)`) is the link's.
  const outsideLinks = text.replace(LINK, (whole) => ' '.repeat(whole.length));
  for (const code of outsideLinks.matchAll(CODE)) {
    if (code[2].trim()) found.push({ at: code.index, path: code[2].trim(), link: false });
  }
  found.sort((a, b) => a.at - b.at);
  const markdown = [...new Set(found.filter((f) => /\.md$/i.test(f.path)).map((f) => f.path))];
  if (markdown.length) return markdown;
  const first = found.find((f) => f.link) ?? found[0];
  if (first) return [first.path];
  const [word] = cell.value.split(/\s+/);
  return word ? [word] : [];
}

/** `target` read from the folder of `documentPath` (root-relative), or undefined when it is a URL, absolute or leaves the root. */
function relativeToDocument(target: string, documentPath: string): string | undefined {
  const unified = target.replace(/\\/g, '/');
  if (!unified.startsWith('../')) return undefined;
  const parts = documentPath.replace(/\\/g, '/').split('/').slice(0, -1);
  for (const part of unified.split('/')) {
    if (part === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}

export type RunbookPathVerdict =
  | { kind: 'ok'; path: string }
  | { kind: 'empty' }
  | { kind: 'url'; path: string }
  | { kind: 'outside'; path: string }
  | { kind: 'misplaced'; path: string; outsideFolder: boolean; notMarkdown: boolean; suggestion: string };

/** Judges a runbook path against the folder (A5): root-relative, inside the workspace, under the folder, `.md`. */
export function judgeRunbookPath(written: string | undefined, folderOption: string): RunbookPathVerdict {
  if (!written) return { kind: 'empty' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(written) || /^mailto:/i.test(written)) return { kind: 'url', path: written };
  const unified = written.replace(/\\/g, '/');
  if (unified.startsWith('/') || /^[A-Za-z]:/.test(unified) || unified.split('/').includes('..') || unified.startsWith('~')) {
    return { kind: 'outside', path: written };
  }
  const path = unified.replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/');
  const folder = normaliseFolder(folderOption);
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  const outsideFolder = !path.startsWith(folder) || path.length === folder.length;
  const notMarkdown = !/\.md$/i.test(path) || /^\.md$/i.test(fileName);
  if (!outsideFolder && !notMarkdown) return { kind: 'ok', path };
  const stem = fileName.replace(/\.[A-Za-z0-9]+$/, '') || 'runbook';
  const rest = outsideFolder ? stem : path.slice(folder.length).replace(/\.[A-Za-z0-9]+$/, '');
  const suggestion = `${folder}${rest || 'runbook'}.md`;
  return { kind: 'misplaced', path, outsideFolder, notMarkdown, suggestion };
}
