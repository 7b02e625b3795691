// Validation of what the author types in the "New readiness file" prompts. Messages say what to type.
import { DEFAULT_STORY_ID_PATTERN, EXAMPLE_STORY_ID, isStoryId, patternProblem } from '../../../server/src/service';

export { DEFAULT_STORY_ID_PATTERN, EXAMPLE_STORY_ID };

export function validateStoryId(value: string, pattern: string): string | undefined {
  const id = value.trim();
  if (!id) return `Type the Story id, e.g. ${EXAMPLE_STORY_ID}.`;
  // A broken configured pattern is reported by the checker; here fall back to the template's. A
  // configured one runs in linear time, as in the checker: a repository's `(a+)+$` cannot hang the prompt.
  const used = patternProblem(pattern) === undefined ? pattern : DEFAULT_STORY_ID_PATTERN;
  if (!isStoryId(id, used)) {
    // Show an id, not the regular expression: people recognise an example.
    return used === DEFAULT_STORY_ID_PATTERN
      ? `"${id}" is not a Story id: write it like ${EXAMPLE_STORY_ID} (CVN-N, the number, the track, -S and the Story number).`
      : `"${id}" is not a Story id as this workspace names them (RDY101 storyIdPattern): write it like the ids of its other readiness files.`;
  }
  if (/[\\/:*?"<>|]/.test(id)) return 'A Story id becomes a file name: no / \\ : * ? " < > |.';
  return undefined;
}

export function validateTitle(value: string): string | undefined {
  return value.trim() ? undefined : 'Type a short title for the change.';
}

/** A GitHub handle: `@name` or `name`, letters, digits and single hyphens, at most 39 characters. */
export function validateOwner(value: string): string | undefined {
  const handle = value.trim();
  if (!/^@?[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(handle)) {
    return `"${handle}" is not a GitHub handle: type @name or name (letters, digits, single hyphens; one person, not a team).`;
  }
  if (handle.replace(/^@/, '').length > 39) return 'A GitHub handle has at most 39 characters.';
  return undefined;
}

/** The author's local calendar date (not UTC: a file filled late in the evening is dated that day). */
export function todayIso(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
