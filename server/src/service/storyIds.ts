import type { ResolvedSettings } from './config/settings';
import { optionsOf } from './features/ruleOptions';
import { DEFAULT_STORY_ID_PATTERN } from './facts/header/storyId';
import { titleStoryIdRule } from './rules/header/titleStoryId';
import { optionRegExp } from './util/regex';

export { DEFAULT_STORY_ID_PATTERN };

/** An id of the template's default format, for prompts and messages. */
export const EXAMPLE_STORY_ID = 'CVN-N011-EA-S11';

/** RDY101's `storyIdPattern` as the settings configure it, else the template's. */
export function storyIdPattern(settings: ResolvedSettings): string {
  const pattern = optionsOf(settings, titleStoryIdRule).storyIdPattern;
  return typeof pattern === 'string' ? pattern : DEFAULT_STORY_ID_PATTERN;
}

/**
 * Whether `id` is one whole story id under `pattern` (a configured one runs in linear time, as in
 * the check). Throws a PatternError when the pattern is not usable.
 */
export function isStoryId(id: string, pattern: string): boolean {
  return optionRegExp(pattern, DEFAULT_STORY_ID_PATTERN, (p) => `^(?:${p})$`).test(id);
}
