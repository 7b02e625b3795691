import type { RuleDefinition } from '../types';
import { committeeReviewRule } from './committeeReview';
import { filledOnDateRule } from './filledOnDate';
import { ownerHandleRule } from './ownerHandle';
import { storyLinksRule } from './storyLinks';
import { titleStoryIdRule } from './titleStoryId';

export const headerRules: RuleDefinition<any>[] = [
  titleStoryIdRule,
  storyLinksRule,
  ownerHandleRule,
  filledOnDateRule,
  committeeReviewRule,
];
