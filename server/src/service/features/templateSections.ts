import type { SectionId } from '../model';
import { matchSectionHeading } from '../parser/sections';
import { TEMPLATE_TEXT } from '../template/templateText';

/** What the template says under one section heading, derived from its text (never copied by hand). */
export interface TemplateSection {
  id: SectionId;
  /** The heading as the template writes it. */
  title: string;
  /** The sentence under the heading. */
  intro: string | undefined;
  /** Bullets under "Required minima" (for §6 and the checklist: every bullet). */
  minima: string[];
  /** Bullets under "Strongly encouraged". */
  encouraged: string[];
  /** Other paragraphs after the table (skip rules, N/A rules, ownership changes). */
  notes: string[];
  /** `ADR-NN` cited anywhere in the section, in order. */
  adrs: string[];
}

let cache: Map<SectionId, TemplateSection> | undefined;

export function templateSection(id: SectionId): TemplateSection | undefined {
  cache ??= collect();
  return cache.get(id);
}

/** Every sentence of the template that mentions an ADR (what the template says of it). */
export function templateMentions(adr: string): string[] {
  const pattern = new RegExp(`\\b${adr}\\b`);
  return TEMPLATE_TEXT.split('\n')
    .filter((line) => pattern.test(line))
    .map((line) => line.replace(/^\s*[-*]\s+(\[[ x]\]\s+)?/, '').trim())
    // A table row reads better as its cells joined.
    .map((line) => (line.startsWith('|') ? line.replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).join(' — ') : line));
}

function collect(): Map<SectionId, TemplateSection> {
  const sections = new Map<SectionId, TemplateSection>();
  let current: TemplateSection | undefined;
  let list: 'minima' | 'encouraged' | 'other' = 'other';
  for (const line of TEMPLATE_TEXT.split('\n')) {
    const heading = /^(#{2,6})\s+(.*)$/.exec(line);
    if (heading) {
      const id = matchSectionHeading(heading[2]).id;
      current = id ? { id, title: heading[2].trim(), intro: undefined, minima: [], encouraged: [], notes: [], adrs: [] } : undefined;
      if (current) sections.set(current.id, current);
      list = 'other';
      continue;
    }
    if (!current || !line.trim() || line.trimStart().startsWith('|')) continue;
    for (const adr of line.match(/\bADR-\d+\b/g) ?? []) if (!current.adrs.includes(adr)) current.adrs.push(adr);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (bullet) {
      if (list === 'encouraged') current.encouraged.push(bullet[1]);
      else current.minima.push(bullet[1]);
    } else if (/^Required minima/i.test(line)) list = 'minima';
    else if (/^Strongly encouraged/i.test(line)) list = 'encouraged';
    else if (current.intro === undefined) current.intro = line.trim();
    else {
      current.notes.push(line.trim());
      list = 'other';
    }
  }
  return sections;
}
