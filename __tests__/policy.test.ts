import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defineFixtureTests } from '../src/testing';
import { transformSource, defaultOptions } from '../src/engine/pipeline';
import { ready } from '../src/syntax/parser';
import { builtinTransforms } from '../transforms';
import { defineBehaviourTests } from './helpers/behaviour';
import { cli, makeTree } from './helpers/tree';
import { runPython, lines } from './helpers/python';

// The migration policy: one mechanism per file, and no edits to a file that spawn would still
// break. run_* programs are migrated and must behave the same under fork and under a spawn
// default; keep_* programs must come out unchanged (the diagnostics say why), so they still
// run under fork as they did.
const fixtures = path.join(__dirname, '..', '__testfixtures__', 'policy');

defineFixtureTests(builtinTransforms, fixtures);

defineBehaviourTests('migrated files behave the same under python3', builtinTransforms, fixtures, {
  platforms: (method) => [undefined, method],
  minPrograms: 3,
});

defineBehaviourTests('files left alone still run under fork', builtinTransforms, fixtures, {
  platforms: () => [undefined],
  minPrograms: 5,
  prefix: 'keep_',
  keepsFork: true,
});

test('an entry point that imports a module left on its own start method gets no set_start_method (MP316)', async () => {
  const switched = 'import multiprocessing\nimport sys\n\nif sys.platform == "win32":\n    def run(items):\n        return list(items)\nelse:\n    def run(items):\n        q = multiprocessing.Queue()\n        p = multiprocessing.Process(target=q.put, args=(list(items),))\n        p.start()\n        return q.get()\n';
  const app = 'import multiprocessing\n\nfrom lib import switch\n\n\ndef square(x):\n    return x * x\n\n\nif __name__ == "__main__":\n    print(switch.run(iter([1, 2])))\n    with multiprocessing.Pool(2) as pool:\n        print(pool.map(square, [1, 2]))\n';
  const root = makeTree({ 'lib/__init__.py': '', 'lib/switch.py': switched, 'app.py': app });
  try {
    const r = await cli(['--json', '.'], root);
    const files = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string }) => [f.path, f]));
    expect(files['lib/switch.py'].status).toBe('unchanged');
    expect(files['app.py'].diagnostics.map((d: { code: string }) => d.code)).toContain('MP316');
    // Its own pool gets an explicit context instead: the module keeps the default it had.
    expect(files['app.py'].diff).toContain('+    with multiprocessing.get_context("spawn").Pool(2) as pool:');
    expect(files['app.py'].diff).not.toContain('set_start_method');
    // Codes the user does not want reported still hold the module back: the facts are not the report.
    const quiet = await cli(['--json', '--ignore', 'MP312,MP314,MP316', '.'], root);
    const quietFiles = Object.fromEntries(JSON.parse(quiet.stdout).files.map((f: { path: string }) => [f.path, f]));
    expect(quietFiles['app.py'].diff).toContain('get_context("spawn").Pool(2)');
    expect(quietFiles['app.py'].diff).not.toContain('set_start_method');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

describe('a library module keeps the default start method (MP318)', () => {
  const JOBS = 'import multiprocessing\n\n\ndef square(x):\n    return x * x\n\n\ndef run(items):\n    with multiprocessing.Pool(2) as pool:\n        return pool.map(square, items)\n';
  // A caller the tool does not see (a user's script, a tutorial): no guard, which fork allowed.
  const TUTORIAL = 'from pkg import jobs\n\nprint("tutorial", jobs.run([1, 2, 3]))\n';
  const APP = 'from pkg import jobs\n\n\nif __name__ == "__main__":\n    print("app", jobs.run([4, 5]))\n';

  test('its unguarded callers still run under fork; the entry point of the run that imports it sets spawn', async () => {
    const root = makeTree({ 'pkg/__init__.py': '', 'pkg/jobs.py': JOBS, 'app.py': APP, 'tutorial.py': TUTORIAL });
    try {
      const tutorial = runPython(['tutorial.py'], { cwd: root });
      const app = runPython(['app.py'], { cwd: root });
      for (const r of [tutorial, app]) {
        expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
        expect(new Set(r.methods)).toEqual(new Set(['fork']));
      }
      // The run holds the library and the entry point; tutorial.py stands for callers outside it.
      const dry = await cli(['--json', 'pkg', 'app.py'], root);
      const files = Object.fromEntries(JSON.parse(dry.stdout).files.map((f: { path: string }) => [f.path, f]));
      expect(files['pkg/jobs.py'].diagnostics.map((d: { code: string; line: number }) => `${d.line} ${d.code}`)).toEqual(['9 MP318']);
      expect(files['app.py'].diagnostics.map((d: { code: string }) => d.code)).not.toContain('MP316');
      expect((await cli(['--write', 'pkg', 'app.py'], root)).code).toBe(0);
      expect(fs.readFileSync(path.join(root, 'pkg/jobs.py'), 'utf8')).toBe(JOBS);
      expect(fs.readFileSync(path.join(root, 'app.py'), 'utf8')).toContain('    multiprocessing.set_start_method("spawn")\n    print("app", jobs.run([4, 5]))');
      // An explicit spawn context in the library would make the tutorial's children re-run it (and fail).
      const after = runPython(['tutorial.py'], { cwd: root, timeoutMs: 30000 });
      expect({ code: after.code, stderr: after.stderr, stdout: after.stdout }).toEqual({ code: 0, stderr: '', stdout: tutorial.stdout });
      expect(new Set(after.methods)).toEqual(new Set(['fork']));
      for (const platformDefault of [undefined, 'spawn'] as const) {
        const migrated = runPython(['app.py'], { cwd: root, platformDefault });
        expect({ platformDefault, code: migrated.code, stderr: migrated.stderr }).toEqual({ platformDefault, code: 0, stderr: '' });
        expect(lines(migrated.stdout)).toEqual(lines(app.stdout));
        expect(new Set(migrated.methods)).toEqual(new Set(['spawn']));
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  test('an unguarded caller in the run gets a guard and set_start_method, and runs under spawn as under fork', async () => {
    const root = makeTree({ 'pkg/__init__.py': '', 'pkg/jobs.py': JOBS, 'tutorial.py': TUTORIAL });
    try {
      const before = runPython(['tutorial.py'], { cwd: root });
      expect({ code: before.code, stderr: before.stderr }).toEqual({ code: 0, stderr: '' });
      expect((await cli(['--write', '.'], root)).code).toBe(0);
      expect(fs.readFileSync(path.join(root, 'pkg/jobs.py'), 'utf8')).toBe(JOBS);
      const migrated = fs.readFileSync(path.join(root, 'tutorial.py'), 'utf8');
      // The guard guard-main makes runs the library's pool: the default is the entry point's to set.
      expect(migrated).toContain('if __name__ == "__main__":\n    multiprocessing.set_start_method("spawn")\n    main()\n');
      for (const platformDefault of [undefined, 'spawn'] as const) {
        const after = runPython(['tutorial.py'], { cwd: root, platformDefault });
        expect({ platformDefault, code: after.code, stderr: after.stderr, stdout: after.stdout }).toEqual({ platformDefault, code: 0, stderr: '', stdout: before.stdout });
        expect(new Set(after.methods)).toEqual(new Set(['spawn']));
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});

test('entry points that import a module with a DataLoader left on the default (MP317) get no set_start_method (MP316)', async () => {
  const loaders = 'from torch.utils.data import DataLoader\n\n\ndef batches(dataset):\n    return DataLoader(dataset, num_workers=2)\n';
  const trainer = 'from pkg import loaders\n\n\ndef fit(dataset):\n    return list(loaders.batches(dataset))\n';
  const pool = 'import multiprocessing\n\n\nif __name__ == "__main__":\n    with multiprocessing.Pool(2) as pool:\n        print(pool.map(abs, [-1]))\n';
  const root = makeTree({
    'pkg/__init__.py': '',
    'pkg/loaders.py': loaders,
    'pkg/trainer.py': trainer,
    // Imports the loaders without using them by name: the dataset reaches them all the same.
    'direct.py': `from pkg import loaders  # noqa: F401\n${pool}`,
    'through.py': `from pkg.trainer import fit  # noqa: F401\n${pool}`,
    'alone.py': pool,
  });
  try {
    const r = await cli(['--json', '.'], root);
    const files = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string }) => [f.path, f]));
    expect(files['pkg/loaders.py'].diagnostics.map((d: { code: string }) => d.code)).toContain('MP317');
    for (const name of ['direct.py', 'through.py']) {
      expect({ name, codes: files[name].diagnostics.map((d: { code: string }) => d.code) }).toEqual({ name, codes: ['MP316'] });
      expect(files[name].diff).not.toContain('set_start_method');
      expect(files[name].diff).toContain('multiprocessing.get_context("spawn").Pool(2)');
    }
    expect(files['alone.py'].diff).toContain('multiprocessing.set_start_method("spawn")');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('entry points that import a library whose DataLoader dataset caches its items (MP319) get no set_start_method (MP316)', async () => {
  // A library module under auto: its Pool keeps the default (MP318), and its DataLoader is still reported.
  const dataset = (body: string) =>
    `from multiprocessing.pool import Pool\n\nimport numpy as np\nfrom torch.utils.data import DataLoader, Dataset\n\n\ndef shape(f):\n    return np.load(f).shape\n\n\nclass Images(Dataset):\n    def __init__(self, files):\n        self.files = files\n        with Pool(2) as pool:\n            self.shapes = pool.map(shape, files)\n${body}\n    def __getitem__(self, i):\n        return np.load(self.files[i])\n\n\ndef create_dataloader(files, workers=8):\n    return DataLoader(Images(files), num_workers=workers)\n`;
  const cache = '        self.ims = [None] * len(files)\n        for i, f in enumerate(files):\n            self.ims[i] = np.load(f)\n';
  const metadata = '        self.labels = []\n        for f in files:\n            self.labels.append(f[0])\n';
  const script = (imports: string) => `import multiprocessing\n${imports}\n\n\nif __name__ == "__main__":\n    with multiprocessing.Pool(2) as pool:\n        print(pool.map(abs, [-1]))\n`;
  const root = makeTree({
    'pkg/__init__.py': '',
    'pkg/cached.py': dataset(cache),
    'pkg/labelled.py': dataset(metadata),
    'pkg/trainer.py': 'from pkg.cached import create_dataloader\n\n\ndef fit(files):\n    return list(create_dataloader(files))\n',
    'train.py': script('from pkg.cached import create_dataloader  # noqa: F401'),
    'through.py': script('from pkg.trainer import fit  # noqa: F401'),
    'label.py': script('from pkg.labelled import create_dataloader  # noqa: F401'),
  });
  try {
    const r = await cli(['--json', '.'], root);
    const files = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string }) => [f.path, f]));
    const codes = (name: string) => files[name].diagnostics.map((d: { code: string }) => d.code);
    expect(codes('pkg/cached.py')).toEqual(['MP318', 'MP319']);
    expect(codes('pkg/labelled.py')).toEqual(['MP318']);
    for (const name of ['train.py', 'through.py']) {
      expect({ name, codes: codes(name) }).toEqual({ name, codes: ['MP316'] });
      expect(files[name].diff).not.toContain('set_start_method');
      expect(files[name].diff).toContain('multiprocessing.get_context("spawn").Pool(2)');
    }
    // A dataset that appends metadata in a loop is no cache: its importer is migrated.
    expect(codes('label.py')).toEqual([]);
    expect(files['label.py'].diff).toContain('multiprocessing.set_start_method("spawn")');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

describe('a module-level Event read by workers (MP202)', () => {
  const input = fs.readFileSync(path.join(fixtures, 'keep_module_event.input.py'), 'utf8');
  beforeAll(() => ready());

  test('blocks the file and offers the unsafe fix', () => {
    const r = transformSource(input, builtinTransforms, defaultOptions, 'app.py');
    expect(r.output).toBe(input);
    const mp202 = r.diagnostics.find((d) => d.code === 'MP202')!;
    expect(mp202.hint).toContain('--unsafe-fixes');
    expect(r.diagnostics.map((d) => d.code)).toContain('MP312');
  });

  test('with --unsafe-fixes the Event comes from the parent and the file is migrated', () => {
    const r = transformSource(input, builtinTransforms, { ...defaultOptions, unsafeFixes: true }, 'app.py');
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    expect(r.fixes.map((f) => f.message)).toContain('moved ready into the __main__ guard; worker() gets it through args=');
    // set_start_method first: an Event made before it would fix the default and make it raise.
    const guard = r.output.slice(r.output.indexOf('if __name__'));
    expect(guard.indexOf('set_start_method')).toBeLessThan(guard.indexOf('ready = mp.Event()'));
  });
});

test('MP202 says why --unsafe-fixes does not apply', async () => {
  await ready();
  const source = 'import multiprocessing as mp\n\nlock = mp.Lock()\n\n\ndef work(x):\n    with lock:\n        return x\n\n\ndef init():\n    pass\n\n\nif __name__ == "__main__":\n    with mp.Pool(2, initializer=init) as pool:\n        print(pool.map(work, range(2)))\n';
  const r = transformSource(source, builtinTransforms, { ...defaultOptions, unsafeFixes: true }, 'app.py');
  expect(r.output).toBe(source);
  expect(r.diagnostics.find((d) => d.code === 'MP202')?.hint).toContain('--unsafe-fixes does not: its pool has an initializer already');
});

test('an sqlite3 connection bound on one branch keeps the file on fork: migrated regardless, it fails under spawn (MP108)', async () => {
  await ready();
  const input = fs.readFileSync(path.join(fixtures, 'keep_sqlite_branch_arg.input.py'), 'utf8');
  expect(transformSource(input, builtinTransforms, defaultOptions, 'app.py').output).toBe(input);
  // With the error silenced the plan migrates it (guard-main and set_start_method): that is what MP108 prevents.
  const silenced = input.replace('args=(source,))\n', 'args=(source,))  # mp-codemod: ignore[MP108]\n');
  const migrated = transformSource(silenced, builtinTransforms, defaultOptions, 'app.py').output;
  expect(migrated).toContain('set_start_method');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-sqlite-'));
  try {
    fs.writeFileSync(path.join(dir, 'input.py'), input);
    fs.writeFileSync(path.join(dir, 'migrated.py'), migrated);
    const fork = runPython(['input.py'], { cwd: dir });
    expect({ code: fork.code, stdout: fork.stdout }).toEqual({ code: 0, stdout: 'rows 2\nexit 0\n' });
    const spawn = runPython(['migrated.py'], { cwd: dir });
    expect(spawn.code).not.toBe(0);
    expect(spawn.stderr).toContain("cannot pickle 'sqlite3.Connection' object");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('a module of a package with a __main__ guard is an API too', () => {
  const POOL_FUNCTION = 'import multiprocessing\n\n\ndef square(x):\n    return x * x\n\n\ndef squares(xs):\n    with multiprocessing.Pool(2) as pool:\n        return pool.map(square, xs)\n';
  // A module left on its own method (MP314): an entry point that imports it cannot take set_start_method.
  const CHOOSER = 'import multiprocessing\nimport sys\n\nMETHOD = "fork" if sys.platform == "linux" else "spawn"\n\n\ndef run(xs):\n    with multiprocessing.get_context(METHOD).Pool(2) as pool:\n        return pool.map(abs, xs)\n';

  test('its functions keep the default when it cannot take set_start_method (MP316): no context an unguarded caller would trip on (MP318)', async () => {
    const root = makeTree({
      'pkg/__init__.py': '',
      'pkg/chooser.py': CHOOSER,
      'pkg/tool.py': `from pkg import chooser\n${POOL_FUNCTION}\n\nif __name__ == "__main__":\n    print(squares([1, 2]), chooser.run([-1]))\n`,
      // A user's script with no guard: a spawn context in squares() would re-run it in every worker.
      'user.py': 'from pkg.tool import squares\n\nprint(squares([3]))\n',
    });
    try {
      const r = await cli(['--json', 'pkg'], root);
      const tool = JSON.parse(r.stdout).files.find((f: { path: string }) => f.path === 'pkg/tool.py');
      expect(tool.diagnostics.map((d: { code: string }) => d.code).sort()).toEqual(['MP316', 'MP318']);
      expect(tool.status).toBe('unchanged');
      const user = runPython(['user.py'], { cwd: root, timeoutMs: 30000 });
      expect({ code: user.code, stdout: user.stdout }).toEqual({ code: 0, stdout: '[9]\n' });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('imported by an entry point of the run for its processes, it gets set_start_method in its guard, not contexts', async () => {
    const root = makeTree({
      'pkg/__init__.py': '',
      'pkg/tool.py': `${POOL_FUNCTION}\n\nif __name__ == "__main__":\n    print(squares([1, 2]))\n`,
      'pkg/cli.py': 'from pkg.tool import squares\n\nif __name__ == "__main__":\n    print(squares([4]))\n',
    });
    try {
      const r = await cli(['--json', '.'], root);
      const files = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string }) => [f.path, f]));
      for (const name of ['pkg/tool.py', 'pkg/cli.py']) {
        expect([name, files[name].diff.includes('set_start_method("spawn")'), files[name].diff.includes('get_context(')]).toEqual([name, true, false]);
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
