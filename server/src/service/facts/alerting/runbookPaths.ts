// Where a §2 row's runbook lives: its path as written, the configured folder, and whether the path fits it.
// Read by RDY201, RDY205, the runbook-files facts, the create-runbook action and completions.
import type { Cell } from '../../model';

export const DEFAULT_RUNBOOK_FOLDER = 'documentation/runbooks/';

/** `./ops\runbooks` → `ops/runbooks/`: the folder as paths are compared with it. */
export function normaliseFolder(folder: string): string {
  const unified = folder.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  return unified ? unified + '/' : '';
}

/**
 * The path a Runbook cell gives: a Markdown link's target, else the first code span, else the
 * first word (what follows is a remark such as "(shared with §3)"). Undefined when the cell is empty.
 * A link target starting `../` is relative to the document's folder, as Markdown renders it
 * (`../runbooks/x.md` from `documentation/readiness/`), one starting `/` is relative to the root;
 * other targets, or one leading out of the workspace, are read from the root, as the template writes paths.
 */
export function runbookPathOf(cell: Cell, documentPath?: string): string | undefined {
  const link = /\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^)]*["'])?\s*\)/.exec(cell.text);
  if (link) {
    const target = link[1].replace(/#.*$/, '');
    // In a link, `/documentation/…` is the repository root, as Markdown renders it on GitHub.
    if (/^\/(?!\/)/.test(target)) return target.slice(1);
    return (documentPath !== undefined && relativeToDocument(target, documentPath)) || target;
  }
  const code = /(`+)([^`]+?)\1/.exec(cell.text);
  if (code && code[2].trim()) return code[2].trim();
  const [first] = cell.value.split(/\s+/);
  return first || undefined;
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
