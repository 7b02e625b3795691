import type { RuleConfig } from './settings';

/** A rule's level, in `.mlops-readiness.json` and the editor's `mlopsReadiness.rules` alike (the config schema's enum). */
export const RULE_LEVELS: readonly string[] = ['off', 'information', 'warning', 'error', 'hint'];

/**
 * The editor's per-rule settings as the engine takes them, whatever the client sent: `"warning"`,
 * `{severity, ...options}` and `{severity, options: {...}}` per rule code or name. A level outside
 * RULE_LEVELS is dropped (the rule keeps its configured or default level); never throws.
 */
export function normaliseRuleSettings(raw: unknown): Record<string, RuleConfig> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const rules: Record<string, RuleConfig> = {};
  for (const [key, entry] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof entry === 'string' && RULE_LEVELS.includes(entry)) rules[key] = entry as RuleConfig;
    else if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
      const { severity, options, ...rest } = entry as Record<string, unknown>;
      const flat: Record<string, unknown> = { ...rest, ...(options && typeof options === 'object' ? options : {}) };
      if (typeof severity === 'string' && RULE_LEVELS.includes(severity)) flat.severity = severity;
      rules[key] = flat as RuleConfig;
    }
  }
  return rules;
}
