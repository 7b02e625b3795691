// Custom messages between clients and this server, beyond standard LSP. The VS Code client keeps a
// copy in client/src/protocol.ts: keep the two in step.
import { NotificationType, RequestType } from 'vscode-languageserver/node';

/** `initializationOptions` of `initialize`. */
export interface InitializationOptions {
  /** false in an untrusted workspace: only open buffers are checked, from their text alone. Default true. */
  trusted?: boolean;
}

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
/** The summary of one document's latest check (open buffer, else the file on disk). */
export const StatusRequest = new RequestType<StatusParams, StatusResult, void>('mlopsReadiness/status');

export interface CheckAllResult {
  files: number;
  errors: number;
  warnings: number;
}
/** Re-scans the workspace and re-checks and publishes every readiness file, whatever the scope. */
export const CheckAllRequest = new RequestType<Record<string, never> | null | undefined, CheckAllResult, void>('mlopsReadiness/checkAll');

/** The story-id pattern in force for a folder (RDY101's option), so new files are named as the checker wants. */
export const StoryIdPatternRequest = new RequestType<{ uri: string }, { pattern: string }, void>('mlopsReadiness/storyIdPattern');

/** Workspace trust changed: `{ trusted: true }` turns cross-file checks on without a restart. */
export const SetTrustedNotification = new NotificationType<{ trusted: boolean }>('mlopsReadiness/setTrusted');
