import * as path from 'path';

// The pure counting behind `npm run realworld`; the corpus itself is never needed here.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const count = require(path.join(__dirname, '..', 'scripts', 'realworld-count.js'));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const realworld = require(path.join(__dirname, '..', 'scripts', 'realworld.js'));

const BOTH = [
  '--- a/app.py',
  '+++ b/app.py',
  '@@ -1,3 +1,3 @@',
  ' import multiprocessing as mp',
  '-pool = mp.Pool(2)',
  '+pool = mp.get_context("spawn").Pool(2)',
  '+q = mp.get_context("spawn").Queue()',
  '@@ -9,2 +10,3 @@',
  ' if __name__ == "__main__":',
  '+    mp.set_start_method("spawn")',
  '     main()',
  '',
].join('\n');

const REWRITE_ONLY = [
  '--- a/lib.py',
  '+++ b/lib.py',
  '@@ -4,1 +4,1 @@',
  '-ctx = multiprocessing.get_context()',
  '+ctx = multiprocessing.get_context("spawn")',
  '',
].join('\n');

describe('realworld counting', () => {
  test('hunks, both mechanisms and net new get_context calls from a diff', () => {
    expect(count.mechanisms(BOTH)).toEqual({ hunks: 2, setStart: 1, callSite: 2, getContext: 2 });
    // Rewriting an existing get_context() adds no context call and no call-site rewrite.
    expect(count.mechanisms(REWRITE_ONLY)).toEqual({ hunks: 1, setStart: 0, callSite: 0, getContext: 0 });
  });

  test('a file header line is not an added line', () => {
    const d = count.diffLines('--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a\n+b\n');
    expect(d).toEqual({ added: ['b'], removed: ['a'], hunks: 1 });
  });

  test('starts: stdlib factories count; ThreadPool, cpu_count, billiard and prose do not', () => {
    expect(count.startsProcesses('import multiprocessing as mp\np = mp.Pool(2)\n')).toBe(true);
    expect(count.startsProcesses('from torch.utils.data import DataLoader\nDataLoader(ds, num_workers=2)\n')).toBe(true);
    expect(count.startsProcesses('from multiprocessing.pool import ThreadPool\nThreadPool(2)\n')).toBe(false);
    expect(count.startsProcesses('import multiprocessing\nn = multiprocessing.cpu_count()\n')).toBe(false);
    expect(count.startsProcesses('import billiard\nbilliard.Pool(2)\n')).toBe(false);
    expect(count.startsProcesses('import multiprocessing\n# a Pool(2) would be nice\n')).toBe(false);
    expect(count.startsProcesses('from torch.utils.data import DataLoader\nDataLoader(ds, batch_size=2)\n')).toBe(false);
  });

  test('imports: one from-import per line, parenthesised lists across lines, relative ones', () => {
    const src = 'from a import b as c\nfrom utils.loaders import make\nfrom x import (\n    y,\n    z,\n)\nfrom . import sib\n';
    const paths = count.importedPaths(src, 'pkg/run.py');
    expect(paths).toEqual(expect.arrayContaining(['utils/loaders.py', 'pkg/utils/loaders.py', 'x/z.py', 'pkg/sib.py']));
    expect(paths.some((p: string) => p.includes('from'))).toBe(false);
  });

  test('set_start_method without a start looks through repository imports', () => {
    const files: Record<string, string> = {
      'run.py': 'from pkg import jobs\nif __name__ == "__main__":\n    jobs.go()\n',
      'pkg/jobs.py': 'import multiprocessing\ndef go():\n    multiprocessing.Pool(2)\n',
      'cli.py': 'import multiprocessing\nprint(multiprocessing.cpu_count())\n',
    };
    const read = (p: string) => files[p] ?? null;
    expect(count.setStartWithoutStart('run.py', read)).toBe(false);
    expect(count.setStartWithoutStart('cli.py', read)).toBe(true);
  });

  test('summarise: per-repository figures from a JSON report', () => {
    const report = {
      summary: { scanned: 4, changed: 2, errors: 0 },
      files: [
        { path: 'app.py', status: 'changed', diff: BOTH, diagnostics: [{ code: 'MP101' }] },
        { path: 'lib.py', status: 'changed', diff: REWRITE_ONLY, diagnostics: [{ code: 'MP101' }, { code: 'MP305' }] },
        { path: 'x.py', status: 'unchanged', diagnostics: [] },
      ],
    };
    const row = count.summarise(report, (p: string) => (p === 'app.py' ? 'import multiprocessing as mp\nmp.Pool(2)\n' : null));
    expect(row).toEqual({
      scanned: 4,
      changed: 2,
      errors: 0,
      hunks: 3,
      diagnostics: { MP101: 2, MP305: 1 },
      bothMechanisms: ['app.py'],
      repeatedContext: ['app.py'],
      setStartNoStart: [],
      longLines: [],
      // The hand-made diffs above do not apply to the files (and lib.py cannot be read).
      importsOutside: ['app.py: (diff did not apply; not checked)', 'lib.py: (diff did not apply; not checked)'],
    });
  });

  test('long lines: new and lengthened ones count, the user\'s own moved or untouched ones do not', () => {
    const long = 'x' .repeat(80);
    const diff = [
      '--- a/s.py',
      '+++ b/s.py',
      '@@ -1,4 +1,6 @@',
      `-y = f(${long})`,
      `-z = ${long}`,
      `-w = ${long}${long}`,
      '-pool = Pool(4)',
      '+def main():',
      `+    y = f(${long})`,
      `+    z = ${long}`,
      `+    w = ${long}${long}`,
      `+    pool = get_context("spawn").Pool(4, initializer=${long})`,
      `+\tglobal ${long}`,
      '',
    ].join('\n');
    // z: 84 columns moved to 88 (fits); y: 87 moved to 91 (indentation only); w: already too long.
    expect(count.longLines(diff, 88).map((l: string) => l.trim().slice(0, 6))).toEqual(['y = f(', 'pool =', 'global']);
    expect(count.columns('\tab')).toBe(6);
  });

  test('imports outside the standard-library group', () => {
    const std = (m: string) => ['os', 'sys', 'multiprocessing', '__future__'].includes(m);
    const added = (line: string) => `--- a/s.py\n+++ b/s.py\n@@ -1 +1,2 @@\n+${line}\n`;
    const mp = 'import multiprocessing';
    // In the stdlib group; in a new group of its own; after a third-party import with a stdlib group elsewhere.
    expect(count.importsOutsideGroup(added(mp), `import os\n${mp}\n\nimport numpy\n`, std)).toEqual([]);
    expect(count.importsOutsideGroup(added(mp), `${mp}\n\nimport numpy\n`, std)).toEqual([]);
    expect(count.importsOutsideGroup(added(mp), `import os\n\nimport numpy\n${mp}\n`, std)).toEqual([mp]);
    // One mixed block: beside a stdlib import is its place, after a third-party one is not.
    expect(count.importsOutsideGroup(added(mp), `import os\n${mp}\nimport numpy\n`, std)).toEqual([]);
    expect(count.importsOutsideGroup(added(mp), `import numpy\n${mp}\n`, std)).toEqual([mp]);
    // A from-import edited in place is the user's placement.
    const merged = '--- a/s.py\n+++ b/s.py\n@@ -1 +1 @@\n-from multiprocessing import Pool\n+from multiprocessing import Pool, get_context\n';
    expect(count.importsOutsideGroup(merged, 'import numpy\nfrom multiprocessing import Pool, get_context\n', std)).toEqual([]);
    expect(count.applyDiff('a\n', '--- a/s.py\n+++ b/s.py\n@@ -1 +1,2 @@\n a\n+b\n')).toBe('a\nb\n');
  });

  test('arguments: flags, the env default, and one clear error', () => {
    expect(realworld.parseArgs(['--mirrors', '/m', '--only', 'a/b,c/d'])).toMatchObject({ mirrors: '/m', only: ['a/b', 'c/d'] });
    expect(() => realworld.parseArgs(['--diffs'])).toThrow('--diffs needs a value');
    expect(() => realworld.parseArgs(['--nope'])).toThrow('unknown argument --nope');
  });
});

describe('realworld Python check', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { pythonFindings } = require(path.join(__dirname, '..', 'scripts', 'realworld-python.js'));
  const pair = (before: string, after: string) => ({ path: 'a.py', before, after });

  test('an output that no longer compiles is a finding; one that compiles is not', () => {
    const r = pythonFindings([pair('x = 1\n', 'x = (1\n'), pair('y = 1\n', 'y = 2\n')]);
    expect(r.python).toBe(true);
    expect(r.findings).toEqual(['a.py: no longer compiles']);
  });

  test('an input that did not compile either is not the tool\'s', () => {
    expect(pythonFindings([pair('x = (1\n', 'x = (2\n')]).findings).toEqual([]);
  });

  test('no python3: said, not a finding', () => {
    expect(pythonFindings([pair('x = 1\n', 'x = (1\n')], 'no-such-python-here')).toEqual({ python: false, pyflakes: false, findings: [] });
  });
});
