import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { makeTree } from './helpers/tree';
import { transformSource, defaultOptions } from '../src/engine/pipeline';
import { builtinTransforms } from '../transforms';

// Findings of the fuzz run of issue 22 that no transform fixture can show (bytes, file names).
const BIN = path.join(__dirname, '..', 'bin', 'mp-codemod.js');
const run = (args: string[], cwd: string, input?: Buffer) => spawnSync(process.execPath, [BIN, ...args], { cwd, input, env: { ...process.env, NO_COLOR: '1' } });

const SCRIPT = (head: string, text: string) => `${head}import multiprocessing as mp\n\nNAME = "${text}"\n\n\ndef f(x):\n    return x\n\n\nif __name__ == "__main__":\n    with mp.Pool(2) as p:\n        print(NAME, p.map(f, [1]))\n`;

/** A folder under git holding one file, so that `git apply --check` can judge a diff. */
function repoWith(name: string, bytes: Buffer): string {
  const root = makeTree({ [name]: bytes });
  spawnSync('git', ['init', '-q'], { cwd: root });
  return root;
}

describe('bytes of sources and diffs', () => {
  test('--stdin decodes with the coding cookie and answers in the same encoding', () => {
    const input = Buffer.from(SCRIPT('# -*- coding: latin-1 -*-\n', 'caf\u00e9'), 'latin1');
    const r = run(['--stdin', '-t', 'spawn-context'], makeTree({}), input);
    expect(r.status).toBe(0);
    expect(r.stdout.equals(Buffer.from(SCRIPT('# -*- coding: latin-1 -*-\n', 'caf\u00e9').replace('mp.Pool', 'mp.get_context("spawn").Pool'), 'latin1'))).toBe(true);
  });

  test('--stdin keeps a BOM', () => {
    const text = SCRIPT('', 'x');
    const r = run(['--stdin', '-t', 'spawn-context'], makeTree({}), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(r.stdout.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(r.stdout.subarray(3).toString('utf8')).toBe(text.replace('mp.Pool', 'mp.get_context("spawn").Pool'));
  });

  test.each([
    ['a latin-1 cookie', Buffer.from(SCRIPT('# coding: latin-1\n', 'caf\u00e9').replace('    with', '    # caf\u00e9 au lait\n    with'), 'latin1')],
    ['a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SCRIPT('', 'caf\u00e9'))])],
    ['a BOM, changed on line 1', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('import multiprocessing as mp\nwith mp.Pool(2) as p:\n    pass\n')])],
  ])('the dry-run diff of a file with %s applies with git apply, and gives what --write writes', (_name, bytes) => {
    const root = repoWith('app.py', bytes);
    const diff = run(['app.py', '-t', 'spawn-context'], root).stdout;
    expect(diff.length).toBeGreaterThan(0);
    fs.writeFileSync(path.join(root, 'p.diff'), diff);
    const applied = spawnSync('git', ['apply', 'p.diff'], { cwd: root, encoding: 'utf8' });
    expect(applied.stderr).toBe('');
    const patched = fs.readFileSync(path.join(root, 'app.py'));
    fs.writeFileSync(path.join(root, 'app.py'), bytes);
    run(['app.py', '-t', 'spawn-context', '--write'], root);
    expect(fs.readFileSync(path.join(root, 'app.py')).equals(patched)).toBe(true);
  });
});

describe('names the module exports', () => {
  // A library module: under auto it keeps the default (MP318); local gives it the contexts whose imports are pruned.
  const options = { ...defaultOptions, strategy: 'local' as const };
  const source = 'from multiprocessing import Pool\n\n\ndef run():\n    with Pool(2) as p:\n        return p.map(abs, [1])\n';
  test('a package __init__.py keeps an import that looks unused (from pkg import Pool elsewhere)', () => {
    const out = transformSource(source, builtinTransforms, options, path.join('pkg', '__init__.py'), { inPackage: true });
    expect(out.output).toContain('from multiprocessing import Pool, get_context\n');
  });

  test('a plain module still drops it', () => {
    const out = transformSource(source, builtinTransforms, options, path.join('pkg', 'mod.py'), { inPackage: true });
    expect(out.output).toContain('from multiprocessing import get_context\n');
  });
});

describe('diffs of files with thousands of changes', () => {
  const { applyPatch } = require('diff') as typeof import('diff');
  const { unifiedDiff, coarseDiff } = require('../src/run/diff') as typeof import('../src/run/diff');

  test('a dense file gets one coarse hunk that applies (a minimal diff costs lines x changes)', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `    q${i} = mp.Queue()\n`);
    const before = `import multiprocessing as mp\n\ndef f():\n${lines.join('')}    return 1\n`;
    const after = before.replace(/mp\.Queue/g, 'mp.get_context("spawn").Queue');
    const patch = unifiedDiff('app.py', before, after);
    expect(patch).toBe(coarseDiff('app.py', before, after));
    expect(patch.split('\n@@').length).toBe(2);
    expect(applyPatch(before, patch)).toBe(after);
  });

  test.each([
    ['a change in the middle', 'a\nb\nc\nd\ne\nf\ng\nh\n', 'a\nb\nc\nd\nX\nf\ng\nh\n'],
    ['lines added at the end, no final newline before', 'a\nb', 'a\nb\nc\n'],
    ['no final newline after', 'a\nb\n', 'a\nc'],
    ['an empty file filled', '', 'x = 1\n'],
    ['lines added at the start', 'a\nb\n', 'x\ny\na\nb\n'],
    ['CRLF lines', 'a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n'],
  ])('the coarse hunk applies: %s', (_name, before, after) => {
    expect(applyPatch(before, coarseDiff('f.py', before, after))).toBe(after);
  });
});
