// Story ids: the configured pattern, the ids a text names, and the title's `MLOps readiness — <id> <title>` parts.
// Read by RDY101 (title-story-id), RDY102 (story-links), the service's story-id pattern and the diff.
import type { ReadinessDocument, Span } from '../../model';
import { subRange } from '../document';
import { optionRegExp } from '../../util/regex';
import { maskPlaceholders } from './headerFields';
import { maskInlineMarkup } from './inlineMarkup';

export const DEFAULT_STORY_ID_PATTERN = String.raw`CVN-N\d+(-[A-Z0-9]+)*-S\d+`;

/** The story-id pattern as a global regex matching whole tokens only (not inside `XCVN-…-S1-b`). */
const storyIdRegexes = new Map<string, RegExp>();

function storyIdRegex(pattern: string): RegExp {
  // Shared per pattern: `matchAll` runs on a copy, so no `lastIndex` is shared.
  const known = storyIdRegexes.get(pattern);
  if (known) return known;
  try {
    const made = optionRegExp(pattern, DEFAULT_STORY_ID_PATTERN, (p) => String.raw`(?<![\w-])(?:${p})(?![\w-])`, 'g');
    if (storyIdRegexes.size < 100) storyIdRegexes.set(pattern, made);
    return made;
  } catch (error) {
    // Config validation cannot check a regex; say which option is wrong rather than fail obscurely.
    throw new Error(`Option "storyIdPattern" of RDY101 is not usable: ${(error as Error).message}`);
  }
}

export interface StoryIdMatch {
  text: string;
  start: number;
  end: number;
}

export function storyIdsIn(text: string, pattern: string): StoryIdMatch[] {
  return [...text.matchAll(storyIdRegex(pattern))].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
}

// `MLOps readiness`, a separator (em dash, en dash or hyphen), then the rest. Matched on the title with its inline
// markup blanked (`titleShown`), so `**MLOps readiness** —`, `_MLOps readiness_:` or a link read as their words.
export const TITLE_PREFIX = /^([ \t]*MLOps\s+readiness)\b([ \t]*)([—–]|-{1,2}|:)?[ \t]*/i;

/** The title's text as a reader sees it: placeholders masked, then markup blanked, offsets kept. */
export function titleShown(document: ReadinessDocument, span: Span): string {
  return maskInlineMarkup(maskPlaceholders(document, span).text);
}

export interface TitleParts {
  /** Offset of the text after `MLOps readiness` and its separator. */
  restStart: number;
  separator: string | undefined;
  /** The story id when the rest starts with one. */
  id: StoryIdMatch | undefined;
}

/** The title's parts, or undefined when it does not start with `MLOps readiness`. */
export function titleParts(document: ReadinessDocument, pattern: string): (TitleParts & { span: Span; masked: string }) | undefined {
  const span = document.title?.title;
  if (!span) return undefined;
  const masked = maskPlaceholders(document, span).text;
  // Markup around the words or the id (`` `CVN-…` ``, `**CVN-…**`, a link) is not content: the id still comes first.
  const shown = maskInlineMarkup(masked);
  const prefix = TITLE_PREFIX.exec(shown);
  if (!prefix) return undefined;
  const restStart = prefix[0].length;
  const first = storyIdsIn(shown, pattern).find((id) => id.start >= restStart && !shown.slice(restStart, id.start).trim());
  return { span, masked, restStart, separator: prefix[3], id: first };
}

/** The story id the title gives, with its range, for other rules to compare with. */
export function titleStoryId(document: ReadinessDocument, pattern: string) {
  const parts = titleParts(document, pattern);
  if (!parts?.id) return undefined;
  return { text: parts.id.text, range: subRange(parts.span, parts.id.start, parts.id.end) };
}
