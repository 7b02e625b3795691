import { settingsForDocument } from '../service';
import type { WorkspaceRoots } from './workspaceRoots';
import { editorConfig, type ClientSettings } from './settings';

export const DEFAULT_STORY_ID_PATTERN = String.raw`CVN-N\d+(-[A-Z0-9]+)*-S\d+`;

/** RDY101's story-id pattern as configured for a folder (config files and settings), for new-file prompts. */
export function storyIdPattern(roots: WorkspaceRoots, folderUri: string, settings: ClientSettings): string {
  // A file that would be created in the folder: its settings are the folder's.
  const placement = roots.place(folderUri.replace(/\/*$/, '/') + 'new-readiness.md');
  const resolved = settingsForDocument(placement.documentPath, placement.workspace, editorConfig(settings)).settings;
  const options = resolved.rules.get('RDY101')?.options ?? {};
  const key = Object.keys(options).find((name) => /pattern/i.test(name) && typeof options[name] === 'string');
  return key ? (options[key] as string) : DEFAULT_STORY_ID_PATTERN;
}
