import type { RuleDefinition } from '../types';

export const rolloutRules: RuleDefinition<any>[] = [];
