import type { ReportedFinding } from '../../server/src/service';

/** One checked file (or a config file with problems) in a report. */
export interface FileReport {
  /** Path relative to the current folder, `/`-separated. */
  file: string;
  absolutePath: string;
  /** Workspace root used for this file (config, runbooks). */
  root: string;
  /** The repository the file belongs to (nearest `.git` upward, else `root`): SARIF's %SRCROOT%. */
  repositoryRoot?: string;
  /** A configuration file with problems, not a readiness file: the readiness rules were not run on it. */
  configuration?: true;
  /** Set when the file was not checked at all (over the size limit): why. Such a file never passes. */
  notChecked?: string;
  findings: ReportedFinding[];
  /** The configured base of the rule pages for this file (`docsBaseUrl`), if any. */
  docsBaseUrl?: string;
}

export interface Report {
  files: FileReport[];
  summary: { files: number; errors: number; warnings: number };
}

export function summarise(files: FileReport[]): Report {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
    }
  }
  return { files, summary: { files: files.length, errors, warnings } };
}
