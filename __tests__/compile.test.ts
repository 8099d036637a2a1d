import * as fs from 'fs';
import * as path from 'path';
import { spawn, spawnSync } from 'child_process';
import { cli, makeTree, POOL_SCRIPT, POOL_SCRIPT_FIXED } from './helpers/tree';
import { lowestMinor } from '../src/run/config';
import { anyRejected, CompileGate, Provisional, Replay, type Question, type Verdict } from '../src/run/compile';
import { processAsking, type RunOptions } from '../src/run/files';
import { selectTransforms } from '../src/run/select';
import { transformSource, defaultOptions } from '../src/engine/pipeline';
import { ready } from '../src/syntax/parser';
import type { Transform } from '../src/api/types';

// A transform whose output tree-sitter accepts but Python rejects: `nonlocal` at module level.
const BAD = `module.exports = {
  id: 'bad-nonlocal',
  prefilter: /Pool/,
  query: '(module) @m',
  fix: () => ({ message: 'nonlocal', edits: [{ start: 0, end: 0, text: 'nonlocal x\\n' }] }),
};
`;
const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

describe('the compile gate', () => {
  test('an output Python rejects is not written: an error names the transform, exit 1', async () => {
    const root = makeTree({ 'app.py': POOL_SCRIPT, 'bad.js': BAD });
    const r = await cli(['-t', './bad.js', '--write'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/app\.py: error: bad-nonlocal: produced code Python rejects at line 1 \(SyntaxError: nonlocal declaration not allowed at module level\); file left unchanged/);
    expect(read(root, 'app.py')).toBe(POOL_SCRIPT);
  });

  test('the same through --stdin: the input comes back, exit 1', async () => {
    const root = makeTree({ 'bad.js': BAD });
    const r = await cli(['-t', './bad.js', '--stdin'], root, POOL_SCRIPT);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(POOL_SCRIPT);
    expect(r.stderr).toContain('<stdin>: error: bad-nonlocal: produced code Python rejects');
  });

  test('an input Python rejects already is not held against the transform', async () => {
    const input = `global y\nnonlocal z\n${POOL_SCRIPT}`;
    const root = makeTree({ 'app.py': input, 'bad.js': BAD });
    const r = await cli(['-t', './bad.js', '--write'], root);
    expect(r.code).toBe(0);
    expect(read(root, 'app.py')).toBe(`nonlocal x\n${input}`);
  });

  test('--stdin: a missing Python is said once when the source changes, and not at all when it does not', async () => {
    const changed = await cli(['-t', 'spawn-context', '--stdin', '--python', 'no-such-python-mp-codemod'], makeTree({}), POOL_SCRIPT);
    expect(changed.stdout).toBe(POOL_SCRIPT_FIXED);
    expect(changed.stderr.match(/the compile gate is off: no no-such-python-mp-codemod found/g)).toHaveLength(1);
    const same = await cli(['--stdin', '--python', 'no-such-python-mp-codemod'], makeTree({}), 'print(1)\n');
    expect(same.stderr).not.toContain('compile gate');
  });

  test('--stdin: the python key of the pyproject.toml nearest --stdin-filename wins over the Python started early', async () => {
    const root = makeTree({ 'pyproject.toml': '[tool.mp-codemod]\npython = "./venv/bin/python"\n' });
    const r = await cli(['-t', 'spawn-context', '--stdin-filename', 'app.py'], root, POOL_SCRIPT);
    expect(r.stdout).toBe(POOL_SCRIPT_FIXED);
    expect(r.stderr).toContain(`no ${path.join(root, 'venv', 'bin', 'python')} found`);
  });

  describe('asked without blocking (processAsking)', () => {
    const setup = () => {
      const root = makeTree({ 'a.py': POOL_SCRIPT });
      const late: string[] = [];
      const opts: RunOptions = {
        ...defaultOptions, transforms: selectTransforms(['spawn-context'], root), write: true, diffs: false, cwd: root, gitignore: true, include: [], exclude: [], config: false,
        // What a replay asks beyond Python's answers (the input, then the transform's output, to name it), answered as Python would.
        gate: { check: (source) => (late.push(source), source === POOL_SCRIPT ? { ok: true } : { ok: false, message: 'SyntaxError: bad', line: 3 }) },
      };
      let answer: (verdicts: Verdict[]) => void = () => {};
      const asked: Question[] = [];
      const ask = (questions: Question[]) => {
        asked.push(...questions);
        return new Promise<Verdict[]>((resolve) => (answer = resolve));
      };
      const pending = processAsking({ path: 'a.py', real: path.join(root, 'a.py') }, opts, undefined, ask);
      return { root, late, asked, pending, answer: (v: Verdict[]) => answer(v) };
    };

    beforeAll(() => ready());

    test('a changed file is written only once Python accepted its output', async () => {
      const { root, asked, pending, answer } = setup();
      expect(pending).toBeInstanceOf(Promise);
      expect(asked.map((q) => q.source)).toEqual([POOL_SCRIPT_FIXED]);
      expect(read(root, 'a.py')).toBe(POOL_SCRIPT);
      answer([{ ok: true }]);
      expect((await pending).written).toBe(true);
      expect(read(root, 'a.py')).toBe(POOL_SCRIPT_FIXED);
    });

    test('a rejected output: processed again with the answers, the same error as a synchronous gate gives, nothing written', async () => {
      const { root, late, pending, answer } = setup();
      answer([{ ok: false, message: 'SyntaxError: bad', line: 3 }]);
      const r = await pending;
      expect(r.status).toBe('error');
      expect(r.reason).toBe('spawn-context: produced code Python rejects at line 3 (SyntaxError: bad); file left unchanged');
      expect(late).toEqual([POOL_SCRIPT, POOL_SCRIPT_FIXED]);
      expect(read(root, 'a.py')).toBe(POOL_SCRIPT);
    });
  });

  test('a replay gives the answers known, in order, then asks the gate', () => {
    const provisional = new Provisional();
    expect(['a', 'b'].map((s) => provisional.check(s, 't.py', 'py'))).toEqual([{ ok: true }, { ok: true }]);
    expect(provisional.asked.map((q) => q.source)).toEqual(['a', 'b']);
    const answers: Verdict[] = [{ ok: true }, { ok: false, message: 'no', line: 2 }];
    expect(anyRejected(answers)).toBe(true);
    expect(anyRejected([{ ok: true }, { off: 'no python' }])).toBe(false);
    const late: string[] = [];
    const replay = new Replay(answers, { check: (s) => (late.push(s), { off: 'late' }) });
    expect(['a', 'b', 'c'].map((s) => replay.check(s, 't.py', 'py'))).toEqual([...answers, { off: 'late' }]);
    expect(late).toEqual(['c']);
  });

  test('a file tree-sitter reads only through its indentation stand-in is skipped when Python rejects it', async () => {
    // The bracket continuation needs the stand-in; `nonlocal` at module level only Python rejects.
    const valid = POOL_SCRIPT.replace('import multiprocessing as mp\n', 'import multiprocessing as mp\n\n\ndef g(a):\n    if (a and\n  a):\n        return a\n');
    const root = makeTree({ 'ok.py': valid, 'bad.py': `nonlocal q\n${valid}` });
    const r = await cli(['-t', 'spawn-context', '--write'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.py:1: syntax error, skipped');
    expect(read(root, 'bad.py')).toBe(`nonlocal q\n${valid}`);
    expect(read(root, 'ok.py')).not.toBe(valid);
  });

  test('without a Python the gate is off, said once, and files are still fixed', async () => {
    const root = makeTree({ 'a.py': POOL_SCRIPT, 'b.py': POOL_SCRIPT });
    const r = await cli(['-t', 'spawn-context', '--write', '--python', 'no-such-python-mp-codemod'], root);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/the compile gate is off/g)).toHaveLength(1);
    expect(r.stderr).toContain('no no-such-python-mp-codemod found');
    expect(read(root, 'a.py')).toBe(POOL_SCRIPT_FIXED);
  });

  test('the python key of [tool.mp-codemod] picks the interpreter (a path, beside the pyproject.toml)', async () => {
    const root = makeTree({ 'pyproject.toml': '[tool.mp-codemod]\npython = "./venv/bin/python"\n', 'a.py': POOL_SCRIPT });
    const r = await cli(['-t', 'spawn-context'], root);
    expect(r.stderr).toContain(`no ${path.join(root, 'venv', 'bin', 'python')} found`);
  });

  test('nothing changed: no Python is started, nothing is said', async () => {
    const root = makeTree({ 'a.py': 'print(1)\n' });
    const r = await cli(['--python', 'no-such-python-mp-codemod'], root);
    expect(r.stderr).not.toContain('compile gate');
  });

  test('a candidate that does not change: nothing is said of a missing Python, though screening started it', async () => {
    const root = makeTree({ 'a.py': 'import multiprocessing\n\nprint(multiprocessing.cpu_count())\n' });
    const r = await cli(['--python', 'no-such-python-mp-codemod'], root);
    expect(r.stderr).toContain('0 would change');
    expect(r.stderr).not.toContain('compile gate');
  });

  test('warm() starts the Python before any check', async () => {
    const root = makeTree({});
    const marker = path.join(root, 'started');
    const fake = path.join(root, 'fake-python');
    fs.writeFileSync(fake, `#!/bin/sh\ntouch '${marker}'\nexec python3 "$@"\n`, { mode: 0o755 });
    const gate = new CompileGate();
    try {
      gate.warm(fake);
      for (let i = 0; i < 200 && !fs.existsSync(marker); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fs.existsSync(marker)).toBe(true);
      expect(gate.check('x = 1\n', 'a.py', fake)).toEqual({ ok: true });
    } finally {
      await gate.close();
    }
  });

  test('worker threads share the gate (built CLI, 20 files, 2 jobs)', () => {
    const files: Record<string, string> = { 'bad.js': BAD };
    for (let i = 0; i < 20; i++) files[`m${i}.py`] = POOL_SCRIPT;
    const root = makeTree(files);
    const bin = path.join(__dirname, '..', 'bin', 'mp-codemod.js');
    const r = spawnSync(process.execPath, [bin, '-t', './bad.js', '-j', '2', '--write', '.'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.match(/error: bad-nonlocal: produced code Python rejects/g)).toHaveLength(20);
    for (let i = 0; i < 20; i++) expect(read(root, `m${i}.py`)).toBe(POOL_SCRIPT);
  });

  test('one Python answers many checks, in order', async () => {
    const gate = new CompileGate();
    try {
      const verdicts = ['x = 1\n', 'def f(:\n', 'nonlocal q\n', 'x = (\n'].map((s) => gate.check(s, 't.py', 'python3'));
      expect(verdicts.map((v) => ('ok' in v ? v.ok : 'off'))).toEqual([true, false, false, false]);
      expect(verdicts[2]).toEqual({ ok: false, message: 'SyntaxError: nonlocal declaration not allowed at module level', line: 1 });
    } finally {
      await gate.close();
    }
  });

  test('sources go to Python as the text they are: non-ASCII, a stale coding cookie, large ones', async () => {
    const gate = new CompileGate();
    try {
      // The text was decoded from latin-1 already: the cookie must not decode it a second time.
      const latin = '# -*- coding: latin-1 -*-\ns = "caf\u00e9 \u{1F600}"\nassert len(s) == 6, s\n';
      const big = `${'x = "\u00e9\u00e9"  # \u{1F600}\n'.repeat(200_000)}def f(:\n`;
      const verdicts = [latin, `${latin}nonlocal q\n`, big].map((s) => gate.check(s, 't.py', 'python3'));
      expect(verdicts).toEqual([
        { ok: true },
        { ok: false, message: 'SyntaxError: nonlocal declaration not allowed at module level', line: 4 },
        { ok: false, message: 'SyntaxError: invalid syntax', line: 200_001 },
      ]);
    } finally {
      await gate.close();
    }
  });
});

describe('the target version', () => {
  test.each([
    ['>=3.9', 9],
    ['>=3.8,<4', 8],
    ['~=3.10', 10],
    ['>3.7', 8],
    ['>3.7.1', 7],
    ['==3.12.*', 12],
    ['<3.13', undefined],
    ['>=3.9, !=3.10.*', 9],
    ['', undefined],
  ])('requires-python %j allows 3.%s at the oldest', (spec, minor) => {
    expect(lowestMinor(spec)).toBe(minor);
  });

  test('--show-config tells the interpreter and the target, from requires-python or --target-version', async () => {
    const root = makeTree({ 'pyproject.toml': '[project]\nrequires-python = ">=3.10"\n', 'a.py': '' });
    const shown = JSON.parse((await cli(['--show-config', 'a.py'], root)).stdout);
    expect(shown.settings).toMatchObject({ python: 'python3', 'target-version': 'py310' });
    const forced = JSON.parse((await cli(['--show-config', 'a.py', '--target-version', 'py312', '--python', 'python3.12'], root)).stdout);
    expect(forced.settings).toMatchObject({ python: 'python3.12', 'target-version': 'py312' });
  });
});

describe('the compile gate in the engine', () => {
  beforeAll(() => ready());
  // Two transforms, each rewriting one line; the fake Python rejects any text holding BROKEN.
  const rewrite = (id: string, from: string, to: string): Transform => ({
    id, description: '', safety: 'safe', safetyNote: '', prefilter: /=/, query: '(module) @m',
    fix: (_m, ctx) => {
      const at = ctx.source.indexOf(from);
      return at < 0 ? null : { message: id, edits: [{ start: at, end: at + from.length, text: to }] };
    },
  });
  const checked: string[] = [];
  const compile = (text: string) => {
    checked.push(text);
    return text.includes('BROKEN') ? { message: 'SyntaxError: bad', line: 1 } : null;
  };
  beforeEach(() => (checked.length = 0));

  test('one check per changed file, of the output', () => {
    const out = transformSource('a = 1\nb = 2\n', [rewrite('first', 'a = 1', 'a = 10'), rewrite('second', 'b = 2', 'b = 20')], { ...defaultOptions, compile });
    expect(out.output).toBe('a = 10\nb = 20\n');
    expect(checked).toEqual(['a = 10\nb = 20\n']);
  });

  test('a rejected output names the transform that broke it, not the last one', () => {
    const out = transformSource('a = 1\nb = 2\n', [rewrite('first', 'a = 1', 'a = BROKEN'), rewrite('second', 'b = 2', 'b = 20')], { ...defaultOptions, compile });
    expect(out.output).toBe('a = 1\nb = 2\n');
    expect(out.error?.transform).toBe('first');
    expect(out.error?.message).toMatch(/produced code Python rejects at line 1 \(SyntaxError: bad\)/);
  });
});

test('closing an early Python that never started signals nobody (a pid-less child\'s kill() is kill(0), the whole process group)', async () => {
  // In a process group of its own (detached), so that the old bug would end that child, not this run.
  const compile = path.join(__dirname, '..', 'dist', 'src', 'run', 'compile.js');
  const script = `const { EarlyPython } = require(${JSON.stringify(compile)}); new EarlyPython('no-such-python-mp-codemod').close(); setTimeout(() => console.log('alive'), 100);`;
  const child = spawn(process.execPath, ['-e', script], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const [status, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (code, sig) => resolve([code, sig])));
  expect({ signal, status, stdout }).toEqual({ signal: null, status: 0, stdout: 'alive\n' });
});
