import * as fs from 'fs';
import * as path from 'path';
import transform from '../transforms/set-start-method';
import { defineBehaviourTests } from './helpers/behaviour';
import { runPython } from './helpers/python';
import { cli, makeTree } from './helpers/tree';

const fixtures = path.join(__dirname, '..', '__testfixtures__', 'set-start-method');

defineBehaviourTests('set-start-method behaviour under python3', [transform], fixtures, {
  // The call sets the default, so the fork-default platform is the one that matters.
  platforms: (method) => [undefined, method],
  minPrograms: 5,
});

test('a third-party-style helper that uses the bare default context is spawned too', async () => {
  const root = makeTree({
    // Not rewritten by the entry point's migration: stands for code the team does not own.
    'vendored/helper.py': 'import multiprocessing\nimport sys\n\n\ndef where(_):\n    return sys.modules["__main__"].__name__\n\n\ndef run():\n    with multiprocessing.Pool(2) as pool:\n        return sorted(set(pool.map(where, range(4))))\n',
    'app.py': 'from vendored import helper\n\nif __name__ == "__main__":\n    print(helper.run())\n',
  });
  try {
    const before = runPython(['app.py'], { cwd: root });
    expect(before.stdout).toBe("['__main__']\n"); // forked children share the parent's __main__
    // The entry point starts its processes through a module of the run, which the cross-file scan reads.
    const r = await cli(['--write', '-t', 'set-start-method', '.'], root);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'app.py'), 'utf8')).toContain('    multiprocessing.set_start_method("spawn")\n    print(helper.run())');
    const after = runPython(['app.py'], { cwd: root });
    expect({ code: after.code, stderr: after.stderr, stdout: after.stdout }).toEqual({ code: 0, stderr: '', stdout: "['__mp_main__']\n" });
    expect(new Set(after.methods)).toEqual(new Set(['spawn']));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('an entry point that imports a local module starting processes gets set_start_method too', async () => {
  const root = makeTree({
    'pkg/__init__.py': '',
    'pkg/jobs.py': 'import multiprocessing\n\n\ndef double(x):\n    return 2 * x\n\n\ndef run():\n    with multiprocessing.get_context("spawn").Pool(2) as pool:\n        return pool.map(double, [1, 2])\n',
    'pkg/util.py': 'def nothing():\n    return None\n',
    'cli.py': 'from pkg import jobs\n\n\nif __name__ == "__main__":\n    print(jobs.run())\n',
    'other.py': 'from pkg.util import nothing\n\n\nif __name__ == "__main__":\n    nothing()\n',
  });
  try {
    const r = await cli(['--json', '-t', 'set-start-method', '.'], root);
    const changed = JSON.parse(r.stdout).files.filter((f: { status: string }) => f.status === 'changed').map((f: { path: string }) => f.path);
    expect(changed).toEqual(['cli.py']);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

describe("a package's __main__.py", () => {
  test('without a guard: set_start_method goes after the imports, and python -m runs with spawned children', async () => {
    const root = makeTree({
      'pkg/__init__.py': '',
      'pkg/jobs.py': 'import multiprocessing\n\n\ndef square(x):\n    return x * x\n\n\ndef run():\n    with multiprocessing.Pool(2) as pool:\n        return pool.map(square, [1, 2, 3])\n',
      'pkg/__main__.py': '"""Run with python -m pkg."""\nimport multiprocessing\n\nfrom pkg.jobs import run\n\nprint(run())\n',
    });
    try {
      const before = runPython(['-m', 'pkg'], { cwd: root });
      const r = await cli(['--write', '-t', 'set-start-method', '.'], root); // the run holds pkg/jobs.py, which starts the processes
      expect(r.code).toBe(0);
      expect(fs.readFileSync(path.join(root, 'pkg/__main__.py'), 'utf8')).toBe('"""Run with python -m pkg."""\nimport multiprocessing\n\nfrom pkg.jobs import run\nmultiprocessing.set_start_method("spawn")\n\nprint(run())\n');
      const after = runPython(['-m', 'pkg'], { cwd: root });
      expect({ code: after.code, stdout: after.stdout, stderr: after.stderr }).toEqual({ code: 0, stdout: before.stdout, stderr: '' });
      expect(new Set(after.methods)).toEqual(new Set(['spawn']));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('with process code at module level: the whole chain treats it as an entry point', async () => {
    const root = makeTree({
      'pkg/__init__.py': '',
      'pkg/work.py': 'def cube(x):\n    return x ** 3\n',
      'pkg/__main__.py': 'import multiprocessing as mp\n\nfrom pkg.work import cube\n\nwith mp.Pool(2) as pool:\n    print(pool.map(cube, [1, 2]))\n',
    });
    try {
      const before = runPython(['-m', 'pkg'], { cwd: root });
      const r = await cli(['--write', '.'], root);
      expect(r.stderr).not.toContain('MP304');
      const text = fs.readFileSync(path.join(root, 'pkg/__main__.py'), 'utf8');
      expect(text).toContain('if __name__ == "__main__":\n    mp.set_start_method("spawn")\n    main()\n');
      const after = runPython(['-m', 'pkg'], { cwd: root, platformDefault: 'spawn' });
      expect({ code: after.code, stdout: after.stdout, stderr: after.stderr }).toEqual({ code: 0, stdout: before.stdout, stderr: '' });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
