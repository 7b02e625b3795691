// The short texts the extension shows about checks: pure, so that tests read them without VS Code.
import type { CheckAllResult, StatusResult } from './protocol';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The notification that ends "Check all readiness files". */
export function checkAllSummary(result: CheckAllResult): string {
  if (result.files === 0) return 'MLOps Readiness: no readiness file found in the workspace.';
  return `MLOps Readiness: checked ${plural(result.files, 'readiness file')}: ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}.`;
}

/** "Last check took 12 ms", as vscode-eslint shows its time: tells a slow check from a stuck one. */
export function checkTimeText(s: Pick<StatusResult, 'checkMs'>): string | undefined {
  if (s.checkMs === undefined) return undefined;
  return `Last check took ${s.checkMs < 10 ? s.checkMs.toFixed(1) : Math.round(s.checkMs)} ms`;
}
