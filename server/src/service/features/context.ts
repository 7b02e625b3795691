import type { Analysis } from '../analysis';
import type { ResolvedSettings } from '../config/settings';
import type { WorkspaceView } from '../workspace';

/** What the editor features need besides the parsed document; the shell builds it once per request. */
export interface FeatureContext {
  settings: ResolvedSettings;
  /** Read-only view of the workspace (NO_WORKSPACE when untrusted). */
  workspace: WorkspaceView;
  /** The document's path relative to the workspace root (posix), when it has one. */
  documentPath?: string;
  /** `YYYY-MM-DD`, the caller's today (the engine never reads a clock). */
  today: string;
  /** The latest analysis of this exact text, for hovers on findings. */
  analysis?: Analysis;
  /** The link to a rule's page, as the diagnostics give it (undefined: no page to link). */
  docsLink?: (code: string) => string | undefined;
}
