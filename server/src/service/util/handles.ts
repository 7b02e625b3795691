/** A GitHub handle: `@name` or `name`, letters, digits and single inner hyphens, at most 39. */
export const HANDLE = /^@?(?=[A-Za-z0-9-]{1,39}$)[A-Za-z0-9](?:-?[A-Za-z0-9])*$/;

export function isHandle(text: string): boolean {
  return HANDLE.test(text);
}

/** `alice` and `@alice` are the same person. */
export function sameHandle(a: string, b: string): boolean {
  return a.replace(/^@/, '').toLowerCase() === b.replace(/^@/, '').toLowerCase();
}

export interface HandleMention {
  text: string;
  /** Offsets within the value. */
  start: number;
  end: number;
}

export interface PeopleInValue {
  /** Individual handles named. */
  handles: HandleMention[];
  /** `@org/team` mentions and words such as "team" or "squad". */
  teams: HandleMention[];
}

// Not inside an e-mail address: `ana.martins@cvn-trading.com` names no handle.
const MENTION = /(?<![\w.+-])@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][\w.-]*)?/g;
// `Ana Martins (GitHub: ana-m)`, `(gh: @ana-m)`: a handle labelled as one.
const LABELLED = /\b(?:github|gh)(?:\s+handle)?\s*[:=—–-]?\s*`?(@?[A-Za-z0-9](?:-?[A-Za-z0-9])*)`?(?![\w/-])/gi;
const CODE_SPAN = /`([^`]+)`/g;
const PROFILE_LINK = /\[([^\]]*)\]\(\s*<?https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9](?:-?[A-Za-z0-9])*)\/?>?\s*\)/g;
const TEAM_WORD = /\b(teams?|squads?|guilds?|groups?|crews?|everyone|rotation)\b/gi;

/**
 * Who a field names. Parenthesised remarks (`(single human, not a team)`) are explanation, not
 * people, so they are ignored; mentions (`@alice`), code spans holding a handle and, failing
 * those, a bare value that is itself a handle, count as people.
 */
export function peopleIn(value: string): PeopleInValue {
  const text = linkTexts(value);
  const visible = blankParentheses(text);
  const handles: HandleMention[] = [];
  const teams: HandleMention[] = [];
  // Each pattern runs only where its marker occurs (`@`, a GitHub URL, a backtick).
  const mentions = text.includes('@');
  for (const match of mentions ? allMatches(MENTION, visible) : []) {
    const mention = { text: match[0], start: match.index!, end: match.index! + match[0].length };
    (mention.text.includes('/') ? teams : handles).push(mention);
  }
  // `[ana-m](https://github.com/ana-m)`: a link to a GitHub profile names that person.
  if (!handles.length && !teams.length && value.includes('github.com')) {
    for (const match of allMatches(PROFILE_LINK, value)) {
      // The profile's name, not the label: `[Ana](https://github.com/ana-m)` is @ana-m.
      const start = match.index! + 1;
      handles.push({ text: match[2], start, end: start + match[1].length });
    }
  }
  if (!handles.length && !teams.length && visible.includes('`')) {
    for (const match of allMatches(CODE_SPAN, visible)) {
      const inner = match[1].trim();
      if (isHandle(inner)) handles.push({ text: inner, start: match.index! + 1, end: match.index! + 1 + match[1].length });
    }
  }
  const bare = visible.trim();
  if (!handles.length && !teams.length && isHandle(bare)) {
    const start = visible.indexOf(bare);
    handles.push({ text: bare, start, end: start + bare.length });
  }
  if (!handles.length && !teams.length) {
    for (const match of text.matchAll(LABELLED)) {
      const start = match.index! + match[0].lastIndexOf(match[1]);
      if (isHandle(match[1])) handles.push({ text: match[1], start, end: start + match[1].length });
    }
  }
  // `Ana Martins (@ana-m)`: a name with the handle in brackets; team words there stay remarks.
  if (!handles.length && !teams.length && mentions) {
    for (const match of allMatches(MENTION, text)) {
      if (!match[0].includes('/')) handles.push({ text: match[0], start: match.index!, end: match.index! + match[0].length });
    }
  }
  for (const match of allMatches(TEAM_WORD, visible)) {
    teams.push({ text: match[0], start: match.index!, end: match.index! + match[0].length });
  }
  return { handles, teams };
}

/** A global pattern's matches, in order (none of these patterns matches an empty string), without the copy of the pattern `matchAll` makes. */
function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.push(match);
  return found;
}

/** `[ana-m](https://github.com/ana-m)` read as its text, `ana-m`; offsets kept (the brackets and the target become spaces). */
function linkTexts(text: string): string {
  if (!text.includes('](')) return text;
  return text.replace(/\[([^\]]*)\]\(([^()\s]*)\)/g, (link, label: string) => ` ${label}${' '.repeat(link.length - label.length - 1)}`);
}

/** Replaces `( … )` with spaces, so offsets still point into the original value. */
export function blankParentheses(text: string): string {
  if (!text.includes('(')) return text;
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    out += depth > 0 ? ' '.repeat(ch.length) : ch;
    if (ch === ')' && depth > 0) depth--;
  }
  return out;
}
