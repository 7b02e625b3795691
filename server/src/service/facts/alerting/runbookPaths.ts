// Where a §2 row's runbook lives: its path as written, the configured folder, and whether the path fits it.
// Read by RDY201, RDY205, the runbook-files facts, the create-runbook action and completions.
import type { Cell } from '../../model';
import { inlineReferenceLinks } from '../document';
import { confinePath } from '../../workspace';

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

/** A runbook a Runbook cell names: its path as the workspace reads it, and where the cell writes it. */
export interface RunbookMention {
  path: string;
  /** A link's target as written, when it is read from the document's folder into another path. */
  linkTarget?: string;
  /** The written target or code span's text, within `cell.text` (the whole cell when a reference link names it). */
  start: number;
  end: number;
}

/** Every runbook a Runbook cell gives: see `runbookMentionsOf`. */
export function runbookPathsOf(cell: Cell, documentPath?: string, definitions: ReadonlyMap<string, string> = new Map()): string[] {
  return runbookMentionsOf(cell, documentPath, definitions).map((mention) => mention.path);
}

/**
 * Every runbook a Runbook cell gives. A link's target or a code span naming a Markdown file is a runbook, each
 * one in the cell (`a.md + b.md`, `[symptom](…/a.md), [escalation](…/b.md)`); other links and code spans beside
 * them (a dashboard URL, an alert name) are remarks. A cell naming no Markdown file gives the first link's
 * target, else the first code span, else the first word (what follows is a remark such as "(shared with §3)").
 * A link's target is read as Markdown reads it, what a click opens on GitHub: relative to the document's
 * folder (`runbooks/x.md`, `./x.md`, `../runbooks/x.md` from `documentation/readiness/`), or from the root when
 * it starts with `/`; a target leading out of the workspace stays as written (`../../../x.md`), so that it is
 * judged outside and never read. A path in a code span or bare is read from the root, as the template writes it.
 */
export function runbookMentionsOf(cell: Cell, documentPath?: string, definitions: ReadonlyMap<string, string> = new Map()): RunbookMention[] {
  // A reference link (`[runbook][rb-x]`) points where the document's `[rb-x]: …` line says.
  const text = inlineReferenceLinks(cell.text, definitions);
  const inlined = text !== cell.text;
  const where = (start: number, end: number) => (inlined ? { start: 0, end: cell.text.length } : { start, end });
  const found: Array<RunbookMention & { at: number; link: boolean }> = [];
  for (const link of text.matchAll(LINK)) {
    const written = link[1].replace(/#.*$/, '');
    const offset = link.index + link[0].indexOf(link[1]);
    const path = linkTarget(written, documentPath);
    found.push({ at: link.index, path, linkTarget: path !== written && !written.startsWith('/') ? written : undefined, link: true, ...where(offset, offset + written.length) });
  }
  // A code span in a link's text (`[`x.md`](…)`) is the link's.
  const outsideLinks = text.replace(LINK, (whole) => ' '.repeat(whole.length));
  for (const code of outsideLinks.matchAll(CODE)) {
    const path = code[2].trim();
    const offset = code.index + code[1].length + code[2].indexOf(path);
    if (path) found.push({ at: code.index, path, link: false, ...where(offset, offset + path.length) });
  }
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const markdown = found.filter((f) => /\.md$/i.test(f.path) && !seen.has(f.path) && seen.add(f.path));
  const strip = ({ path, linkTarget, start, end }: RunbookMention): RunbookMention => ({ path, linkTarget, start, end });
  if (markdown.length) return markdown.map(strip);
  const first = found.find((f) => f.link) ?? found[0];
  if (first) return [strip(first)];
  const word = /\S+/.exec(cell.text);
  const [value] = cell.value.split(/\s+/);
  return value ? [{ path: value, ...(word ? { start: word.index, end: word.index + word[0].length } : { start: 0, end: cell.text.length }) }] : [];
}

/** A link's target as a root-relative path: from the root after `/`, else from the document's folder. */
function linkTarget(target: string, documentPath: string | undefined): string {
  // `/documentation/…` is the repository root, as Markdown renders it on GitHub.
  if (/^\/(?!\/)/.test(target)) return target.slice(1);
  if (documentPath === undefined || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return target;
  return relativeToDocument(target, documentPath) ?? target;
}

/** `target` read from the folder of `documentPath` (root-relative), or undefined when it leaves the root. */
function relativeToDocument(target: string, documentPath: string): string | undefined {
  const parts = documentPath.replace(/\\/g, '/').split('/').slice(0, -1);
  for (const part of target.replace(/\\/g, '/').split('/')) {
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

/**
 * Judges a runbook path against the folder (A5): root-relative, inside the workspace, under the folder, `.md`.
 * `.` and `..` are read from the root, as the workspace reads the path (`documentation/./runbooks/x.md` and
 * `documentation/runbooks/old/../x.md` are `documentation/runbooks/x.md`); a path that `..` leads out of the
 * root is outside, so that RDY205–RDY207, the runbook's link and "Create runbook" read one path or none.
 */
export function judgeRunbookPath(written: string | undefined, folderOption: string): RunbookPathVerdict {
  if (!written) return { kind: 'empty' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(written) || /^mailto:/i.test(written)) return { kind: 'url', path: written };
  const unified = written.replace(/\\/g, '/');
  const confined = unified.startsWith('~') ? undefined : confinePath(unified);
  if (confined === undefined) return { kind: 'outside', path: written };
  const path = confined;
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
