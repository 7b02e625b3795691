import type { RuleDefinition } from '../types';
import { metricClassesRule } from './metricClasses';
import { metricCoverageRule } from './metricCoverage';
import { metricDashboardRule } from './metricDashboard';
import { metricEncouragedRule } from './metricEncouraged';
import { metricOwnerRule } from './metricOwner';
import { metricSourceRule } from './metricSource';
import { metricThresholdRule } from './metricThreshold';
import { metricTypeRule } from './metricType';

/** §1 Production monitoring: M1–M8. */
export const monitoringRules: RuleDefinition<any>[] = [
  metricTypeRule,
  metricSourceRule,
  metricDashboardRule,
  metricThresholdRule,
  metricOwnerRule,
  metricClassesRule,
  metricCoverageRule,
  metricEncouragedRule,
];
