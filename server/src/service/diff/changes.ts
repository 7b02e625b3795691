import type { ReadinessFacts, FindingFact } from './facts';
import { checklistChanges, ownerChanges, rollbackChanges, stageChanges } from './planChanges';
import { alertChanges, driftChanges, headerChanges, metricChanges, sectionPresence } from './sectionChanges';
import type { Change, FileComparison, FileSummary } from './types';

export type { Change, FileComparison, FileSummary } from './types';

const SECTION_ORDER: Array<Change['section']> = ['header', 'monitoring', 'alerting', 'drift', 'rollout', 'rollback', 'owner', 'checklist'];

/** Compares what two revisions of a readiness file say; `undefined` is "no such file on that side". */
export function compareFacts(before: ReadinessFacts | undefined, after: ReadinessFacts | undefined): FileComparison {
  if (!before && !after) throw new Error('compareFacts needs at least one side');
  const current = (after ?? before)!;
  const summary = summarise(current);
  if (!before) return { status: 'added', changes: [], introduced: after!.findings, fixed: [], summary };
  if (!after) return { status: 'removed', changes: [], introduced: [], fixed: before.findings, summary };
  const changes: Change[] = [
    ...headerChanges(before, after),
    ...sectionPresence(before, after),
    ...metricChanges(before, after),
    ...alertChanges(before, after),
    ...driftChanges(before, after),
    ...stageChanges(before, after),
    ...rollbackChanges(before, after),
    ...ownerChanges(before, after),
    ...checklistChanges(before, after),
  ];
  // A section removed or now skipped says it all: its rows going with it are no news.
  const gone = new Set(after.sections.filter((s) => !s.present || (s.skipped && !before.sections.find((b) => b.id === s.id)!.skipped)).map((s) => s.id));
  const presence = new Set(sectionPresence(before, after).map((c) => c.message));
  const kept = changes.filter((change) => change.section === 'header' || !gone.has(change.section) || presence.has(change.message));
  kept.sort((a, b) => SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section));
  const { added, removed } = multisetDifference(before.findings, after.findings, findingKey);
  return { status: 'changed', changes: kept, introduced: added, fixed: removed, summary };
}

export function summarise(facts: ReadinessFacts): FileSummary {
  const stages = facts.stages.length
    ? facts.stages
        .map((stage) => {
          const extra = [stage.duration && stage.duration !== '—' ? stage.duration : '', stage.symbols.length ? `(${stage.symbols.join(', ')})` : '']
            .filter(Boolean)
            .join(' ');
          return extra ? `${stage.kind} ${extra}` : stage.kind;
        })
        .join(' → ')
    : undefined;
  return {
    story: facts.story,
    title: facts.title,
    dri: facts.dri ? facts.dri.handles.join(', ') || facts.dri.text : undefined,
    stages,
    sunset: facts.sunset,
    errors: facts.findings.filter((f) => f.severity === 'error').length,
    warnings: facts.findings.filter((f) => f.severity === 'warning').length,
  };
}

/** A finding is the same one on both sides when its rule and message match (line numbers aside: lines move). */
function findingKey(finding: FindingFact): string {
  return `${finding.code}\u0000${finding.message.replace(/\bline \d+/g, 'line #')}`;
}

function multisetDifference<T>(before: T[], after: T[], key: (item: T) => string): { added: T[]; removed: T[] } {
  return { added: unmatched(after, before, key), removed: unmatched(before, after, key) };
}

/** The items of `items` left over once each is paired with an equal one of `others`. */
function unmatched<T>(items: T[], others: T[], key: (item: T) => string): T[] {
  const counts = new Map<string, number>();
  for (const other of others) counts.set(key(other), (counts.get(key(other)) ?? 0) + 1);
  return items.filter((item) => {
    const n = counts.get(key(item)) ?? 0;
    if (n > 0) counts.set(key(item), n - 1);
    return n === 0;
  });
}
