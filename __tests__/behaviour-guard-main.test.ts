import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import transform from '../transforms/guard-main';
import { transformSource } from '../src/engine/pipeline';
import { defineBehaviourTests } from './helpers/behaviour';
import { runPython, runPythonUntil } from './helpers/python';
import { cli } from './helpers/tree';

const fixtures = path.join(__dirname, '..', '__testfixtures__', 'guard-main');

defineBehaviourTests('guard-main behaviour under python3', [transform], fixtures, {
  // guard-main alone keeps the default context, so run where the default is spawn or forkserver.
  platforms: () => ['spawn', 'forkserver'],
  // A variable named like the function it starts fails earlier: pickling finds the process under that name.
  inputFailsUnderSpawn: /bootstrapping phase|it's not the same object as __main__\./,
});

test('the sciagraph seed\'s "WRONG" script fails as written and prints once when migrated', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-seed-'));
  try {
    const source = fs.readFileSync(path.join(fixtures, 'seed_sciagraph_wrong.input.py'), 'utf8');
    fs.writeFileSync(path.join(dir, 'input.py'), source);
    fs.writeFileSync(path.join(dir, 'output.py'), transformSource(source, [transform]).output);
    const broken = await runPythonUntil(['input.py'], { cwd: dir, stopOn: /bootstrapping phase/ });
    expect(broken.matched).toBe(true);
    const fixed = runPython(['output.py'], { cwd: dir });
    expect({ code: fixed.code, stdout: fixed.stdout, stderr: fixed.stderr }).toEqual({ code: 0, stdout: 'hello\n', stderr: '' });
    expect(fixed.methods).toEqual(['spawn']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** Writes `files` to a fresh folder, runs each of `runs` (python3 arguments) under fork, migrates with --write, runs them again under a spawn default. */
async function sameAfterMigration(files: Record<string, string>, runs: string[][], moved: string[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-calls-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const before = runs.map((args) => runPython(args, { cwd: dir }));
    expect(before.map((r) => [r.code, r.stderr])).toEqual(runs.map(() => [0, '']));
    const r = await cli(['--write', '.'], dir);
    expect(r.code).toBe(0);
    for (const f of moved) expect(fs.readFileSync(path.join(dir, f), 'utf8')).not.toBe(files[f]);
    runs.forEach((args, i) => {
      const after = runPython(args, { cwd: dir, platformDefault: 'spawn', timeoutMs: 30000 });
      expect({ args, code: after.code, stdout: after.stdout, stderr: after.stderr }).toEqual({ args, code: 0, stdout: before[i].stdout, stderr: '' });
      expect(new Set(after.methods)).toEqual(new Set(['spawn']));
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const POOL_HELPERS = 'import multiprocessing as mp\n\n\ndef square(x):\n    return x * x\n\n\ndef run_pool():\n    with mp.Pool(2) as pool:\n        return pool.map(square, [1, 2, 3])\n';

test('a module-level call into another module of the run that starts processes moves under the guard', async () => {
  await sameAfterMigration(
    {
      'helpers.py': POOL_HELPERS,
      // No guard, and no word of multiprocessing: only the cross-file scan knows this is process code.
      'script.py': 'import helpers\n\nprint("start")\nprint(helpers.run_pool())\n',
      // An entry point whose module-level call runs before its guard.
      'app.py': 'from helpers import run_pool as rp\n\nRESULTS = rp()\n\nif __name__ == "__main__":\n    print(RESULTS)\n',
    },
    [['script.py'], ['app.py']],
    ['script.py', 'app.py'],
  );
});

test('module-level calls into process code through relative imports move under the guard (python -m pkg.app)', async () => {
  await sameAfterMigration(
    {
      'pkg/__init__.py': '',
      'pkg/helpers.py': POOL_HELPERS,
      // No word of multiprocessing: only the cross-file scan, resolving `.helpers`, knows this is process code.
      'pkg/app.py': 'from .helpers import run_pool\nfrom . import helpers\n\nprint("start")\nRESULTS = run_pool()\nprint(helpers.run_pool())\n\nif __name__ == "__main__":\n    print(RESULTS)\n',
      'pkg/sub/__init__.py': '',
      'pkg/sub/deep.py': 'from ..helpers import run_pool\n\nTOTAL = sum(run_pool())\n\nif __name__ == "__main__":\n    print(TOTAL)\n',
    },
    [['-m', 'pkg.app'], ['-m', 'pkg.sub.deep']],
    ['pkg/app.py', 'pkg/sub/deep.py'],
  );
});

test('module-level use of imported classes whose methods or constructor start processes moves under the guard', async () => {
  const helpers = [
    POOL_HELPERS,
    '',
    'class Runner:',
    '    def __init__(self, n):',
    '        self.n = n',
    '',
    '    def go(self):',
    '        return self._pool()',
    '',
    '    def _pool(self):',
    '        with mp.Pool(2) as pool:',
    '            return pool.map(square, range(self.n))',
    '',
    '    @staticmethod',
    '    def once():',
    '        with mp.Pool(2) as pool:',
    '            return pool.map(square, [4])',
    '',
    '',
    'class Eager:',
    '    def __init__(self):',
    '        with mp.Pool(2) as pool:',
    '            self.result = pool.map(square, [5])',
    '',
  ].join('\n');
  await sameAfterMigration(
    {
      'helpers.py': helpers,
      'made.py': 'from helpers import Runner\n\nprint("start")\nprint(Runner(3).go())\n',
      'instance.py': 'from helpers import Runner\n\nrunner = Runner(2)\nprint(runner.go())\n',
      'dotted.py': 'import helpers\n\nprint(helpers.Runner(1).go())\nprint(helpers.Runner.once())\n',
      'eager.py': 'from helpers import Eager\n\nprint(Eager().result)\n',
    },
    [['made.py'], ['instance.py'], ['dotted.py'], ['eager.py']],
    ['made.py', 'instance.py', 'dotted.py', 'eager.py'],
  );
});

test('module-level calls of methods that start processes, on an instance of a class of the same file, move under the guard', async () => {
  const runner = [
    POOL_HELPERS,
    '',
    'class Runner:',
    '    def __init__(self, n):',
    '        self.n = n',
    '',
    '    def go(self):',
    '        return self._pool()',
    '',
    '    def _pool(self):',
    '        with mp.Pool(2) as pool:',
    '            return pool.map(square, range(self.n))',
    '',
    '',
  ].join('\n');
  await sameAfterMigration(
    {
      // The process code is only the method call, a few statements after the instance is made.
      'instance.py': `${runner}runner = Runner(2)\nprint("start")\nprint(runner.go())\n`,
      'made.py': `${runner}print(Runner(3).go())\n`,
    },
    [['instance.py'], ['made.py']],
    ['instance.py', 'made.py'],
  );
});
