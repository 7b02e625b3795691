import type { RuleDefinition } from '../types';
import { disableCodesRule } from './disableCodes';
import { placeholderRule } from './placeholder';
import { sectionOrderRule } from './sectionOrder';
import { sectionRequiredRule } from './sectionRequired';
import { skipInvalidRule, skipUsedRule } from './skipRules';
import { tableColumnsRule } from './tableColumns';

export const fileRules: RuleDefinition<any>[] = [
  placeholderRule,
  sectionRequiredRule,
  sectionOrderRule,
  tableColumnsRule,
  skipInvalidRule,
  skipUsedRule,
  disableCodesRule,
];
