import type { RuleDefinition } from '../types';
import { disableCodesRule } from './disableCommentCodes';
import { placeholderRule } from './noPlaceholders';
import { sectionOrderRule } from './sectionOrder';
import { sectionRequiredRule } from './sectionRequired';
import { skipInvalidRule, skipUsedRule } from './skipJustification';
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
