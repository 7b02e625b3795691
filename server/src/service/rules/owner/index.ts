import type { RuleDefinition } from '../types';

export const ownerRules: RuleDefinition<any>[] = [];
