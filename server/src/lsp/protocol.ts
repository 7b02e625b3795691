// Custom messages between clients and this server, beyond standard LSP. The one definition: the
// VS Code client imports this module too, so the two sides cannot drift apart.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** `initializationOptions` of `initialize`. */
export interface InitializationOptions {
  /** false in an untrusted workspace: only open buffers are checked, from their text alone. Default true. */
  trusted?: boolean;
  /**
   * A client command that shows a bundled rule page, given its code (`["RDY201"]`): the rule links
   * become `command:` URIs to it. Without it they are the pages' file URIs.
   */
  ruleDocsCommand?: string;
  /** false when the client outlines Markdown headings itself: document symbols then give only what this server adds. Default true. */
  headingSymbols?: boolean;
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
  /** How long the latest check of the document took, in milliseconds (absent when it was not checked). */
  checkMs?: number;
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
export interface StoryIdPatternResult {
  /** A JavaScript regular expression source, without anchors. */
  pattern: string;
}
export const StoryIdPatternRequest = new RequestType<{ uri: string }, StoryIdPatternResult, void>('mlopsReadiness/storyIdPattern');

/** Workspace trust changed: `{ trusted: true }` turns cross-file checks on without a restart. */
export const SetTrustedNotification = new NotificationType<{ trusted: boolean }>('mlopsReadiness/setTrusted');
