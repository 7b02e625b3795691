import type { RuleDefinition } from '../types';

export const monitoringRules: RuleDefinition<any>[] = [];
