import { transformSource, defaultOptions } from '../src/engine/pipeline';
import spawnContext from '../transforms/spawn-context';
import setStartMethod from '../transforms/set-start-method';
import diagnostics from '../transforms/diagnostics';
import type { Transform } from '../src/api/types';

// What fixtures cannot show: the wording of messages, and rules that depend on the file's path.
const run = (t: Transform, source: string, path = 'app.py', inPackage = false) =>
  transformSource(source, [t], defaultOptions, path, { inPackage }).diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`);

describe('MP308 names a star import when that is the cause', () => {
  const source = ['from multiprocessing import Pool', 'from helpers import *', '', 'if __name__ == "__main__":', '    Pool(2)', ''].join('\n');

  test('spawn-context', () => {
    expect(run(spawnContext, source)).toEqual(['5 MP308 cannot add get_context for Pool: from helpers import * may bind get_context here']);
  });

  test('set-start-method', () => {
    expect(run(setStartMethod, source)).toEqual(['4 MP308 cannot add set_start_method: from helpers import * may bind multiprocessing here']);
  });

  test('a plain binding is still "taken"', () => {
    const taken = source.replace('from helpers import *', 'get_context = None');
    expect(run(spawnContext, taken)).toEqual(['5 MP308 cannot add get_context for Pool: the name get_context is taken here']);
  });
});

describe('MP306 is not reported inside billiard or multiprocess themselves', () => {
  const source = ['import billiard', '', 'def pool(n):', '    return billiard.Pool(n)', ''].join('\n');

  test('a module of the billiard package', () => {
    expect(run(spawnContext, source, 'src/billiard/pool.py', true)).toEqual([]);
    expect(run(spawnContext, source, 'py3.11/multiprocess/managers.py', true)).toEqual([]);
  });

  test('user code, even in a folder named like them but not a package', () => {
    expect(run(spawnContext, source, 'app/jobs.py', true)).toEqual(['4 MP306 billiard.Pool uses billiard\'s own default start method and is not rewritten']);
    expect(run(spawnContext, source, 'examples/billiard/run.py', false)).toHaveLength(1);
  });
});

describe('messages of the data-following diagnostics', () => {
  test('MP401 says where the large value comes from and hints at the path, an initializer or shared memory', () => {
    const source = [
      'import multiprocessing as mp',
      '',
      'def f(data, n):',
      '    return n',
      '',
      'if __name__ == "__main__":',
      '    data = open("big.bin", "rb").read()',
      '    with mp.Pool(2) as pool:',
      '        pool.starmap(f, [(data, n) for n in range(4)])',
      '',
    ].join('\n');
    const found = transformSource(source, [diagnostics], defaultOptions, 'app.py', { inPackage: false }).diagnostics;
    expect(found.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual(['9:27 MP401 data (from a whole file read) is pickled and copied for every task']);
    expect(found[0].hint).toMatch(/file path.*initializer.*shared memory/);
  });

  test('MP301 for a conditional method says fork is kept on some paths', () => {
    const source = ['import multiprocessing as mp', 'import sys', '', 'ctx = mp.get_context("spawn" if sys.platform == "win32" else "fork")', ''].join('\n');
    expect(run(spawnContext, source)).toEqual(['4 MP301 fork start method kept on some paths']);
  });
});
