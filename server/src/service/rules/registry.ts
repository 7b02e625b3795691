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

/** Where the shell finds a rule's bundled page (`docs/rules/<code>.md`): a URI, or undefined when it has none. */
export type BundledDocs = (code: string) => string | undefined;

/**
 * The link to a rule's page: `<docsBaseUrl><code>.md` when the settings name the organisation's
 * copy, else the page bundled with the tool as the shell links it; undefined when there is no page
 * to link (never a link to a page that is not there).
 */
export function docsUrl(rule: Pick<RuleDefinition<any>, 'code'>, docsBaseUrl: string | undefined, bundled?: BundledDocs): string | undefined {
  if (docsBaseUrl) return `${docsBaseUrl.replace(/\/*$/, '/')}${rule.code}.md`;
  return bundled?.(rule.code);
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
