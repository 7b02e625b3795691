import type { RuleDefinition } from '../types';
import { alertTriggerRule } from './alertTrigger';
import { alertValuesRule } from './alertValues';
import { p1AlertPagesRule } from './p1AlertPages';
import { p1AlertRequiredRule } from './p1AlertRequired';
import { runbookContentRule } from './runbookContent';
import { runbookExistsRule } from './runbookExists';
import { runbookPathRule } from './runbookPath';

/** §2 Alerting & runbooks (A1–A5). */
export const alertingRules: RuleDefinition<any>[] = [
  p1AlertRequiredRule,
  alertValuesRule,
  p1AlertPagesRule,
  alertTriggerRule,
  runbookPathRule,
  runbookExistsRule,
  runbookContentRule,
];
