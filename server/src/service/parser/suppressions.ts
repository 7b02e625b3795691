import type { Suppressions } from '../model';
import type { LineIndex } from '../text/lineIndex';

type Directive = { kind: 'disable' | 'enable'; line: number; codes: string[] | 'all' };

const DIRECTIVE = /<!--\s*readiness-(disable-next-line|disable-line|disable|enable)\b(.*?)-->/g;

/**
 * `<!-- readiness-disable RDY201 -->` … `<!-- readiness-enable RDY201 -->` turn rules off for a
 * stretch of lines; `readiness-disable-next-line` for the next line only. No code means every rule.
 */
export function parseSuppressions(lines: LineIndex, isCode: (line: number) => boolean): Suppressions {
  const text = lines.text;
  if (!text.includes('readiness-')) return NONE;
  const ranges: Directive[] = [];
  const single = new Map<number, string[] | 'all'>();
  DIRECTIVE.lastIndex = 0;
  for (let match = DIRECTIVE.exec(text); match; match = DIRECTIVE.exec(text)) {
    const line = lines.positionAt(match.index).line;
    if (isCode(line)) continue;
    const named = match[2].match(/\bRDY\d+\b|\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b/g);
    const codes = named && named.length ? named : 'all';
    switch (match[1]) {
      case 'disable-next-line':
        single.set(line + 1, merge(single.get(line + 1), codes));
        break;
      case 'disable-line':
        single.set(line, merge(single.get(line), codes));
        break;
      default:
        ranges.push({ kind: match[1] as 'disable' | 'enable', line, codes });
    }
  }
  return {
    isSuppressed(ids, line) {
      const names = (codes: string[] | 'all') => codes === 'all' || codes.some((code) => ids.includes(code));
      const one = single.get(line);
      if (one && names(one)) return true;
      let suppressed = false;
      for (const directive of ranges) {
        if (directive.line > line) break;
        if (names(directive.codes)) suppressed = directive.kind === 'disable';
      }
      return suppressed;
    },
  };
}

function merge(a: string[] | 'all' | undefined, b: string[] | 'all'): string[] | 'all' {
  if (a === 'all' || b === 'all') return 'all';
  return [...(a ?? []), ...b];
}

const NONE: Suppressions = { isSuppressed: () => false };
