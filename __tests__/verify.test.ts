import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, type IO } from '../src/cli/cli';
import { findings, type VerifyRecord } from '../src/cli/verify/records';
import { compareRuns, normalise } from '../src/cli/verify/compare';

// Behaviour tests: small projects in __testfixtures__/verify/<case>/ run through
// `mp-codemod verify`, with python3 (3.11) and pytest as installed on the machine.
const FIXTURES = path.join(__dirname, '..', '__testfixtures__', 'verify');
const HANG = 6; // seconds: cases that hang under spawn are stopped after this
const FINISH = 90; // cases that finish: only a guard against a hang

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function project(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-verify-${name}-`));
  made.push(dir);
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

async function cli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: IO = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readStdin: () => '',
    cwd,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env },
    isTTY: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** `verify --output-format json`: the findings as `CODE path:line`. */
async function verifyJson(cwd: string, command: string[], timeout: number, env: NodeJS.ProcessEnv = {}) {
  const out = await cli(['verify', '--output-format', 'json', '--timeout', String(timeout), '--', ...command], cwd, env);
  let report: any;
  try {
    report = JSON.parse(out.stdout);
  } catch {
    throw new Error(`no JSON report (exit ${out.code}):\n${out.stdout}\n${out.stderr}`);
  }
  const found: string[] = report.files.flatMap((f: any) => f.diagnostics.map((d: any) => `${d.code} ${f.path}:${d.line}`)).sort();
  return { ...out, found, report };
}

function pytestMissing(): string | null {
  const r = spawnSync('python3', ['-c', 'import pytest'], { encoding: 'utf8' });
  return r.status === 0 ? null : `pytest is not installed for python3 (python3 -c "import pytest": ${(r.stderr || r.error?.message || '').trim()})`;
}

const PYTEST = ['python3', '-m', 'pytest', '-q', '-p', 'no:cacheprovider'];

// [case, finding as a script, finding under pytest, hangs under spawn]
const CASES: [string, string, string | null, boolean][] = [
  ['lambda_pool', 'MP101 app.py:9', 'MP101 app.py:9', false],
  ['closure_process', 'MP103 app.py:11', 'MP103 app.py:11', false],
  ['module_pool', 'MP310 app.py:8', 'MP304 app.py:8', true],
  ['module_event', 'MP202 app.py:3', 'MP202 app.py:3', true],
  ['mixed_lock', 'MP313 app.py:12', 'MP313 app.py:12', false],
  ['late_set_start_method', 'MP302 app.py:3', 'MP302 app.py:3', false],
  ['guard_worker', 'MP107 app.py:5', null, false],
];

describe('verify -- python3 app.py', () => {
  test.concurrent.each(CASES)('%s reports %s', async (name, expected, _pytest, hangs) => {
    const dir = project(name);
    const before = fs.readFileSync(path.join(dir, 'app.py'), 'utf8');
    const r = await verifyJson(dir, ['python3', 'app.py'], hangs ? HANG : FINISH);
    expect(r.found).toEqual([expected]);
    if (hangs) expect(r.code).toBe(124);
    else expect(r.code).not.toBe(0);
    expect(r.report.mode).toBe('verify');
    expect(fs.readFileSync(path.join(dir, 'app.py'), 'utf8')).toBe(before); // never changes a file
  });

  test.concurrent('a clean project reports nothing and exits 0; its output passes through', async () => {
    const r = await cli(['verify', '--', 'python3', 'app.py'], project('clean'));
    expect(r.stdout).toBe('[1, 4, 9]\nchild\n');
    expect(r.stderr).not.toMatch(/MP\d{3}/);
    expect(r.stderr).toContain('no spawn failure recorded under spawn');
    expect(r.code).toBe(0);
  });
});

describe('verify -- python3 -m pytest', () => {
  const missing = pytestMissing();
  const rows = CASES.filter((c) => c[2] !== null).map(([name, , expected, hangs]) => [name, expected as string, hangs] as const);
  test.concurrent.each(rows)('%s reports %s under pytest', async (name, expected, hangs) => {
    if (missing) throw new Error(missing);
    const r = await verifyJson(project(name), PYTEST, hangs ? HANG : FINISH);
    expect(r.found).toEqual([expected]);
    expect(r.code).toBe(hangs ? 124 : 1);
  });

  test.concurrent('a clean project passes with nothing to report', async () => {
    if (missing) throw new Error(missing);
    const r = await verifyJson(project('clean'), PYTEST, FINISH);
    expect(r.found).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('other ways to run the command', () => {
  test.concurrent('python3 -m module', async () => {
    const r = await verifyJson(project('lambda_pool'), ['python3', '-m', 'app'], FINISH);
    expect(r.found).toEqual(['MP101 app.py:9']);
  });

  test.concurrent('unittest', async () => {
    const dir = project('closure_process');
    fs.writeFileSync(path.join(dir, 'test_unit.py'), 'import unittest\n\nfrom app import main\n\n\nclass T(unittest.TestCase):\n    def test_main(self):\n        main()\n');
    const r = await verifyJson(dir, ['python3', '-m', 'unittest', 'test_unit'], FINISH);
    expect(r.found).toEqual(['MP103 app.py:11']);
    expect(r.code).toBe(1);
  });

  test.concurrent('a shell command line; exit 1 when it passed but failures were recorded', async () => {
    const r = await verifyJson(project('lambda_pool'), ['python3 app.py; echo after'], FINISH);
    expect(r.found).toEqual(['MP101 app.py:9']);
    expect(r.stderr).toContain('after\n'); // json owns stdout: the command's stdout goes to stderr
    expect(r.code).toBe(1);
  });

  test.concurrent('a project sitecustomize still runs, after the helper', async () => {
    const dir = project('late_set_start_method');
    const own = path.join(dir, 'own-site');
    fs.mkdirSync(own);
    fs.writeFileSync(path.join(own, 'sitecustomize.py'), 'print("own sitecustomize")\n');
    const r = await verifyJson(dir, ['python3', 'app.py'], FINISH, { PYTHONPATH: own });
    expect(r.stderr).toContain('own sitecustomize');
    expect(r.found).toEqual(['MP302 app.py:3']);
  });

  test.concurrent("the program's own set_start_method still works: an explicit fork is a warning, exit 0", async () => {
    const dir = project('clean');
    fs.writeFileSync(path.join(dir, 'fork.py'), fs.readFileSync(path.join(dir, 'app.py'), 'utf8').replace('    main()', '    mp.set_start_method("fork")\n    main()'));
    const r = await cli(['verify', '--', 'python3', 'fork.py'], dir);
    expect(r.stderr).toMatch(/^fork\.py:\d+:1: MP301 /m);
    expect(r.stdout).toBe('[1, 4, 9]\nchild\n');
    expect(r.code).toBe(0);
  });

  test.concurrent('--method forkserver: the fork server is not reported as a fork, a closure is', async () => {
    const clean = await cli(['verify', '--method', 'forkserver', '--', 'python3', 'app.py'], project('clean'));
    expect(clean.stderr).not.toMatch(/MP\d{3}/);
    expect(clean.code).toBe(0);
    const closure = await cli(['verify', '--method', 'forkserver', '--', 'python3', 'app.py'], project('closure_process'));
    expect(closure.stderr).toMatch(/^app\.py:11:1: MP103 /m);
    expect(closure.stderr).toMatch(/\nmp-codemod verify: 1 finding under forkserver\n$/);
  });

  test.concurrent("os.fork is a warning (MP303); a worker's own errors are not spawn failures", async () => {
    const dir = project('clean');
    fs.writeFileSync(
      path.join(dir, 'own.py'),
      [
        'import multiprocessing as mp',
        'import os',
        '',
        '',
        'def work():',
        '    raise TypeError("cannot pickle \'generator\' object")',
        '',
        '',
        'if __name__ == "__main__":',
        '    p = mp.Process(target=work)',
        '    p.start()',
        '    p.join()',
        '    pid = os.fork()',
        '    if pid == 0:',
        '        os._exit(0)',
        '    os.waitpid(pid, 0)',
        '',
      ].join('\n'),
    );
    const r = await verifyJson(dir, ['python3', 'own.py'], FINISH);
    expect(r.found).toEqual(['MP303 own.py:13']);
    expect(r.code).toBe(0);
  });

  test.concurrent('a lambda handed to Pool.map is reported where map is called', async () => {
    const dir = project('clean');
    fs.writeFileSync(path.join(dir, 'map.py'), fs.readFileSync(path.join(dir, 'app.py'), 'utf8').replace('pool.map(square,', 'pool.map(lambda x: x,'));
    const r = await verifyJson(dir, ['python3', 'map.py'], FINISH);
    expect(r.found).toEqual(['MP101 map.py:14']);
  });

  test.concurrent('github and sarif formats', async () => {
    const dir = project('closure_process');
    const gh = await cli(['verify', '--output-format', 'github', '--', 'python3', 'app.py'], dir);
    expect(gh.stdout).toMatch(/^::error file=app\.py,line=11,col=1,title=mp-codemod MP103::/m);
    const sarif = await cli(['verify', '--output-format', 'sarif', '--', 'python3', 'app.py'], dir);
    const log = JSON.parse(sarif.stdout);
    expect(log.runs[0].results.map((x: any) => [x.ruleId, x.locations[0].physicalLocation.region.startLine])).toEqual([['MP103', 11]]);
  });
});

describe('the three-step workflow', () => {
  test('a project fixed by mp-codemod --write goes from failures to none', async () => {
    const dir = project('module_pool');
    const before = await verifyJson(dir, ['python3', 'app.py'], HANG);
    expect(before.found).toEqual(['MP310 app.py:8']);
    expect((await cli(['app.py', '--write', '--quiet'], dir)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'app.py'), 'utf8')).not.toBe(fs.readFileSync(path.join(FIXTURES, 'module_pool', 'app.py'), 'utf8'));
    const after = await verifyJson(dir, ['python3', 'app.py'], FINISH);
    expect(after.found).toEqual([]);
    expect(after.code).toBe(0);
    const missing = pytestMissing();
    if (missing) throw new Error(missing);
    const tests = await verifyJson(dir, PYTEST, FINISH);
    expect(tests.found).toEqual([]);
    expect(tests.code).toBe(0);
  });
});

describe('--compare', () => {
  test.concurrent('reports the exit code and output that differ under spawn', async () => {
    const r = await cli(['verify', '--compare', '--', 'python3', 'app.py'], project('closure_process'));
    expect(r.stderr).toContain('differs: exit 0 with the default method, exit 1 under spawn');
    expect(r.stderr).toMatch(/differs: stdout\n[^]*-11\n/);
    expect(r.code).toBe(1);
  });

  test.concurrent('a clean project shows no difference', async () => {
    const r = await cli(['verify', '--compare', '--', 'python3', 'app.py'], project('clean'));
    expect(r.stderr).not.toContain('differs');
    expect(r.stdout).toBe('[1, 4, 9]\nchild\n[1, 4, 9]\nchild\n');
    expect(r.code).toBe(0);
  });

  test.concurrent('names the tests that fail only under spawn', async () => {
    const missing = pytestMissing();
    if (missing) throw new Error(missing);
    const r = await cli(['verify', '--compare', '--', ...PYTEST], project('closure_process'));
    expect(r.stderr).toContain('differs: FAILED test_app.py::test_main only under spawn');
    expect(r.stderr).toContain('differs: exit 0 with the default method, exit 1 under spawn');
    expect(r.code).toBe(1);
  });

  test('failed tests, timings and addresses', () => {
    const run = (stdout: string, code: number) => ({ code, signal: null, timedOut: false, leftOver: false, stdout, stderr: '' });
    const a = run('1 passed in 0.52s <object at 0x7f00>\n', 0);
    const b = run('FAILED test_app.py::test_main - RuntimeError\n1 failed in 1.50s <object at 0x7fff>\n', 1);
    expect(normalise('in 0.52s at 0x7f00')).toBe(normalise('in 1.5s at 0xabc'));
    const d = compareRuns(a, b);
    expect(d).toContain('differs: FAILED test_app.py::test_main only under spawn');
    expect(compareRuns(a, run('1 passed in 9.99s <object at 0x1>\n', 0))).toEqual([]);
  });
});

describe('usage and mapping', () => {
  test('--timeout stops a command that hangs for another reason: exit 124 and one clear line', async () => {
    const started = Date.now();
    const r = await cli(['verify', '--timeout', '1', '--', 'python3', '-c', 'import time; time.sleep(60)'], os.tmpdir());
    expect(r.code).toBe(124);
    expect(r.stderr).toContain('mp-codemod verify: the command did not finish in 1s and was stopped (exit 124); nothing was recorded that explains the hang\n');
    expect(Date.now() - started).toBeLessThan(20000);
  });

  test('no command is a usage error', async () => {
    const r = await cli(['verify'], os.tmpdir());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('mp-codemod: verify needs a command: mp-codemod verify -- python3 -m pytest\n');
  });

  test('a command that does not exist is one clear line', async () => {
    const r = await cli(['verify', '--', 'no-such-command-mp'], os.tmpdir());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('mp-codemod: no-such-command-mp: command not found\n');
  });

  test('records map to the innermost project frame, not installed packages, and are de-duplicated', () => {
    const root = project('lambda_pool');
    const app = path.join(root, 'app.py');
    const lib = path.join(root, '.venv', 'lib', 'python3.11', 'site-packages', 'lib.py');
    fs.mkdirSync(path.dirname(lib), { recursive: true });
    fs.writeFileSync(lib, '\n');
    const rec = (line: number): VerifyRecord => ({ kind: 'failure', code: 'MP101', where: 'parent', error: 'PicklingError: x', pid: 1, stack: [[app, line, 'main', '__main__'], [lib, 1, 'f', 'lib'], ['/usr/lib/python3.11/pickle.py', 5, 'dump', 'pickle']] });
    const found = findings([rec(9), rec(9), rec(10)], root, false);
    expect(found.map((f) => `${f.code} ${f.path}:${f.line}`)).toEqual(['MP101 app.py:9', 'MP101 app.py:10']);
    const sub = path.join(root, 'sub');
    fs.mkdirSync(sub);
    expect(findings([rec(9)], sub, false).map((f) => `${f.path}:${f.line}`)).toEqual([`${path.join('..', 'app.py')}:9`]);
    const sync: VerifyRecord = { kind: 'child-sync', code: 'MP202', where: 'child', pid: 2, stack: [[app, 3, '<module>', '__mp_main__']] };
    expect(findings([sync], root, false)).toEqual([]); // only when the command hung
    expect(findings([sync], root, true).map((f) => f.line)).toEqual([3]);
  });
});
