// The values a reviewer compares in a readiness file, as types: read by diff/facts.ts (the file's facts),
// diff/tableFacts.ts (its tables' rows) and the change writers, so that neither facts module imports the other's types.
import type { ChecklistTopic, SectionId } from '../model';
import type { MechanismKind } from '../facts/rollback/mechanisms';
import type { StageKind } from '../facts/rollout/stages';

/**
 * What a readiness file says, as values a reviewer compares: who, which alerts at which severity,
 * how long each stage runs, which mechanisms revert the change. Read from the document model (not
 * its text), keyed by what a row names, so moving or re-formatting a row changes nothing here.
 */
export interface ReadinessFacts {
  story: string | undefined;
  /** The title after `MLOps readiness —` (and the story id). */
  title: string | undefined;
  owner: string | undefined;
  filledOn: string | undefined;
  committee: { session: string | undefined; verdict: string | undefined } | undefined;
  sections: SectionFact[];
  metrics: MetricFact[];
  alerts: AlertFact[];
  drift: DriftFact[];
  stages: StageFact[];
  /** The calibration-only SKIP of §4 (`shadow=Nd`), when written. */
  shadowSkip: { days: number | undefined } | undefined;
  rollback: MechanismFact[];
  dri: PersonFact | undefined;
  backupDri: PersonFact | undefined;
  decisionAuthority: PersonFact | undefined;
  sunset: string | undefined;
  checklist: Array<{ topic: ChecklistTopic; checked: boolean }>;
  findings: FindingFact[];
}

export interface SectionFact {
  id: SectionId;
  /** §n, or "Sign-off checklist". */
  label: string;
  present: boolean;
  /** Replaced by a valid `**SKIP — JUSTIFICATION**`. */
  skipped: boolean;
}

export interface MetricFact {
  name: string;
  type: string;
  threshold: string;
  owner: string;
}

export interface AlertFact {
  name: string;
  /** `P1`, `P2`, `P3` as written (upper case), or the cell's value. */
  severity: string;
  trigger: string;
  runbook: string;
  channel: string;
}

export interface DriftFact {
  type: string;
  method: string;
  window: string;
  threshold: string;
  action: string;
}

export interface StageFact {
  kind: StageKind;
  traffic: string;
  duration: string;
  days: number | undefined;
  /** Symbols the row names (the canary's crypto). */
  symbols: string[];
}

export interface MechanismFact {
  name: string;
  kind: MechanismKind;
  sla: string;
}

export interface PersonFact {
  /** The value as written, without markup. */
  text: string;
  handles: string[];
}

export interface FindingFact {
  code: string;
  rule: string;
  severity: string;
  message: string;
  /** 1-based line. */
  line: number;
  section: SectionId | undefined;
}
