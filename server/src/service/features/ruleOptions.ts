import type { ResolvedSettings } from '../config/settings';
import { runbookPathRule } from '../rules/alerting/runbookPath';
import { normaliseFolder } from '../facts/alerting/runbookPaths';
import { canarySymbols as configuredSymbols } from '../facts/rollout/canarySymbols';
import { canarySymbolRule } from '../rules/rollout/canarySymbol';
import type { RuleDefinition } from '../rules/types';

// Options that editor features share with rules, resolved exactly as the engine's `optionsOf` does,
// so a user's configuration drives completions the same way it drives the checks.
export function optionsOf<O>(settings: ResolvedSettings, rule: RuleDefinition<O>): O {
  return (settings.rules.get(rule.code)?.options ?? rule.defaultOptions ?? {}) as O;
}

/** RDY205's runbook folder, without a trailing slash. */
export function runbookFolder(settings: ResolvedSettings): string {
  return normaliseFolder(optionsOf(settings, runbookPathRule).runbookFolder ?? '').replace(/\/$/, '');
}

/** RDY404's configured canary symbols. */
export function canarySymbols(settings: ResolvedSettings): string[] {
  return configuredSymbols(optionsOf(settings, canarySymbolRule));
}
