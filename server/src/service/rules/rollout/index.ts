import type { RuleDefinition } from '../types';
import { canaryStageRule } from './canaryStage';
import { canarySymbolRule } from './canarySymbol';
import { fullSignoffRule } from './fullSignoff';
import { noAutoPromotionRule } from './noAutoPromotion';
import { rolloutStagesRule } from './rolloutStages';
import { shadowStageRule } from './shadowStage';

export const rolloutRules: RuleDefinition<any>[] = [
  rolloutStagesRule,
  shadowStageRule,
  canaryStageRule,
  canarySymbolRule,
  fullSignoffRule,
  noAutoPromotionRule,
];
