import { resolve } from 'node:path';
import { localToday, parseIsoDate } from '../../server/src/service';
import { lookUp } from './files';
import { UsageError } from './io';

/** `--format`'s value, checked against a command's formats; `command` names it in the message. */
export function chosenFormat(given: string | undefined, fallback: string, formats: object, command?: string): string {
  const format = given ?? fallback;
  if (!Object.hasOwn(formats, format)) throw new UsageError(`unknown format "${format}"${command ? ` for ${command}` : ''} (use ${Object.keys(formats).join(', ')})`);
  return format;
}

/** `--today`, checked as YYYY-MM-DD; the local calendar date when not given. */
export function todayOption(given: string | undefined): string {
  const today = given ?? localToday();
  if (!parseIsoDate(today)) throw new UsageError('--today takes a date as YYYY-MM-DD');
  return today;
}

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

/**
 * A command line parseArgs refused, said in the CLI's words: Node's own messages name its API
 * ("positional argument", "'--x <value>' argument missing") and stop in mid-sentence once cut to one line.
 */
export function argumentError(error: unknown, command: string): UsageError {
  const { code, message } = error as { code?: string; message: string };
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  // `-f, --format <value>`: the long name.
  const option = quoted.split(/[ ,]+/).filter((word) => word.startsWith('-')).pop() ?? quoted;
  const help = `see mlops-readiness --help`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`${command} has no option ${option} (${help})`);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError(`${command} takes options only, not "${option}" (${help})`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return new UsageError(`${option} takes no value`);
    if (/ambiguous/.test(message)) return new UsageError(`${option} needs a value before the next option (a value starting with "-" is written ${option}=-…)`);
    return new UsageError(`${option} needs a value (${help})`);
  }
  return new UsageError(message.split('\n')[0]!);
}
