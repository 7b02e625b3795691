import type { ReadinessDocument } from '../model';
import { findSection, sectionTable } from '../facts/document';
import { peopleIn } from '../util/handles';
import { knownPeopleRule } from '../rules/owner/knownPeople';
import { peopleDirectory } from '../facts/owner/peopleDirectory';
import type { FeatureContext } from './context';
import { optionsOf } from './ruleOptions';

export const CODEOWNERS_PATHS = ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS'];

/** Fields whose value is a person. */
export const PERSON_FIELDS = new Set(['owner', 'dri', 'backup dri', 'decision authority']);

/**
 * Handles to offer where a person is expected: the individual handles of CODEOWNERS (teams such as
 * `@org/team` are left out: every such place wants one human), then those already in the file.
 */
export function knownHandles(document: ReadinessDocument, context: FeatureContext): { handle: string; source: string }[] {
  const found = new Map<string, string>();
  const add = (handle: string, source: string) => {
    const key = handle.replace(/^@/, '').toLowerCase();
    if (!found.has(key)) found.set(key, `${handle.startsWith('@') ? handle : '@' + handle}\u0000${source}`);
  };
  for (const path of CODEOWNERS_PATHS) {
    const text = context.workspace.read(path);
    if (text === undefined) continue;
    for (const line of text.split(/\r?\n/)) {
      const content = line.replace(/#.*$/, '').trim();
      if (!content) continue;
      for (const owner of content.split(/\s+/).slice(1)) {
        if (/^@[A-Za-z0-9](?:-?[A-Za-z0-9])*$/.test(owner)) add(owner, path);
      }
    }
  }
  // A configured people file (RDY608's `peopleFile`) lists people too.
  const { peopleFile } = optionsOf(context.settings, knownPeopleRule);
  if (peopleFile) for (const entry of peopleDirectory(context.workspace, { peopleFile, codeowners: false })?.people.values() ?? []) add(entry.handle, entry.file);
  const values = [
    ...document.headerFields.filter((f) => PERSON_FIELDS.has(f.key)).map((f) => f.value.text),
    ...(findSection(document, 'owner')?.fields ?? []).filter((f) => PERSON_FIELDS.has(f.key)).map((f) => f.value.text),
  ];
  const table = sectionTable(findSection(document, 'monitoring'));
  for (const row of table?.rows ?? []) values.push(table!.cell(row, 'Owner')?.text ?? '');
  for (const value of values) for (const mention of peopleIn(value).handles) add(mention.text, 'this file');
  return [...found.values()].map((entry) => {
    const [handle, source] = entry.split('\u0000');
    return { handle, source };
  });
}
