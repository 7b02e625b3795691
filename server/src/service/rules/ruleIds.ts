// Every rule's code and name, in template order, apart from the rules themselves: RDY007 (disable-comment-codes)
// reads it to know which names a readiness-disable comment may give, and it cannot read the registry, which
// lists RDY007 itself. test/rule-files.test.ts holds it equal to the registry.

/** `[code, name]` of every rule, as `mlops-readiness rules` lists them. */
export const RULE_IDS: ReadonlyArray<readonly [code: string, name: string]> = [
  ['RDY001', 'no-placeholders'],
  ['RDY002', 'section-required'],
  ['RDY003', 'section-order'],
  ['RDY004', 'table-columns'],
  ['RDY005', 'skip-justification'],
  ['RDY006', 'skip-may-be-rejected'],
  ['RDY007', 'disable-comment-codes'],
  ['RDY101', 'title-story-id'],
  ['RDY102', 'story-links'],
  ['RDY103', 'owner-handle'],
  ['RDY104', 'filled-on-date'],
  ['RDY105', 'committee-review'],
  ['RDY111', 'metric-type'],
  ['RDY112', 'metric-source'],
  ['RDY113', 'metric-dashboard'],
  ['RDY114', 'metric-threshold'],
  ['RDY115', 'metric-owner'],
  ['RDY116', 'metric-classes'],
  ['RDY117', 'metric-coverage'],
  ['RDY118', 'metric-encouraged'],
  ['RDY201', 'p1-alert-required'],
  ['RDY202', 'alert-values'],
  ['RDY203', 'p1-alert-pages'],
  ['RDY204', 'alert-trigger'],
  ['RDY205', 'runbook-path'],
  ['RDY206', 'runbook-exists'],
  ['RDY207', 'runbook-content'],
  ['RDY301', 'drift-rows'],
  ['RDY302', 'drift-threshold-window'],
  ['RDY303', 'drift-no-silent-retrain'],
  ['RDY401', 'rollout-stages'],
  ['RDY402', 'shadow-stage'],
  ['RDY403', 'canary-stage'],
  ['RDY404', 'canary-symbol'],
  ['RDY405', 'full-signoff'],
  ['RDY406', 'no-auto-promotion'],
  ['RDY501', 'config-only-rollback'],
  ['RDY502', 'revert-sla'],
  ['RDY503', 'rollback-config-value'],
  ['RDY504', 'revert-tested'],
  ['RDY601', 'dri-single-human'],
  ['RDY602', 'backup-dri'],
  ['RDY603', 'backup-engagement'],
  ['RDY604', 'decision-authority'],
  ['RDY605', 'sunset-date'],
  ['RDY606', 'sunset-window'],
  ['RDY607', 'sunset-passed'],
  ['RDY608', 'known-people'],
  ['RDY701', 'checklist-consistency'],
  ['RDY702', 'checklist-ready'],
  ['RDY703', 'dependency-declarations'],
  ['RDY704', 'committee-box'],
];

const KNOWN = new Set(RULE_IDS.flat());

/** Whether a disable comment's word names a rule: its code (in any case) or its name. */
export function isRuleId(codeOrName: string): boolean {
  return KNOWN.has(codeOrName) || KNOWN.has(codeOrName.toUpperCase());
}
