import type { ResolvedSettings } from './config/settings';
import type { ReadinessDocument, SectionId } from './model';
import type { Finding, Fix, RuleContext, RuleDefinition, Severity } from './rules/types';
import type { WorkspaceView } from './workspace';

/**
 * What a check runs: the rules in order, and which sections a valid SKIP silences. The runner knows
 * no rule; the service passes the registry's (./ruleSet.ts).
 */
export interface RuleSet {
  readonly rules: readonly RuleDefinition<any>[];
  skippedSections(document: ReadinessDocument, optionsOf: <O>(rule: RuleDefinition<O>) => O): ReadonlySet<SectionId>;
}

/** Everything a check needs besides the document; the service builds it, rules only read it. */
export interface AnalysisContext {
  settings: ResolvedSettings;
  workspace: WorkspaceView;
  /** The document's path relative to the workspace root (posix). */
  documentPath?: string;
  /** `YYYY-MM-DD`: the caller's today, so results are reproducible. */
  today: string;
  /** False in an untrusted workspace: rules that read other files do not run. */
  crossFileReads?: boolean;
  /** Told when a rule throws; the other rules' findings are still returned. */
  onRuleError?(rule: RuleDefinition<any>, error: unknown): void;
}

export interface ReadinessFinding extends Finding {
  rule: RuleDefinition<any>;
  severity: Severity;
  fixes: Fix[];
}

export interface Analysis {
  document: ReadinessDocument;
  findings: ReadinessFinding[];
  /** Sections whose SKIP justification is valid: their other rules were silenced. */
  skippedSections: ReadonlySet<SectionId>;
}

/** Runs every enabled rule of the set over the document. Never throws. */
export function analyse(document: ReadinessDocument, context: AnalysisContext, ruleSet: RuleSet): Analysis {
  const findings: ReadinessFinding[] = [];
  const optionsOf = <O>(rule: RuleDefinition<O>): O => (context.settings.rules.get(rule.code)?.options ?? rule.defaultOptions ?? {}) as O;
  const skipped = safely(context, undefined, () => ruleSet.skippedSections(document, optionsOf), new Set<SectionId>());
  for (const rule of ruleSet.rules) {
    const level = context.settings.rules.get(rule.code)?.level ?? rule.severity;
    if (level === 'off') continue;
    if (rule.crossFile && context.crossFileReads === false) continue;
    if (rule.section !== 'file' && rule.section !== 'header' && skipped.has(rule.section)) continue;
    const ruleContext: RuleContext<unknown> = {
      document,
      documentPath: context.documentPath,
      options: optionsOf(rule),
      optionsOf,
      workspace: context.workspace,
      today: context.today,
      priorFindings: findings,
      report(finding) {
        const line = finding.range.start.line;
        if (rule.suppressible !== false && document.suppressions.isSuppressed([rule.code, rule.name], line)) return;
        findings.push({ ...finding, rule, severity: finding.severity ?? level, fixes: finding.fixes ?? [] });
      },
    };
    safely(context, rule, () => rule.check(ruleContext), undefined);
  }
  findings.sort(byPosition);
  return { document, findings, skippedSections: skipped };
}

function safely<T>(context: AnalysisContext, rule: RuleDefinition<any> | undefined, run: () => T, fallback: T): T {
  try {
    return run();
  } catch (error) {
    if (rule) context.onRuleError?.(rule, error);
    return fallback;
  }
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
