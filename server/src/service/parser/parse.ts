import type { Field, Heading, Placeholder, ReadinessDocument, Section, SectionId, Table } from '../model';
import { LineIndex } from '../text/lineIndex';
import { blankInvisible } from '../text/shownText';
import { type Block, parseBlocks } from './blocks';
import { blankComments } from './comments';
import { isGuidanceParagraph } from './guidance';
import { continueField, nestedValue, parseChecklistItem, parseField, parseSkip, parseTableFields } from './lineItems';
import { findPlaceholders } from './placeholders';
import { type HeadingMatch, matchSectionHeading, SECTION_SPECS, sectionSpec } from './sections';
import { parseSuppressions } from './suppressions';
import { buildTable } from './tables';

type HeadingBlock = Extract<Block, { kind: 'heading' }>;

/** Parses a readiness file into its document model. Never throws on any string. */
export function parseReadiness(input: string): ReadinessDocument {
  // Editors do not count a BOM as a character; neither do we.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = new LineIndex(text);
  const blocks = parseBlocks(text);

  const codeLines = new Set<number>();
  for (const block of blocks) {
    if (block.kind === 'code') for (let l = block.startLine; l < block.endLine; l++) codeLines.add(l);
  }
  // Everything is read from the text a reader sees: HTML comments blanked, same positions.
  // Zero-width spaces too are no part of what a reader sees.
  const visible = blankInvisible(blankComments(text, (offset) => codeLines.size > 0 && codeLines.has(lines.positionAt(offset).line)));
  const content = visible === text ? lines : new LineIndex(visible);

  const guidanceLines = new Set<number>();
  for (const block of blocks) {
    if (block.kind === 'paragraph' && isGuidanceParagraph(content, block.startLine, block.endLine)) {
      for (let l = block.startLine; l < block.endLine; l++) guidanceLines.add(l);
    }
  }

  const headings = new Map<number, Heading>();
  const matches = new Map<number, HeadingMatch>();
  for (const block of blocks) {
    if (block.kind !== 'heading') continue;
    const heading = toHeading(content, block);
    headings.set(block.startLine, heading);
    matches.set(block.startLine, matchSectionHeading(heading.title.text));
  }
  // The title: the first `#` heading; without one, a first heading standing above the section level
  // (`## MLOps readiness — …` over `###` sections).
  let titleLine = blocks.find((block) => block.kind === 'heading' && block.level === 1)?.startLine;
  const level = sectionLevel(blocks, matches, titleLine);
  readSectionNumbers(blocks, matches, level, titleLine);
  if (titleLine === undefined) {
    const first = blocks.find((block): block is HeadingBlock => block.kind === 'heading');
    if (first && first.level < level && !matches.get(first.startLine)!.id) titleLine = first.startLine;
  }
  // Sections named at the section level (or above): a deeper heading never repeats one of them.
  const namedAtLevel = new Set<string>();
  for (const block of blocks) {
    const id = block.kind === 'heading' && block.level <= level ? matches.get(block.startLine)?.id : undefined;
    if (id) namedAtLevel.add(id);
  }

  // Sections found below the section level (written one level too deep): each once.
  const promoted = new Set<SectionId>();
  let title: Heading | undefined;
  const headerFields: Field[] = [];
  const sections: Section[] = [];
  const placeholders: Placeholder[] = [];
  let current: Section | undefined;
  // The header runs from the top to the first recognised section, whatever headings stand before it.
  let inHeader = true;
  // A field whose key ends its list item with no value: the item nested under it may hold the value.
  let awaiting: { field: Field; end: number } | undefined;

  const closeSection = (endLine: number) => {
    if (current) current.endLine = endLine;
  };

  for (const [index, block] of blocks.entries()) {
    if (block.kind === 'heading') {
      const heading = headings.get(block.startLine)!;
      if (!guidanceLines.has(block.startLine)) findPlaceholders(content, block.startLine, placeholders);
      if (block.startLine === titleLine) {
        title = heading;
        continue;
      }
      const match = matches.get(block.startLine)!;
      const isSection =
        startsSection(heading.level, match, level, namedAtLevel) ||
        (match.id !== undefined && !namedAtLevel.has(match.id) && !promoted.has(match.id) && !match.subNumbered && holdsSectionContent(content, blocks, index, match.id));
      if (!isSection) continue;
      if (heading.level > level && match.id) promoted.add(match.id);
      // An unrecognised sub-heading stays inside the section it belongs to.
      if (current && match.id === undefined && heading.level > current.heading.level) continue;
      closeSection(block.startLine);
      current = {
        id: match.id,
        number: match.number,
        heading,
        startLine: block.endLine,
        endLine: lines.lineCount,
        tables: [],
        fields: [],
        checklist: [],
        skips: [],
        proseLines: [],
      };
      if (match.id) inHeader = false;
      sections.push(current);
      continue;
    }
    if (block.kind === 'table') {
      const table: Table = buildTable(content, block.rowLines, block.endLine);
      for (const row of block.rowLines) findPlaceholders(content, row, placeholders);
      const fields = parseTableFields(table);
      if (fields.length) (inHeader ? headerFields : current!.fields).push(...fields);
      // A table of fields is the form's key | value list, not the section's table.
      else current?.tables.push(table);
      continue;
    }
    if (block.kind !== 'paragraph') continue;
    // A list item's key with its value in the item nested under it (`- **DRI**:` / `  - @ana-m`).
    const nested = awaiting && block.inListItem && block.startLine - awaiting.end <= 1 && nestedValue(awaiting.field, content, block.startLine) ? awaiting.field : undefined;
    awaiting = undefined;
    // The field a wrapped line of this paragraph continues (a nested value's too).
    let open: Field | undefined = nested;
    for (let line = block.startLine; line < block.endLine; line++) {
      if (guidanceLines.has(line)) continue;
      findPlaceholders(content, line, placeholders);
      const field = nested && line === block.startLine ? undefined : parseField(content, line);
      if (field && !field.value.text && block.inListItem && line === block.endLine - 1) awaiting = { field, end: block.endLine };
      if (field) (inHeader ? headerFields : current!.fields).push(field);
      if (field) open = field;
      else if (open && !(open === nested && line === block.startLine) && !continueField(open, content, line)) open = undefined;
      if (!current) continue;
      current.proseLines.push(line);
      const item = parseChecklistItem(content, line);
      if (item) current.checklist.push(item);
      const skip = parseSkip(content, line);
      if (skip) current.skips.push(skip);
    }
  }
  closeSection(lines.lineCount);

  return {
    text,
    lines,
    content,
    title,
    headerFields,
    sections,
    placeholders,
    guidanceLines,
    codeLines,
    linkDefinitions: linkDefinitions(content, codeLines),
    suppressions: parseSuppressions(lines, (line) => codeLines.has(line)),
  };
}

/**
 * The level of the file's section headings: the one at which headings (the title aside) name the
 * most distinct sections (the shallower on a tie), 2 when none does. An author may write them `#`
 * to `####`; deeper headings are the author's own sub-headings.
 */
function sectionLevel(blocks: readonly Block[], matches: ReadonlyMap<number, HeadingMatch>, titleLine: number | undefined): number {
  const named = new Map<number, Set<string>>();
  for (const block of blocks) {
    if (block.kind !== 'heading' || block.startLine === titleLine) continue;
    const id = matches.get(block.startLine)?.id;
    if (!id) continue;
    let ids = named.get(block.level);
    if (!ids) named.set(block.level, (ids = new Set()));
    ids.add(id);
  }
  let best = 2;
  let most = 0;
  for (const [level, ids] of [...named].sort((a, b) => a[0] - b[0])) {
    if (ids.size > most) {
      best = level;
      most = ids.size;
    }
  }
  return best;
}

/**
 * In a file that numbers its sections as the template does (at least two headings whose words and number
 * both name their section, none whose number is another section's), a reader goes by the number: a
 * numbered heading at the section level whose words name no section (`## 6. People`) is the section of
 * its number, unless a heading names that section already. Where it stands is still checked (RDY003).
 */
function readSectionNumbers(blocks: readonly Block[], matches: Map<number, HeadingMatch>, level: number, titleLine: number | undefined): void {
  const headings = blocks.filter((block): block is HeadingBlock => block.kind === 'heading' && block.startLine !== titleLine);
  const numbered = headings.filter((block) => block.level === level && matches.get(block.startLine)!.number !== undefined);
  const specOf = (number: number | undefined) => SECTION_SPECS.find((spec) => spec.number !== undefined && spec.number === number);
  let agreeing = 0;
  for (const block of numbered) {
    const match = matches.get(block.startLine)!;
    const spec = specOf(match.number);
    if (match.id !== undefined && spec !== undefined && spec.id !== match.id) return;
    if (match.numberAgrees) agreeing++;
  }
  if (agreeing < 2) return;
  const named = new Set<SectionId>();
  for (const block of headings) {
    const match = matches.get(block.startLine)!;
    if (match.id && (block.level <= level || match.numberAgrees)) named.add(match.id);
  }
  for (const block of numbered) {
    const match = matches.get(block.startLine)!;
    const spec = specOf(match.number);
    if (match.id !== undefined || !spec || named.has(spec.id)) continue;
    matches.set(block.startLine, { ...match, id: spec.id, numberAgrees: true });
    named.add(spec.id);
  }
}

/**
 * A heading at the section level (or above) starts a section, named or not; a deeper one only
 * when its number and words both name a section no heading at the section level names
 * (`### §3 Drift` among `##` sections). `4.1`-style headings are always sub-headings.
 */
function startsSection(level: number, match: HeadingMatch, sectionLevel: number, namedAtLevel: ReadonlySet<string>): boolean {
  if (match.subNumbered) return false;
  if (level <= sectionLevel) return true;
  return match.numberAgrees && !namedAtLevel.has(match.id!);
}

/**
 * Whether the blocks under a heading (up to the next heading) hold what only the named section
 * holds: its table (at least half its columns), for the checklist its boxes, for §6 its DRI. A
 * deeper heading naming a section the file has nowhere else, over that section's content, is that
 * section written one level too deep; "Rollback trigger notes" over prose is not §5.
 */
function holdsSectionContent(lines: LineIndex, blocks: readonly Block[], index: number, id: SectionId): boolean {
  const columns = sectionSpec(id).columns;
  for (let i = index + 1; i < blocks.length && blocks[i].kind !== 'heading'; i++) {
    const block = blocks[i];
    if (block.kind === 'table' && columns.length) {
      const table = buildTable(lines, block.rowLines, block.endLine);
      if (columns.filter((column) => table.hasColumn(column)).length * 2 >= columns.length) return true;
    }
    if (block.kind === 'paragraph' && (id === 'checklist' || id === 'owner')) {
      for (let line = block.startLine; line < block.endLine; line++) {
        if (id === 'checklist' && parseChecklistItem(lines, line)) return true;
        if (id === 'owner' && parseField(lines, line)?.key === 'dri') return true;
      }
    }
  }
  return false;
}

/** `[label]: target` lines (link reference definitions) outside code: the first definition of a label counts, as in Markdown. */
function linkDefinitions(lines: LineIndex, codeLines: ReadonlySet<number>): Map<string, string> {
  const definitions = new Map<string, string>();
  for (let line = 0; line < lines.lineCount; line++) {
    if (codeLines.has(line)) continue;
    // A definition opens with `[` after at most three spaces: other lines are passed over uncopied.
    const start = lines.lineStart(line);
    let at = start;
    while (at < start + 3 && lines.text.charCodeAt(at) === 32) at++;
    if (lines.text.charCodeAt(at) !== 91 /* [ */) continue;
    const definition = /^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?/.exec(lines.lineText(line));
    const label = definition?.[1].trim().replace(/\s+/g, ' ').toLowerCase();
    if (definition && label && !definitions.has(label)) definitions.set(label, definition[2]);
  }
  return definitions;
}

function toHeading(lines: LineIndex, block: HeadingBlock): Heading {
  const line = block.startLine;
  const raw = lines.lineText(line);
  // ATX: strip the `#` run and an optional closing run; setext: the text line itself.
  const atx = /^(\s*#{1,6}[ \t]+)(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(raw);
  const start = atx ? atx[1].length : raw.length - raw.trimStart().length;
  const titleText = atx ? atx[2] : raw.trim();
  return {
    level: block.level,
    line,
    text: raw.trim(),
    range: lines.trimmedLineRange(line),
    title: { text: titleText, range: lines.range(line, start, start + titleText.length) },
  };
}
