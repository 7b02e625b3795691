import { RULES } from '../rules/registry';
import type { WorkspaceView } from '../workspace';
import { discoverConfig } from './discover';
import type { ConfigProblem } from './load';
import { type ReadinessConfig, type ResolvedSettings, resolveSettings } from './settings';

export interface DocumentSettings {
  settings: ResolvedSettings;
  /** Config files that shaped these settings (workspace-relative). */
  configFiles: string[];
  problems: ConfigProblem[];
}

/**
 * The settings for one document: built-in defaults, then the editor's settings, then the
 * `.mlops-readiness.json` files from the workspace root down to the document's folder.
 */
export function settingsForDocument(
  documentPath: string | undefined,
  workspace: WorkspaceView,
  editorSettings: ReadinessConfig = {},
): DocumentSettings {
  const discovered = discoverConfig(documentPath, workspace, RULES);
  return {
    settings: resolveSettings(RULES, [editorSettings, ...discovered.layers]),
    configFiles: discovered.files,
    problems: discovered.problems,
  };
}
