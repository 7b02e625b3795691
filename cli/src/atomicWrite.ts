import type * as Crypto from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, linkSync, openSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Refuse (EEXIST) instead of replacing an existing file. */
  overwrite?: boolean;
}

/**
 * Writes a file so that readers see either the old content or the new one, never a half-written
 * file: the data goes to a temporary file in the same folder (same file system, so the rename is
 * atomic), is flushed to disk, then renamed over the target. An existing file keeps its mode.
 * With `overwrite: false` the temporary file is hard-linked into place instead, which fails
 * atomically when the target exists.
 */
export function writeFileAtomic(given: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const overwrite = options.overwrite ?? true;
  // Through a symlink, replace the file it points to, not the link itself.
  let path = given;
  try {
    path = realpathSync(given);
  } catch {
    // Does not exist yet.
  }
  let existingMode: number | undefined;
  try {
    existingMode = statSync(path).mode & 0o7777;
  } catch {
    // A new file: default mode, less the umask.
  }
  const temp = join(dirname(path), temporaryName(basename(path)));
  const fd = openSync(temp, 'wx', existingMode ?? 0o666);
  try {
    try {
      // The umask applied at creation; an existing file's mode is restored exactly.
      if (existingMode !== undefined) fchmodSync(fd, existingMode);
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (overwrite) {
      renameSync(temp, path);
    } else {
      linkSync(temp, path);
      unlinkSync(temp);
    }
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or never created.
    }
    throw error;
  }
}

/** `.<name>.<pid>.<8 hex digits>.tmp`: the temporary file of a write in progress, beside its target. */
function temporaryName(name: string): string {
  // Loaded when a file is written: node:crypto takes ≈ 7 ms to load, and a check writes nothing.
  const { randomBytes } = require('node:crypto') as typeof Crypto;
  return `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

const TEMPORARY = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes the temporary files a killed write left in `folder`: only names of exactly our pattern
 * whose process is gone (a live process may be writing it). `done` keeps a folder from being
 * listed twice in one run.
 */
export function removeStaleTemporaryFiles(folder: string, done = new Set<string>()): void {
  if (done.has(folder)) return;
  done.add(folder);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match || isAlive(Number(match[2]))) continue;
    try {
      unlinkSync(join(folder, name));
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
