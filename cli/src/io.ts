/** What the CLI writes to and where it runs; tests pass their own. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour the stylish output (a TTY without NO_COLOR). */
  color: boolean;
}

/** A problem with the command line or the files it names: exit code 2, one line on stderr. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
