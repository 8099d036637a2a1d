import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The pre-commit hooks as a Python team uses them: pre-commit clones this repository, installs
// it with `npm install` + `npm pack` + `npm install -g <tarball>`, and passes the staged files.
const ROOT = path.join(__dirname, '..');
const hooks = fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8').split(/^- /m).slice(1);

test('every hook takes notebooks too and gets all files in one call', () => {
  expect(hooks.length).toBeGreaterThan(0);
  for (const hook of hooks) {
    expect(hook).toMatch(/^\s+types_or: \[python, jupyter\]$/m);
    expect(hook).toMatch(/^\s+require_serial: true$/m);
    expect(hook).not.toMatch(/^\s+types:/m);
  }
});

test('npm pack prints the tarball name alone on stdout (pre-commit reads it as the file name)', () => {
  // In a copy: pack runs the prepare script, whose build must not rewrite dist/ under other tests.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-pack-'));
  try {
    fs.cpSync(ROOT, copy, { recursive: true, filter: (src) => !/[\\/](node_modules|dist|\.git)$/.test(src) });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    const r = spawnSync('npm', ['pack', '--dry-run'], { cwd: copy, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^mp-codemod-\d+\.\d+\.\d+\.tgz\n$/);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}, 300_000);

// Slow (pre-commit installs the hook from scratch: minutes). CI must run it; elsewhere it needs
// pre-commit on the PATH and a git checkout, and says why when it cannot run.
test('pre-commit run --all-files with this repository as the hook repo', () => {
  const required = Boolean(process.env.CI || process.env.MP_CODEMOD_CI);
  const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (version.status !== 0 || head.status !== 0) {
    const why = version.status !== 0 ? 'pre-commit is not installed' : 'the checkout is not a git repository';
    if (required) throw new Error(`cannot run the pre-commit test in CI: ${why}`);
    console.warn(`pre-commit test not run: ${why} (.ci/run installs pre-commit)`);
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-precommit-'));
  try {
    const proj = path.join(work, 'proj');
    const pool = 'import multiprocessing as mp\n\n\ndef f(x):\n    return x\n\n\nif __name__ == "__main__":\n    with mp.Pool(2) as p:\n        p.map(f, [1])\n';
    const notebook = { cells: [{ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: ['import multiprocessing as mp\n', 'with mp.Pool(2) as pool:\n', '    print(pool.map(abs, [1]))'] }], metadata: {}, nbformat: 4, nbformat_minor: 5 };
    const files: Record<string, string> = {
      // An entry point and the module it imports, far apart so that parallel batches would split them.
      'a_cli.py': 'import z_jobs\n\nif __name__ == "__main__":\n    z_jobs.run()\n',
      'z_jobs.py': 'import multiprocessing as mp\n\n\ndef run():\n    with mp.Pool(2) as p:\n        p.map(abs, [1])\n',
      'app.py': pool,
      'nb.ipynb': JSON.stringify(notebook, null, 1) + '\n',
      '.pre-commit-config.yaml': `repos:\n  - repo: ${ROOT}\n    rev: ${head.stdout.trim()}\n    hooks:\n      - id: mp-codemod\n`,
    };
    for (let i = 0; i < 6; i++) files[`m${i}.py`] = `x = ${i}\n`;
    fs.mkdirSync(proj);
    for (const [rel, text] of Object.entries(files)) fs.writeFileSync(path.join(proj, rel), text);
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], { cwd: proj, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'init');
    const r = spawnSync('pre-commit', ['run', '--all-files'], { cwd: proj, encoding: 'utf8', env: { ...process.env, PRE_COMMIT_HOME: path.join(work, 'home'), NO_COLOR: '1' } });
    const out = `${r.stdout}${r.stderr}`;
    expect(out).toContain('files were modified by this hook');
    expect(r.status).toBe(1); // pre-commit fails a hook that changed files
    const read = (rel: string) => fs.readFileSync(path.join(proj, rel), 'utf8');
    expect(read('app.py')).toContain('mp.set_start_method("spawn")');
    // A library module keeps the default (MP318): a_cli.py, which runs it, sets the method.
    expect(read('z_jobs.py')).toBe(files['z_jobs.py']);
    expect(read('nb.ipynb')).toContain('mp.get_context(\\"spawn\\").Pool(2)');
    expect(read('a_cli.py')).toContain('multiprocessing.set_start_method("spawn")');
    expect(read('m0.py')).toBe('x = 0\n');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}, 900_000);
