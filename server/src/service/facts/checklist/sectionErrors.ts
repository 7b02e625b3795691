// The sign-off checklist's facts: its items, the findings of the section each item stands for, and the box edit.
// Read by RDY701–RDY704, which run last and judge the other rules' findings.
import type { ChecklistItem, ReadinessDocument, SectionId } from '../../model';
import { findSection } from '../document';
import { sectionOfFinding } from '../../sectionStatus';
import type { Finding, Fix, RuleContext } from '../../rules/types';

type PriorFinding = RuleContext<unknown>['priorFindings'][number];

/** RDY002 section-required, by its code (stable, never reused): facts import no rule module. */
const SECTION_REQUIRED = 'RDY002';

/** The §1–§6 sections a checklist box can speak of (the checklist's own boxes are other rules' business). */
export const SECTION_TOPICS: ReadonlySet<string> = new Set<SectionId>(['monitoring', 'alerting', 'drift', 'rollout', 'rollback', 'owner']);

export function checklistItems(document: ReadinessDocument): ChecklistItem[] {
  return findSection(document, 'checklist')?.checklist ?? [];
}

/**
 * The errors earlier rules found in a section, in document order. A "section missing" finding
 * stands on the next section's heading but speaks of the missing one, so it never counts there.
 */
export function sectionErrors(document: ReadinessDocument, priorFindings: ReadonlyArray<PriorFinding>, id: SectionId): PriorFinding[] {
  return priorFindings
    .filter((finding) => finding.severity === 'error' && finding.rule.code !== SECTION_REQUIRED)
    .filter((finding) => sectionOfFinding(document, finding) === id)
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The problem a finding names: its message up to the instruction (`…: write …`), outside code spans. */
export function problemOf(finding: Finding): string {
  const message = finding.message;
  let inCode = false;
  let inQuote = false;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === '`' && !inQuote) inCode = !inCode;
    // A quoted value may hold a colon (`threshold "W: 250 ms, C: 500 ms" gives …`): not the end of the problem.
    if (message[i] === '"' && !inCode) inQuote = !inQuote;
    // A quoted label first (`"Concept drift": …`) names the row, not the problem: read on.
    if (!inCode && !inQuote && message[i] === ':' && message[i + 1] === ' ' && !/^\s*["`][^"`]*["`]$/.test(message.slice(0, i))) {
      return message.slice(0, i);
    }
  }
  return message.replace(/\.$/, '');
}

export function setBoxFix(item: ChecklistItem, checked: boolean, safe: boolean): Fix {
  return {
    title: checked ? 'Tick the box' : 'Untick the box',
    isPreferred: safe,
    safe,
    edits: [{ range: item.box.range, newText: checked ? '[x]' : '[ ]' }],
  };
}
