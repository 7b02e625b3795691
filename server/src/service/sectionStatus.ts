import type { Analysis, ReadinessFinding } from './analysis';
import type { ReadinessDocument, Section, SectionId } from './model';
import { SECTION_SPECS } from './parser/sections';
import type { Severity } from './rules/types';

/** The section a line belongs to (the header and the title belong to none). */
export function sectionAtLine(document: ReadinessDocument, line: number): Section | undefined {
  return document.sections.find((section) => line >= section.heading.line && line < section.endLine);
}

/** The section a finding speaks of: the rule's own section, else where the finding stands. */
export function sectionOfFinding(document: ReadinessDocument, finding: Pick<ReadinessFinding, 'rule' | 'range'>): SectionId | undefined {
  const { section } = finding.rule;
  if (section !== 'file' && section !== 'header') return section;
  return sectionAtLine(document, finding.range.start.line)?.id;
}

export interface SectionStatus {
  id: SectionId;
  present: boolean;
  errors: number;
  warnings: number;
  /** Present and without errors. */
  passing: boolean;
}

/** Per section of the template: present, and how many errors and warnings it has. */
export function sectionStatuses(analysis: Analysis): SectionStatus[] {
  const { document, findings } = analysis;
  return SECTION_SPECS.map((spec) => {
    const present = document.sections.some((section) => section.id === spec.id);
    const own = findings.filter((finding) => sectionOfFinding(document, finding) === spec.id);
    const errors = own.filter((finding) => finding.severity === 'error').length;
    const warnings = own.filter((finding) => finding.severity === 'warning').length;
    return { id: spec.id, present, errors, warnings, passing: present && errors === 0 };
  });
}

/** A document's check in figures, as the editor's status item and the "check all" totals show it. */
export interface DocumentStatus {
  isReadiness: boolean;
  /** Template sections (the checklist included) present and without errors. */
  sectionsPassing: number;
  /** The template's sections, whether the file was analysed or not. */
  sectionsTotal: number;
  errors: number;
  warnings: number;
}

/** The figures of a check (undefined: not checked, which is not a readiness file). */
export function documentStatus(
  result: { isReadiness: boolean; analysis: Analysis | undefined; findings: ReadonlyArray<{ severity: Severity }> } | undefined,
): DocumentStatus {
  const sections = result?.analysis ? sectionStatuses(result.analysis) : [];
  const count = (severity: Severity) => result?.findings.filter((finding) => finding.severity === severity).length ?? 0;
  return {
    isReadiness: result?.isReadiness ?? false,
    sectionsPassing: sections.filter((section) => section.passing).length,
    sectionsTotal: SECTION_SPECS.length,
    errors: count('error'),
    warnings: count('warning'),
  };
}
