import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TEMP_MARK } from '../src/run/write';
import { cli, makeTree, POOL_SCRIPT } from './helpers/tree';

const BIN = path.join(__dirname, '..', 'bin', 'mp-codemod.js');
const DENSE = path.join(__dirname, '..', 'scripts', 'make-dense-corpus.js');

function tree(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-faults-'));
  execFileSync(process.execPath, [DENSE, dir, String(count)]);
  return dir;
}

function files(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(root, p));
    }
  };
  walk(root);
  return out.sort();
}

/** Starts --write, waits until it has written one of `changing` (texts by path), then sends `signal`. */
function interruptMidWrite(root: string, signal: NodeJS.Signals, changing: Map<string, string>): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--write', '--jobs', '2', '.'], { cwd: root, stdio: 'ignore' });
    const started = Date.now();
    const poll = setInterval(() => {
      // The first rewritten file shows the run is under way.
      const any = [...changing].some(([f, text]) => fs.readFileSync(path.join(root, f), 'utf8') !== text);
      if (any || Date.now() - started > 20000) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 20);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve(code ?? (sig ? 128 + os.constants.signals[sig] : null));
    });
  });
}

describe('interrupts during --write', () => {
  let expected: string;
  beforeAll(() => {
    expected = tree(600);
    // --exit-zero: the sample keeps error diagnostics after --write (exit 1); only its output matters here.
    execFileSync(process.execPath, [BIN, '--write', '--exit-zero', '.'], { cwd: expected, stdio: 'ignore' });
  });
  afterAll(() => fs.rmSync(expected, { recursive: true, force: true }));

  test.each([['SIGINT' as const], ['SIGKILL' as const]])('%s: every file is the original or the complete new version', async (signal) => {
    const root = tree(600);
    const original = tree(600);
    try {
      // The files a whole run rewrites, with their original text.
      const changing = new Map<string, string>();
      for (const f of files(original)) {
        const text = fs.readFileSync(path.join(original, f), 'utf8');
        if (text !== fs.readFileSync(path.join(expected, f), 'utf8')) changing.set(f, text);
      }
      expect(changing.size).toBeGreaterThan(100);
      const code = await interruptMidWrite(root, signal, changing);
      let done = 0;
      for (const f of files(root)) {
        if (f.includes(TEMP_MARK)) continue;
        const text = fs.readFileSync(path.join(root, f), 'utf8');
        const isOriginal = text === fs.readFileSync(path.join(original, f), 'utf8');
        const isNew = text === fs.readFileSync(path.join(expected, f), 'utf8');
        expect({ f, ok: isOriginal || isNew }).toEqual({ f, ok: true });
        if (isNew && !isOriginal) done++;
      }
      expect(done).toBeGreaterThan(0);
      const temps = files(root).filter((f) => f.includes(TEMP_MARK));
      if (signal === 'SIGINT') {
        expect(code).toBe(130);
        expect(done).toBeLessThan(600);
        expect(temps).toEqual([]);
      }
      // After SIGKILL a stray temp file may remain, under its recognisable name, never a .py file.
      expect(temps.filter((t) => t.endsWith('.py'))).toEqual([]);
      // The next run ignores any leftovers and finishes the job.
      const next = spawnSync(process.execPath, [BIN, '--write', '--json', '.'], { cwd: root, encoding: 'utf8' });
      expect(next.status).not.toBe(2);
      expect(JSON.parse(next.stdout).summary).toMatchObject({ errors: 0 });
      expect(spawnSync(process.execPath, [BIN, '--check', '.'], { cwd: root }).status).not.toBe(2);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(original, { recursive: true, force: true });
    }
  });
});

describe('odd files never crash or hang the run', () => {
  test('a FIFO named *.py, a folder named x.py, a 20 MB file, deep nesting, very long lines', async () => {
    const big = `import multiprocessing as mp\n${'VALUES = [1, 2, 3]\n'.repeat(1_100_000)}`;
    const root = makeTree({
      'x.py/inner.py': POOL_SCRIPT,
      'generated.py': big,
      'deep.py': `import multiprocessing\nx = ${'('.repeat(5000)}1${')'.repeat(5000)}\n`,
      'long.py': `import multiprocessing as mp\nx = [${'1, '.repeat(200_000)}]\np = mp.Process(target=print)\n`,
    });
    execFileSync('mkfifo', [path.join(root, 'pipe.py')]);
    const started = Date.now();
    const r = await cli(['--json', '-t', 'spawn-context'], root);
    expect(Date.now() - started).toBeLessThan(60000);
    const byPath = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string }) => [f.path, f]));
    expect(byPath['pipe.py']).toMatchObject({ status: 'skipped', reason: 'not a regular file, skipped' });
    expect(byPath['x.py/inner.py'].status).toBe('changed');
    // Over the default limit of 8 MB: skipped unparsed (--max-file-size 0 parses it; README, Performance).
    expect(byPath['generated.py']).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^20\.\d MB is over the 8 MB limit for one file/) });
    expect(['unchanged', 'skipped']).toContain(byPath['deep.py'].status);
    expect(byPath['long.py'].status).toBe('changed');
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});
