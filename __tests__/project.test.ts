import * as fs from 'fs';
import * as path from 'path';
import { ProjectScan, joined } from '../src/project/project';
import { transformSource, defaultOptions } from '../src/engine/pipeline';
import { builtinTransforms } from '../transforms';
import { makeTree } from './helpers/tree';
import { work } from '../src/syntax/parser';

const JOBS = 'import multiprocessing as mp\n\n\ndef run(f, xs):\n    with mp.get_context("spawn").Pool(2) as p:\n        return p.map(f, xs)\n';
// Entry points use what the module's functions start (`x.run`, `x.go`): importing alone does not count.
const MAIN = '\n\nif __name__ == "__main__":\n    main(x.run, x.go)\n';

/** Which of `entries` (name -> text) the scan flags, with pkg/jobs.py starting processes beside them. */
function flagged(entries: Record<string, string>): string[] {
  const root = makeTree({ 'pkg/__init__.py': '', 'pkg/jobs.py': JOBS, ...entries });
  const scan = new ProjectScan();
  for (const name of ['pkg/__init__.py', 'pkg/jobs.py', ...Object.keys(entries)]) {
    const real = path.join(root, name);
    scan.note({ path: name, real }, fs.readFileSync(real, 'utf8'));
  }
  const found = scan.entryPointsImportingProcessCode();
  return Object.keys(entries).filter((name) => found.has(path.join(root, name)));
}

describe('the cross-file scan', () => {
  test('reads every import form of an entry point', () => {
    const entries = {
      'plain.py': `import pkg.jobs${MAIN}`,
      'aliased.py': `import os, pkg.jobs as j${MAIN}`,
      'from_package.py': `from pkg import jobs${MAIN}`,
      'from_module.py': `from pkg.jobs import run${MAIN}`,
      'parenthesised.py': `from pkg import (\n    jobs,\n)${MAIN}`,
      'indented.py': `try:\n    from pkg import jobs\nexcept ImportError:\n    jobs = None${MAIN}`,
      'crlf.py': `import os\r\nfrom pkg import jobs\r\n${MAIN.replace(/\n/g, '\r\n')}`,
      'cr_only.py': `import os\rfrom pkg import jobs\r${MAIN.replace(/\n/g, '\r')}`,
      'two_on_a_line.py': `import os; x = 1\nimport sys, pkg.jobs${MAIN}`,
    };
    expect(flagged(entries).sort()).toEqual(Object.keys(entries).sort());
  });

  test('leaves out entry points that only mention the module', () => {
    const entries = {
      'string.py': `x = "import pkg.jobs"\ny = "from pkg import jobs"${MAIN}`,
      'comment.py': `# from pkg import jobs\nimport os${MAIN}`,
      'other.py': `import pkg${MAIN}`,
      'no_main.py': 'from pkg import jobs\n',
    };
    expect(flagged(entries)).toEqual([]);
  });

  test('resolves imports where Python would: relative in the package, absolute beside the script or by full name', () => {
    const root = makeTree({
      'lib/__init__.py': '',
      'lib/distributed/__init__.py': '',
      'lib/distributed/utils.py': JOBS,
      'examples/score.py': `import utils${MAIN}`,
      'examples/near/utils.py': JOBS,
      'examples/near/run.py': `import utils${MAIN}`,
      'lib/distributed/cli.py': `from .utils import run${MAIN}`,
      'lib/tools/__init__.py': '',
      'lib/tools/cli.py': `from .utils import run${MAIN}`,
      'lib/tools/full.py': `from lib.distributed import utils${MAIN}`,
    });
    const scan = new ProjectScan();
    const names = ['lib/__init__.py', 'lib/distributed/__init__.py', 'lib/distributed/utils.py', 'examples/score.py', 'examples/near/utils.py', 'examples/near/run.py', 'lib/distributed/cli.py', 'lib/tools/__init__.py', 'lib/tools/cli.py', 'lib/tools/full.py'];
    for (const name of names) scan.note({ path: name, real: path.join(root, name) }, fs.readFileSync(path.join(root, name), 'utf8'));
    const found = [...scan.entryPointsImportingProcessCode()].map((f) => path.relative(root, f).split(path.sep).join('/')).sort();
    // score.py's `import utils` is not lib/distributed/utils.py; tools/cli.py has no sibling utils.
    expect(found).toEqual(['examples/near/run.py', 'lib/distributed/cli.py', 'lib/tools/full.py']);
  });

  test("a module that starts processes only through torch's spawn/start_processes (their own method) does not make its importers need set_start_method", () => {
    const root = makeTree({
      'pkg/__init__.py': '',
      'pkg/launch.py': 'def launch(fn, n):\n    from torch.multiprocessing import start_processes\n\n    start_processes(fn, nprocs=n, start_method="fork")\n\n\ndef debug(fn):\n    return launch(fn, 1)\n',
      'pkg/pool.py': 'import multiprocessing\nfrom torch.multiprocessing import spawn\n\n\ndef both(fn):\n    spawn(fn, nprocs=2)\n    with multiprocessing.Pool(2) as p:\n        return p.map(abs, [1])\n',
      'own.py': 'from pkg.launch import debug, launch\n\nif __name__ == "__main__":\n    launch(print, 2)\n    debug(print)\n',
      'mixed.py': 'from pkg.pool import both\n\nif __name__ == "__main__":\n    both(print)\n',
    });
    const scan = new ProjectScan();
    for (const name of ['pkg/__init__.py', 'pkg/launch.py', 'pkg/pool.py', 'own.py', 'mixed.py']) {
      const real = path.join(root, name);
      scan.note({ path: name, real }, fs.readFileSync(real, 'utf8'));
    }
    const found = scan.entryPointsImportingProcessCode();
    expect(['own.py', 'mixed.py'].filter((name) => found.has(path.join(root, name)))).toEqual(['mixed.py']);
  });

  test('asks processing about the modules entry points import, and believes its answer', () => {
    const root = makeTree({ 'pkg/__init__.py': '', 'pkg/jobs.py': JOBS, 'pkg/quiet.py': 'import multiprocessing\n', 'run.py': `from pkg import jobs${MAIN}` });
    const scan = new ProjectScan();
    const files = ['pkg/__init__.py', 'pkg/jobs.py', 'pkg/quiet.py', 'run.py'].map((name) => ({ path: name, real: path.join(root, name) }));
    for (const f of files) scan.note(f, fs.readFileSync(f.real, 'utf8'));
    expect([...scan.modulesToJudge()]).toEqual([path.join(root, 'pkg/jobs.py')]);
    // Told by processing that jobs.py starts no processes, the scan does not parse it to find out.
    expect([...scan.entryPointsImportingProcessCode(new Map([[path.join(root, 'pkg/jobs.py'), false]]))]).toEqual([]);
    expect([...scan.entryPointsImportingProcessCode()]).toEqual([path.join(root, 'run.py')]);
  });

  test("processing's answer is the scan's own, for modules that start processes and modules that do not", () => {
    const modules = {
      starts: JOBS,
      at_import: 'import multiprocessing as mp\np = mp.Process(target=print)\np.start()\n',
      executor: 'from concurrent.futures import ProcessPoolExecutor\n\ndef go():\n    with ProcessPoolExecutor() as ex:\n        return list(ex.map(abs, [1]))\n',
      only_imports: 'import multiprocessing\n\nCPUS = multiprocessing.cpu_count()\n',
      other_pool: 'import multiprocessing\nfrom thing import Pool\n\ndef go():\n    return Pool(2)\n',
      broken: 'import multiprocessing as mp\ndef f(:\n    mp.Process(target=print).start()\n',
    };
    const answers = Object.entries(modules).map(([name, text]) => {
      const byScan = flagged({ [`pkg/${name}.py`]: text, 'run.py': `from pkg import ${name}${MAIN}` }).includes('run.py');
      const byProcessing = transformSource(text, builtinTransforms, defaultOptions, `pkg/${name}.py`, { inPackage: true }, true).startsProcesses;
      return [name, byScan, byProcessing];
    });
    expect(answers.filter(([, a, b]) => a !== b)).toEqual([]);
    expect(answers.map(([name, a]) => `${name}=${a}`)).toEqual(['starts=true', 'at_import=true', 'executor=true', 'only_imports=false', 'other_pool=false', 'broken=true']);
    expect(transformSource(JOBS, builtinTransforms, defaultOptions, 'pkg/jobs.py', { inPackage: true }).startsProcesses).toBeUndefined();
  });
});

describe('functions of the run that start processes, for the files that import them', () => {
  const HELPERS = 'import multiprocessing as mp\n\n\ndef run_pool():\n    with mp.Pool(2) as p:\n        return p.map(abs, [1])\n\n\ndef indirect():\n    return run_pool()\n\n\ndef quiet():\n    return 1\n';
  test('scripts and entry points get them by the dotted name they import (relative ones with their dots); package modules do not', () => {
    const files: Record<string, string> = {
      'helpers.py': HELPERS,
      'pkg/__init__.py': '',
      'pkg/jobs.py': HELPERS,
      'script.py': 'import helpers\n\nprint(helpers.run_pool())\n',
      'from_import.py': 'from helpers import run_pool as rp\n\nrp()\n',
      'entry.py': `from pkg import jobs${MAIN}`,
      'dotted.py': 'import pkg.jobs\n\npkg.jobs.indirect()\n',
      'pkg/inner.py': 'import helpers\n\nhelpers.run_pool()\n',
      'pkg/relative.py': `from . import jobs${MAIN}`,
      'pkg/relative_from.py': `from .jobs import run_pool${MAIN}`,
      'pkg/sub/__init__.py': '',
      'pkg/sub/up.py': `from ..jobs import run_pool\nfrom .. import jobs${MAIN}`,
      'pkg/sub/up_by_name.py': `from ..sub import nothing${MAIN}`,
      'unrelated.py': 'import os\n\nprint(os.sep)\n',
    };
    const root = makeTree(files);
    const scan = new ProjectScan();
    for (const name of Object.keys(files)) scan.note({ path: name, real: path.join(root, name) }, files[name]);
    const calls = [...scan.processCalls()].map(([real, names]) => [path.relative(root, real).split(path.sep).join('/'), [...names].sort()]);
    expect(calls.sort()).toEqual([
      ['dotted.py', ['pkg.jobs.indirect', 'pkg.jobs.run_pool']],
      ['entry.py', ['pkg.jobs.indirect', 'pkg.jobs.run_pool']],
      ['from_import.py', ['helpers.indirect', 'helpers.run_pool']],
      ['pkg/relative.py', ['.jobs.indirect', '.jobs.run_pool']],
      ['pkg/relative_from.py', ['.jobs.indirect', '.jobs.run_pool']],
      ['pkg/sub/up.py', ['..jobs.indirect', '..jobs.run_pool']],
      ['script.py', ['helpers.indirect', 'helpers.run_pool']],
    ]);
    // A module processing judged quiet is not parsed again.
    expect(scan.processCalls(new Map([[path.join(root, 'helpers.py'), false]])).has(path.join(root, 'script.py'))).toBe(false);
  });

  test('classes: the class when making one starts processes, else the methods that do (directly or through self)', () => {
    const classes = [
      'import multiprocessing as mp',
      'class Runner:',
      '    def __init__(self, n):',
      '        self.n = n',
      '    def go(self):',
      '        return self._pool()',
      '    def _pool(self):',
      '        with mp.Pool(2) as p:',
      '            return p.map(abs, range(self.n))',
      '    @staticmethod',
      '    def once():',
      '        return mp.Pool(1)',
      '    def quiet(self):',
      '        return self.n',
      'class Eager:',
      '    def __init__(self):',
      '        self.pool = self.make()',
      '    def make(self):',
      '        return mp.Pool(1)',
      'class Worker(mp.Process):',
      '    pass',
      'class Plain:',
      '    def go(self):',
      '        return 1',
      '',
    ].join('\n');
    const files: Record<string, string> = { 'helpers.py': classes, 'script.py': 'from helpers import Runner\n\nRunner(1).go()\n' };
    const root = makeTree(files);
    const scan = new ProjectScan();
    for (const name of Object.keys(files)) scan.note({ path: name, real: path.join(root, name) }, files[name]);
    expect([...(scan.processCalls().get(path.join(root, 'script.py')) ?? [])].sort()).toEqual(['helpers.Eager', 'helpers.Runner._pool', 'helpers.Runner.go', 'helpers.Runner.once', 'helpers.Worker']);
  });
});

describe('the questions the scan asks of a module', () => {
  test('are answered from one parse of it', () => {
    const root = makeTree({ 'pkg/__init__.py': '', 'pkg/jobs.py': JOBS, 'run.py': `from pkg import jobs${MAIN}` });
    const scan = new ProjectScan();
    for (const name of ['pkg/__init__.py', 'pkg/jobs.py', 'run.py']) scan.note({ path: name, real: path.join(root, name) }, fs.readFileSync(path.join(root, name), 'utf8'));
    const before = work.parses;
    // Whether jobs.py starts processes, what of it run.py uses, and which of its functions start them.
    expect([...scan.entryPointsImportingProcessCode()]).toEqual([path.join(root, 'run.py')]);
    expect(scan.processCalls().get(path.join(root, 'run.py'))).toEqual(['pkg.jobs.run']);
    expect(work.parses - before).toBe(1);
  });
});

describe('the cross-file scan, over many entry points', () => {
  test('keeps no file text alive through the module names it notes', () => {
    const v8 = require('v8') as typeof import('v8');
    const vm = require('vm') as typeof import('vm');
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const body = 'value = [1, 2, 3]\n'.repeat(6000); // ~100 KB a file
    const scan = new ProjectScan();
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 300; i++) {
      // A fresh text each time, as read from disk: module names longer than 12 characters.
      const text = `import concurrent.futures_${i}, worker_module_${i}\nfrom package_name_${i}.sub import (long_name_one, long_name_two)\n${body}\nif __name__ == "__main__":\n    pass\n`;
      expect(scan.note({ path: `s${i}.py`, real: `/r/s${i}.py` }, text)).toBe(true);
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // The texts weigh 30 MB; the notes themselves well under 2.
    expect(grown).toBeLessThan(5_000_000);
    expect(scan.modulesToJudge().size).toBe(0); // and the scan still works
  });
});

describe('where an import may be found', () => {
  test('the path of a dotted name is the one path.join makes, for any base and name', () => {
    const bases = [path.sep, path.join(path.sep, 'repo'), path.join(path.sep, 'repo', 'pkg') + path.sep];
    const names = ['jobs', 'pkg.jobs', 'a.b.c', '', '.jobs', 'jobs.', 'a..b'];
    for (const base of bases) for (const name of names) expect(joined(base, name)).toBe(path.join(base, ...name.split('.')));
  });
});
