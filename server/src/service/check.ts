import { analyse, type Analysis, type AnalysisContext, type RuleSet } from './analysis';
import { settingsForDocument, type DocumentSettings } from './config';
import type { ConfigProblem } from './config/load';
import type { ReadinessConfig, ResolvedSettings } from './config/settings';
import { isReadinessFile } from './fileKind';
import { reportedFinding, tooLargeFinding, type ReportedFinding } from './findings';
import type { ReadinessDocument } from './model';
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
  /** False for Markdown that is not a readiness file: it gets no findings. */
  isReadiness: boolean;
  findings: ReportedFinding[];
  analysis: Analysis | undefined;
  settings: ResolvedSettings;
  /** Config files read for this document (a change to one re-checks it). */
  configFiles: string[];
  configProblems: ConfigProblem[];
  /** Where the document was checked, for the editor features of this version. */
  documentPath: string | undefined;
  workspace: WorkspaceView;
  today: string;
  crossFileReads: boolean | undefined;
}

/** The whole check of one document: settings, file kind, size limit, rules. Never throws. */
export function checkDocument(request: CheckRequest, ruleSet: RuleSet): CheckResult {
  const { settings, configFiles, problems } =
    request.documentSettings ?? settingsForDocument(request.documentPath, request.workspace, request.editorSettings);
  const base = {
    settings,
    configFiles,
    configProblems: problems,
    documentPath: request.documentPath,
    workspace: request.workspace,
    today: request.today,
    crossFileReads: request.crossFileReads,
  };
  if (!isReadinessFile(request.documentPath, request.text, settings.files)) {
    return { ...base, isReadiness: false, findings: [], analysis: undefined };
  }
  if (request.text.length > settings.maxFileSize) {
    return { ...base, isReadiness: true, analysis: undefined, findings: [tooLargeFinding(request.text.length, settings.maxFileSize, settings.maxFileSizeSeverity)] };
  }
  const document = request.document ?? parseReadiness(request.text);
  const analysis = analyse(document, { ...base, onRuleError: request.onRuleError }, ruleSet);
  const link = (code: string) => docsUrl({ code }, settings.docsBaseUrl, request.bundledDocs);
  return { ...base, isReadiness: true, analysis, findings: analysis.findings.map((finding) => reportedFinding(finding, link(finding.rule.code))) };
}
