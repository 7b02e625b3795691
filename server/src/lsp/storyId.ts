import type { ReadinessService } from '../service';
import type { WorkspaceRoots } from './workspaceRoots';
import { editorConfig, type ClientSettings } from './settings';

/** RDY101's story-id pattern as configured for a folder (config files and settings), for new-file prompts. */
export function storyIdPattern(roots: WorkspaceRoots, service: ReadinessService, folderUri: string, settings: ClientSettings): string {
  // A file that would be created in the folder: its settings are the folder's.
  const placement = roots.place(folderUri.replace(/\/*$/, '/') + 'new-readiness.md');
  return service.storyIdPattern(service.settingsFor(placement.documentPath, placement.workspace, editorConfig(settings)).settings);
}
