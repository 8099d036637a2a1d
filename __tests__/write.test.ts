import * as fs from 'fs';
import * as path from 'path';
import { readableInstall } from './helpers/installed';
import { atomicWrite, WriteError, TEMP_MARK } from '../src/run/write';
import { makeTree } from './helpers/tree';
import { spawnSync } from 'child_process';

describe('atomicWrite', () => {
  test('replaces the content and leaves no temp file', () => {
    const root = makeTree({ 'a.py': 'old\n' });
    const file = path.join(root, 'a.py');
    atomicWrite(file, Buffer.from('new\n'), Buffer.from('old\n'));
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
    expect(fs.readdirSync(root)).toEqual(['a.py']);
  });

  test('refuses a file that changed on disk since it was read', () => {
    const root = makeTree({ 'a.py': 'edited by someone else\n' });
    const file = path.join(root, 'a.py');
    expect(() => atomicWrite(file, Buffer.from('new\n'), Buffer.from('old\n'))).toThrow(new WriteError('changed on disk since it was read, not written'));
    expect(fs.readFileSync(file, 'utf8')).toBe('edited by someone else\n');
    expect(fs.readdirSync(root).filter((f) => f.includes(TEMP_MARK))).toEqual([]);
  });

  test('a folder it cannot write to is an error, and the file is intact', () => {
    const root = makeTree({ 'd/a.py': 'old\n' });
    const dir = path.join(root, 'd');
    fs.chmodSync(dir, 0o555);
    try {
      // root ignores directory permissions; only assert the refusal where it applies
      if (process.getuid && process.getuid() !== 0) {
        expect(() => atomicWrite(path.join(dir, 'a.py'), Buffer.from('new\n'), Buffer.from('old\n'))).toThrow(WriteError);
      }
      expect(fs.readFileSync(path.join(dir, 'a.py'), 'utf8')).toBe('old\n');
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });

  test('a file with hard links is written through: every name sees the new text, the inode stays', () => {
    const root = makeTree({ 'a.py': 'old\n' });
    const file = path.join(root, 'a.py');
    fs.linkSync(file, path.join(root, 'b.py'));
    const inode = fs.statSync(file).ino;
    atomicWrite(file, Buffer.from('new text\n'), Buffer.from('old\n'));
    expect(fs.readFileSync(path.join(root, 'b.py'), 'utf8')).toBe('new text\n');
    expect(fs.statSync(file).ino).toBe(inode);
    expect(() => atomicWrite(file, Buffer.from('x\n'), Buffer.from('old\n'))).toThrow(new WriteError('changed on disk since it was read, not written'));
  });

  // Owners can be given away and users switched only as root (as in CI containers).
  const asRoot = process.getuid?.() === 0;
  test('run as root, the file keeps its owner and group', () => {
    if (!asRoot) return;
    const dir = makeTree({ 'a.py': 'old\n' });
    const file = path.join(dir, 'a.py');
    fs.chownSync(file, 65534, 65534);
    atomicWrite(file, Buffer.from('new\n'), Buffer.from('old\n'));
    const st = fs.statSync(file);
    expect([st.uid, st.gid]).toEqual([65534, 65534]);
  });

  test('a user who may write the folder but not the file is refused, and the file keeps its owner', () => {
    if (!asRoot) return;
    const dir = makeTree({ 'a.py': 'import multiprocessing as mp\nwith mp.Pool(2) as p:\n    pass\n' });
    fs.chmodSync(dir, 0o777);
    const file = path.join(dir, 'a.py');
    fs.chmodSync(file, 0o644);
    // From a copy nobody can read: the checkout may sit in a folder only its owner can enter.
    const bin = readableInstall();
    let r;
    try {
      r = spawnSync(process.execPath, [bin, '--write', '-t', 'spawn-context', 'a.py'], { cwd: dir, uid: 65534, gid: 65534, encoding: 'utf8' });
    } finally {
      fs.rmSync(path.dirname(path.dirname(bin)), { recursive: true, force: true });
    }
    expect(r.stderr).toContain('a.py: error: no permission to write this file, not written');
    expect(r.status).toBe(1);
    expect(fs.statSync(file).uid).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('mp.Pool(2)');
  });
});
