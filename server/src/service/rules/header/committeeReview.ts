import { subRange } from '../../facts/document';
import { defineRule } from '../types';
import { DEFAULT_SESSION_ID_PATTERN, DEFAULT_VERDICTS, normaliseVerdict, parseCommitteeReview } from '../../facts/header/committee';
import { findField, insertFieldFix, maskPlaceholders, missingFieldRange, valueRange } from '../../facts/header/headerFields';

export interface CommitteeOptions {
  /** Regular expression a session id must match (whole token after `session`). */
  sessionIdPattern: string;
  /** Verdicts that let the PR merge. */
  verdicts: string[];
}

const EXAMPLE = '`session 2026-11-03-a (verdict OK)`';
const ID_SHAPE = 'a token with digits or joined by "-" or "_" such as `pr_review-2026-10-30-04`';

export const committeeReviewRule = defineRule<CommitteeOptions>({
  code: 'RDY105',
  name: 'committee-review',
  requirements: ['H5'],
  section: 'header',
  severity: 'error',
  summary: 'The `Reviewed by committee:` line names the session and exactly one verdict, OK or OK-WITH-CHANGES.',
  rationale:
    'The committee `pr_review` session is the gate before merge: its session id lets anyone find the review, and only an OK ' +
    'or OK-WITH-CHANGES verdict allows the ML code to merge (ADR-70, ADR-25).',
  fixHint: 'Write `**Reviewed by committee**: session <id> (verdict OK)` with the session\'s id and the verdict it gave.',
  defaultOptions: { sessionIdPattern: DEFAULT_SESSION_ID_PATTERN, verdicts: DEFAULT_VERDICTS },
  optionsSchema: {
    sessionIdPattern: {
      type: 'string',
      minLength: 1,
      description: 'Regular expression a session id (the word after "session") must match. Default: letters, digits, ".", "_", "-", at least one digit, optional leading #.',
    },
    verdicts: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      description: 'Verdicts that allow the merge. Default: OK, OK-WITH-CHANGES.',
    },
  },
  check({ document, options, report }) {
    const field = findField(document, 'reviewed by committee');
    if (!field) {
      report({
        range: missingFieldRange(document),
        message: `The header has no "Reviewed by committee" line: add \`**Reviewed by committee**: session <id> (verdict OK)\`, e.g. ${EXAMPLE}.`,
        fixes: [
          insertFieldFix(
            document,
            'reviewed by committee',
            'session <id> (verdict OK / OK-WITH-CHANGES)',
            'session ${1:id} (verdict ${2|OK,OK-WITH-CHANGES|})',
          ),
        ],
      });
      return;
    }
    const { text, placeholders } = maskPlaceholders(document, field.value);
    if (!text.trim()) {
      if (!placeholders) {
        report({ range: valueRange(field), message: `The "Reviewed by committee" line is empty: write the session and its verdict, e.g. ${EXAMPLE}.` });
      }
      return;
    }
    const review = parseCommitteeReview(text, options.sessionIdPattern);
    const at = (token: { start: number; end: number }) => subRange(field.value, token.start, token.end);
    if (!review.hasSessionId && !placeholders) {
      if (review.session) {
        report({
          range: at(review.session),
          message: `"${review.session.text}" is not a committee session id: write the id of the pr_review session, e.g. ${EXAMPLE}.`,
        });
      } else if (review.word) {
        report({
          range: at(review.word),
          message:
            `The committee review names no session id ("${review.word.text}" is a word, not an id): write \`session <id>\` with the ` +
            `pr_review session's id, ${ID_SHAPE}, e.g. ${EXAMPLE}.`,
        });
      } else {
        report({
          range: review.keyword ? at(review.keyword) : field.value.range,
          message: `The committee review names no session id: write \`session <id>\` with the pr_review session's id, ${ID_SHAPE}, e.g. ${EXAMPLE}.`,
        });
      }
    }
    const accepted = new Set(options.verdicts.map(normaliseVerdict));
    const wanted = options.verdicts.join(' or ');
    const refused = review.verdicts.find((verdict) => !accepted.has(normaliseVerdict(verdict.text)));
    const given = [...new Set(review.verdicts.map((v) => normaliseVerdict(v.text)).filter((v) => accepted.has(v)))];
    if (refused) {
      report({
        range: at(refused),
        message: `Verdict "${refused.text}" does not allow the merge: only ${wanted} does; address the committee's points and record the new session's verdict.`,
      });
    } else if (given.length > 1) {
      const second = review.verdicts.find((v) => normaliseVerdict(v.text) === given[1])!;
      report({
        range: at(second),
        message: `The committee review gives ${given.length} verdicts (${given.join(', ')}): keep only the one the committee gave.`,
      });
    } else if (!given.length && !placeholders) {
      report({
        range: field.value.range,
        message: `The committee review gives no verdict: add \`(verdict ${options.verdicts[0]})\` or another of ${wanted}, as the committee decided.`,
      });
    }
  },
});
