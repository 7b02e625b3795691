import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ReadinessFinding } from './analysis';
import type { ConfigProblem } from './config/load';
import type { Fix, Severity } from './rules/types';

export const SOURCE = 'mlops-readiness';

/** Code of the findings that speak of the tool's own input (config, size), not of a rule. */
export const INPUT_CODE = 'RDY000';
export const INPUT_RULE = 'input';

/**
 * A finding as the engine reports it to every shell: the rule's code and name, a severity name,
 * where, what, and how to fix. The CLI formats it as it is; the language server makes the LSP
 * diagnostic of it (`toDiagnostic`).
 */
export interface ReportedFinding {
  /** `RDY201`, or `RDY000` for the input findings. */
  code: string;
  /** `p1-alert-required`, or `input`. */
  rule: string;
  severity: Severity;
  range: Range;
  /** Plain text. */
  message: string;
  related?: DiagnosticRelatedInformation[];
  fixes: Fix[];
  /** The rule's page, when there is one to link. */
  docsUrl?: string;
  /** An input finding: the file was not checked at all (over the size limit). */
  notChecked?: boolean;
  /** An input finding on a config file: the dotted key at fault (empty for a syntax error). */
  configKey?: string;
}

/** A rule's finding as reported, with the link to its page when there is one. */
export function reportedFinding(finding: ReadinessFinding, docsUrl?: string): ReportedFinding {
  return {
    code: finding.rule.code,
    rule: finding.rule.name,
    severity: finding.severity,
    range: finding.range,
    message: finding.message,
    ...(finding.related?.length ? { related: finding.related } : {}),
    fixes: finding.fixes,
    ...(docsUrl ? { docsUrl } : {}),
  };
}

/**
 * The one finding of a file over the size limit: it is not parsed at all. An error unless
 * `maxFileSizeSeverity` says otherwise, since a readiness file that was not checked must not pass.
 */
export function tooLargeFinding(size: number, limit: number, severity: Severity = 'error'): ReportedFinding {
  const [sizeText, limitText] = sizes(size, limit);
  return {
    code: INPUT_CODE,
    rule: INPUT_RULE,
    severity,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `File not checked: it is ${sizeText}, over the ${limitText} limit (raise "maxFileSize" in .mlops-readiness.json to check it).`,
    fixes: [],
    notChecked: true,
  };
}

/** Two sizes in MB, with as many decimals as it takes to tell them apart; in bytes when even three do not. */
function sizes(size: number, limit: number): [string, string] {
  for (const digits of [1, 2, 3]) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(digits)} MB`;
    if (mb(size) !== mb(limit)) return [mb(size), mb(limit)];
  }
  return [`${size.toLocaleString('en-US')} bytes`, `${limit.toLocaleString('en-US')}-byte`];
}

/** A config problem as a finding on the config file itself. */
export function configProblemFinding(problem: ConfigProblem): ReportedFinding {
  return { code: INPUT_CODE, rule: INPUT_RULE, severity: 'error', range: problem.range, message: problem.message, fixes: [], configKey: problem.key };
}

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The LSP diagnostic of a finding: code, docs link, source, related places, and `data` naming the
 * rule. The language server publishes these; code actions carry the one they fix.
 */
export function toDiagnostic(finding: ReportedFinding | ReadinessFinding): Diagnostic {
  const reported = typeof finding.rule === 'string' ? (finding as ReportedFinding) : reportedFinding(finding as ReadinessFinding);
  const data: Record<string, unknown> = { rule: reported.rule };
  if (reported.notChecked) data.notChecked = true;
  if (reported.configKey !== undefined) data.key = reported.configKey;
  const diagnostic: Diagnostic = {
    range: reported.range,
    severity: LSP_SEVERITY[reported.severity],
    code: reported.code,
    ...(reported.docsUrl ? { codeDescription: { href: reported.docsUrl } } : {}),
    source: SOURCE,
    message: reported.message,
    data,
  };
  if (reported.related?.length) diagnostic.relatedInformation = reported.related;
  return diagnostic;
}
