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
    expect(files['svc-a/app.py'].diff).toContain('get_context("forkserver").Pool');
    expect(files['other/app.py'].diff).toContain('get_context("spawn").Pool');
    // svc-b: only spawn-context, unsafe fixes on: the fork context is rewritten, no set_start_method.
    expect(files['svc-b/lib/fork.py'].diff).toContain('+ctx = mp.get_context("spawn")');
    expect(files['svc-b/lib/fork.py'].transforms).toEqual(['spawn-context']);
  });

  test('command-line flags override the file; --isolated ignores it; --config names one', async () => {
    const root = monorepo();
    const flag = await cli(['--json', '--method', 'spawn', 'svc-a/app.py'], root);
    expect(JSON.parse(flag.stdout).files[0].diff).toContain('get_context("spawn")');
    const isolated = await cli(['--json', '--isolated', 'svc-a'], root);
    expect(JSON.parse(isolated.stdout).files.map((f: { path: string }) => f.path)).toEqual(['svc-a/app.py', 'svc-a/gen/out.py']);
    const named = await cli(['--json', '--config', 'svc-a/pyproject.toml', 'other/app.py'], root);
    expect(JSON.parse(named.stdout).files[0].diff).toContain('get_context("forkserver")');
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
  expect(r.stdout).toContain('get_context("forkserver").Pool(2)');
  const elsewhere = await cli(['--stdin', '--stdin-filename', 'other/new.py'], root, POOL_SCRIPT);
  expect(elsewhere.stdout).toContain('get_context("spawn").Pool(2)');
});
