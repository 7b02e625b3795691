import { checkDocument } from '../check';
import { READINESS_RULES } from '../ruleSet';
import type { WorkspaceView } from '../workspace';
import { compareFacts, type FileComparison } from './changes';
import { readinessFacts, type ReadinessFacts } from './facts';

export { compareFacts, summarise, type Change, type FileComparison, type FileSummary } from './changes';
export { readinessFacts, sectionLabel, sectionName, type FindingFact, type ReadinessFacts } from './facts';

/** One side of a comparison: a file's text at a revision, and that revision's workspace (runbooks, config). */
export interface Revision {
  text: string;
  /** Path relative to the workspace root, `/`-separated. */
  documentPath: string;
  workspace: WorkspaceView;
  today: string;
}

/** What a readiness file says at one revision; undefined when it is not a readiness file there (or too large to read). */
export function factsOf(revision: Revision): ReadinessFacts | undefined {
  const result = checkDocument({ text: revision.text, documentPath: revision.documentPath, workspace: revision.workspace, today: revision.today }, READINESS_RULES);
  return result.analysis ? readinessFacts(result.analysis, result.settings) : undefined;
}

/**
 * What changed in meaning between two revisions of a file (either may be missing: added,
 * removed); undefined when it is a readiness file on neither side.
 */
export function compareRevisions(before: Revision | undefined, after: Revision | undefined): FileComparison | undefined {
  const [was, now] = [before && factsOf(before), after && factsOf(after)];
  return was || now ? compareFacts(was, now) : undefined;
}
