import type { RuleSet } from './analysis';
import { validlySkippedSections } from './rules/file/skipJustification';
import { RULES } from './rules/registry';

/** The registry's rules, as the service hands them to the runner. */
export const READINESS_RULES: RuleSet = { rules: RULES, skippedSections: validlySkippedSections };
