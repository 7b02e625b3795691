import type { ReadinessFinding } from '../analysis';
import type { ResolvedSettings } from '../config/settings';
import type { ReadinessDocument } from '../model';
import { SECTION_SPECS } from '../parser/sections';
import { isSkippable, type SkipOptions } from '../facts/file/skips';
import { skipJustificationRule } from '../rules/file/skipJustification';
import type { Fix } from '../rules/types';
import { insertLinesBefore } from '../util/edits';

/** The reason is the author's: a placeholder that keeps the SKIP invalid (an error) until it is replaced. */
const REASON = '<reason>';

/**
 * "Skip §N with SKIP — JUSTIFICATION" for an error of a section the configuration lets be skipped
 * (RDY005 `skippableSections`, §2 by default). It writes no reason: the `<reason>` placeholder keeps
 * an error until the author replaces it (selected as a snippet tab stop where the client supports
 * it); once a real reason is written, the skip silences the section's rules and the finding goes.
 */
export function skipSectionFix(document: ReadinessDocument, finding: ReadinessFinding, settings: ResolvedSettings | undefined): Fix | undefined {
  const id = finding.rule.section;
  if (!settings || finding.severity !== 'error' || id === 'file' || id === 'header') return undefined;
  const section = document.sections.find((s) => s.id === id);
  const spec = SECTION_SPECS.find((s) => s.id === id)!;
  const options = (settings.rules.get(skipJustificationRule.code)?.options ?? skipJustificationRule.defaultOptions) as SkipOptions;
  if (!section || section.skips.length || !isSkippable(id, options)) return undefined;
  const edit = (reason: string) => insertLinesBefore(document, section.heading.line + 1, ['', `**SKIP — JUSTIFICATION**: ${reason}`]);
  return {
    title: `Skip §${spec.number ?? spec.title} with SKIP — JUSTIFICATION`,
    edits: [edit(REASON)],
    snippetEdits: [edit(`\${1:${REASON}}`)],
  };
}
