import type { Change } from './types';
import type { ReadinessFacts } from './facts';
import { changedValue, code, match } from './words';

// Changes in the header and in §1–§3: who and when, which sections, metrics, alerts, drift rows.

export function headerChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
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

export function sectionPresence(before: ReadinessFacts, after: ReadinessFacts): Change[] {
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
export function metricChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
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

export function alertChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
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

export function driftChanges(before: ReadinessFacts, after: ReadinessFacts): Change[] {
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

