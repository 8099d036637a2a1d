import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { makeTree, POOL_SCRIPT } from './helpers/tree';

// Worker threads run from the compiled bin (the TypeScript sources always run in-band).
const BIN = path.join(__dirname, '..', 'bin', 'mp-codemod.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

/** A tree of varied candidates: enough of them that --jobs 2 really uses threads. */
function corpus(extra: Record<string, string> = {}): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) {
    files[`pkg${i % 4}/mod${i}.py`] = i % 3 === 0 ? POOL_SCRIPT : i % 3 === 1 ? `import multiprocessing as mp\nq = mp.Queue()\nprint(${i})\n` : `print(${i})\n`;
  }
  return makeTree({ ...files, ...extra });
}

describe('worker threads', () => {
  test('--jobs 2 and --jobs 1 give the same output, sorted by path', () => {
    const root = corpus();
    const one = run(['--json', '--jobs', '1'], root);
    const two = run(['--json', '--jobs', '2'], root);
    const strip = (s: string) => ({ ...JSON.parse(s), summary: { ...JSON.parse(s).summary, seconds: 0 } });
    expect(strip(two.stdout)).toEqual(strip(one.stdout));
    const paths = JSON.parse(two.stdout).files.map((f: { path: string }) => f.path);
    expect(paths).toEqual([...paths].sort());
    expect(JSON.parse(two.stdout).summary.changed).toBeGreaterThan(10);
  });

  test('threads learn which entry points import process code (the cross-file scan ends after they start)', () => {
    const lib = 'import multiprocessing as mp\n\n\ndef run(f, xs):\n    with mp.get_context("spawn").Pool(2) as p:\n        return p.map(f, xs)\n';
    const app = 'from pkg0 import jobs\n\n\ndef f(x):\n    return x\n\n\nif __name__ == "__main__":\n    print(jobs.run(f, [1]))\n';
    // zz sorts last: the entry points are screened after the threads have started on the others;
    // there are enough of them that the thread takes some while the main thread takes others.
    const apps = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`zz/app${String(i).padStart(2, '0')}.py`, app]));
    const root = corpus({ 'pkg0/__init__.py': '', 'pkg0/jobs.py': lib, 'zz/__init__.py': '', ...apps });
    const one = run(['--json', '--jobs', '1'], root);
    const two = run(['--json', '--jobs', '2'], root);
    const strip = (s: string) => ({ ...JSON.parse(s), summary: { ...JSON.parse(s).summary, seconds: 0 } });
    expect(strip(two.stdout)).toEqual(strip(one.stdout));
    const entries = JSON.parse(two.stdout).files.filter((f: { path: string }) => f.path.startsWith('zz/app'));
    expect(entries).toHaveLength(24);
    for (const e of entries) expect(e.fixes.map((f: { transform: string }) => f.transform)).toEqual(['set-start-method']);
  });

  test('threads learn which functions of the run start processes (scripts calling them at module level)', () => {
    const lib = 'import multiprocessing as mp\n\n\ndef run(f, xs):\n    with mp.get_context("spawn").Pool(2) as p:\n        return p.map(f, xs)\n';
    const script = 'from pkg0 import jobs\n\nprint(jobs.run(abs, [1]))\n';
    // zz sorts last: screened after the threads have started, enough of them that the thread takes some.
    const scripts = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`zz_scripts/call${i}.py`, script]));
    const root = corpus({ 'pkg0/__init__.py': '', 'pkg0/jobs.py': lib, ...scripts });
    const one = run(['--json', '--jobs', '1'], root);
    const two = run(['--json', '--jobs', '2'], root);
    const strip = (s: string) => ({ ...JSON.parse(s), summary: { ...JSON.parse(s).summary, seconds: 0 } });
    expect(strip(two.stdout)).toEqual(strip(one.stdout));
    const calls = JSON.parse(two.stdout).files.filter((f: { path: string }) => f.path.startsWith('zz_scripts/'));
    expect(calls).toHaveLength(6);
    // Moved into the guard guard-main makes, which then sets the start method as any entry point of the run reaching process code.
    for (const c of calls) expect(c.fixes.map((f: { transform: string }) => f.transform)).toEqual(['guard-main', 'set-start-method']);
  });

  test('a module a thread still holds when the queue runs dry counts for its importers (MP316 does not come and go)', () => {
    // Modules (not entry points, which wait for the cross-file scan) are enough for the pool to
    // start its thread while screening goes on; the thread takes the largest queued, this module,
    // and a test transform keeps it busy there while the main thread runs out of files: the
    // cross-file facts must wait for it.
    const keeper = 'import multiprocessing\nimport sys\n\nif sys.platform == "win32":\n    def run(items):\n        return list(items)\nelse:\n    def run(items):\n        q = multiprocessing.Queue()\n        p = multiprocessing.Process(target=q.put, args=(list(items),))\n        p.start()\n        return q.get()\n# SLOW_HERE\n' + '#\n'.repeat(8000);
    const app = `import multiprocessing\n\nfrom lib import switch\n\n\ndef square(x):\n    return x * x\n\n\nif __name__ == "__main__":\n    print(switch.run([1]))\n    with multiprocessing.Pool(2) as pool:\n        print(pool.map(square, [1, 2]))\n`;
    const pads = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`zpad/m${i}.py`, `import multiprocessing as mp\nq = mp.Queue()\nprint(${i})\n`]));
    const root = corpus({ 'lib/__init__.py': '', 'lib/switch.py': keeper, 'app.py': app, ...pads });
    const slow = path.join(__dirname, 'helpers', 'slow-transform.js');
    const r = run(['--json', '--jobs', '2', '-t', `diagnostics,join-processes,guard-main,set-start-method,spawn-context,${slow}`], root);
    const files = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string }) => [f.path, f]));
    expect(files['lib/switch.py'].diagnostics.map((d: { code: string }) => d.code)).toContain('MP314');
    expect(files['app.py'].diagnostics.map((d: { code: string }) => d.code)).toContain('MP316');
  });

  test('a crashing worker fails only the file it had; the run finishes', () => {
    // Which thread gets the file must not be left to timing. The pool starts its thread once 16
    // candidates are queued, and the thread first takes the largest queued: here that happens while
    // the entry points (this file is one), held back by the cross-file scan, are queued, and the
    // padding makes this file the largest of them.
    const root = corpus({ 'a/crash.py': `${POOL_SCRIPT}# CRASH_HERE\n${'#\n'.repeat(4000)}` });
    const crash = path.join(__dirname, 'helpers', 'crash-transform.js');
    const r = run(['--json', '--jobs', '2', '-t', `diagnostics,guard-main,set-start-method,spawn-context,${crash}`], root);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    const crashed = report.files.filter((f: { status: string }) => f.status === 'error');
    expect(crashed.map((f: { path: string; reason: string }) => [f.path, f.reason])).toEqual([['a/crash.py', 'internal error: worker exited (70)']]);
    expect(report.summary.scanned).toBe(41);
  });

  test('--write through threads writes every changed file', () => {
    const root = corpus();
    expect(run(['--write', '--jobs', '2'], root).status).toBe(0);
    expect(run(['--check', '--jobs', '2'], root).status).toBe(0);
    expect(fs.readFileSync(path.join(root, 'pkg0/mod0.py'), 'utf8')).toContain('mp.set_start_method("spawn")');
  });
});

describe('prefilter', () => {
  test('results with and without the prefilter are identical (fixtures and examples)', () => {
    const root = makeTree({});
    for (const dir of ['spawn-context', 'guard-main', 'set-start-method', 'diagnostics', 'all']) {
      fs.cpSync(path.join(__dirname, '..', '__testfixtures__', dir), path.join(root, dir), { recursive: true });
    }
    fs.cpSync(path.join(__dirname, '..', 'examples'), path.join(root, 'examples'), { recursive: true });
    const withIt = run(['--json', '--include', '*.input.py', '--include', '*.py'], root);
    const without = run(['--json', '--no-prefilter', '--include', '*.input.py', '--include', '*.py'], root);
    const strip = (s: string) => ({ ...JSON.parse(s), summary: { ...JSON.parse(s).summary, seconds: 0 } });
    expect(strip(withIt.stdout)).toEqual(strip(without.stdout));
    expect(JSON.parse(withIt.stdout).summary.changed).toBeGreaterThan(50);
  });
});
