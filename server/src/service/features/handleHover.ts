import type { Position, Range } from 'vscode-languageserver-types';
import type { ReadinessDocument } from '../model';
import { knownPeopleRule } from '../rules/owner/knownPeople';
import { findPerson, peopleDirectory, sayFiles } from '../facts/owner/peopleDirectory';
import type { FeatureContext } from './context';
import { matchesOnLine, rangeContains } from './positions';
import { optionsOf } from './ruleOptions';

const MENTION = /(?<![\w.@/-])@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][\w.-]*)?/;

/** On a `@handle`: where the repository lists that person (CODEOWNERS line, people file), or that it does not. */
export function handleHover(document: ReadinessDocument, position: Position, context: FeatureContext): { markdown: string; range: Range } | undefined {
  if (document.codeLines.has(position.line)) return undefined;
  const hit = matchesOnLine(document, position.line, MENTION).find((m) => rangeContains(m.range, position));
  if (!hit) return undefined;
  const directory = peopleDirectory(context.workspace, optionsOf(context.settings, knownPeopleRule));
  if (!directory) return undefined;
  const handle = hit.match[0];
  const found = findPerson(directory, handle);
  const markdown = found
    ? found.team
      ? `**${handle}**: a team in \`${found.entry.file}\` (line ${found.entry.line}), not one person.`
      : `**${handle}**: listed in \`${found.entry.file}\` (line ${found.entry.line}).`
    : `**${handle}**: not listed in ${sayFiles(directory.files)}.`;
  return { markdown, range: hit.range };
}
