/**
 * The MLOps readiness language service: pure functions from (text, settings, a read-only view
 * of the workspace) to a document model, findings, hovers, completions and code actions.
 * No LSP connection, no file system, no VS Code. The language server, the CLI and the client
 * import this module only: `createReadinessService(host)` and the few pure helpers below
 * (test/architecture.test.ts holds both rules). ./package.json marks the engine free of side
 * effects, so a bundle keeps only what it uses: the client's prompts take a few helpers, not the rules.
 */
import { analyse as runRules, type Analysis, type AnalysisContext } from './analysis';
import type { ReadinessDocument } from './model';
import { READINESS_RULES } from './ruleSet';

export {
  createReadinessService,
  type AnalysedDocument,
  type ClientCodeActionOptions,
  type DocumentRequest,
  type ReadinessService,
  type ReadinessServiceHost,
} from './service';

/** Runs the registry's rules over a parsed document (the runner itself takes whatever rule set it is given). */
export function analyse(document: ReadinessDocument, context: AnalysisContext): Analysis {
  return runRules(document, context, READINESS_RULES);
}
export { READINESS_RULES };
export type { Analysis, AnalysisContext, ReadinessFinding, RuleSet } from './analysis';
export type { CheckRequest, CheckResult } from './check';
export {
  configProblemFinding,
  INPUT_CODE,
  INPUT_RULE,
  SOURCE,
  toDiagnostic,
  tooLargeFinding,
  type ReportedFinding,
} from './findings';

// Settings and config files.
export { settingsForDocument, type DocumentSettings } from './config';
export { CONFIG_FILE_NAME } from './config/fileName';
export { loadConfig, type ConfigProblem } from './config/load';
export { normaliseRuleSettings, RULE_LEVELS } from './config/ruleSettings';
export { buildConfigSchema } from './config/schema';
export { DEFAULT_FILES, resolveSettings, type ReadinessConfig, type ResolvedSettings, type RuleConfig } from './config/settings';
export { hasReadinessTitle, isReadinessFile, matchesReadinessGlobs } from './fileKind';

// Where documents stand: the workspace view, its root, the files an editor watches.
export { confinePath, memoryWorkspace, NO_WORKSPACE, type WorkspaceView } from './workspace';
export { findWorkspaceRoot, WATCHED_FILES, type FolderProbe, type RootSearch } from './workspaceRoot';

// The model and the rules.
export type * from './model';
export { parseReadiness } from './parser/parse';
export { docsUrl, findRule, RULES, type BundledDocs } from './rules/registry';
export type { Fix, RuleDefinition, Severity } from './rules/types';

// Values the shells validate as the rules do.
export { localToday, parseIsoDate } from './util/dates';
export { isHandle } from './util/handles';
export { patternProblem } from './util/regex';
export { DEFAULT_STORY_ID_PATTERN, EXAMPLE_STORY_ID, isStoryId, storyIdPattern } from './storyIds';

// Fixes, section status, the editor features one by one (the service's methods call these).
export { applyEdits, compatibleSafeFixes, fixAll } from './fixes';
export { documentStatus, sectionAtLine, sectionOfFinding, sectionStatuses, type DocumentStatus, type SectionStatus } from './sectionStatus';
export { doHover, findingHover, sectionDescription } from './features/hover';
export { doComplete } from './features/completion';
export { findDocumentSymbols } from './features/symbols';
export { findDocumentLinks } from './features/links';
export { FIX_ALL_KIND, SHOW_DOCUMENT_COMMAND, fixAllAction, getCodeActions, type CodeActionOptions } from './features/codeActions';
export { disableEdit } from './features/disableComment';
export { expectedSunset } from './facts/owner/sunset';
export { canarySymbols, runbookFolder } from './features/ruleOptions';
export type { FeatureContext } from './features/context';

// The scaffold, the overview report and the comparison of revisions.
export { newReadinessFile, type NewReadinessFile, type NewReadinessFileInput } from './scaffold';
export { byAttention, reportRow, type Attention, type ReportRow } from './report';
export {
  compareRevisions,
  sectionLabel,
  sectionName,
  type Change,
  type FileComparison,
  type FindingFact,
  type Revision,
} from './diff';
