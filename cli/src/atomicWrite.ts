import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, linkSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
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
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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
