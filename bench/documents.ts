import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const VALID = readFileSync(join(__dirname, '..', 'examples', 'documentation', 'readiness', 'CVN-N011-EA-S11.md'), 'utf8');

/**
 * A realistic readiness file of about `lines` lines: the valid example with its §1 table grown
 * by repeated metric rows and every section's prose grown by repeated paragraphs.
 */
export function readinessDocument(lines: number): string {
  const source = VALID.split('\n');
  const metricRow = source.findIndex((line) => line.startsWith('| `signals.buy_proba`'));
  const prose = 'Operators review the panels daily; anomalies go to the on-call channel with the dashboard link and the trace id.';
  const sectionStarts = source.map((line, index) => (/^## \d\./.test(line) ? index : -1)).filter((index) => index > 0);
  const out = [...source];
  let serial = 0;
  while (out.length < lines) {
    const extraRows = Math.max(1, Math.floor((lines - out.length) / 4));
    for (let i = 0; i < extraRows && out.length < lines; i++) {
      serial++;
      const row = source[metricRow + (serial % 9)].replace(/`([a-z_.]+)`/, (_, name: string) => `\`${name}_${serial}\``);
      out.splice(metricRow + serial, 0, row);
    }
    // Prose after each section heading's intro line (a paragraph of its own).
    for (const start of sectionStarts) {
      if (out.length >= lines) break;
      const heading = out.findIndex((line) => line === source[start]);
      out.splice(heading + 1, 0, '', `${prose} (${serial})`);
    }
  }
  return out.join("\n");
}
