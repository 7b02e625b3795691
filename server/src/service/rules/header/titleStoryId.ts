import { subRange } from '../../facts/document';
import { defineRule } from '../types';
import { findField, maskPlaceholders } from '../../facts/header/headerFields';
import { DEFAULT_STORY_ID_PATTERN, storyIdsIn, TITLE_PREFIX, titleParts, titleShown } from '../../facts/header/storyId';

export interface StoryIdOptions {
  /** Regular expression (JavaScript syntax, case-sensitive) a story id must match. */
  storyIdPattern: string;
}

const FORMAT = '"# MLOps readiness — <story id> <title>", e.g. "# MLOps readiness — CVN-N011-EA-S11 Label smoothing"';

export const titleStoryIdRule = defineRule<StoryIdOptions>({
  code: 'RDY101',
  name: 'title-story-id',
  requirements: ['H1'],
  section: 'header',
  severity: 'error',
  summary: 'The title reads `# MLOps readiness — <story id> <title>`, with a story id in the organisation\'s format.',
  rationale:
    'The title ties the readiness file to exactly one Story: the committee, the PR and the OP work package find it by its ' +
    'story id (ADR-70: the PR must link this filled file).',
  fixHint: 'Write the title as `# MLOps readiness — CVN-N011-EA-S11 Short title`.',
  defaultOptions: { storyIdPattern: DEFAULT_STORY_ID_PATTERN },
  optionsSchema: {
    storyIdPattern: {
      type: 'string',
      minLength: 1,
      description: 'Regular expression (JavaScript, case-sensitive) a story id must match. Default: CVN-N\\d+(-[A-Z0-9]+)*-S\\d+.',
    },
  },
  check({ document, options, documentPath, report }) {
    const pattern = options.storyIdPattern;
    const example = pattern === DEFAULT_STORY_ID_PATTERN ? 'e.g. CVN-N011-EA-S11' : `matching /${pattern}/`;
    const title = document.title;
    if (!title) {
      const id = guessStoryId(document, documentPath, pattern);
      const line = (name: string) => `# MLOps readiness — ${id ?? '<story id>'} ${name}`;
      const eol = ['', ''].join(document.lines.eol);
      const at = { line: 0, character: 0 };
      report({
        range: document.lines.trimmedLineRange(0),
        message: `The file has no title: start it with ${FORMAT}.`,
        fixes: [
          {
            title: 'Insert the title',
            isPreferred: true,
            edits: [{ range: { start: at, end: at }, newText: line('<title>') + eol }],
            snippetEdits: [{ range: { start: at, end: at }, newText: line('${1:title}') + eol }],
          },
        ],
      });
      return;
    }
    const span = title.title;
    const { text: written, placeholders } = maskPlaceholders(document, span);
    const masked = titleShown(document, span);
    if (!TITLE_PREFIX.test(masked)) {
      if (placeholders && !masked.trim()) return;
      const leadingId = storyIdsIn(masked, pattern).find((id) => id.start === masked.length - masked.trimStart().length);
      report({
        range: span.range,
        message: `The title must start with "MLOps readiness — ": write ${FORMAT}.`,
        fixes: leadingId
          ? [
              {
                title: 'Prefix the title with "MLOps readiness — "',
                isPreferred: true,
                safe: true,
                edits: [{ range: subRange(span, 0, 0), newText: 'MLOps readiness — ' }],
              },
            ]
          : undefined,
      });
      return;
    }
    const parts = titleParts(document, pattern)!;
    const prefix = TITLE_PREFIX.exec(masked)!;
    if (!parts.separator || parts.separator === ':') {
      // The separator sits between `MLOps readiness` and the rest; replace it and the spaces with ` — `, keeping
      // the markup that closes the words (`**MLOps readiness:** CVN-…` becomes `**MLOps readiness** — CVN-…`).
      const from = prefix[1].length;
      const raw = span.text.slice(from, parts.restStart);
      const markup = [...raw].filter((c, i) => masked[from + i] === ' ' && c.trim()).join('');
      report({
        range: subRange(span, prefix[1].length - prefix[1].trimStart().length, prefix[1].length),
        message: `Separate "MLOps readiness" from the story id with a dash: write ${FORMAT}.`,
        fixes: [
          {
            title: 'Insert " — "',
            isPreferred: true,
            safe: true,
            edits: [{ range: subRange(span, from, parts.restStart), newText: `${markup} — ` }],
          },
        ],
      });
    }
    // The token a wrong id is quoted as is the text as written (its markup too), only the id is read from the shown text.
    const rest = written.slice(parts.restStart);
    if (!parts.id) {
      if (placeholders) return; // the story id is still a placeholder: RDY001 reports it
      const token = /^\S+/.exec(rest);
      const elsewhere = storyIdsIn(masked, pattern).find((id) => id.start > parts.restStart);
      if (!token) {
        report({ range: span.range, message: `The title has no story id: write ${FORMAT}.` });
      } else if (elsewhere) {
        report({
          range: subRange(span, elsewhere.start, elsewhere.end),
          message: `The story id "${elsewhere.text}" must come right after "MLOps readiness — ": write ${FORMAT}.`,
        });
      } else {
        const start = parts.restStart;
        report({
          range: subRange(span, start, start + token[0].length),
          message: `"${token[0]}" is not a story id (${example}): write the Story's id right after "MLOps readiness — ".`,
        });
      }
      return;
    }
    const after = masked.slice(parts.id.end);
    if (!/[\p{L}\p{N}]/u.test(after) && !placeholders) {
      report({
        range: subRange(span, parts.id.start, parts.id.end),
        message: `The title has no Story title after "${parts.id.text}": write ${FORMAT}.`,
      });
    }
  },
});

/** The story id the Story line or the file name gives, for the inserted title. */
function guessStoryId(document: Parameters<typeof findField>[0], documentPath: string | undefined, pattern: string): string | undefined {
  const story = findField(document, 'story');
  const fromStory = story ? storyIdsIn(maskPlaceholders(document, story.value).text, pattern)[0]?.text : undefined;
  const fileName = documentPath?.split('/').pop()?.replace(/\.md$/i, '');
  return fromStory ?? (fileName ? storyIdsIn(fileName, pattern)[0]?.text : undefined);
}
