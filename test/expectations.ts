// Expected findings (code + 1-based line) against what a check reported: shared by the corpus and property tests.

export interface Expected {
  code: string;
  line: number;
}

export interface Reported {
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

/** Expected findings not reported, and errors/warnings reported but not expected (matched one to one). */
export function compare(expected: readonly Expected[], reported: readonly Reported[]): { missing: Expected[]; unexpected: Reported[] } {
  const left = [...reported];
  const missing: Expected[] = [];
  for (const want of expected) {
    const index = left.findIndex((d) => d.code === want.code && d.line === want.line);
    if (index < 0) missing.push(want);
    else left.splice(index, 1);
  }
  return { missing, unexpected: left.filter((d) => d.severity === 'error' || d.severity === 'warning') };
}

/** One line per difference: `- expected …` for a finding not reported, `+ unexpected …` for one not expected. */
export function describeDifferences(title: string, expected: readonly Expected[], reported: readonly Reported[]): string | undefined {
  const { missing, unexpected } = compare(expected, reported);
  if (!missing.length && !unexpected.length) return undefined;
  const lines = [`${title}:`];
  for (const m of missing) {
    const elsewhere = reported.filter((d) => d.code === m.code).map((d) => d.line);
    lines.push(`  - expected ${m.code} on line ${m.line}${elsewhere.length ? ` (${m.code} reported on line ${elsewhere.join(', ')})` : ' (not reported)'}`);
  }
  for (const u of unexpected) lines.push(`  + unexpected ${u.severity} ${u.code} ${u.line}:${u.column} ${u.message}`);
  return lines.join('\n');
}
