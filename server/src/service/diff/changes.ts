import type { SectionId } from '../model';
import type { StageKind } from '../rules/rollout/stages';
import { sectionLabel, type FindingFact, type MechanismFact, type PersonFact, type ReadinessFacts, type StageFact } from './facts';

/** One change in meaning, in the words a reviewer uses. `message` is Markdown (code spans for names). */
export interface Change {
  /** Where it happened: a section, or the header (story, owner, committee). */
  section: SectionId | 'header';
  message: string;
}

export interface FileSummary {
  story: string | undefined;
  title: string | undefined;
  dri: string | undefined;
  /** `shadow 14d → canary 7d (BTCUSDC) → full`. */
  stages: string | undefined;
  sunset: string | undefined;
  errors: number;
  warnings: number;
}

export interface FileComparison {
  status: 'added' | 'changed' | 'removed';
  /** What changed, section by section in template order; empty for an added or removed file. */
  changes: Change[];
  /** Findings the change brought in, and those it made go away. */
  introduced: FindingFact[];
  fixed: FindingFact[];
  /** The file as it stands after the change (as it stood, for a removed file). */
  summary: FileSummary;
}

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

const code = (text: string) => '`' + text.replace(/`/g, "'") + '`';
const quote = (text: string) => (text ? code(text) : 'nothing');

function changedValue(label: string, before: string | undefined, after: string | undefined): string | undefined {
  if ((before ?? '') === (after ?? '')) return undefined;
  if (!before) return `${label} set to ${quote(after!)}`;
  if (!after) return `${label} removed (was ${quote(before)})`;
  return `${label} changed from ${quote(before)} to ${quote(after)}`;
}

function headerChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
  const messages = [
    changedValue('Story', before.story, after.story),
    changedValue('Title', before.title, after.title),
    changedValue('Owner', before.owner, after.owner),
    changedValue('Filled on', before.filledOn, after.filledOn),
  ];
  const [b, a] = [before.committee, after.committee];
  if (b?.verdict !== a?.verdict) {
    if (!b?.verdict) messages.push(`Committee verdict ${a!.verdict} recorded`);
    else if (!a?.verdict) messages.push(`Committee verdict ${b.verdict} removed`);
    else messages.push(`Committee verdict changed from ${b.verdict} to ${a.verdict}`);
  }
  if (b?.session !== a?.session) messages.push(changedValue('Committee session', b?.session, a?.session));
  return messages.filter((m): m is string => m !== undefined).map((message) => ({ section: 'header', message }));
}

function sectionPresence(before: ReadinessFacts, after: ReadinessFacts): Change[] {
  const changes: Change[] = [];
  for (const now of after.sections) {
    const was = before.sections.find((s) => s.id === now.id)!;
    const label = now.label;
    if (was.present && !now.present) changes.push({ section: now.id, message: `${label} removed` });
    else if (!was.present && now.present) changes.push({ section: now.id, message: `${label} added${now.skipped ? ' (skipped)' : ''}` });
    else if (!was.skipped && now.skipped) changes.push({ section: now.id, message: `${label} now skipped` });
    else if (was.skipped && !now.skipped) changes.push({ section: now.id, message: `${label} no longer skipped` });
  }
  return changes;
}

/** Rows matched by name on both sides: what was added, removed, and the pairs present in both. */
function match<T>(before: T[], after: T[], key: (item: T) => string) {
  const was = new Map(before.map((item) => [key(item).toLowerCase(), item]));
  const now = new Map(after.map((item) => [key(item).toLowerCase(), item]));
  return {
    added: after.filter((item) => !was.has(key(item).toLowerCase())),
    removed: before.filter((item) => !now.has(key(item).toLowerCase())),
    both: after.filter((item) => was.has(key(item).toLowerCase())).map((item) => [was.get(key(item).toLowerCase())!, item] as const),
  };
}

function metricChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
  const { added, removed, both } = match(before.metrics, after.metrics, (m) => m.name);
  const messages = [
    ...added.map((m) => `metric ${code(m.name)} added`),
    ...removed.map((m) => `metric ${code(m.name)} removed`),
    ...both.flatMap(([was, now]) =>
      [
        changedValue(`metric ${code(now.name)}: type`, was.type, now.type),
        changedValue(`metric ${code(now.name)}: threshold`, was.threshold, now.threshold),
        changedValue(`metric ${code(now.name)}: owner`, was.owner, now.owner),
      ].filter((m): m is string => m !== undefined),
    ),
  ];
  return messages.map((message) => ({ section: 'monitoring', message }));
}

const PRIORITY = /^P(\d)$/;

function alertChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
  const { added, removed, both } = match(before.alerts, after.alerts, (a) => a.name);
  const messages: string[] = [];
  for (const alert of added) messages.push(`${alert.severity ? alert.severity + ' ' : ''}alert ${code(alert.name)} added`);
  for (const alert of removed) messages.push(`${alert.severity ? alert.severity + ' ' : ''}alert ${code(alert.name)} removed`);
  for (const [was, now] of both) {
    if (was.severity !== now.severity) {
      const [from, to] = [PRIORITY.exec(was.severity), PRIORITY.exec(now.severity)];
      if (from && to) {
        messages.push(`${was.severity} alert ${code(now.name)} ${Number(to[1]) > Number(from[1]) ? 'downgraded' : 'upgraded'} to ${now.severity}`);
      } else {
        messages.push(changedValue(`alert ${code(now.name)}: severity`, was.severity, now.severity)!);
      }
    }
    for (const [label, key] of [['trigger', 'trigger'], ['runbook', 'runbook'], ['notification channel', 'channel']] as const) {
      const message = changedValue(`alert ${code(now.name)}: ${label}`, was[key], now[key]);
      if (message) messages.push(message);
    }
  }
  const hadP1 = before.alerts.some((a) => a.severity === 'P1');
  const alerting = after.sections.find((s) => s.id === 'alerting');
  if (hadP1 && !after.alerts.some((a) => a.severity === 'P1') && alerting?.present && !alerting.skipped) {
    messages.push('no P1 alert remains');
  }
  return messages.map((message) => ({ section: 'alerting', message }));
}

function driftChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
  const { added, removed, both } = match(before.drift, after.drift, (d) => d.type);
  const messages = [
    ...added.map((d) => `${d.type} row added`),
    ...removed.map((d) => `${d.type} row removed`),
    ...both.flatMap(([was, now]) =>
      (['method', 'window', 'threshold', 'action'] as const)
        .map((key) => changedValue(`${now.type}: ${key === 'action' ? 'action on trigger' : key}`, was[key], now[key]))
        .filter((m): m is string => m !== undefined),
    ),
  ];
  return messages.map((message) => ({ section: 'drift', message }));
}

function stageChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
  const messages: string[] = [];
  const stage = (facts: ReadinessFacts, kind: StageKind) => facts.stages.find((s) => s.kind === kind);
  const skipNote = !before.shadowSkip && after.shadowSkip ? ' (SKIP added)' : before.shadowSkip && !after.shadowSkip ? ' (SKIP removed)' : '';
  let skipSaid = false;
  for (const kind of ['shadow', 'canary', 'full'] as const) {
    const [was, now] = [stage(before, kind), stage(after, kind)];
    if (!was && !now) continue;
    if (!now) {
      messages.push(`${kind} stage removed`);
      continue;
    }
    if (!was) {
      messages.push(`${kind} stage added${now.duration ? ` (${now.duration})` : ''}`);
      continue;
    }
    const duration = durationChange(was, now);
    if (duration) {
      const note = kind === 'shadow' ? skipNote : '';
      if (note) skipSaid = true;
      messages.push(`${duration}${note}`);
    }
    if (kind === 'canary') {
      const moved = canaryMove(was, now);
      if (moved) messages.push(moved);
    } else {
      const traffic = changedValue(`${kind} traffic`, was.traffic, now.traffic);
      if (traffic) messages.push(traffic);
    }
  }
  if (!skipSaid && skipNote) {
    messages.push(after.shadowSkip ? `calibration-only SKIP added${after.shadowSkip.days !== undefined ? ` (shadow=${after.shadowSkip.days}d)` : ''}` : 'calibration-only SKIP removed');
  }
  return messages.map((message) => ({ section: 'rollout', message }));
}

function durationChange(was: StageFact, now: StageFact): string | undefined {
  if (was.duration === now.duration) return undefined;
  if (was.days !== undefined && now.days !== undefined && was.days !== now.days) {
    return `${now.kind} ${now.days < was.days ? 'shortened' : 'lengthened'} from ${was.duration} to ${now.duration}`;
  }
  if (was.days !== undefined && now.days !== undefined) return undefined; // `14d` → `14 days`: the same duration
  return changedValue(`${now.kind} duration`, was.duration, now.duration);
}

function canaryMove(was: StageFact, now: StageFact): string | undefined {
  const where = (stage: StageFact) => (stage.symbols.length ? stage.symbols.join(', ') : stage.traffic ? quote(stage.traffic) : 'nowhere named');
  const sameSymbols = was.symbols.join() === now.symbols.join();
  if (sameSymbols && (was.symbols.length || was.traffic === now.traffic)) return undefined;
  return `canary moved from ${where(was)} to ${where(now)}`;
}

function rollbackChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
  const { added, removed, both } = match(before.rollback, after.rollback, (m) => m.name);
  const messages: string[] = [];
  const configOnly = (list: MechanismFact[]) => list.filter((m) => m.kind === 'config-only');
  const lostConfigOnly = configOnly(before.rollback).length > 0 && configOnly(after.rollback).length === 0;
  // What remains is said once, after the last config-only mechanism removed.
  const lastConfigOnly = removed.filter((m) => m.kind === 'config-only').pop();
  for (const mechanism of removed) {
    let message = `rollback mechanism ${code(mechanism.name)} removed`;
    if (lostConfigOnly && mechanism === lastConfigOnly) message += remainder(after.rollback);
    messages.push(message);
  }
  for (const mechanism of added) messages.push(`rollback mechanism ${code(mechanism.name)} added${mechanism.kind === 'code-deploy' ? ' (code deploy)' : ''}`);
  for (const [was, now] of both) {
    if (was.kind !== now.kind) {
      messages.push(`rollback mechanism ${code(now.name)} ${now.kind === 'code-deploy' ? 'now needs a code deploy' : now.kind === 'config-only' ? 'is now config-only' : 'no longer says how it reverts'}`);
    }
    const sla = changedValue(`rollback mechanism ${code(now.name)}: revert SLA`, was.sla, now.sla);
    if (sla) messages.push(sla);
  }
  if (lostConfigOnly && !removed.some((m) => m.kind === 'config-only')) messages.push(`no config-only rollback remains${remainder(after.rollback)}`);
  return messages.map((message) => ({ section: 'rollback', message }));
}

/** What reverts the change once the config-only path is gone. */
function remainder(mechanisms: MechanismFact[]): string {
  const deploys = mechanisms.filter((m) => m.kind === 'code-deploy');
  if (!mechanisms.length) return ' — no rollback mechanism remains';
  if (deploys.length === mechanisms.length) {
    return deploys.length === 1 && /hot\s*fix/i.test(deploys[0].name) ? ' — only a hotfix deploy remains' : ` — only a code deploy remains (${deploys.map((m) => code(m.name)).join(', ')})`;
  }
  return ` — no config-only rollback remains`;
}

/** Handles in code spans: a pull-request comment must not notify everyone it names. */
function person(fact: PersonFact | undefined): string | undefined {
  if (!fact) return undefined;
  return fact.handles.length ? fact.handles.map(code).join(', ') : code(fact.text);
}

function ownerChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
  const messages: string[] = [];
  for (const [label, key] of [['DRI', 'dri'], ['Backup DRI', 'backupDri'], ['Decision authority', 'decisionAuthority']] as const) {
    const [was, now] = [person(before[key]), person(after[key])];
    if ((was ?? '').toLowerCase() === (now ?? '').toLowerCase()) continue;
    if (!was) messages.push(`${label} set to ${now}`);
    else if (!now) messages.push(`${label} removed (was ${was})`);
    else messages.push(`${label} changed ${was} → ${now}`);
  }
  if (before.sunset !== after.sunset) {
    if (!before.sunset) messages.push(`sunset set to ${after.sunset}`);
    else if (!after.sunset) messages.push(`sunset date removed (was ${before.sunset})`);
    else messages.push(`sunset moved from ${before.sunset} to ${after.sunset}`);
  }
  return messages.map((message) => ({ section: 'owner', message }));
}

const TOPIC_LABEL: Record<string, string> = {
  monitoring: '§1 monitoring',
  alerting: '§2 alerting',
  drift: '§3 drift',
  rollout: '§4 rollout',
  rollback: '§5 rollback',
  owner: '§6 DRI',
  dependencies: 'dependency declarations',
  committee: 'committee review',
  'op-comment': 'OP comment',
};

function checklistChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
  const messages: string[] = [];
  for (const item of after.checklist) {
    const was = before.checklist.find((b) => b.topic === item.topic);
    if (!was || was.checked === item.checked) continue;
    messages.push(`box "${TOPIC_LABEL[item.topic] ?? item.topic}" ${item.checked ? 'ticked' : 'unticked'}`);
  }
  return messages.map((message) => ({ section: 'checklist', message }));
}

export { sectionLabel };
