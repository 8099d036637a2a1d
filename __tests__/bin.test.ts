import { spawnSync } from 'child_process';
import * as path from 'path';
import { makeTree, POOL_SCRIPT } from './helpers/tree';

const BIN = path.join(__dirname, '..', 'bin', 'mp-codemod.js');
const run = (args: string[], cwd: string, input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });

// The real executable: exit codes reach the shell and errors never show a stack trace.
describe('bin/mp-codemod.js', () => {
  test('exit 0 on a dry run, 1 with --check and pending changes', () => {
    const root = makeTree({ 'app.py': POOL_SCRIPT });
    expect(run(['-t', 'spawn-context'], root).status).toBe(0);
    const check = run(['--check'], root);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('would change app.py');
  });

  test.each([[['--nope']], [['does/not/exist']], [['-t', 'unknown']]])('usage error %j: exit 2, one line, no stack', (args) => {
    const r = run(args, makeTree({}));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('--stdin through a pipe', () => {
    const r = run(['--stdin', '-t', 'spawn-context'], makeTree({}), POOL_SCRIPT);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('mp.get_context("spawn").Pool(2)');
  });

  test('--stdin loads neither the walker, nor the pool, nor the cross-file scan (start-up time)', () => {
    const root = makeTree({ 'loaded.js': "process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));\n" });
    const r = spawnSync(process.execPath, ['-r', path.join(root, 'loaded.js'), BIN, '--stdin'], { cwd: root, encoding: 'utf8', input: POOL_SCRIPT });
    expect(r.status).toBe(0);
    const loaded = (JSON.parse(r.stderr) as string[]).map((f) => path.relative(path.join(__dirname, '..'), f).split(path.sep).join('/'));
    expect(loaded).toContain('dist/src/run/files.js');
    expect(loaded.filter((f) => /run\/(runner|walk|pool|project-files)\.js$|src\/project\/(project|module-starts)\.js$|node_modules\/(ignore|picomatch)\//.test(f))).toEqual([]);
  });
});
