import type { RuleDefinition } from '../types';
import { configOnlyRollbackRule } from './configOnlyRollback';
import { revertSlaRule } from './revertSla';
import { revertTestedRule } from './revertTested';
import { rollbackConfigValueRule } from './rollbackConfigValue';

export const rollbackRules: RuleDefinition<any>[] = [configOnlyRollbackRule, revertSlaRule, rollbackConfigValueRule, revertTestedRule];
