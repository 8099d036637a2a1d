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
});
