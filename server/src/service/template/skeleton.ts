import type { SectionId } from '../model';
import { matchSectionHeading, sectionSpec } from '../parser/sections';
import { TEMPLATE_TEXT } from './templateText';

const TEMPLATE_LINES = TEMPLATE_TEXT.split('\n');

/**
 * A section as the template writes it, for inserting a missing one: heading, intro, the table's
 * header without the template's example rows, and the guidance bullets. Ends with a blank line.
 */
export function sectionSkeleton(id: SectionId, eol = '\n'): string {
  const start = TEMPLATE_LINES.findIndex((line) => {
    const heading = /^(#{2,6})\s+(.*)$/.exec(line);
    return heading !== null && matchSectionHeading(heading[2]).id === id;
  });
  let end = start + 1;
  while (end < TEMPLATE_LINES.length && !/^#{1,6}\s/.test(TEMPLATE_LINES[end])) end++;
  const lines: string[] = [];
  let tableLine = 0;
  for (const line of TEMPLATE_LINES.slice(start, end)) {
    const inTable = line.trimStart().startsWith('|');
    tableLine = inTable ? tableLine + 1 : 0;
    if (tableLine > 2) continue; // the template's example rows are not the author's content
    lines.push(line);
  }
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.join(eol) + eol + eol;
}

/** The header and delimiter rows of a section's table, e.g. `| Alert | Trigger | … |`. */
export function tableHeader(id: SectionId, eol = '\n'): string {
  const columns = sectionSpec(id).columns;
  return `| ${columns.join(' | ')} |${eol}|${columns.map(() => '---').join('|')}|${eol}`;
}
