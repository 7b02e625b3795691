import { resolve } from 'node:path';
import { lookUp } from './files';
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
  const entry = lookUp(path);
  if ('missing' in entry) throw new UsageError(`--root: no such folder: ${given}`);
  if ('unreadable' in entry) throw new UsageError(`--root: cannot read ${given}: ${entry.unreadable}`);
  if (!entry.stat.isDirectory()) throw new UsageError(`--root takes a folder, and ${given} is a file`);
  return path;
}
