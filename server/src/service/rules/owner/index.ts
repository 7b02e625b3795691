import type { RuleDefinition } from '../types';
import { backupDriRule } from './backupDri';
import { backupEngagementRule } from './backupEngagement';
import { decisionAuthorityRule } from './decisionAuthority';
import { driSingleHumanRule } from './driSingleHuman';
import { knownPeopleRule } from './knownPeople';
import { sunsetDateRule } from './sunsetDate';
import { sunsetPassedRule } from './sunsetPassed';
import { sunsetWindowRule } from './sunsetWindow';

export const ownerRules: RuleDefinition<any>[] = [
  driSingleHumanRule,
  backupDriRule,
  backupEngagementRule,
  decisionAuthorityRule,
  sunsetDateRule,
  sunsetWindowRule,
  sunsetPassedRule,
  knownPeopleRule,
];
