// The config values §5 writes for flipping the change off (`factor_x=0.0`), in its table and its prose.
// Read by RDY503 (rollback-config-value).
import type { ReadinessDocument, Section, Span } from '../../model';
import { hasPlaceholder, proseOf, sectionTable } from '../document';

/**
 * A code span `key=value` (also `export KEY=value`, `set key = value`, `--key=value`, YAML's
 * `key: value`, `set key to value`), never a comparison `a == b`.
 */
export const DEFAULT_CONFIG_VALUE_PATTERN = String.raw`^(?:(?:export\s+|set\s+|--?)?[A-Za-z_][\w.-]*(?:\s*=(?!=)\s*|:\s+)[^\s=].*|set\s+[A-Za-z_][\w.-]*\s+to\s+\S.*)$`;

/**
 * A setting written in prose around code spans, read as `key=value`: "set `key` to `0.0`",
 * "flip `KEY` to off", "`KEY` = `off`". The value is a code span or one word or number.
 */
const PROSE_SETTINGS = [
  /(?<![\p{L}\d])(?:set|setting|flip|flipping|switch|switching|change|changing|put|putting)\s+(`+)([A-Za-z_][\w.-]*)\1\s+(?:to|=)\s+(?:(`+)([^`]+?)\3|([\w+-]+(?:\.\d+)?))/giu,
  /(`+)([A-Za-z_][\w.-]*)\1\s*=(?!=)\s*(?:(`+)([^`]+?)\3|([\w+-]+(?:\.\d+)?))/gu,
];

export interface ConfigValue {
  /** The code span's content, e.g. `CVN_FACTOR_LABEL_SMOOTHING=off`. */
  text: string;
  line: number;
}

/**
 * The `key=value` settings §5 names in code: code spans of the table's Description cells and of the
 * author's prose, and lines of code blocks. A setting still holding a placeholder (`CVN_FACTOR_<name>=off`)
 * names nothing yet: RDY001 reports the placeholder.
 */
export function configValuesIn(document: ReadinessDocument, section: Section, pattern: RegExp): ConfigValue[] {
  const spans: Span[] = [];
  const table = sectionTable(section);
  if (table) {
    for (const row of table.rows) {
      const cell = table.cell(row, 'Description');
      if (cell) spans.push(cell);
    }
  }
  for (const { line, text } of proseOf(document, section)) spans.push({ text, range: document.lines.range(line, 0, text.length) });

  const values: ConfigValue[] = [];
  for (const span of spans) {
    for (const match of span.text.matchAll(/(`+)([^`]+?)\1/g)) {
      const inner = match[2].trim();
      if (!pattern.test(inner)) continue;
      const start = span.range.start.character + match.index!;
      const range = { start: { line: span.range.start.line, character: start }, end: { line: span.range.start.line, character: start + match[0].length } };
      if (hasPlaceholder(document, { text: match[0], range })) continue;
      values.push({ text: inner, line: span.range.start.line });
    }
    for (const prose of PROSE_SETTINGS) {
      for (const match of span.text.matchAll(prose)) {
        const text = `${match[2]}=${(match[4] ?? match[5]).trim()}`;
        const start = span.range.start.character + match.index!;
        const range = { start: { line: span.range.start.line, character: start }, end: { line: span.range.start.line, character: start + match[0].length } };
        if (pattern.test(text) && !hasPlaceholder(document, { text: match[0], range })) values.push({ text, line: span.range.start.line });
      }
    }
  }
  for (let line = section.startLine; line < section.endLine; line++) {
    if (!document.codeLines.has(line)) continue;
    const text = document.lines.lineText(line).trim();
    if (/^(```|~~~)/.test(text) || !pattern.test(text)) continue;
    const range = document.lines.range(line, 0, document.lines.lineText(line).length);
    if (!hasPlaceholder(document, { text, range })) values.push({ text, line });
  }
  return values;
}
