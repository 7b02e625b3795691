import type { Field, Heading, Placeholder, ReadinessDocument, Section, Table } from '../model';
import { LineIndex } from '../text/lineIndex';
import { type Block, parseBlocks } from './blocks';
import { blockText, isGuidanceText } from './guidance';
import { parseChecklistItem, parseField, parseSkip } from './lineItems';
import { findPlaceholders } from './placeholders';
import { matchSectionHeading } from './sections';
import { parseSuppressions } from './suppressions';
import { buildTable } from './tables';

/** Parses a readiness file into its document model. Never throws on any string. */
export function parseReadiness(input: string): ReadinessDocument {
  // Editors do not count a BOM as a character; neither do we.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = new LineIndex(text);
  const blocks = parseBlocks(text);

  const codeLines = new Set<number>();
  const guidanceLines = new Set<number>();
  for (const block of blocks) {
    if (block.kind === 'code') for (let l = block.startLine; l < block.endLine; l++) codeLines.add(l);
    if (block.kind === 'paragraph' && isGuidanceText(blockText(lines, block.startLine, block.endLine))) {
      for (let l = block.startLine; l < block.endLine; l++) guidanceLines.add(l);
    }
  }

  let title: Heading | undefined;
  const headerFields: Field[] = [];
  const sections: Section[] = [];
  const placeholders: Placeholder[] = [];
  let current: Section | undefined;

  const closeSection = (endLine: number) => {
    if (current) current.endLine = endLine;
  };

  for (const block of blocks) {
    if (block.kind === 'heading') {
      const heading = toHeading(lines, block);
      if (!guidanceLines.has(block.startLine)) findPlaceholders(lines, block.startLine, placeholders);
      if (heading.level === 1) {
        title ??= heading;
        continue;
      }
      const match = matchSectionHeading(heading.level, heading.title.text);
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
      sections.push(current);
      continue;
    }
    if (block.kind === 'table') {
      const table: Table = buildTable(lines, block.rowLines, block.endLine);
      current?.tables.push(table);
      for (const row of block.rowLines) findPlaceholders(lines, row, placeholders);
      continue;
    }
    if (block.kind !== 'paragraph') continue;
    for (let line = block.startLine; line < block.endLine; line++) {
      if (guidanceLines.has(line)) continue;
      findPlaceholders(lines, line, placeholders);
      const field = parseField(lines, line);
      if (field) (current ? current.fields : headerFields).push(field);
      if (!current) continue;
      current.proseLines.push(line);
      const item = parseChecklistItem(lines, line);
      if (item) current.checklist.push(item);
      const skip = parseSkip(lines, line);
      if (skip) current.skips.push(skip);
    }
  }
  closeSection(lines.lineCount);

  return {
    text,
    lines,
    title,
    headerFields,
    sections,
    placeholders,
    guidanceLines,
    codeLines,
    suppressions: parseSuppressions(lines, (line) => codeLines.has(line)),
  };
}

function toHeading(lines: LineIndex, block: Extract<Block, { kind: 'heading' }>): Heading {
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
