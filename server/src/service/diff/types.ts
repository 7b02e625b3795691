import type { SectionId } from '../model';
import type { FindingFact } from './facts';

/** One change in meaning, in the words a reviewer uses. `message` is Markdown (code spans for names). */
export interface Change {
  /** Where it happened: a section, or the header (story, owner, committee). */
  section: SectionId | 'header';
  message: string;
}

export interface FileSummary {
  story: string | undefined;
  title: string | undefined;
  dri: string | undefined;
  /** `shadow 14d → canary 7d (BTCUSDC) → full`. */
  stages: string | undefined;
  sunset: string | undefined;
  errors: number;
  warnings: number;
}

export interface FileComparison {
  status: 'added' | 'changed' | 'removed';
  /** What changed, section by section in template order; empty for an added or removed file. */
  changes: Change[];
  /** Findings the change brought in, and those it made go away. */
  introduced: FindingFact[];
  fixed: FindingFact[];
  /** The file as it stands after the change (as it stood, for a removed file). */
  summary: FileSummary;
}
