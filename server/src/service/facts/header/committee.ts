// Reading the `Reviewed by committee` value: session id and verdict.
// Read by RDY105 (committee-review), RDY704 (committee-box) and the diff.
import { optionRegExp } from '../../util/regex';
import { unescapeMarkdown } from '../../text/shownText';
import { maskInlineMarkup } from './inlineMarkup';
/** Reading `session <id> (verdict OK)`: shared by RDY105 and the committee box check (RDY704). */

export interface Token {
  text: string;
  start: number;
  end: number;
}

export interface CommitteeReview {
  /** The word `session`, when written. */
  keyword: Token | undefined;
  /** What follows `session` when it looks like an id (or matches the session-id pattern). */
  session: Token | undefined;
  /** The English word following `session` instead of an id ("session notes in the OP Story"). */
  word: Token | undefined;
  /** Whether `session` holds an id matching the session-id pattern. */
  hasSessionId: boolean;
  /** Verdict words, in order: the word after `verdict`, and any standalone OK / OK-WITH-CHANGES / REJECT. */
  verdicts: Token[];
}

export const DEFAULT_SESSION_ID_PATTERN = String.raw`#?(?=[\w.-]*\d)[A-Za-z0-9][\w.-]*`;
export const DEFAULT_VERDICTS = ['OK', 'OK-WITH-CHANGES'];

// The id may stand in a code span or in bold: `session `pr_review-04``.
const SESSION = /\bsession\b(?:[ \t]+id\b)?[ \t]*[:=]?[ \t]*(?:`|\*\*)?([^\s(),;`*]+)?/i;
const AFTER_VERDICT = /\bverdict\b[ \t]*[:=]?[ \t]*(ok[-_ ]with[-_ ]changes\b|[A-Za-z][\w-]*)/gi;
// The verdict with changes, in any case and joined by spaces, hyphens or underscores: never prose.
const WITH_CHANGES = /(?<![\w-])ok[-_ ]with[-_ ]changes(?![\w-])/gi;
// Upper case only: a lower-case "ok" in a remark is prose, not a verdict.
const STANDALONE = /(?<![\w-])(OK-WITH-CHANGES|OK_WITH_CHANGES|OK|REJECTED|REJECT|NOK|KO)(?![\w-])/g;
const STANDALONE_VERDICT = /^(?:ok[-_ ]with[-_ ]changes|ok|rejected|reject|nok|ko)$/i;
// A separator may be escaped (`pr\_review-04`, exported from an online editor).
const BARE_SESSION = /(?<![\w#./:@-])(#?[A-Za-z0-9]+(?:\\?[-_.][A-Za-z0-9]+)+)(?![\w#/@-])/g;

export function parseCommitteeReview(written: string, sessionIdPattern: string = DEFAULT_SESSION_ID_PATTERN): CommitteeReview {
  // A session id shown as a link's text (`session [pr_review-04](https://…)`) is the id a reader sees.
  const text = maskInlineMarkup(written);
  const match = SESSION.exec(text);
  const keyword = match ? { text: 'session', start: match.index, end: match.index + 'session'.length } : undefined;
  let session: Token | undefined;
  let word: Token | undefined;
  const idPattern = compileSessionId(sessionIdPattern);
  if (match?.[1]) {
    const raw = match[1].replace(/[.:]+$/, '');
    const start = match.index + match[0].length - match[1].length;
    const token = { text: raw, start, end: start + raw.length };
    // An exported `pr\_review-04` is the id `pr_review-04`.
    if (looksLikeId(unescapeMarkdown(raw)) || idPattern.test(unescapeMarkdown(raw))) session = token;
    else word = token;
  }
  // Without the word, a token that can only be an id is the session: `pr_review-2026-11-09-02 — OK`. It joins
  // parts with `-`, `_` or `.` and holds letters and digits; a bare date is the review's day, not its id.
  if (!match) {
    for (const m of text.matchAll(BARE_SESSION)) {
      const raw = m[1];
      if (!/\d/.test(raw) || !/[A-Za-z]/.test(raw) || STANDALONE_VERDICT.test(raw) || !idPattern.test(unescapeMarkdown(raw))) continue;
      session = { text: raw, start: m.index! + m[0].length - raw.length, end: m.index! + m[0].length };
      break;
    }
  }
  const hasSessionId = session !== undefined && idPattern.test(unescapeMarkdown(session.text));
  // The session id may contain verdict-looking words (`ok-2`); blank it before looking for verdicts.
  const rest = session ? text.slice(0, session.start) + ' '.repeat(session.text.length) + text.slice(session.end) : text;
  const byStart = new Map<number, Token>();
  for (const m of rest.matchAll(AFTER_VERDICT)) {
    const start = m.index! + m[0].length - m[1].length;
    byStart.set(start, { text: m[1], start, end: start + m[1].length });
  }
  for (const m of [...rest.matchAll(WITH_CHANGES), ...rest.matchAll(STANDALONE)]) {
    if (!byStart.has(m.index!)) byStart.set(m.index!, { text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  const verdicts = [...byStart.values()].sort((a, b) => a.start - b.start);
  return { keyword, session, word, hasSessionId, verdicts };
}

/** An id has a digit or joins parts with `-` / `_` (`pr_review-04`, `#41`, `abc123`); "notes" is a word. */
function looksLikeId(token: string): boolean {
  return /\d/.test(token) || /[\p{L}\p{N}][-_][\p{L}\p{N}]/u.test(token);
}

/** `ok_with_changes`, `OK with changes` and `OK-WITH-CHANGES` are the same verdict. */
export function normaliseVerdict(text: string): string {
  return text.toUpperCase().replace(/[_\s]+/g, '-');
}

function compileSessionId(pattern: string): RegExp {
  try {
    return optionRegExp(pattern, DEFAULT_SESSION_ID_PATTERN, (p) => `^(?:${p})$`);
  } catch (error) {
    throw new Error(`Option "sessionIdPattern" of RDY105 is not usable: ${(error as Error).message}`);
  }
}
