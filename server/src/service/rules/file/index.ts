import type { RuleDefinition } from '../types';
import { disableCommentCodesRule } from './disableCommentCodes';
import { noPlaceholdersRule } from './noPlaceholders';
import { sectionOrderRule } from './sectionOrder';
import { sectionRequiredRule } from './sectionRequired';
import { skipJustificationRule } from './skipJustification';
import { skipMayBeRejectedRule } from './skipMayBeRejected';
import { tableColumnsRule } from './tableColumns';

export const fileRules: RuleDefinition<any>[] = [
  noPlaceholdersRule,
  sectionRequiredRule,
  sectionOrderRule,
  tableColumnsRule,
  skipJustificationRule,
  skipMayBeRejectedRule,
  disableCommentCodesRule,
];
