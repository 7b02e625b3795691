import type { Analysis } from '../analysis';
import type { ResolvedSettings } from '../config/settings';
import { optionsOf } from '../features/ruleOptions';
import type { Field, ReadinessDocument, SectionId } from '../model';
import { SECTION_SPECS } from '../parser/sections';
import { findHeaderField, findSection, hasPlaceholder } from '../facts/document';
import { driftRowsRule } from '../rules/drift/driftRows';
import type { DriftKeywords } from '../facts/drift/driftTable';
import { titleStoryIdRule } from '../rules/header/titleStoryId';
import { parseCommitteeReview } from '../facts/header/committee';
import { storyIdsIn, titleParts } from '../facts/header/storyId';
import { namedPeople, withoutTemplateLeadIn } from '../facts/owner/people';
import { filledOnDate } from '../facts/owner/sunset';
import { rolloutStagesRule } from '../rules/rollout/rolloutStages';
import { rolloutAnalysis, shadowSkips } from '../facts/rollout/stages';
import { sectionOfFinding } from '../sectionStatus';
import { findIsoDate } from '../util/dates';
import { alertsOf, driftOf, metricsOf, rollbackOf, stagesOf } from './tableFacts';
import type { PersonFact, ReadinessFacts } from './factTypes';

export type { AlertFact, DriftFact, FindingFact, MechanismFact, MetricFact, PersonFact, ReadinessFacts, SectionFact, StageFact } from './factTypes';

export function sectionLabel(id: SectionId): string {
  const spec = SECTION_SPECS.find((s) => s.id === id)!;
  return spec.number === undefined ? spec.title.replace(/\s*\(.*$/, '') : `§${spec.number}`;
}

/** The title of a section as the template writes it, without "(MUST)": "Staged rollout". */
export function sectionName(id: SectionId): string {
  const spec = SECTION_SPECS.find((s) => s.id === id)!;
  return spec.title.replace(/^\d+\.\s*/, '').replace(/\s*\(.*$/, '');
}

export function readinessFacts(analysis: Analysis, settings: ResolvedSettings): ReadinessFacts {
  const { document } = analysis;
  const ownerSection = findSection(document, 'owner');
  const ownerField = (key: Field['key']) => ownerSection?.fields.find((field) => field.key === key);
  const committeeField = findHeaderField(document, 'reviewed by committee');
  const committee = committeeField && !hasPlaceholder(document, committeeField.value) ? parseCommitteeReview(committeeField.value.text) : undefined;
  const rollout = rolloutAnalysis(document, optionsOf(settings, rolloutStagesRule));
  const shadowSkip = rollout ? shadowSkips(rollout.section)[0] : undefined;
  return {
    story: storyOf(document, settings),
    title: titleOf(document, settings),
    owner: valueOf(document, findHeaderField(document, 'owner')),
    filledOn: filledOnDate(document)?.text,
    committee: committee && {
      session: committee.hasSessionId ? committee.session?.text : undefined,
      verdict: committee.verdicts[0]?.text.toUpperCase().replace(/_/g, '-'),
    },
    sections: SECTION_SPECS.map((spec) => ({
      id: spec.id,
      label: sectionLabel(spec.id),
      present: document.sections.some((section) => section.id === spec.id),
      skipped: analysis.skippedSections.has(spec.id),
    })),
    metrics: metricsOf(document),
    alerts: alertsOf(document),
    drift: driftOf(document, optionsOf(settings, driftRowsRule) as DriftKeywords),
    stages: stagesOf(document, settings),
    shadowSkip: shadowSkip && { days: shadowSkip.days },
    rollback: rollbackOf(document, settings),
    dri: personOf(document, ownerField('dri')),
    backupDri: personOf(document, ownerField('backup dri')),
    decisionAuthority: personOf(document, ownerField('decision authority'), (text) => withoutTemplateLeadIn('decision authority', text).trim()),
    sunset: sunsetOf(document, ownerField('sunset date')),
    checklist: (findSection(document, 'checklist')?.checklist ?? [])
      .filter((item) => item.topic !== undefined)
      .map((item) => ({ topic: item.topic!, checked: item.checked })),
    findings: analysis.findings.map((finding) => ({
      code: finding.rule.code,
      rule: finding.rule.name,
      severity: finding.severity,
      message: finding.message,
      line: finding.range.start.line + 1,
      section: sectionOfFinding(document, finding),
    })),
  };
}

function valueOf(document: ReadinessDocument, field: Field | undefined): string | undefined {
  if (!field || hasPlaceholder(document, field.value)) return undefined;
  const text = field.value.text.replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim();
  return text || undefined;
}

function storyOf(document: ReadinessDocument, settings: ResolvedSettings): string | undefined {
  const pattern = optionsOf(settings, titleStoryIdRule).storyIdPattern;
  const field = findHeaderField(document, 'story');
  const fromField = field && !hasPlaceholder(document, field.value) ? storyIdsIn(field.value.text, pattern)[0]?.text : undefined;
  return fromField ?? titleParts(document, pattern)?.id?.text;
}

function titleOf(document: ReadinessDocument, settings: ResolvedSettings): string | undefined {
  const parts = titleParts(document, optionsOf(settings, titleStoryIdRule).storyIdPattern);
  if (!parts) return document.title?.title.text.trim() || undefined;
  // As written: a report shows a placeholder left in the title rather than hiding it.
  const rest = parts.span.text.slice(parts.id ? parts.id.end : parts.restStart).trim();
  return rest || undefined;
}

function personOf(document: ReadinessDocument, field: Field | undefined, trim: (text: string) => string = (t) => t): PersonFact | undefined {
  if (!field || hasPlaceholder(document, field.value)) return undefined;
  const value = trim(field.value.text);
  const people = namedPeople(value);
  const handles = [...people.handles, ...people.teams.filter((team) => team.text.includes('/'))].map((h) => h.text.replace(/^@?/, '@'));
  const text = value.replace(/\(.*?\)/g, '').replace(/[`*]/g, '').replace(/\s+/g, ' ').trim();
  if (!text && !handles.length) return undefined;
  return { text, handles };
}

function sunsetOf(document: ReadinessDocument, field: Field | undefined): string | undefined {
  if (!field || hasPlaceholder(document, field.value)) return undefined;
  return findIsoDate(field.value.text)?.text ?? (field.value.text.trim() || undefined);
}
