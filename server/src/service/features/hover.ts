import type { Hover, Position, Range } from 'vscode-languageserver-types';
import type { ReadinessFinding } from '../analysis';
import type { ReadinessDocument, Section } from '../model';
import { SECTION_SPECS } from '../parser/sections';
import { findRule } from '../rules/registry';
import { directiveAt } from '../util/disableDirectives';
import { placeholderAdvice } from '../template/placeholderAdvice';
import { ADR_REFERENCE, findAdr } from './adr';
import { columnDoc } from './columns';
import type { FeatureContext } from './context';
import { dateHover } from './dateHover';
import { handleHover } from './handleHover';
import { cellAt, matchesOnLine, rangeContains } from './positions';
import { templateMentions, templateSection } from './templateSections';

interface Part {
  markdown: string;
  range: Range;
}

/**
 * The hover at a position: what the element under the cursor asks for (section, column, value,
 * placeholder, ADR, date), preceded by the findings there (rule, why, how to fix, docs).
 */
export function doHover(document: ReadinessDocument, position: Position, context: FeatureContext): Hover | null {
  const parts: Part[] = [];
  const findings = (context.analysis?.findings ?? []).filter((finding) => rangeContains(finding.range, position));
  for (const finding of dedupeByRule(findings)) parts.push({ markdown: findingHover(finding, context.docsLink?.(finding.rule.code)), range: finding.range });
  const element =
    ruleCodeHover(document, position, context) ??
    placeholderHover(document, position) ??
    adrHover(document, position, context) ??
    dateHover(document, position, context) ??
    headingHover(document, position) ??
    handleHover(document, position, context) ??
    cellHover(document, position);
  if (element) parts.push(element);
  if (!parts.length) return null;
  // The narrowest element decides the highlighted range.
  const range = parts.reduce((best, part) => (width(part.range) < width(best) ? part.range : best), parts[0].range);
  return { contents: { kind: 'markdown', value: parts.map((p) => p.markdown).join('\n\n---\n\n') }, range };
}

function width(range: Range): number {
  return (range.end.line - range.start.line) * 10_000 + range.end.character - range.start.character;
}

function dedupeByRule(findings: ReadinessFinding[]): ReadinessFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.rule.code) && seen.add(f.rule.code));
}

/** A finding's rule, why and how to fix, and a link to its page when there is one. */
export function findingHover(finding: ReadinessFinding, docsLink?: string): string {
  const { rule } = finding;
  return [
    `**${rule.code} ${rule.name}** (${finding.severity})`,
    '',
    `**Why:** ${rule.rationale}`,
    '',
    `**Fix:** ${rule.fixHint}`,
    ...(docsLink ? ['', `[Documentation of ${rule.code}](${docsLink})`] : []),
  ].join('\n');
}

/** A rule code or name in a disable comment: what the rule checks, and its page. */
function ruleCodeHover(document: ReadinessDocument, position: Position, context: FeatureContext): Part | undefined {
  const name = directiveAt(document, position)?.names.find((n) => rangeContains(n.range, position));
  if (!name) return undefined;
  const rule = findRule(name.text);
  if (!rule) return { markdown: `\`${name.text}\` is not a rule of MLOps Readiness: this comment silences nothing for it.`, range: name.range };
  const link = context.docsLink?.(rule.code);
  const lines = [`**${rule.code} ${rule.name}** (default: ${rule.severity})`, '', rule.summary, ...(link ? ['', `[Documentation of ${rule.code}](${link})`] : [])];
  return { markdown: lines.join('\n'), range: name.range };
}

function placeholderHover(document: ReadinessDocument, position: Position): Part | undefined {
  const placeholder = document.placeholders.find((p) => rangeContains(p.range, position));
  if (!placeholder) return undefined;
  const advice = placeholderAdvice(placeholder, document);
  const instruction = advice.instruction.charAt(0).toUpperCase() + advice.instruction.slice(1);
  return { markdown: `**Placeholder** \`${placeholder.text.replace(/`/g, '')}\`${advice.where ? ` ${advice.where}` : ''}: ${instruction}`, range: placeholder.range };
}

function adrHover(document: ReadinessDocument, position: Position, context: FeatureContext): Part | undefined {
  const hit = matchesOnLine(document, position.line, ADR_REFERENCE).find((m) => rangeContains(m.range, position));
  if (!hit) return undefined;
  const number = Number(hit.match[1]);
  const adr = findAdr(number, context);
  if (adr) {
    const title = /^ADR[- ]?\d+\b/i.test(adr.title) ? `**${adr.title}**` : `**ADR-${number}**: ${adr.title}`;
    return { markdown: `${title}\n\n\`${adr.path}\``, range: hit.range };
  }
  const mentions = templateMentions(`ADR-${number}`).map((line) => `> ${line}`);
  const text = mentions.length
    ? `**ADR-${number}**, as the template cites it:\n\n${mentions.join('\n>\n')}`
    : `**ADR-${number}**: no file for it in \`${context.settings.adrFolder}\`, and the template does not cite it.`;
  return { markdown: text, range: hit.range };
}

function headingHover(document: ReadinessDocument, position: Position): Part | undefined {
  const section = document.sections.find((s) => s.heading.line === position.line);
  if (!section?.id) return undefined;
  return { markdown: sectionDescription(section), range: section.heading.range };
}

/** A section's requirements as the template states them. */
export function sectionDescription(section: Pick<Section, 'id'>): string {
  const spec = SECTION_SPECS.find((s) => s.id === section.id)!;
  const template = templateSection(spec.id);
  const lines = [`**${spec.number ? '§' : ''}${spec.title}**`];
  if (template?.intro) lines.push('', template.intro);
  if (spec.columns.length) lines.push('', `Table: ${spec.columns.map((c) => `\`${c}\``).join(' | ')}`);
  if (template?.minima.length) lines.push('', 'Required:', ...template.minima.map((m) => `- ${m}`));
  if (template?.encouraged.length) lines.push('', 'Strongly encouraged:', ...template.encouraged.map((m) => `- ${m}`));
  if (template?.notes.length) lines.push('', ...template.notes);
  if (template?.adrs.length) lines.push('', `Cites: ${template.adrs.join(', ')}`);
  return lines.join('\n');
}

function cellHover(document: ReadinessDocument, position: Position): Part | undefined {
  const at = cellAt(document, position);
  if (!at?.columnName) return undefined;
  const doc = columnDoc(at.section.id, at.columnName);
  if (!doc) return undefined;
  const range = at.cell?.range ?? at.editRange;
  if (at.isHeader) {
    const values = doc.values?.map((v) => `- \`${v.value}\`: ${v.meaning}`) ?? [];
    return { markdown: [`**${at.columnName}**: ${doc.meaning}`, ...(values.length ? ['', 'Allowed values:', ...values] : [])].join('\n'), range };
  }
  if (!doc.values || !at.cell?.value) return undefined;
  const chosen = doc.values.find((v) => at.cell!.value.trim().toLowerCase().startsWith(v.value.toLowerCase()));
  const others = doc.values.map((v) => `\`${v.value}\``).join(', ');
  return {
    markdown: chosen
      ? `**${chosen.value}**: ${chosen.meaning}\n\n${at.columnName}: one of ${others}.`
      : `**${at.columnName}** must be one of ${others}.`,
    range,
  };
}
