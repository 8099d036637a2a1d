import * as fs from 'fs';
import * as path from 'path';
import { cli, makeTree, POOL_SCRIPT } from './helpers/tree';

const FORK = 'import multiprocessing as mp\nctx = mp.get_context("fork")\nq = mp.Queue()\n';

/** A monorepo: the top pyproject has no table; each project configures itself. */
function monorepo() {
  return makeTree({
    'pyproject.toml': '[project]\nname = "top"\n',
    'svc-a/pyproject.toml': '[tool.mp-codemod]\nmethod = "forkserver"\nexclude = ["gen/**"]\n',
    'svc-a/app.py': POOL_SCRIPT,
    'svc-a/gen/out.py': POOL_SCRIPT,
    'svc-b/pyproject.toml': '[tool.mp-codemod]\ntransforms = ["spawn-context"]\nunsafe-fixes = true\nignore = ["MP3"]\n',
    'svc-b/lib/fork.py': FORK,
    'other/app.py': POOL_SCRIPT,
  });
}

describe('[tool.mp-codemod] in pyproject.toml', () => {
  test('each project of a monorepo gets its own settings, found by walking up from each file', async () => {
    const root = monorepo();
    const r = await cli(['--json', '.'], root);
    const files = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string }) => [f.path, f]));
    expect(Object.keys(files).sort()).toEqual(['other/app.py', 'svc-a/app.py', 'svc-b/lib/fork.py']);
    expect(files['svc-a/app.py'].diff).toContain('set_start_method("forkserver")');
    expect(files['other/app.py'].diff).toContain('set_start_method("spawn")');
    // svc-b: only spawn-context, unsafe fixes on: the fork context is rewritten, no set_start_method.
    expect(files['svc-b/lib/fork.py'].diff).toContain('+ctx = mp.get_context("spawn")');
    expect(files['svc-b/lib/fork.py'].transforms).toEqual(['spawn-context']);
  });

  test('command-line flags override the file; --isolated ignores it; --config names one', async () => {
    const root = monorepo();
    const flag = await cli(['--json', '--method', 'spawn', 'svc-a/app.py'], root);
    expect(JSON.parse(flag.stdout).files[0].diff).toContain('set_start_method("spawn")');
    const isolated = await cli(['--json', '--isolated', 'svc-a'], root);
    expect(JSON.parse(isolated.stdout).files.map((f: { path: string }) => f.path)).toEqual(['svc-a/app.py', 'svc-a/gen/out.py']);
    const named = await cli(['--json', '--config', 'svc-a/pyproject.toml', 'other/app.py'], root);
    expect(JSON.parse(named.stdout).files[0].diff).toContain('set_start_method("forkserver")');
  });

  test('--show-config prints the effective settings for a path', async () => {
    const root = monorepo();
    const r = await cli(['--show-config', 'svc-b/lib', '--select', 'MP1'], root);
    const shown = JSON.parse(r.stdout);
    expect(shown.config).toBe(path.join(root, 'svc-b', 'pyproject.toml'));
    expect(shown.settings).toMatchObject({ method: 'spawn', transforms: ['spawn-context'], 'unsafe-fixes': true, select: ['MP1'], ignore: ['MP3'] });
    expect(Object.keys(shown.settings).filter((k) => /[A-Z]/.test(k))).toEqual([]); // spelt as in the file
  });

  test.each([
    ['method = "fork"\n', /svc\/pyproject\.toml: \[tool\.mp-codemod\] method: must be "spawn" or "forkserver"/],
    ['colour = true\n', /\[tool\.mp-codemod\] colour: unknown key/],
    ['select = "MP1"\n', /\[tool\.mp-codemod\] select: must be a list of strings/],
    ['method = \n', /svc\/pyproject\.toml:2:10: invalid TOML: invalid value/],
  ])('invalid config %j: one clear line, exit 2', async (body, message) => {
    const root = makeTree({ 'svc/pyproject.toml': `[tool.mp-codemod]\n${body}`, 'svc/app.py': POOL_SCRIPT });
    const r = await cli(['svc'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(path.join(root, 'svc/app.py'), 'utf8')).toBe(POOL_SCRIPT);
  });
});

test('--stdin takes the settings of the pyproject.toml nearest --stdin-filename', async () => {
  const root = monorepo();
  const r = await cli(['--stdin', '--stdin-filename', 'svc-a/new.py'], root, POOL_SCRIPT);
  expect(r.stdout).toContain('set_start_method("forkserver")');
  const elsewhere = await cli(['--stdin', '--stdin-filename', 'other/new.py'], root, POOL_SCRIPT);
  expect(elsewhere.stdout).toContain('set_start_method("spawn")');
});

test("the blank lines after the imports follow the project's isort setting (ruff's lines-after-imports = 2): the shared context binding gets two", async () => {
  // Two pools in one function: one module-level _mp_context after the imports (--strategy local: a library module).
  const TWO = 'import multiprocessing\n\n\ndef run(f, xs):\n    with multiprocessing.Pool(2) as a, multiprocessing.Pool(2) as b:\n        return a.map(f, xs) + b.map(f, xs)\n';
  const root = makeTree({
    'two/pyproject.toml': '[tool.ruff.lint.isort]\nlines-after-imports = 2\n',
    'two/app.py': TWO,
    'isort/pyproject.toml': '[tool.isort]\nlines_after_imports = 2\n',
    'isort/app.py': TWO,
    'plain/app.py': TWO,
  });
  const r = await cli(['--write', '--strategy', 'local', '.'], root);
  expect(r.code).toBe(0);
  const two = 'import multiprocessing\n\n\n_mp_context = multiprocessing.get_context("spawn")\n\n\ndef run(';
  const one = 'import multiprocessing\n\n_mp_context = multiprocessing.get_context("spawn")\n\n\ndef run(';
  const head = (name: string, n: number) => fs.readFileSync(path.join(root, name), 'utf8').slice(0, n);
  expect([head('two/app.py', two.length), head('isort/app.py', two.length), head('plain/app.py', one.length)]).toEqual([two, two, one]);
});

describe('line length', () => {
  // 55 columns before the edit, 104 after: within 120, past 88 and 100.
  const LONG = 'from concurrent.futures import ProcessPoolExecutor\n\n\ndef run(f, xs):\n    with ProcessPoolExecutor(max_workers=len(xs) + 1) as ex:\n        return list(ex.map(f, xs))\n';
  const wrapped = (diff: string) => diff.includes('+    with ProcessPoolExecutor(\n');

  test("each file gets the nearest project's limit: [tool.ruff], [tool.black], ruff.toml, [flake8], [tool.mp-codemod]; 88 without one", async () => {
    const root = makeTree({
      'ruff/pyproject.toml': '[tool.ruff]\nline-length = 120\n',
      'ruff/app.py': LONG,
      'ruff/sub/.flake8': '[flake8]\nmax-line-length = 100\n',
      'ruff/sub/app.py': LONG,
      'black/pyproject.toml': '[tool.black]\nline-length = 120\n',
      'black/app.py': LONG,
      'rufftoml/ruff.toml': 'line-length = 120\n',
      'rufftoml/app.py': LONG,
      'cfg/setup.cfg': '[metadata]\nname = x\n\n[flake8]\nmax-line-length = 120\n',
      'cfg/app.py': LONG,
      'own/pyproject.toml': '[tool.mp-codemod]\nline-length = 120\n\n[tool.black]\nline-length = 79\n',
      'own/app.py': LONG,
      'none/app.py': LONG,
    });
    // LONG is a library module: --strategy local gives it the context whose line is wrapped (auto leaves it, MP318).
    const r = await cli(['--json', '--strategy', 'local', '.'], root);
    const diffs = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string; diff: string }) => [f.path, f.diff]));
    expect(Object.keys(diffs).sort()).toEqual(['black/app.py', 'cfg/app.py', 'none/app.py', 'own/app.py', 'ruff/app.py', 'ruff/sub/app.py', 'rufftoml/app.py']);
    for (const name of ['ruff/app.py', 'black/app.py', 'rufftoml/app.py', 'cfg/app.py', 'own/app.py']) expect([name, wrapped(diffs[name])]).toEqual([name, false]);
    for (const name of ['ruff/sub/app.py', 'none/app.py']) expect([name, wrapped(diffs[name])]).toEqual([name, true]);
    const isolated = await cli(['--json', '--strategy', 'local', '--isolated', 'ruff/app.py'], root);
    expect(wrapped(JSON.parse(isolated.stdout).files[0].diff)).toBe(true);
  });

  test("black run by pre-commit formats at its own limit, before ruff's lint limit (dask: ruff 120, black's default 88)", async () => {
    const hooks = (...ids: string[]) => `repos:\n  - repo: local\n    hooks:\n${ids.map((id) => `      - id: ${id}\n`).join('')}`;
    const root = makeTree({
      'blackhook/pyproject.toml': '[tool.ruff]\nline-length = 120\n',
      'blackhook/.pre-commit-config.yaml': hooks('ruff-check', 'black'),
      'blackhook/app.py': LONG,
      'blackset/pyproject.toml': '[tool.ruff]\nline-length = 80\n\n[tool.black]\nline-length = 120\n',
      'blackset/.pre-commit-config.yaml': hooks('black'),
      'blackset/app.py': LONG,
      'ruffformat/pyproject.toml': '[tool.ruff]\nline-length = 120\n',
      'ruffformat/.pre-commit-config.yaml': hooks('ruff-format', 'black'),
      'ruffformat/app.py': LONG,
    });
    const r = await cli(['--json', '--strategy', 'local', '.'], root);
    const diffs = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string; diff: string }) => [f.path, f.diff]));
    expect(['blackhook/app.py', 'blackset/app.py', 'ruffformat/app.py'].map((name) => [name, wrapped(diffs[name])])).toEqual([
      ['blackhook/app.py', true],
      ['blackset/app.py', false],
      ['ruffformat/app.py', false],
    ]);
  });

  test('an invalid [tool.mp-codemod] line-length is one clear line, exit 2', async () => {
    const root = makeTree({ 'svc/pyproject.toml': '[tool.mp-codemod]\nline-length = "wide"\n', 'svc/app.py': POOL_SCRIPT });
    const r = await cli(['svc'], root);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/svc\/pyproject\.toml: \[tool\.mp-codemod\] line-length: must be a positive whole number$/);
  });
});

test('two run() calls in one process: the second reads pyproject.toml and the package layout again', async () => {
  const { run } = require('../src/run/runner') as typeof import('../src/run/runner');
  const { builtinTransforms } = require('../transforms') as typeof import('../transforms');
  const root = makeTree({ 'pyproject.toml': '[tool.mp-codemod]\nmethod = "spawn"\n', 'app.py': POOL_SCRIPT, 'job.py': 'import multiprocessing as mp\n\np = mp.Pool(2)\n' });
  const job = (s: import('../src/run/runner').Summary) => s.files.find((f) => f.path.endsWith('job.py'))!;
  // One options object for both runs, as an API caller would keep it.
  const opts: import('../src/run/runner').RunOptions = { transforms: builtinTransforms, method: 'spawn', unsafeFixes: false, freezeSupport: false, allEntryPoints: false, write: false, diffs: true, config: 'discover', cwd: root, python: false, gitignore: true, include: [], exclude: [] };
  const first = await run([root], opts);
  expect(first.files[0].diff).toContain('set_start_method("spawn")');
  expect(job(first).diagnostics.map((d) => d.code)).not.toContain('MP304');
  fs.writeFileSync(path.join(root, 'pyproject.toml'), '[tool.mp-codemod]\nmethod = "forkserver"\n');
  const second = await run([root], opts);
  expect(second.files[0].diff).toContain('set_start_method("forkserver")');
  // A folder that became a package: job.py is a library module now, which guard-main leaves alone (MP304).
  fs.writeFileSync(path.join(root, '__init__.py'), '');
  const third = await run([root], opts);
  expect(job(third).diagnostics.map((d) => d.code)).toContain('MP304');
});
