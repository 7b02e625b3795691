import type { RuleDefinition } from '../types';

export const checklistRules: RuleDefinition<any>[] = [];
