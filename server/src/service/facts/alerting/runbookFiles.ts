// The runbook files §2's rows link to, read from the workspace, and the parts (symptom → escalation) each holds.
// Read by RDY206 (runbook-exists) and RDY207 (runbook-content).
import type { Cell, ReadinessDocument } from '../../model';
import { factBy } from '../fact';
import { hasPlaceholder } from '../document';
import { alertRows } from './alertTable';
import { judgeRunbookPath, runbookPathsOf } from './runbookPaths';
import { cachedRegExp, optionRegExp } from '../../util/regex';
import { linesOutsideFences } from '../../text/proseLines';

export interface LinkedRunbook {
  /** Root-relative path, as the workspace reads it. */
  path: string;
  cell: Cell;
  alertName: string | undefined;
}

/** Runbooks the §2 table links with a valid path (RDY205 reports the others). */
export function linkedRunbooks(document: ReadinessDocument, folder: string, documentPath: string | undefined): LinkedRunbook[] {
  return linkedRunbooksBy(document, `${folder}\n${documentPath ?? ''}`);
}

const linkedRunbooksBy = factBy((document, key: string): LinkedRunbook[] => {
  const [folder, documentPath] = key.split('\n');
  const result: LinkedRunbook[] = [];
  for (const { alert, runbook } of alertRows(document)) {
    if (!runbook || hasPlaceholder(document, runbook)) continue;
    for (const written of runbookPathsOf(runbook, documentPath || undefined, document.linkDefinitions)) {
      const verdict = judgeRunbookPath(written, folder);
      if (verdict.kind === 'ok') result.push({ path: verdict.path, cell: runbook, alertName: alert?.value || undefined });
    }
  }
  return result;
});

export type RunbookPart = 'symptom' | 'diagnosis' | 'remediation' | 'escalation';

const RUNBOOK_PARTS: readonly RunbookPart[] = ['symptom', 'diagnosis', 'remediation', 'escalation'];

export const DEFAULT_PART_WORDS: Record<RunbookPart, string[]> = {
  symptom: ['symptom'],
  diagnosis: ['diagnos', 'investigat', 'triage'],
  remediation: ['remediat', 'mitigat', 'resolution', 'recover'],
  escalation: ['escalat'],
};

/**
 * Labels of a runbook's parts: headings (`## Diagnosis steps`), bold labels (`**Remediation**:`)
 * and lines starting with the word (`Escalation: page …`, `1. Symptom —`). Code blocks are skipped.
 */
function labels(text: string): string[] {
  const result: string[] = [];
  for (const raw of linesOutsideFences(text)) {
    const label = raw
      .replace(/^\s*(?:>\s*)*/, '')
      .replace(/^#{1,6}\s+/, '')
      .replace(/^(?:[-*+]|\d+[.)])\s+/, '')
      .replace(/^(?:\*\*|__|\*|_)+/, '')
      .trim()
      .toLowerCase();
    if (label) result.push(label);
  }
  return result;
}

/** The parts a runbook lacks, in template order. */
export function missingParts(text: string, words: Record<RunbookPart, string[]>): RunbookPart[] {
  const found = labels(text);
  return RUNBOOK_PARTS.filter((part) => {
    const stems = words[part] ?? DEFAULT_PART_WORDS[part];
    return !found.some((label) => stems.some((stem) => stem && label.startsWith(stem.toLowerCase())));
  });
}

/** A user's pattern, or the default when it is not a valid regular expression (config validation names the key). */
export function patternOf(source: string, fallback: string): RegExp {
  try {
    return optionRegExp(source, fallback, (p) => p, 'i');
  } catch {
    return cachedRegExp(fallback, 'i');
  }
}
