import type { StageKind } from '../facts/rollout/stages';
import type { MechanismFact, PersonFact, ReadinessFacts, StageFact } from './facts';
import type { Change } from './types';
import { changedValue, code, match, quote } from './words';

// Changes in the plan for production, §4–§6 and the checklist: stages, canary, rollback, people, sunset, boxes.

export function stageChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
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

export function rollbackChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
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

export function ownerChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
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

export function checklistChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
  const messages: string[] = [];
  for (const item of after.checklist) {
    const was = before.checklist.find((b) => b.topic === item.topic);
    if (!was || was.checked === item.checked) continue;
    messages.push(`box "${TOPIC_LABEL[item.topic] ?? item.topic}" ${item.checked ? 'ticked' : 'unticked'}`);
  }
  return messages.map((message) => ({ section: 'checklist', message }));
}
