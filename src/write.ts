import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';

/** Temp files carry this in their name so that a run killed mid-write leaves recognisable leftovers. */
export const TEMP_MARK = '.mp-codemod-tmp-';
const pending = new Set<string>();

export class WriteError extends Error {}

/**
 * Replaces `file` with `data` atomically: a temp file in the same folder, then rename.
 * Refuses when the file no longer holds `expected` (changed since it was read) or is read-only.
 */
export function atomicWrite(file: string, data: Buffer, expected: Buffer): void {
  const st = fs.statSync(file);
  if ((st.mode & 0o222) === 0) throw new WriteError('read-only file, not written');
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  pending.add(tmp);
  try {
    const fd = fs.openSync(tmp, 'wx', st.mode & 0o7777);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.chmodSync(tmp, st.mode & 0o7777);
    if (!fs.readFileSync(file).equals(expected)) throw new WriteError('changed on disk since it was read, not written');
    fs.renameSync(tmp, file);
  } catch (e) {
    removeQuietly(tmp);
    if (e instanceof WriteError) throw e;
    throw new WriteError(`cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  } finally {
    pending.delete(tmp);
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone
  }
}

/** Removes temp files of writes still in flight; called on interrupt. */
export function cleanupPending(): void {
  for (const tmp of pending) removeQuietly(tmp);
  pending.clear();
}
