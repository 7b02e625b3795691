/**
 * The MLOps readiness language service: pure functions from (text, settings, a read-only view
 * of the workspace) to a document model, diagnostics, hovers, completions and code actions.
 * No LSP connection, no file system, no VS Code: the language server, the CLI and tests are
 * thin shells over this module.
 */
export { analyse, toDiagnostic, SOURCE, type Analysis, type AnalysisContext, type ReadinessFinding } from './analysis';
export { settingsForDocument, type DocumentSettings } from './config';
export { CONFIG_FILE_NAME, loadConfig, type ConfigProblem } from './config/load';
export { buildConfigSchema } from './config/schema';
export { DEFAULT_FILES, resolveSettings, type ReadinessConfig, type ResolvedSettings, type RuleConfig } from './config/settings';
export { hasReadinessTitle, isReadinessFile, matchesReadinessGlobs } from './fileKind';
export type * from './model';
export { parseReadiness } from './parser/parse';
export { docsUrl, findRule, RULES, type BundledDocs } from './rules/registry';
export type { Fix, RuleDefinition, Severity } from './rules/types';
export { localToday } from './util/dates';
export { confinePath, memoryWorkspace, NO_WORKSPACE, type WorkspaceView } from './workspace';

import type { Diagnostic } from 'vscode-languageserver-types';
import { analyse, toDiagnostic, type AnalysisContext } from './analysis';
import { parseReadiness } from './parser/parse';

/** Parse and check a text in one call (what the CLI and simple hosts need). */
export function doValidation(text: string, context: AnalysisContext): Diagnostic[] {
  return analyse(parseReadiness(text), context).findings.map((finding) => toDiagnostic(finding));
}
export { checkDocument, configProblemDiagnostic, INPUT_CODE, tooLargeDiagnostic, type CheckRequest, type CheckResult } from './check';
export { applyEdits, compatibleSafeFixes, fixAll } from './fixes';
export { sectionAtLine, sectionOfFinding, sectionStatuses, type SectionStatus } from './sectionStatus';
export { doHover, findingHover, sectionDescription } from './features/hover';
export { doComplete } from './features/completion';
export { findDocumentSymbols } from './features/symbols';
export { findDocumentLinks } from './features/links';
export { FIX_ALL_KIND, SHOW_DOCUMENT_COMMAND, fixAllAction, getCodeActions, type CodeActionOptions } from './features/codeActions';
export { disableEdit } from './features/disableComment';
export { expectedSunset } from './facts/owner/sunset';
export { canarySymbols, runbookFolder } from './features/ruleOptions';
export type { FeatureContext } from './features/context';
