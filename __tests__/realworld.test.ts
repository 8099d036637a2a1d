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
    });
  });

  test('arguments: flags, the env default, and one clear error', () => {
    expect(realworld.parseArgs(['--mirrors', '/m', '--only', 'a/b,c/d'])).toMatchObject({ mirrors: '/m', only: ['a/b', 'c/d'] });
    expect(() => realworld.parseArgs(['--diffs'])).toThrow('--diffs needs a value');
    expect(() => realworld.parseArgs(['--nope'])).toThrow('unknown argument --nope');
  });
});
