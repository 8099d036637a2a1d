import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The real-code sweep: --write over a copy of this machine's Python standard library (code
// nobody here wrote, with deliberately broken files in its test suite).
const BIN = path.join(__dirname, '..', 'bin', 'mp-codemod.js');
const STDLIB = execFileSync('python3', ['-c', 'import sysconfig;print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();

const hashes = (root: string): Map<string, string> => {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(path.relative(root, p), createHash('sha1').update(fs.readFileSync(p)).digest('hex'));
    }
  };
  walk(root);
  return out;
};

/** One python3 process checks every file of the list: the ones ast.parse rejects come back. */
function unparsable(root: string, files: string[]): string[] {
  const script = 'import ast,sys,json\nbad=[]\nfor f in json.load(sys.stdin):\n    try:\n        ast.parse(open(f,"rb").read(), f)\n    except (SyntaxError, ValueError):\n        bad.append(f)\nprint(json.dumps(bad))';
  const r = spawnSync('python3', ['-c', script], { cwd: root, input: JSON.stringify(files), encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(r.stdout);
}

function copyStdlib(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-sweep-'));
  fs.cpSync(STDLIB, dir, { recursive: true, filter: (src) => !/[\\/](site-packages|__pycache__)([\\/]|$)/.test(src) });
  return dir;
}

const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });

describe.each([[[] as string[]], [['--unsafe-fixes']]])('stdlib sweep %j', (extra) => {
  let dir: string;
  beforeAll(() => {
    dir = copyStdlib();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--write keeps every file parseable or untouched, and a second run changes nothing', () => {
    const before = hashes(dir);
    const first = run(['--write', '--json', ...extra, '.'], dir);
    expect(first.stderr).not.toMatch(/internal error|\n\s+at /);
    const report = JSON.parse(first.stdout);
    const byStatus = (s: string) => report.files.filter((f: { status: string }) => f.status === s);
    const changed: string[] = byStatus('changed').map((f: { path: string }) => f.path);
    const skipped = byStatus('skipped');
    // Recorded in the test output for the people who read CI logs.
    console.log(`stdlib sweep ${extra.join(' ') || '(safe fixes)'}: ${report.summary.scanned} files, ${changed.length} changed, ${skipped.length} skipped (${skipped.map((f: { path: string; reason: string }) => `${f.path}: ${f.reason}`).join('; ')}), ${report.summary.diagnostics} diagnostics`);
    expect(byStatus('error')).toEqual([]);
    // Fewer than before the migration policy: files spawn would still break are left alone (MP312).
    expect(changed.length).toBeGreaterThan(5);
    expect(report.summary.scanned).toBeGreaterThan(1500);

    // Every changed file still parses with python3's own parser (when its original did).
    const originalBad = new Set(unparsable(STDLIB, changed));
    expect(unparsable(dir, changed).filter((f) => !originalBad.has(f))).toEqual([]);

    // Files not reported changed are byte-identical; skipped files were never written.
    const after = hashes(dir);
    const touched = [...after].filter(([f, h]) => before.get(f) !== h).map(([f]) => f).sort();
    expect(touched).toEqual([...changed].sort());
    expect(skipped.map((f: { path: string }) => f.path).filter((f: string) => before.get(f) !== after.get(f))).toEqual([]);
    expect(skipped.map((f: { reason: string }) => f.reason).join(' ')).toMatch(/not valid UTF-8/);

    const second = run(['--check', '--json', ...extra, '.'], dir);
    expect(JSON.parse(second.stdout).summary.changed).toBe(0);
    expect([...hashes(dir)]).toEqual([...after]);
  });
});

test('stdlib: the prefilter changes no result; without it, files with syntax errors are skipped', () => {
  const strip = (stdout: string) => {
    const files = JSON.parse(stdout).files as { path: string; status: string; reason?: string; diff?: string; diagnostics: unknown[] }[];
    return files;
  };
  const fast = strip(run(['--json', '--exclude', 'site-packages', '.'], STDLIB).stdout);
  const full = strip(run(['--json', '--no-prefilter', '--exclude', 'site-packages', '.'], STDLIB).stdout);
  expect(full.map((f) => f.path)).toEqual(fast.map((f) => f.path));
  const fastByPath = new Map(fast.map((f) => [f.path, f]));
  const differences = full.filter((f) => {
    const g = fastByPath.get(f.path)!;
    const same = f.diff === g.diff && JSON.stringify(f.diagnostics) === JSON.stringify(g.diagnostics);
    // Only parsing shows a syntax error: a prefiltered file that does not parse is "unchanged".
    const onlyParsing = f.status === 'skipped' && f.reason === 'syntax error' && g.status === 'unchanged';
    return !same || (f.status !== g.status && !onlyParsing);
  });
  expect(differences.map((f) => f.path)).toEqual([]);
  const syntaxErrors = full.filter((f) => f.reason === 'syntax error').map((f) => f.path);
  console.log(`stdlib without prefilter: ${syntaxErrors.length} files skipped for syntax errors (${syntaxErrors.join(', ')})`);
  expect(syntaxErrors.length).toBeGreaterThanOrEqual(3);
});
