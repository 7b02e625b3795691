import { TEMPLATE_TEXT } from '../template/templateText';
import { LineIndex } from '../text/lineIndex';
import { decodeEntities, plainQuotes, unescapeMarkdown } from '../text/shownText';
import { parseBlocks } from './blocks';
import { CHECKLIST_LINE, isFieldLine } from './lineItems';

/**
 * Guidance (F7) is the template's own instructions: its intro sentences, "Required minima"
 * and "Strongly encouraged" bullets, the skip and DRI-change sentences, the closing paragraph.
 * It is recognised by comparison with the template's text, tolerant of white space (re-wrapped
 * lines), list markers, block quotes, bold/italic/code markup, escapes, entities and smart quotes, so no phrase list has to be
 * kept in step with the template.
 */
export function normaliseProse(text: string): string {
  // As exported from a wiki or an online editor too: escapes, entities and smart quotes read as shown.
  return plainQuotes(decodeEntities(unescapeMarkdown(text)))
    .replace(/^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?/gm, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|[^\w*])[*_](?=\S)|(?<=\S)[*_](?=$|[^\w*])/gm, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

let templateGuidance: ReadonlySet<string> | undefined;
let firstWords: ReadonlySet<string> | undefined;

const FIRST_WORD = /^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?(?:\*\*|__|`|[*_])*\s*([^\s*_`]+)/;

/**
 * Whether a paragraph's raw text is the template's guidance. Most paragraphs are the author's
 * own; their first word already rules them out, before any normalising.
 */
export function isGuidanceText(text: string): boolean {
  if (!mayBeGuidance(text)) return false;
  // Re-checks while typing see the same paragraphs again: remember the answer per paragraph text.
  let known = verdicts.get(text);
  if (known === undefined) {
    known = (templateGuidance ??= collectTemplateGuidance()).has(normaliseProse(text));
    if (verdicts.size >= 2_000) verdicts.clear();
    verdicts.set(text, known);
  }
  return known;
}

const verdicts = new Map<string, boolean>();

/** Whether a paragraph starting with this text can be guidance: its first word starts a paragraph of the template's guidance. */
function mayBeGuidance(text: string): boolean {
  templateGuidance ??= collectTemplateGuidance();
  firstWords ??= new Set([...templateGuidance].map((g) => g.split(' ')[0]));
  const word = FIRST_WORD.exec(text)?.[1];
  const first = word === undefined ? undefined : plainQuotes(decodeEntities(unescapeMarkdown(word))).toLowerCase();
  return first !== undefined && firstWords.has(first);
}

/**
 * A character FIRST_WORD's lead (quote marks, list marker, emphasis) cannot take: on a line
 * holding one, the lead cannot reach the next line, so the word FIRST_WORD finds on the line
 * alone is the paragraph's first word.
 */
const NOT_LEAD = /[^\s>*_`\-+.)0-9]/;

/** Whether a paragraph (its lines) is the template's guidance; its first line rules most out before its text is built. */
export function isGuidanceParagraph(lines: LineIndex, startLine: number, endLine: number): boolean {
  const firstLine = lines.lineText(startLine);
  if (NOT_LEAD.test(firstLine) && !mayBeGuidance(firstLine)) return false;
  return isGuidanceText(blockText(lines, startLine, endLine));
}

function collectTemplateGuidance(): ReadonlySet<string> {
  const lines = new LineIndex(TEMPLATE_TEXT);
  const guidance = new Set<string>();
  for (const block of parseBlocks(TEMPLATE_TEXT)) {
    if (block.kind !== 'paragraph') continue;
    const text = blockText(lines, block.startLine, block.endLine);
    // Fields and checklist boxes are the form itself: content to fill, never guidance.
    if (!text.split('\n').some((line) => isFieldLine(line) || CHECKLIST_LINE.test(line))) guidance.add(normaliseProse(text));
  }
  return guidance;
}

export function blockText(lines: LineIndex, startLine: number, endLine: number): string {
  let text = '';
  for (let line = startLine; line < endLine; line++) text += (line > startLine ? '\n' : '') + lines.lineText(line);
  return text;
}
