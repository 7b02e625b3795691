import type { RuleDefinition } from '../types';

export const headerRules: RuleDefinition<any>[] = [];
