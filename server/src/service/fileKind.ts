import picomatch from 'picomatch';
import { DEFAULT_FILES } from './config/settings';
import { matchSectionHeading } from './parser/sections';
import { maskInlineMarkup } from './facts/header/inlineMarkup';
import { LINEAR_TIME_REFUSAL, linearRegExp } from './util/regex';

type Matcher = (path: string) => boolean;

const matchers = new Map<string, Matcher>();

/**
 * picomatch's regexes keep `.` and `..` segments and empty names out with lookaheads, which RE2
 * cannot run. The paths matched here are workspace-relative and normalised (no `.`, `..` or
 * empty segment), so those guards never decide anything: they are dropped.
 */
const DOT_SEGMENT_GUARDS: Array<[string, string]> = [
  [String.raw`(?:(?!(?:^|\/)\.{1,2}(?:\/|$)).)*?`, '.*?'],
  [String.raw`(?!(?:^|\/)\.{1,2}(?:\/|$))`, ''],
  [String.raw`(?!\.{1,2}(?:\/|$))`, ''],
  ['(?=.)', ''],
];

/**
 * One configured glob as a linear-time matcher. picomatch's regexes backtrack: `*a*a*a*a*a*a*a*ab`
 * takes seconds on a 40-character name and extglobs such as `*(a*)*b` never finish, and a
 * repository's config is untrusted. The same regex runs on RE2; a glob it cannot express (a
 * negated extglob `!(…)`) throws PatternError.
 */
function linearGlob(glob: string): Matcher {
  const negated = glob.startsWith('!') && !glob.startsWith('!(');
  let source = picomatch.makeRe(negated ? glob.slice(1) : glob, { dot: true }).source;
  for (const [guard, replacement] of DOT_SEGMENT_GUARDS) source = source.split(guard).join(replacement);
  const pattern = linearRegExp(source);
  return negated ? (path) => !pattern.test(path) : (path) => pattern.test(path);
}

/** Why a configured glob cannot be used, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  try {
    linearGlob(glob);
    return undefined;
  } catch (error) {
    const reason = (error as Error).message;
    // A negated extglob becomes a lookahead, which RE2 refuses: say so in the glob's terms, once.
    if (reason.startsWith(LINEAR_TIME_REFUSAL)) return 'not a glob the checker can match in linear time: negated extglobs such as !(…) are not supported';
    return `not a glob the checker can use: ${reason}`;
  }
}

function matcherFor(globs: readonly string[]): Matcher {
  const key = globs.join('\0');
  let matcher = matchers.get(key);
  if (!matcher) {
    if (key === DEFAULT_FILES.join('\0')) {
      // The built-in globs are known to match quickly.
      matcher = picomatch(globs as string[], { dot: true });
    } else {
      // A glob that cannot be used (config validation names it) matches nothing.
      const each = globs.map((glob) => {
        try {
          return linearGlob(glob);
        } catch {
          return () => false;
        }
      });
      matcher = (path) => each.some((match) => match(path));
    }
    if (matchers.size < 100) matchers.set(key, matcher);
  }
  return matcher;
}

/** Whether a workspace-relative path matches the configured readiness globs (F6). */
export function matchesReadinessGlobs(path: string, globs: readonly string[]): boolean {
  return matcherFor(globs)(path.replace(/\\/g, '/').replace(/^\.\//, ''));
}

/** How far into a file its kind is looked for: the title and the first sections are near the top. */
const HEAD_LENGTH = 64 * 1024;

const ATX_HEADING = /^[ \t]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/** The template's title shape: `MLOps readiness`, a separator (em or en dash, hyphen, colon), then the story id and title. */
const READINESS_TITLE = /^MLOps\s+readiness[ \t]*(?:[—–:]|-{1,2})[ \t]*\S/i;

/** How many of the template's sections a file without that title must have to be a readiness file. */
const STRUCTURE_SECTIONS = 3;

/**
 * Whether the file reads as a readiness file: its first level-1 heading has the template's title shape
 * (`# MLOps readiness — CVN-N011-EA-S11 …`), or it has several of the template's sections
 * (`## 1. Production monitoring`, `## 5. Rollback plan`, …). A page about readiness files, whose
 * title is just "MLOps Readiness", is neither. Headings inside code fences do not count.
 */
export function hasReadinessTitle(text: string): boolean {
  const lines = text.slice(0, HEAD_LENGTH).split(/\r\n|\r|\n/);
  let fence: string | undefined;
  let titleSeen = false;
  const sections = new Set<string>();
  for (const line of lines) {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = ATX_HEADING.exec(line);
    if (!heading) continue;
    const level = heading[1]!.length;
    const title = heading[2]!.trim();
    if (level === 1 && !titleSeen) {
      titleSeen = true;
      // Markup is not content: `**MLOps readiness** — …` or a link has the title shape too.
      if (READINESS_TITLE.test(maskInlineMarkup(title).trimStart())) return true;
    }
    // Sections stand at any level from ## to #### (the parser takes the level from the file).
    if (level >= 2 && level <= 4) {
      const id = matchSectionHeading(title).id;
      if (id) sections.add(id);
      if (sections.size >= STRUCTURE_SECTIONS) return true;
    }
  }
  return false;
}

/**
 * F6: a file is a readiness file when its path matches the globs, or its title has the
 * template's title shape, or it has the template's structure. Other Markdown gets nothing.
 */
export function isReadinessFile(path: string | undefined, text: string, globs: readonly string[]): boolean {
  if (path !== undefined && /\.(md|markdown)$/i.test(path) && matchesReadinessGlobs(path, globs)) return true;
  return hasReadinessTitle(text);
}
