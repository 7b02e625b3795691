import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './stats';

const VALID = readFileSync(join(ROOT, 'examples', 'documentation', 'readiness', 'CVN-N011-EA-S11.md'), 'utf8');

const PROSE = 'Operators review the panels daily; anomalies go to the on-call channel with the dashboard link and the trace id.';

/**
 * A realistic readiness file of about `lines` lines: the valid example with every section's
 * table grown by repeated rows (half the added lines) and every section's prose grown by
 * repeated paragraphs (the other half).
 */
export function readinessDocument(lines: number): string {
  return grownDocument(Math.max(0, lines - VALID.split('\n').length), 0.5);
}

/** The valid example with `rows` extra rows spread over its tables, and no extra prose. */
export function tableRowsDocument(rows: number): string {
  return grownDocument(rows, 1);
}

/** `extra` added lines, `rowShare` of them table rows, the rest prose paragraphs. */
function grownDocument(extra: number, rowShare: number): string {
  const source = VALID.split('\n');
  // The last body row of each table, and the heading line of each numbered section.
  const lastRows = source
    .map((line, index) => (line.startsWith('| ') && !source[index + 1]?.startsWith('|') ? index : -1))
    .filter((index) => index >= 0);
  const headings = source.map((line, index) => (/^## \d\./.test(line) ? index : -1)).filter((index) => index >= 0);
  const rowsPerTable = Math.floor((extra * rowShare) / lastRows.length);
  const parasPerSection = Math.floor((extra - rowsPerTable * lastRows.length) / 2 / headings.length);
  const insertAfter = new Map<number, string[]>();
  lastRows.forEach((row, table) => {
    const grown: string[] = [];
    for (let i = 0; i < rowsPerTable; i++) {
      // Distinct names, so the rows are rows a person could have written.
      grown.push(source[row].replace(/`([a-z_.]+)`|^\| ([A-Za-z ]+?) \|/, (_match, code?: string, plain?: string) =>
        code ? `\`${code}_${table}_${i}\`` : `| ${plain} ${i} |`,
      ));
    }
    insertAfter.set(row, grown);
  });
  headings.forEach((heading) => {
    const grown: string[] = [];
    for (let i = 0; i < parasPerSection; i++) grown.push('', `${PROSE} (${i})`);
    insertAfter.set(heading + 1, [...(insertAfter.get(heading + 1) ?? []), ...grown]);
  });
  const out: string[] = [];
  source.forEach((line, index) => {
    out.push(line);
    out.push(...(insertAfter.get(index) ?? []));
  });
  return out.join('\n');
}

/** The file name of the `index`-th bench file, with the story id its text carries. */
export const benchFileName = (index: number) => `${storyId(index)}.md`;

const storyId = (index: number) => `CVN-N${String(index).padStart(4, '0')}-EA-S1`;

/**
 * The `index`-th of many distinct readiness files grown from `text`: its own story id (as its
 * file name), alert and runbook names and people, as the files of one repository differ. The
 * same text 1,000 times would let a checker's per-text memos do the work once.
 */
export function benchFileText(text: string, index: number): string {
  return text
    .replaceAll('CVN-N011-EA-S11', storyId(index))
    .replace(/ea([-_])s11/g, (_match, separator: string) => `ea${separator}s${index}`)
    .replace(/@(ana-m|li-wei)\b/g, (_match, handle: string) => `@${handle}${index % 37}`);
}
