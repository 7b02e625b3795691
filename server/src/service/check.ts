import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { analyse, SOURCE, toDiagnostic, type Analysis, type AnalysisContext } from './analysis';
import { settingsForDocument, type DocumentSettings } from './config';
import type { ConfigProblem } from './config/load';
import type { ReadinessConfig, ResolvedSettings } from './config/settings';
import { isReadinessFile } from './fileKind';
import type { ReadinessDocument } from './model';
import type { Severity } from './rules/types';
import { parseReadiness } from './parser/parse';
import { docsUrl, type BundledDocs } from './rules/registry';
import type { WorkspaceView } from './workspace';

export interface CheckRequest {
  text: string;
  /** Path relative to the workspace root (posix), when the document has one. */
  documentPath?: string;
  workspace: WorkspaceView;
  /** The editor's or command line's settings, below config files in priority. */
  editorSettings?: ReadinessConfig;
  today: string;
  crossFileReads?: boolean;
  onRuleError?: AnalysisContext['onRuleError'];
  /** A parse of this exact text, when the caller caches one per document version. */
  document?: ReadinessDocument;
  /** Settings already resolved for this document (saves reading config files twice). */
  documentSettings?: DocumentSettings;
  /** How the shell links the rule pages it bundles, used unless the settings name a `docsBaseUrl`. */
  bundledDocs?: BundledDocs;
}

export interface CheckResult {
  /** False for Markdown that is not a readiness file: it gets no diagnostics. */
  isReadiness: boolean;
  diagnostics: Diagnostic[];
  analysis: Analysis | undefined;
  settings: ResolvedSettings;
  /** Config files read for this document (a change to one re-checks it). */
  configFiles: string[];
  configProblems: ConfigProblem[];
}

/** The whole check of one document: settings, file kind, size limit, rules. Never throws. */
export function checkDocument(request: CheckRequest): CheckResult {
  const { settings, configFiles, problems } =
    request.documentSettings ?? settingsForDocument(request.documentPath, request.workspace, request.editorSettings);
  const base = { settings, configFiles, configProblems: problems };
  if (!isReadinessFile(request.documentPath, request.text, settings.files)) {
    return { ...base, isReadiness: false, diagnostics: [], analysis: undefined };
  }
  if (request.text.length > settings.maxFileSize) {
    return { ...base, isReadiness: true, analysis: undefined, diagnostics: [tooLargeDiagnostic(request.text.length, settings.maxFileSize, settings.maxFileSizeSeverity)] };
  }
  const document = request.document ?? parseReadiness(request.text);
  const analysis = analyse(document, {
    settings,
    workspace: request.workspace,
    documentPath: request.documentPath,
    today: request.today,
    crossFileReads: request.crossFileReads,
    onRuleError: request.onRuleError,
  });
  const link = (code: string) => docsUrl({ code }, settings.docsBaseUrl, request.bundledDocs);
  return { ...base, isReadiness: true, analysis, diagnostics: analysis.findings.map((finding) => toDiagnostic(finding, link)) };
}

/** Code of the diagnostics that speak of the tool's own input (config, size), not of a rule. */
export const INPUT_CODE = 'RDY000';
export const INPUT_RULE = 'input';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The one diagnostic of a file over the size limit: it is not parsed at all. An error unless
 * `maxFileSizeSeverity` says otherwise, since a readiness file that was not checked must not pass.
 */
export function tooLargeDiagnostic(size: number, limit: number, severity: Severity = 'error'): Diagnostic {
  const [sizeText, limitText] = sizes(size, limit);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: SEVERITY[severity],
    code: INPUT_CODE,
    source: SOURCE,
    message: `File not checked: it is ${sizeText}, over the ${limitText} limit (raise "maxFileSize" in .mlops-readiness.json to check it).`,
    data: { rule: INPUT_RULE, notChecked: true },
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

/** A config problem as a diagnostic on the config file itself. */
export function configProblemDiagnostic(problem: ConfigProblem): Diagnostic {
  return {
    range: problem.range,
    severity: DiagnosticSeverity.Error,
    code: INPUT_CODE,
    source: SOURCE,
    message: problem.message,
    data: { rule: INPUT_RULE, key: problem.key },
  };
}
