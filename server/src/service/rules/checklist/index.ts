import type { RuleDefinition } from '../types';
import { checklistConsistencyRule } from './checklistConsistency';
import { checklistReadyRule } from './checklistReady';
import { committeeBoxRule } from './committeeBox';
import { dependencyDeclarationsRule } from './dependencyDeclarations';

/** Last in the registry: RDY701/RDY702 read the findings of every other rule. */
export const checklistRules: RuleDefinition<any>[] = [
  checklistConsistencyRule,
  checklistReadyRule,
  dependencyDeclarationsRule,
  committeeBoxRule,
];
