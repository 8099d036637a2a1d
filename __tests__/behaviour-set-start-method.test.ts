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

// A stand-in for torch's DataLoader: worker processes from the default context (or the loader's
// own), given the dataset as an argument: inherited under fork, pickled under spawn, as in torch.
const FAKE_TORCH = {
  'torch/__init__.py': '',
  'torch/utils/__init__.py': '',
  'torch/utils/data.py': [
    'import multiprocessing',
    '',
    '',
    'def _work(dataset, indices, queue):',
    '    for i in indices:',
    '        queue.put((i, dataset[i]))',
    '',
    '',
    'class DataLoader:',
    '    def __init__(self, dataset, num_workers=0, multiprocessing_context=None):',
    '        self.dataset, self.num_workers, self.context = dataset, num_workers, multiprocessing_context',
    '',
    '    def __iter__(self):',
    '        context = multiprocessing.get_context(self.context)',
    '        queue = context.SimpleQueue()',
    '        n = len(self.dataset)',
    '        workers = [context.Process(target=_work, args=(self.dataset, range(w, n, self.num_workers), queue)) for w in range(self.num_workers)]',
    '        for p in workers:',
    '            p.start()',
    '        items = dict(queue.get() for _ in range(n))',
    '        for p in workers:',
    '            p.join()',
    '        return iter([items[i] for i in range(n)])',
    '',
  ].join('\n'),
};

test('a DataLoader whose dataset comes from another module keeps the default (MP317): no set_start_method, the Pool beside it gets a context', async () => {
  const root = makeTree({
    ...FAKE_TORCH,
    // Holds an open file: fork shares it with the workers, spawn cannot pickle it.
    'lines.py': 'class Lines:\n    def __init__(self, path):\n        self.file = open(path)\n        self.lines = self.file.read().split()\n\n    def __len__(self):\n        return len(self.lines)\n\n    def __getitem__(self, i):\n        return self.lines[i].upper()\n',
    'words.txt': 'a b c\n',
    'app.py': [
      'import multiprocessing',
      '',
      'from torch.utils.data import DataLoader',
      '',
      'from lines import Lines',
      '',
      '',
      'def main():',
      '    print(list(DataLoader(Lines("words.txt"), num_workers=2)))',
      '    with multiprocessing.Pool(2) as pool:',
      '        print(pool.map(len, ["ab", "c"]))',
      '',
      '',
      'if __name__ == "__main__":',
      '    main()',
      '',
    ].join('\n'),
  });
  try {
    const before = runPython(['app.py'], { cwd: root });
    expect({ code: before.code, stdout: before.stdout }).toEqual({ code: 0, stdout: "['A', 'B', 'C']\n[2, 1]\n" });
    // The stand-in torch is not part of the run, as the real one is not.
    const r = await cli(['--write', '--output-format', 'json', 'app.py', 'lines.py'], root);
    const app = JSON.parse(r.stdout).files.find((f: { path: string }) => f.path === 'app.py');
    expect(app.diagnostics.map((d: { code: string }) => d.code)).toEqual(['MP317']);
    const text = fs.readFileSync(path.join(root, 'app.py'), 'utf8');
    expect(text).not.toContain('set_start_method');
    expect(text).toContain('multiprocessing.get_context("spawn").Pool(2)');
    // On Linux the loader keeps fork, as before; the Pool is spawned.
    const after = runPython(['app.py'], { cwd: root });
    expect({ code: after.code, stdout: after.stdout, stderr: after.stderr }).toEqual({ code: 0, stdout: before.stdout, stderr: '' });
    expect(new Set(after.methods)).toEqual(new Set(['fork', 'spawn']));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
