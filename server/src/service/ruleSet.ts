import type { RuleSet } from './analysis';
import { validSkips } from './facts/file/skips';
import { skipJustificationRule } from './rules/file/skipJustification';
import { RULES } from './rules/registry';

/** The registry's rules, as the service hands them to the runner. */
export const READINESS_RULES: RuleSet = {
  rules: RULES,
  // Sections replaced by a SKIP that RDY005 accepts, under its configured options: their other rules stay silent.
  skippedSections: (document, optionsOf) => validSkips(document, optionsOf(skipJustificationRule)),
};
