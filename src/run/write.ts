import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';

/** Temp files carry this in their name so that a run killed mid-write leaves recognisable leftovers. */
export const TEMP_MARK = '.mp-codemod-tmp-';
const pending = new Set<string>();

export class WriteError extends Error {}

/**
 * Replaces `file` with `data`: a temp file in the same folder that takes the file's mode, owner
 * and group, then rename. Refuses when the file no longer holds `expected` (changed since it was
 * read), or the user may not write it (an access check: a writable folder would let the rename
 * through). A file with other hard links, or whose owner the temp file cannot take, is written in
 * place instead, so that the links and the owner stay.
 */
export function atomicWrite(file: string, data: Buffer, expected: Buffer): void {
  const st = fs.statSync(file);
  if ((st.mode & 0o222) === 0) throw new WriteError('read-only file, not written');
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    throw new WriteError('no permission to write this file, not written');
  }
  // A rename would split the hard links.
  if (st.nlink > 1) return writeInPlace(file, data, expected);
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
    if (!keepsOwner(tmp, st)) {
      removeQuietly(tmp);
      // A rename would hand the file to this user.
      return writeInPlace(file, data, expected);
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

/** Gives the temp file the original's owner and group; false when it cannot (not root, another owner). */
function keepsOwner(tmp: string, st: fs.Stats): boolean {
  const made = fs.statSync(tmp);
  if (made.uid === st.uid && made.gid === st.gid) return true;
  try {
    fs.chownSync(tmp, st.uid, st.gid);
    return true;
  } catch {
    return false;
  }
}

/** Overwrites the file's own bytes (same inode: links, owner and mode stay); not atomic, so only when renaming would lose something. */
function writeInPlace(file: string, data: Buffer, expected: Buffer): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r+');
  } catch (e) {
    throw new WriteError(`cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    const now = Buffer.alloc(expected.length + 1);
    const n = fs.readSync(fd, now, 0, now.length, 0);
    if (n !== expected.length || !now.subarray(0, n).equals(expected)) throw new WriteError('changed on disk since it was read, not written');
    fs.writeSync(fd, data, 0, data.length, 0);
    fs.ftruncateSync(fd, data.length);
    fs.fsyncSync(fd);
  } catch (e) {
    if (e instanceof WriteError) throw e;
    throw new WriteError(`cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  } finally {
    fs.closeSync(fd);
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
