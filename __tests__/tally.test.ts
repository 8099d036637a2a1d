import * as path from 'path';
import { spawnSync } from 'child_process';
import { cli, makeTree, POOL_SCRIPT } from './helpers/tree';
import { run } from '../src/index';

// Memory must not grow with the number of unchanged files: a run keeps no result for an
// unchanged file with nothing to say, only a count and the path string the walk made.

/** 30 files no transform concerns, 3 scripts that change, one module with a diagnostic only. */
function tree(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`plain/m${String(i).padStart(2, '0')}.py`] = `def f${i}(x):\n    return x + ${i}\n`;
  for (let i = 0; i < 3; i++) files[`app${i}.py`] = POOL_SCRIPT;
  // Forked explicitly: left alone, with MP301.
  files['fork.py'] = 'import multiprocessing as mp\nctx = mp.get_context("fork")\n';
  return makeTree(files);
}

test('the summary holds no result per unchanged file with nothing to say: a count and the paths only', async () => {
  const root = tree();
  const summary = await run([root], { python: false, config: false });
  const shown = (p: string) => path.relative(root, p);
  expect(summary.files.map((f) => [shown(f.path), f.status])).toEqual([
    ['app0.py', 'changed'],
    ['app1.py', 'changed'],
    ['app2.py', 'changed'],
    ['fork.py', 'unchanged'],
  ]);
  expect(summary.files[3].diagnostics.map((d) => d.code)).toEqual(['MP301']);
  expect(summary.unchangedPaths!.map(shown)).toEqual(Array.from({ length: 30 }, (_, i) => `plain/m${String(i).padStart(2, '0')}.py`));
  expect(summary).toMatchObject({ scanned: 34, changed: 3, unchanged: 31, skipped: 0, errors: 0, diagnostics: 1 });
  // The engine's work: the four candidates were processed, each parsed and analysed.
  expect(summary.work!.processed).toBe(4);
  expect(summary.work!.parses).toBeGreaterThanOrEqual(4);
  expect(summary.work!.analyses).toBeGreaterThanOrEqual(4);
  // Per changed file: each script was changed by one transform or more, parsed once plus once per text a pass made.
  const changed = summary.work!.changed!;
  expect(changed.files).toBe(3);
  expect(changed.parses).toBeGreaterThanOrEqual(6);
  expect(Object.values(changed.byTransforms).reduce((a, b) => a + b, 0)).toBe(3);
  expect(Object.values(changed.extraParses).reduce((a, b) => a + b, 0)).toBe(3);
  expect(summary.work!.inFiles!.parses).toBeLessThanOrEqual(summary.work!.parses);
  expect(summary.files.some((f) => 'work' in f)).toBe(false);
});

test('--json still lists every file, in path order, in the same layout as one JSON.stringify', async () => {
  const root = tree();
  const r = await cli(['--json', '--isolated', '.'], root);
  const report = JSON.parse(r.stdout);
  expect(r.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
  const paths = report.files.map((f: { path: string }) => f.path);
  expect(paths).toHaveLength(34);
  expect(paths).toEqual([...paths].sort());
  expect(report.files.find((f: { path: string }) => f.path === 'plain/m07.py')).toEqual({ path: 'plain/m07.py', status: 'unchanged', transforms: [], fixes: [], diagnostics: [] });
  expect(report.summary).toMatchObject({ scanned: 34, changed: 3, unchanged: 31 });
});

test('threads return their work with each result: the counts add up across --jobs', () => {
  const BIN = path.join(__dirname, '..', 'bin', 'mp-codemod.js');
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) files[`m${i}.py`] = i % 2 === 0 ? POOL_SCRIPT : `import multiprocessing as mp\nprint(mp.cpu_count() + ${i})\n`;
  const root = makeTree(files);
  const work = (jobs: string) => {
    const r = spawnSync(process.execPath, [BIN, '--quiet', '--isolated', '--jobs', jobs, '.'], { cwd: root, encoding: 'utf8', env: { ...process.env, MP_CODEMOD_BENCH: '1' } });
    const all = /work processed=(\d+) parses=(\d+) analyses=(\d+)/.exec(r.stderr)!.slice(1).map(Number);
    return [...all, /^work-changed (.*)$/m.exec(r.stderr)![1]];
  };
  const one = work('1');
  expect(one[0]).toBe(40);
  expect(one[3]).toMatch(/^files=20 parses=\d+ analyses=\d+ passes=\d+ transforms=\S+ by-passes=\S+ extra-parses=0:20$/);
  expect(work('2')).toEqual(one);
});
