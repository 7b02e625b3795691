import type { RuleDefinition } from '../types';

export const rollbackRules: RuleDefinition<any>[] = [];
