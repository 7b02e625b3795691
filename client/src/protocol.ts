// Custom requests between this extension and the language server, beyond standard LSP.
// The server implements them; keep this file and the server's handlers in step.
import { NotificationType, RequestType } from 'vscode-languageclient/node';

/** Re-check every readiness file in the workspace now (whatever the `scope` setting), publishing diagnostics. */
export interface CheckAllResult {
  /** How many readiness files were checked, and what they hold in all. */
  files: number;
  errors: number;
  warnings: number;
}
export const CheckAllRequest = new RequestType<Record<string, never>, CheckAllResult, void>('mlopsReadiness/checkAll');

/** The summary the status item shows for one document (the server's latest check of its current text). */
export interface StatusParams {
  uri: string;
}
export interface StatusResult {
  isReadinessFile: boolean;
  sectionsPassing: number;
  sectionsTotal: number;
  errors: number;
  warnings: number;
}
export const StatusRequest = new RequestType<StatusParams, StatusResult, void>('mlopsReadiness/status');

/**
 * The story-id pattern in force for a folder (from `.mlops-readiness.json` and settings), so that the
 * "New readiness file" prompt validates what the checker will accept. `uri` is the target folder.
 */
export interface StoryIdPatternResult {
  /** A JavaScript regular expression source, without anchors. */
  pattern: string;
}
export const StoryIdPatternRequest = new RequestType<{ uri: string }, StoryIdPatternResult, void>('mlopsReadiness/storyIdPattern');

/** What the server gets in `initialize`. */
export interface InitializationOptions {
  /** false in an untrusted workspace: check open buffers only, read no other file. */
  trusted: boolean;
}

/** Workspace trust was granted: the server turns cross-file checks on without a restart. */
export const SetTrustedNotification = new NotificationType<{ trusted: boolean }>('mlopsReadiness/setTrusted');
