import type { RuleDefinition } from '../types';

export const driftRules: RuleDefinition<any>[] = [];
