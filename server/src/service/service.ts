import type { CodeAction, CompletionList, DocumentLink, DocumentSymbol, Hover, Position, Range } from 'vscode-languageserver-types';
import { analyse, type Analysis, type AnalysisContext } from './analysis';
import { checkDocument, type CheckRequest, type CheckResult } from './check';
import { settingsForDocument, type DocumentSettings } from './config';
import { loadConfig } from './config/load';
import type { ReadinessConfig, ResolvedSettings } from './config/settings';
import { getCodeActions, type CodeActionOptions } from './features/codeActions';
import { doComplete } from './features/completion';
import type { FeatureContext } from './features/context';
import { doHover } from './features/hover';
import { findDocumentLinks } from './features/links';
import { findDocumentSymbols, type SymbolOptions } from './features/symbols';
import { configProblemFinding, type ReportedFinding } from './findings';
import { fixAll } from './fixes';
import { parseReadiness } from './parser/parse';
import { READINESS_RULES } from './ruleSet';
import { docsUrl, type BundledDocs } from './rules/registry';
import type { Fix, RuleDefinition } from './rules/types';
import { documentStatus, type DocumentStatus } from './sectionStatus';
import { storyIdPattern } from './storyIds';
import { localToday } from './util/dates';
import type { WorkspaceView } from './workspace';

/**
 * What a shell brings: its clock, its log, how it links the rule pages it ships. Properties are
 * read at each call (a language server learns how to link the pages once the client said so).
 */
export interface ReadinessServiceHost {
  /** Today, `YYYY-MM-DD`, for a request that names none (default: the local calendar date). */
  today?(): string;
  /** Told once per rule that throws: the rule is skipped, its siblings still report. */
  log?(message: string): void;
  readonly bundledDocs?: BundledDocs;
}

/** A document to check: its text and where it stands; the host fills in the rest. */
export type DocumentRequest = Omit<CheckRequest, 'today' | 'onRuleError' | 'bundledDocs'> & { today?: string };

/** A document as checked and analysed: what every editor feature of that version reads. */
export type AnalysedDocument = Pick<CheckResult, 'settings' | 'documentPath' | 'workspace' | 'today' | 'crossFileReads'> & { analysis: Analysis };

/** What the client supports for code actions; the service adds what it knows of the document. */
export type ClientCodeActionOptions = Omit<CodeActionOptions, 'settings' | 'recheck' | 'workspace' | 'documentPath'>;

/**
 * The MLOps readiness language service: one object per shell, as vscode-json-languageservice's
 * `getLanguageService`. What only one command needs and that holds no context (the overview report's
 * row, the comparison of revisions, the scaffold) is a plain export of ./index.ts instead, so that a
 * bundle which does not use it does not carry it.
 */
export interface ReadinessService {
  /** Every rule, in template order. */
  readonly rules: readonly RuleDefinition<any>[];
  /** A document's settings: defaults, the editor's, then the config files from the root down. */
  settingsFor(documentPath: string | undefined, workspace: WorkspaceView, editorSettings?: ReadinessConfig): DocumentSettings;
  /** The whole check of one document: settings, file kind, size limit, rules. Never throws. */
  check(request: DocumentRequest): CheckResult;
  hover(document: AnalysedDocument, position: Position): Hover | null;
  complete(document: AnalysedDocument, position: Position): CompletionList;
  symbols(document: AnalysedDocument, options?: SymbolOptions): DocumentSymbol[];
  links(document: AnalysedDocument): DocumentLink[];
  /** Quick fixes for the findings touching `range`, and the fix-all source action. */
  codeActions(document: AnalysedDocument, range: Range, options: ClientCodeActionOptions): CodeAction[];
  /**
   * Every safe fix applied, re-checking the text as `request` checks it until none is left;
   * `analysis`: that of `request.text` when the caller has it. Unchanged when it is not a readiness file.
   */
  fixAll(request: DocumentRequest, analysis?: Analysis): { text: string; applied: Fix[] };
  /** A check in figures: sections passing of the template's, errors, warnings. */
  sectionStatus(result: CheckResult | undefined): DocumentStatus;
  /** RDY101's story-id pattern as configured, for naming new files. */
  storyIdPattern(settings: ResolvedSettings): string;
  /** A config file's own problems, as findings on it. */
  configFindings(text: string, file: string): ReportedFinding[];
  /** A rule's page: the configured `docsBaseUrl`'s, else the host's bundled one. */
  docsUrl(code: string, docsBaseUrl?: string): string | undefined;
}

export function createReadinessService(host: ReadinessServiceHost = {}): ReadinessService {
  const failedRules = new Set<string>();
  // A throwing rule is logged once per rule, not on every keystroke; its siblings still report.
  const onRuleError = (rule: RuleDefinition<any>, error: unknown) => {
    if (!host.log || failedRules.has(rule.code)) return;
    failedRules.add(rule.code);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    host.log(`Rule ${rule.code} ${rule.name} failed and was skipped: ${detail}`);
  };
  const link = (code: string, docsBaseUrl: string | undefined) => docsUrl({ code }, docsBaseUrl, host.bundledDocs);
  const check = (request: DocumentRequest): CheckResult =>
    checkDocument({ ...request, today: request.today ?? host.today?.() ?? localToday(), onRuleError, bundledDocs: host.bundledDocs }, READINESS_RULES);
  const analysisContext = (document: AnalysedDocument): AnalysisContext => ({
    settings: document.settings,
    workspace: document.workspace,
    documentPath: document.documentPath,
    today: document.today,
    crossFileReads: document.crossFileReads,
    onRuleError,
  });
  const featureContext = (document: AnalysedDocument): FeatureContext => ({
    ...analysisContext(document),
    analysis: document.analysis,
    docsLink: (code) => link(code, document.settings.docsBaseUrl),
  });

  return {
    rules: READINESS_RULES.rules,
    settingsFor: settingsForDocument,
    check,
    hover: (document, position) => doHover(document.analysis.document, position, featureContext(document)),
    complete: (document, position) => doComplete(document.analysis.document, position, featureContext(document)),
    symbols: (document, options) => findDocumentSymbols(document.analysis.document, options),
    links: (document) => findDocumentLinks(document.analysis.document, featureContext(document)),
    codeActions(document, range, options) {
      const context = analysisContext(document);
      return getCodeActions(document.analysis, range, {
        ...options,
        settings: document.settings,
        workspace: document.workspace,
        documentPath: context.documentPath,
        recheck: (text) => analyse(parseReadiness(text), context, READINESS_RULES),
      });
    },
    fixAll(request, analysis) {
      const first = analysis ?? check(request).analysis;
      if (!first) return { text: request.text, applied: [] };
      // A text the fixes made no longer a readiness file has nothing left to fix.
      return fixAll(request.text, (text) => (text === request.text ? first : (check({ ...request, text, document: undefined }).analysis ?? { ...first, findings: [] })));
    },
    sectionStatus: documentStatus,
    storyIdPattern,
    configFindings: (text, file) => loadConfig(text, file, READINESS_RULES.rules).problems.map(configProblemFinding),
    docsUrl: link,
  };
}
