import { alertingRules } from './alerting';
import { checklistRules } from './checklist';
import { driftRules } from './drift';
import { fileRules } from './file';
import { headerRules } from './header';
import { monitoringRules } from './monitoring';
import { ownerRules } from './owner';
import { rollbackRules } from './rollback';
import { rolloutRules } from './rollout';
import type { RuleDefinition } from './types';

/** Every rule, in template order. One folder per part of the template: rules/<part>/<rule>.ts. */
export const RULES: readonly RuleDefinition<any>[] = [
  ...fileRules,
  ...headerRules,
  ...monitoringRules,
  ...alertingRules,
  ...driftRules,
  ...rolloutRules,
  ...rollbackRules,
  ...ownerRules,
  ...checklistRules,
];

export const DOCS_BASE_URL = 'https://github.com/mlops-readiness/mlops-readiness/blob/main/docs/rules/';

/** The rule's documentation page, `docs/rules/<code>.md`. */
export function docsUrl(rule: Pick<RuleDefinition<any>, 'code'>): string {
  return `${DOCS_BASE_URL}${rule.code}.md`;
}

const byKey = new Map<string, RuleDefinition<any>>();
for (const rule of RULES) {
  byKey.set(rule.code, rule);
  byKey.set(rule.name, rule);
}

/** A rule by code or name. */
export function findRule(codeOrName: string): RuleDefinition<any> | undefined {
  return byKey.get(codeOrName) ?? byKey.get(codeOrName.toUpperCase());
}
