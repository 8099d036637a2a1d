import * as fs from 'fs';
import * as path from 'path';
import { cli, makeTree } from './helpers/tree';

// A run on part of a project (pre-commit's batches, --shard, a file named alone) must report on
// each of its files what a run on the whole project reports: the cross-file facts (which modules
// start processes, which keep their own start method) come from the whole project.

const MAIN = '\n\nif __name__ == "__main__":\n    main()\n';
const JOBS = 'import multiprocessing as mp\n\n\ndef run(f, xs):\n    with mp.Pool(2) as p:\n        return p.map(f, xs)\n';
const TEST_JOBS = 'import multiprocessing as mp\n\n\ndef test_run():\n    with mp.Pool(2) as p:\n        assert p.map(abs, [-1]) == [1]\n';
const SWITCH = 'import multiprocessing\nimport sys\n\nif sys.platform == "win32":\n    def run(items):\n        return list(items)\nelse:\n    def run(items):\n        q = multiprocessing.Queue()\n        p = multiprocessing.Process(target=q.put, args=(list(items),))\n        p.start()\n        return q.get()\n';

const PROJECT: Record<string, string> = {
  'pkg/__init__.py': '',
  'pkg/jobs.py': JOBS,
  'pkg/quiet.py': 'import multiprocessing\n\nN = multiprocessing.cpu_count()\n',
  'pkg/__main__.py': `from . import jobs\n\n\ndef main():\n    print(jobs.run(abs, [1, -2]))${MAIN}`,
  'lib/__init__.py': '',
  'lib/switch.py': SWITCH,
  // Imports process code and uses no multiprocessing itself: set_start_method only if jobs.py is seen.
  'cli.py': `from pkg import jobs\n\n\ndef main():\n    print(jobs.run(abs, [1, -2]))${MAIN}`,
  'tool.py': `from pkg import quiet\n\n\ndef main():\n    print(quiet.N)${MAIN}`,
  // Imports a module left on its own start method: MP316 and an explicit context, only if switch.py is seen.
  'app.py': `import multiprocessing\n\nfrom lib import switch\n\n\ndef square(x):\n    return x * x\n\n\ndef main():\n    print(switch.run(iter([1, 2])))\n    with multiprocessing.Pool(2) as pool:\n        print(pool.map(square, [1, 2]))${MAIN}`,
  'scripts/run.py': `import multiprocessing as mp\n\nfrom pkg.jobs import run\n\n\ndef main():\n    print(mp.cpu_count(), run(abs, [3]))${MAIN}`,
  'notes.py': 'print("nothing to do")\n',
};
const PY = Object.keys(PROJECT);

type Entry = { path: string; status: string; diagnostics: { severity: string }[] };

async function checkRun(args: string[], cwd: string): Promise<{ code: number; files: Map<string, Entry> }> {
  const r = await cli(['--check', '--json', ...args], cwd);
  const files = new Map<string, Entry>(JSON.parse(r.stdout).files.map((f: Entry) => [f.path, f]));
  return { code: r.code, files };
}

/** The exit code of --check on just these entries of the full run. */
const expectedCode = (entries: Entry[]) => (entries.some((f) => f.status !== 'unchanged' || f.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0);

describe.each([
  ['pyproject.toml', '[project]\nname = "demo"\n'],
  ['setup.cfg', '[metadata]\nname = demo\n'],
  ['.git/HEAD', 'ref: refs/heads/main\n'],
])('a project marked by %s', (marker, text) => {
  let root: string;
  let full: { code: number; files: Map<string, Entry> };
  beforeAll(async () => {
    root = makeTree({ [marker]: text, ...PROJECT });
    full = await checkRun(['.'], root);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  /** Every file of the partial run is reported as in the full run, and the exit code is the one of those files. */
  const agrees = (part: { code: number; files: Map<string, Entry> }) => {
    for (const [p, entry] of part.files) expect({ p, entry }).toEqual({ p, entry: full.files.get(p) });
    expect(part.code).toBe(expectedCode([...part.files.keys()].map((p) => full.files.get(p)!)));
  };

  test('the full run finds the cross-file cases (so the comparisons below mean something)', () => {
    expect(full.files.size).toBe(PY.length);
    for (const f of ['cli.py', 'scripts/run.py', 'pkg/__main__.py']) expect(full.files.get(f)!.status).toBe('changed');
    expect(full.files.get('tool.py')!.status).toBe('unchanged');
    expect(full.files.get('app.py')!.diagnostics.map((d) => (d as { code?: string }).code)).toContain('MP316');
  });

  test('each file named alone (one pre-commit batch per file)', async () => {
    for (const file of PY) {
      const part = await checkRun([file], root);
      expect([...part.files.keys()]).toEqual([file]);
      agrees(part);
    }
  });

  test('batches of entry points without the modules they import', async () => {
    agrees(await checkRun(['cli.py', 'app.py', 'tool.py'], root));
    agrees(await checkRun(['scripts/run.py', 'notes.py'], root));
  });

  test('every shard of 2, 3 and 4', async () => {
    for (const count of [2, 3, 4]) {
      const seen: string[] = [];
      for (let i = 1; i <= count; i++) {
        const part = await checkRun(['--shard', `${i}/${count}`, '.'], root);
        agrees(part);
        seen.push(...part.files.keys());
      }
      expect(seen.sort()).toEqual([...full.files.keys()].sort());
    }
  });

  test('a run from inside the project on one folder', async () => {
    const part = await checkRun(['scripts'], root);
    expect([...part.files.keys()]).toEqual([path.join('scripts', 'run.py')]);
    agrees(part);
  });
});

test('in a repository of several projects, a batch inside one of them still sees the others (the repository is the project)', async () => {
  const root = makeTree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'common/__init__.py': '',
    'common/jobs.py': JOBS,
    'common/test_jobs.py': TEST_JOBS,
    'apps/web/pyproject.toml': '[project]\nname = "web"\n',
    'apps/web/cli.py': `from common import jobs\n\n\ndef main():\n    print(jobs.run(abs, [1]))${MAIN}`,
  });
  try {
    const full = await checkRun(['.'], root);
    expect(full.files.get('apps/web/cli.py')!.status).toBe('changed');
    const part = await checkRun(['apps/web/cli.py'], root);
    expect(part.files.get('apps/web/cli.py')).toEqual(full.files.get('apps/web/cli.py'));
    expect(part.code).toBe(1);
    // The other files are read, never written: a full run would change common/test_jobs.py (a
    // test module keeps explicit contexts; the library module common/jobs.py is left, MP318).
    expect(full.files.get('common/test_jobs.py')!.status).toBe('changed');
    expect((await cli(['--write', 'apps/web/cli.py'], root)).code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'apps/web/cli.py'), 'utf8')).toContain('set_start_method("spawn")');
    expect(fs.readFileSync(path.join(root, 'common/jobs.py'), 'utf8')).toBe(JOBS);
    expect(fs.readFileSync(path.join(root, 'common/test_jobs.py'), 'utf8')).toBe(TEST_JOBS);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('outside any project, a file named alone is judged with the files of the run only (as the README says)', async () => {
  const root = makeTree({ 'pkg/__init__.py': '', 'pkg/jobs.py': JOBS, 'cli.py': `from pkg import jobs\n\n\ndef main():\n    print(jobs.run(abs, [1]))${MAIN}` });
  try {
    expect((await checkRun(['.'], root)).files.get('cli.py')!.status).toBe('changed');
    expect((await checkRun(['cli.py'], root)).files.get('cli.py')!.status).toBe('unchanged');
    // --shard knows every file of its walk.
    const shards = [];
    for (const i of [1, 2, 3]) shards.push(await checkRun(['--shard', `${i}/3`, '.'], root));
    expect(shards.map((s) => s.files.get('cli.py')?.status).filter(Boolean)).toEqual(['changed']);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
