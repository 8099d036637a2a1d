import * as fs from 'fs';
import * as path from 'path';
import { atomicWrite, WriteError, TEMP_MARK } from '../src/write';
import { makeTree } from './helpers/tree';

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
});
