import type { RuleDefinition } from '../types';

export const alertingRules: RuleDefinition<any>[] = [];
