import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeError } from './files';
import { UsageError } from './io';

/**
 * `--max-warnings -1`: parseArgs reads `-1` as an option. A negative number right after one of
 * these options is its value, written `--option=-1` for parseArgs.
 */
export function joinNegativeValues(args: string[], options: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (options.includes(args[i]!) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${args[i]}=${next}`);
      i++;
    } else joined.push(args[i]!);
  }
  return joined;
}

/** `--root`: a folder that exists (else the runbook and config checks would silently find nothing). */
export function existingFolder(given: string, cwd: string): string {
  const path = resolve(cwd, given);
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR' ? `--root: no such folder: ${given}` : `--root: cannot read ${given}: ${describeError(error)}`);
  }
  if (!stat.isDirectory()) throw new UsageError(`--root takes a folder, and ${given} is a file`);
  return path;
}
