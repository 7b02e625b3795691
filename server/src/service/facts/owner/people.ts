// The people a §6 value names (handles, team names, plain names), the template's own words set aside.
// Read by RDY601–RDY604, RDY608 and the diff.
import { normaliseProse } from '../../parser/guidance';
import { type HandleMention, peopleIn, type PeopleInValue } from '../../util/handles';
import { templateField, type OwnerFieldKey } from './fields';
import { cachedRegExp } from '../../util/regex';

const PARENTHESISED_MENTION = /\(([^()]*)\)/g;
const MENTION = /@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][\w.-]*)?/g;

/**
 * Who a field value names: `peopleIn` (parenthesised remarks ignored, so the template's
 * "(single human, not a team)" names no team), except that a value naming nobody outside
 * parentheses falls back to the @mentions inside them: "Ana Martins (@ana-m)".
 */
export function namedPeople(value: string): PeopleInValue {
  const people = peopleIn(value);
  if (people.handles.length || people.teams.length) return people;
  const handles: HandleMention[] = [];
  const teams: HandleMention[] = [];
  for (const group of value.matchAll(PARENTHESISED_MENTION)) {
    for (const match of group[1].matchAll(MENTION)) {
      const start = group.index! + 1 + match.index!;
      const mention = { text: match[0], start, end: start + match[0].length };
      (mention.text.includes('/') ? teams : handles).push(mention);
    }
  }
  return { handles, teams };
}

/**
 * The value without the template's own lead-in, e.g. "who can flip the rollback flag without
 * committee — " before the Decision authority's handle. The lead-in is read from the template
 * (the words before its first slot), matched tolerantly of spacing, markup and punctuation.
 */
export function withoutTemplateLeadIn(key: OwnerFieldKey, value: string): string {
  const template = templateField(key).value;
  const leadIn = template.slice(0, template.search(/`?</));
  const words = leadIn.match(/[A-Za-z0-9]+/g);
  if (!words) return value;
  const pattern = cachedRegExp(`^[\\W_]*${words.join('[\\W_]+')}(?![A-Za-z0-9])[\\s:—–-]*`, 'i');
  return value.replace(pattern, '');
}

/**
 * The value with the template's own sentences removed (compared as F7 compares guidance: tolerant
 * of white space, case and bold/code markup), so a kept template sentence never counts as the
 * author's words.
 */
export function withoutTemplateSentences(keys: readonly OwnerFieldKey[], text: string): string {
  let normalised = normaliseProse(text);
  for (const key of keys) for (const sentence of templateSentences(key)) normalised = normalised.split(sentence).join(' ');
  return normalised;
}

const sentenceCache = new Map<OwnerFieldKey, string[]>();

function templateSentences(key: OwnerFieldKey): string[] {
  let sentences = sentenceCache.get(key);
  if (!sentences) {
    sentences = normaliseProse(templateField(key).value)
      .split(/(?<=[.!?])\s+/)
      // The slot itself (`<handle>`) is the author's to fill, not template wording.
      // Trailing punctuation is dropped too, so a kept sentence matches with or without its full stop.
      .map((sentence) => sentence.replace(/^<[^<>]*>\s*/, '').replace(/[.!?]+$/, '').trim())
      .filter((sentence) => sentence.length > 0);
    sentenceCache.set(key, sentences);
  }
  return sentences;
}
