import type { ReadinessDocument, Section, SectionId, Skip } from '../../model';
import { SECTION_SPECS, sectionSpec } from '../../parser/sections';
import { hasPlaceholder } from '../../query';
import { defineRule, type RuleDefinition } from '../types';
import { stringList } from '../../util/optionSchemas';

export interface SkipOptions {
  /** Sections that may be replaced by a SKIP justification: ids (`alerting`) or numbers (`2`). */
  skippableSections: string[];
}

export const skipInvalidRule = defineRule<SkipOptions>({
  code: 'RDY005',
  name: 'skip-justification',
  requirements: ['F5'],
  section: 'file',
  severity: 'error',
  summary: 'A SKIP needs a real reason, and only a skippable section (§2 by default) may be skipped.',
  rationale:
    'The template lets §2 be replaced by `**SKIP — JUSTIFICATION**: <why>`, accepting that the committee may reject it. ' +
    'A skip without a reason, or of a section the template requires unconditionally, removes a MUST (ADR-70).',
  fixHint: 'Write the reason after the colon, or fill the section instead of skipping it.',
  defaultOptions: { skippableSections: ['alerting'] },
  optionsSchema: {
    skippableSections: stringList('Sections that may be skipped: monitoring, alerting, drift, rollout, rollback, owner, checklist, or their numbers.'),
  },
  check({ document, options, report }) {
    for (const { section, skip } of sectionSkips(document)) {
      if (!isSkippable(section.id!, options)) {
        report({
          range: skip.marker.range,
          message: `Section "${sectionSpec(section.id!).title}" may not be skipped: remove the SKIP and fill the section.`,
        });
      } else if (!hasReason(document, skip)) {
        report({
          range: skip.reason?.range ?? skip.marker.range,
          message: 'This SKIP has no reason: write why after the colon, e.g. `**SKIP — JUSTIFICATION**: no new alert; existing P1 `pnl_drop` covers it`.',
        });
      }
    }
  },
});

export const skipUsedRule = defineRule({
  code: 'RDY006',
  name: 'skip-may-be-rejected',
  requirements: ['F5'],
  section: 'file',
  severity: 'warning',
  summary: 'A skipped section is allowed, but the committee may reject it.',
  rationale: 'The template accepts a justified SKIP of §2 "and accept committee may reject" (ADR-70).',
  fixHint: 'Prefer filling the section; keep the SKIP only when the reason will convince the committee.',
  check({ document, optionsOf, report }) {
    const options = optionsOf(skipInvalidRule);
    for (const { section, skip } of sectionSkips(document)) {
      if (!isSkippable(section.id!, options) || !hasReason(document, skip)) continue;
      report({
        range: skip.marker.range,
        message: `Section "${sectionSpec(section.id!).title}" is skipped: the committee may reject the skip; fill the section if you can.`,
      });
    }
  },
});

/** Sections replaced by a valid SKIP: their other rules stay silent. */
export function validlySkippedSections(
  document: ReadinessDocument,
  optionsOf: <O>(rule: RuleDefinition<O>) => O,
): Set<SectionId> {
  const options = optionsOf(skipInvalidRule);
  const skipped = new Set<SectionId>();
  for (const { section, skip } of sectionSkips(document)) {
    if (isSkippable(section.id!, options) && hasReason(document, skip)) skipped.add(section.id!);
  }
  return skipped;
}

/**
 * Skips that stand for a whole section. In §4 a calibration-only SKIP shortens the shadow stage
 * instead (RDY402 judges it), so it is not a section skip.
 */
function sectionSkips(document: ReadinessDocument): Array<{ section: Section; skip: Skip }> {
  const result: Array<{ section: Section; skip: Skip }> = [];
  for (const section of document.sections) {
    if (!section.id) continue;
    for (const skip of section.skips) {
      if (section.id === 'rollout' && /^calibration-only\b/i.test(skip.reason?.text ?? '')) continue;
      result.push({ section, skip });
    }
  }
  return result;
}

/** Whether the configuration (RDY005 `skippableSections`: ids or numbers, `§` optional) lets a section be skipped. */
export function isSkippable(id: SectionId, options: SkipOptions): boolean {
  const spec = SECTION_SPECS.find((s) => s.id === id)!;
  return options.skippableSections.some((entry) => {
    const key = String(entry).trim().toLowerCase().replace(/^§/, '');
    return key === id || (spec.number !== undefined && key === String(spec.number));
  });
}

function hasReason(document: ReadinessDocument, skip: Skip): boolean {
  return skip.reason !== undefined && /\w/.test(skip.reason.text) && !hasPlaceholder(document, skip.reason);
}
