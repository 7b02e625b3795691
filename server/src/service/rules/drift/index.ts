import type { RuleDefinition } from '../types';
import { driftNoSilentRetrainRule } from './driftNoSilentRetrain';
import { driftRowsRule } from './driftRows';
import { driftThresholdWindowRule } from './driftThresholdWindow';

export const driftRules: RuleDefinition<any>[] = [driftRowsRule, driftThresholdWindowRule, driftNoSilentRetrainRule];
