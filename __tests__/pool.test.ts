import { spawnSync } from 'child_process';
import * as path from 'path';
import { makeTree, POOL_SCRIPT } from './helpers/tree';

// Worker threads run from the compiled code (the TypeScript sources always run in-band), so the
// run happens in a child process, with Worker.postMessage watched from outside the pool.
const CLI = path.join(__dirname, '..', 'dist', 'src', 'cli', 'cli.js');

const WATCH = `
const { Worker } = require('worker_threads');
const post = Worker.prototype.postMessage;
const outstanding = new Map();
let most = 0;
let posted = 0;
Worker.prototype.postMessage = function (message, transfer) {
  if (message && message.file) {
    if (!outstanding.has(this)) {
      outstanding.set(this, 0);
      // First in line: an answer counts before the pool posts the next file.
      this.prependListener('message', () => outstanding.set(this, outstanding.get(this) - 1));
    }
    outstanding.set(this, outstanding.get(this) + 1);
    most = Math.max(most, outstanding.get(this));
    posted++;
  }
  return post.call(this, message, transfer);
};
require(process.env.CLI).main(process.argv.slice(1), { ...require(process.env.CLI).defaultIO(), stdout: () => {} }).then((code) => {
  process.stderr.write(JSON.stringify({ code, most, posted, threads: outstanding.size }) + '\\n');
});
`;

describe('the worker pool', () => {
  test('has at most two files in flight to each thread, however many candidates wait', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`m${i}.py`] = POOL_SCRIPT.replace('return x', `return x + ${i}`);
    const root = makeTree(files);
    const r = spawnSync(process.execPath, ['-e', WATCH, '.', '--jobs', '3', '--json'], { cwd: root, encoding: 'utf8', env: { ...process.env, CLI } });
    const stats = JSON.parse(r.stderr.trim().split('\n').pop()!);
    expect(stats.code).toBe(0);
    expect(stats.threads).toBeGreaterThanOrEqual(1);
    expect(stats.posted).toBeGreaterThan(10); // the threads did take files
    expect(stats.most).toBeGreaterThan(0);
    expect(stats.most).toBeLessThanOrEqual(2);
  });
});

describe('reading', () => {
  test('a dry run reads each file once: candidates are processed from the bytes screening read', async () => {
    // The module object itself (an `import *` copy's properties cannot be replaced).
    const fs = require('fs') as typeof import('fs');
    const { run } = require('../src/run/runner') as typeof import('../src/run/runner');
    const { builtinTransforms } = require('../transforms') as typeof import('../transforms');
    const files: Record<string, string> = { 'plain.py': 'print(1)\n' };
    for (let i = 0; i < 5; i++) files[`app${i}.py`] = POOL_SCRIPT;
    const root = makeTree(files);
    const reads = new Map<string, number>();
    const real = fs.readFileSync;
    const spy = jest.spyOn(fs, 'readFileSync').mockImplementation(((file: import('fs').PathOrFileDescriptor, ...rest: unknown[]) => {
      if (typeof file === 'string' && file.endsWith('.py')) reads.set(path.basename(file), (reads.get(path.basename(file)) ?? 0) + 1);
      return (real as (...a: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync);
    try {
      const summary = await run([root], { transforms: builtinTransforms, method: 'spawn', unsafeFixes: false, freezeSupport: false, allEntryPoints: false, write: false, diffs: true, cwd: root, python: false, gitignore: true, include: [], exclude: [], jobs: 1 });
      expect(summary.changed).toBe(5);
    } finally {
      spy.mockRestore();
    }
    expect(Object.fromEntries([...reads].sort())).toEqual(Object.fromEntries(Object.keys(files).sort().map((f) => [f, 1])));
  });
});
