import type { RuleDefinition } from '../rules/types';
import type { WorkspaceView } from '../workspace';
import { CONFIG_FILE_NAME, type ConfigProblem, loadConfig } from './load';
import type { ReadinessConfig } from './settings';

export interface DiscoveredConfig {
  /** Config layers from the workspace root down to the document's folder (nearest last). */
  layers: ReadinessConfig[];
  /** The config files read, relative to the root (a change to any of them re-checks the document). */
  files: string[];
  problems: ConfigProblem[];
}

/** Finds `.mlops-readiness.json` files from the document's folder upward to the workspace root. */
export function discoverConfig(
  documentPath: string | undefined,
  workspace: WorkspaceView,
  rules: readonly RuleDefinition<any>[],
): DiscoveredConfig {
  const folders = [''];
  const parts = (documentPath ?? '').split('/').slice(0, -1).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) folders.push(parts.slice(0, i).join('/'));
  const result: DiscoveredConfig = { layers: [], files: [], problems: [] };
  for (const folder of folders) {
    const file = folder ? `${folder}/${CONFIG_FILE_NAME}` : CONFIG_FILE_NAME;
    const text = workspace.read(file);
    if (text === undefined) continue;
    const loaded = loadConfig(text, file, rules);
    result.layers.push(loaded.config);
    result.files.push(file);
    result.problems.push(...loaded.problems);
  }
  return result;
}
