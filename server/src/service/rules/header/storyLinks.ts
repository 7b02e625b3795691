import { subRange } from '../../facts/document';
import { defineRule } from '../types';
import { findField, insertFieldFix, maskPlaceholders, missingFieldRange, valueRange } from '../../facts/header/headerFields';
import { maskInlineMarkup } from '../../facts/header/inlineMarkup';
import { unescapeMarkdown } from '../../text/shownText';
import { DEFAULT_STORY_ID_PATTERN, storyIdsIn, titleStoryId } from '../../facts/header/storyId';
import { titleStoryIdRule } from './titleStoryId';
import { optionRegExp } from '../../util/regex';

interface StoryLinksOptions {
  /** Regular expression (case-insensitive) of a GitHub issue reference. */
  issuePattern: string;
  /** Regular expression (case-insensitive) of an OP work package reference. */
  workPackagePattern: string;
}

const DEFAULT_ISSUE_PATTERN =
  String.raw`https?://(?:www\.)?github\.com/[\w.-]+/[\w.-]+/issues/\d+|(?<![\w&#/])#\d+\b|\b[\w.-]+/[\w.-]+#\d+\b`;
const DEFAULT_WORK_PACKAGE_PATTERN = String.raw`\bwp\s*#\s*\d+\b|https?://\S+?/work_packages/\d+`;

export const storyLinksRule = defineRule<StoryLinksOptions>({
  code: 'RDY102',
  name: 'story-links',
  requirements: ['H2'],
  section: 'header',
  severity: 'error',
  summary: 'The `Story:` line gives the title\'s story id, a GitHub issue link and an OP work package.',
  rationale:
    'The readiness file is one of three records of the same change: the GitHub issue (code), the OP work package (where the ' +
    'operator signs off the full rollout) and this file. Without both links the committee cannot trace the sign-off (ADR-70).',
  fixHint: 'Write `**Story**: CVN-N011-EA-S11 — GH issue #812 + OP wp#92`.',
  defaultOptions: { issuePattern: DEFAULT_ISSUE_PATTERN, workPackagePattern: DEFAULT_WORK_PACKAGE_PATTERN },
  optionsSchema: {
    issuePattern: {
      type: 'string',
      minLength: 1,
      description: 'Regular expression (case-insensitive) of a GitHub issue reference: an issue URL or #123 by default.',
    },
    workPackagePattern: {
      type: 'string',
      minLength: 1,
      description: 'Regular expression (case-insensitive) of an OP work package reference: wp#92 or a .../work_packages/92 URL by default.',
    },
  },
  check({ document, options, optionsOf, workspace, documentPath, report }) {
    const { storyIdPattern } = optionsOf(titleStoryIdRule);
    const titleId = titleStoryId(document, storyIdPattern);
    const field = findField(document, 'story');
    if (!field) {
      const id = titleId?.text ?? '<cvn_id>';
      report({
        range: missingFieldRange(document),
        message: 'The header has no "Story" line: add `**Story**: <story id> — GH issue #<number> + OP wp#<number>` under the title.',
        fixes: [
          insertFieldFix(
            document,
            'story',
            `${id} — GH issue #<issue> + OP wp#<number>`,
            `${titleId?.text ?? '${1:story id}'} — GH issue #\${2:issue} + OP wp#\${3:number}`,
          ),
        ],
      });
      return;
    }
    const { text, placeholders } = maskPlaceholders(document, field.value);
    if (!text.trim()) {
      if (!placeholders) {
        report({
          range: valueRange(field),
          message: 'The "Story" line is empty: write the story id, the GitHub issue and the OP work package, e.g. `CVN-N011-EA-S11 — GH issue #812 + OP wp#92`.',
        });
      }
      return;
    }
    // The story id counts where a reader sees it: a link's text or the line's words, not a link's target (URL).
    const shown = maskInlineMarkup(text);
    const ids = storyIdsIn(shown, storyIdPattern);
    if (!ids.length && !placeholders) {
      const hidden = storyIdsIn(text, storyIdPattern)[0];
      const which = titleId ? ` "${titleId.text}"` : storyIdPattern === DEFAULT_STORY_ID_PATTERN ? ', e.g. CVN-N011-EA-S11' : ` (matching /${storyIdPattern}/)`;
      report({
        range: hidden ? subRange(field.value, hidden.start, hidden.end) : field.value.range,
        message: hidden
          ? `The "Story" line has the story id "${hidden.text}" only inside a link's target, which a reader does not see: write the Story's id${which} in the line's text.`
          : `The "Story" line names no story id: start it with the Story's id${which}.`,
      });
    } else if (ids.length && titleId && !ids.some((id) => id.text === titleId.text)) {
      const first = ids[0];
      report({
        range: subRange(field.value, first.start, first.end),
        message: `The "Story" line names "${first.text}" but the title names "${titleId.text}": write the same story id in both.`,
        related: documentPath
          ? [{ location: { uri: workspace.uriOf(documentPath), range: titleId.range }, message: `The title's story id "${titleId.text}"` }]
          : undefined,
      });
    }
    if (placeholders) return; // a placeholder stands for the links still to write: RDY001 reports it
    const missing: string[] = [];
    // As shown: an exported `wp\#92` is `wp#92`.
    const links = unescapeMarkdown(text);
    if (!compile(options.issuePattern, 'issuePattern', DEFAULT_ISSUE_PATTERN).test(links)) missing.push('a GitHub issue link (`#812` or the issue URL)');
    if (!compile(options.workPackagePattern, 'workPackagePattern', DEFAULT_WORK_PACKAGE_PATTERN).test(links)) missing.push('an OP work package (`wp#92` or the work package URL)');
    if (missing.length) {
      report({
        range: field.value.range,
        message: `The "Story" line lacks ${missing.join(' and ')}: add ${missing.length > 1 ? 'them' : 'it'}, e.g. \`CVN-N011-EA-S11 — GH issue #812 + OP wp#92\`.`,
      });
    }
  },
});

function compile(pattern: string, option: string, fallback: string): RegExp {
  try {
    return optionRegExp(pattern, fallback, (p) => p, 'i');
  } catch (error) {
    throw new Error(`Option "${option}" of RDY102 is not usable: ${(error as Error).message}`);
  }
}
