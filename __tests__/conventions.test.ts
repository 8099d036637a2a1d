import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main, type IO } from '../src/cli/cli';
import { cli, makeTree, POOL_SCRIPT } from './helpers/tree';

// Conventions Python teams know from ruff and black: exit codes, streams, colours.
const BIN = path.join(__dirname, '..', 'bin', 'mp-codemod.js');
const LAMBDA_SCRIPT = 'import multiprocessing as mp\n\n\nif __name__ == "__main__":\n    with mp.Pool(2) as p:\n        p.map(lambda x: x, [1])\n';
// A file the tool changes beside one it holds back (MP101 stays an error there, MP312).
const MIXED = { 'app.py': POOL_SCRIPT, 'lam.py': LAMBDA_SCRIPT };
const FORK_SCRIPT = 'import multiprocessing as mp\n\nctx = mp.get_context("fork")\n';

/** The CLI with each stream's terminal state and the environment chosen. */
async function cliTTY(args: string[], cwd: string, tty: { out: boolean; err: boolean }, env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io: IO = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => '', cwd, env, isTTY: tty.out, stderrIsTTY: tty.err };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('exit codes', () => {
  test('--write exits 1 when an error diagnostic remains after fixing, 0 with --exit-zero', async () => {
    const root = makeTree(MIXED);
    const w = await cli(['--write'], root);
    expect(w.stderr).toMatch(/fixed app\.py/);
    expect(w.stderr).toContain('MP101');
    expect(w.code).toBe(1);
    const again = await cli(['--write'], root); // nothing left to fix, the error remains
    expect(again.code).toBe(1);
    expect((await cli(['--write', '--exit-zero'], root)).code).toBe(0);
  });

  test('--write exits 0 when only warnings remain, 1 with --strict', async () => {
    const root = makeTree({ 'lib.py': FORK_SCRIPT });
    const w = await cli(['--write'], root);
    expect(w.stderr).toContain('MP301');
    expect(w.code).toBe(0);
    expect((await cli(['--write', '--strict'], root)).code).toBe(1);
  });

  test('--exit-zero turns findings into 0 but keeps usage errors at 2', async () => {
    const root = makeTree({ 'app.py': POOL_SCRIPT });
    expect((await cli(['--check'], root)).code).toBe(1);
    expect((await cli(['--check', '--exit-zero'], root)).code).toBe(0);
    expect((await cli(['--exit-zero', '-t', 'nope'], root)).code).toBe(2);
  });

  test('--help lists every exit code, 130 included', async () => {
    const help = (await cli(['--help'], '/')).stdout;
    for (const line of [/^ {2}0 {4}/m, /^ {2}1 {4}--check/m, /^ {2}2 {4}usage/m, /^ {2}130 {2}interrupted/m]) expect(help).toMatch(line);
    expect(help).toContain('--exit-zero');
  });
});

describe('streams', () => {
  test('a reader that leaves early (| head -1) ends the output quietly', () => {
    // Enough diff to fill the pipe, so the writes after head has gone meet EPIPE.
    const big = 'import multiprocessing as mp\n\n\ndef f(x):\n    return x\n\n\nif __name__ == "__main__":\n' + `    with mp.Pool(2) as p: p.map(f, ["${'x'.repeat(4000)}"])\n`.repeat(50);
    const root = makeTree({ 'app.py': big });
    const r = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$1" -t spawn-context . 2>err.txt | head -1', process.execPath, BIN], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toBe('--- a/app.py\n');
    const err = fs.readFileSync(path.join(root, 'err.txt'), 'utf8');
    expect(err).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(err).toContain('1 would change');
    expect(r.status).toBe(0);
  });

  test('- reads the source from stdin, as with ruff and black; nothing on disk is touched', async () => {
    const root = makeTree({ 'app.py': POOL_SCRIPT });
    const r = await cli(['-t', 'spawn-context', '-'], root, POOL_SCRIPT);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mp.get_context("spawn").Pool(2)');
    expect(r.stdout).not.toContain('+++');
    const w = await cli(['--write', '-t', 'spawn-context', '-'], root, POOL_SCRIPT);
    expect(w.stdout).toContain('mp.get_context("spawn").Pool(2)');
    expect(fs.readFileSync(path.join(root, 'app.py'), 'utf8')).toBe(POOL_SCRIPT);
    const mixed = await cli(['-', 'app.py'], root, POOL_SCRIPT);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe('mp-codemod: - (stdin) takes no other paths\n');
    expect((await cli(['-i', '-'], root, POOL_SCRIPT)).code).toBe(2);
  });

  test('--stdin-filename implies --stdin', async () => {
    const root = makeTree({ 'app.py': POOL_SCRIPT });
    const r = await cli(['-t', 'spawn-context', '--stdin-filename', 'app.py'], root, POOL_SCRIPT);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(POOL_SCRIPT.replace('mp.Pool(2)', 'mp.get_context("spawn").Pool(2)'));
  });
});

describe('colours and severity', () => {
  test('stdout and stderr are each coloured by their own terminal', async () => {
    const root = makeTree(MIXED);
    const outOnly = await cliTTY([], root, { out: true, err: false });
    expect(outOnly.stdout).toContain('\u001b[32m+');
    expect(outOnly.stderr).not.toContain('\u001b[');
    const errOnly = await cliTTY([], root, { out: false, err: true });
    expect(errOnly.stdout).not.toContain('\u001b[');
    expect(errOnly.stderr).toContain('\u001b[31m[error]');
  });

  test('NO_COLOR turns colour off on a terminal, FORCE_COLOR on without one; --color/--no-color win', async () => {
    const root = makeTree(MIXED);
    expect((await cliTTY([], root, { out: true, err: true }, { NO_COLOR: '1' })).stdout).not.toContain('\u001b[');
    const forced = await cliTTY([], root, { out: false, err: false }, { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[32m+');
    expect(forced.stderr).toContain('\u001b[31m[error]');
    expect((await cliTTY([], root, { out: false, err: false }, { FORCE_COLOR: '0' })).stdout).not.toContain('\u001b[');
    expect((await cliTTY(['--no-color'], root, { out: true, err: true }, { FORCE_COLOR: '1' })).stdout).not.toContain('\u001b[');
    expect((await cliTTY(['--color'], root, { out: false, err: false }, { NO_COLOR: '1' })).stdout).toContain('\u001b[');
  });

  test('text output shows each diagnostic\'s severity', async () => {
    const root = makeTree({ 'app.py': LAMBDA_SCRIPT, 'lib.py': FORK_SCRIPT });
    const r = await cli([], root);
    expect(r.stderr).toMatch(/^app\.py:\d+:\d+: MP101 \[error\] a lambda/m);
    expect(r.stderr).toMatch(/^lib\.py:\d+:\d+: MP301 \[warning\] /m);
    const s = await cli(['--stdin-filename', 'app.py'], root, LAMBDA_SCRIPT);
    expect(s.stderr).toMatch(/^app\.py:\d+:\d+: MP101 \[error\] /m);
  });

  test('one fix is "1 fix", in text and in GitHub annotations', async () => {
    const root = makeTree({ 'app.py': POOL_SCRIPT });
    expect((await cli(['-t', 'spawn-context', '--check'], root)).stderr).toContain('would change app.py (1 fix)');
    const gh = await cli(['-t', 'spawn-context', '--check', '--output-format', 'github'], root);
    expect(gh.stdout).toContain('would change (1 fix);');
  });
});

test('the README command-line reference lists every option --help lists', async () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const block = readme.slice(readme.indexOf('## Command line'), readme.indexOf('Exit codes'));
  const flags = [...(await cli(['--help'], '/')).stdout.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]);
  expect(flags.length).toBeGreaterThan(20);
  expect(flags.filter((f) => !['--help', '--version', '--gitignore', '--prefilter', '--color'].includes(f) && !block.includes(f))).toEqual([]);
});

describe('configuration', () => {
  const LIB = 'import multiprocessing as mp\n\nctx = mp.get_context("fork")\n';
  const project = (table: string, files: Record<string, string> = {}) =>
    makeTree({ 'pyproject.toml': `[tool.mp-codemod]\n${table}`, 'a.py': POOL_SCRIPT, 'b.py': POOL_SCRIPT, 'c.py': POOL_SCRIPT, ...files });

  test.each([
    ['transforms = ["spawn-contxt"]\n', [], /^mp-codemod: .*pyproject\.toml: \[tool\.mp-codemod\] transforms: unknown transform "spawn-contxt"/],
    ['select = ["MP9"]\n', [], /^mp-codemod: .*pyproject\.toml: \[tool\.mp-codemod\] select: unknown code "MP9"/],
    ['ignore = ["E501"]\n', [], /^mp-codemod: .*pyproject\.toml: \[tool\.mp-codemod\] ignore: unknown code "E501"/],
    ['per-file-ignores = { "tests/*" = ["MP1O1"] }\n', [], /per-file-ignores "tests\/\*": unknown code "MP1O1"/],
    ['', ['--select', 'MP1,MP999'], /^mp-codemod: --select: unknown code "MP999"/],
    ['', ['--ignore', 'X'], /^mp-codemod: --ignore: unknown code "X"/],
    ['method = "spawn"\nselect = [\n', [], /^mp-codemod: .*pyproject\.toml:4:1: invalid TOML: /],
  ])('%j %j: one usage line, exit 2, whatever the number of files', async (table, args, message) => {
    const root = project(table);
    const r = await cli([...args, '.'], root);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.code).toBe(2);
  });

  test('per-file-ignores drops codes for the files its globs match, relative to the pyproject.toml', async () => {
    const root = project('[tool.mp-codemod.per-file-ignores]\n"legacy/*.py" = ["MP301"]\n"*_test.py" = ["MP3"]\n', {
      'legacy/old.py': LIB, 'lib.py': LIB, 'x_test.py': LIB,
    });
    const r = await cli(['--check', '.'], root);
    expect(r.stderr).toMatch(/^lib\.py:\d+:\d+: MP301/m);
    expect(r.stderr).not.toMatch(/^legacy\/old\.py:\d+:\d+: MP301/m);
    expect(r.stderr).not.toMatch(/^x_test\.py:\d+:\d+: MP301/m);
  });

  test('extend-exclude adds to exclude and to --exclude', async () => {
    const root = project('exclude = ["a.py"]\nextend-exclude = ["b.py"]\n');
    const shown = async (args: string[]) => JSON.parse((await cli(['--json', ...args, '.'], root)).stdout).files.map((f: { path: string }) => f.path);
    expect(await shown([])).toEqual(['c.py']);
    expect(await shown(['--exclude', 'c.py'])).toEqual(['a.py']);
  });

  test('--show-config prints every key as [tool.mp-codemod] spells it', async () => {
    const root = project('unsafe-fixes = true\nextend-exclude = ["gen/**"]\n');
    const shown = JSON.parse((await cli(['--show-config', 'a.py'], root)).stdout).settings;
    expect(shown).toMatchObject({ 'unsafe-fixes': true, 'extend-exclude': ['gen/**'], 'freeze-support': false, 'all-entry-points': false, 'per-file-ignores': {} });
    expect(Object.keys(shown).filter((k) => /[A-Z]/.test(k))).toEqual([]);
  });

  test('the API\'s options all have defaults: run(paths, {}) is a dry run', async () => {
    const { run } = await import('../src/index');
    const root = project('');
    const summary = await run([path.join(root, 'a.py')], {});
    expect(summary.changed).toBe(1);
    expect(summary.files[0].diff).toContain('+    mp.set_start_method("spawn")');
    expect(fs.readFileSync(path.join(root, 'a.py'), 'utf8')).toBe(POOL_SCRIPT);
  });
});

describe('pragmas', () => {
  const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
  const GUARD = 'import multiprocessing as mp\n\n\ndef f(x):\n    return x\n\n\nif __name__ == "__main__":\n';

  test('# mp-codemod: ignore (bare) leaves its statement unfixed, also across lines', async () => {
    const source = `${GUARD}    q = mp.Queue(\n        3,\n    )  # mp-codemod: ignore\n    r = mp.Queue()\n`;
    const root = makeTree({ 'app.py': source });
    await cli(['-t', 'spawn-context', '--write'], root);
    expect(read(root, 'app.py')).toBe(source.replace('r = mp.Queue()', 'r = mp.get_context("spawn").Queue()'));
    // (One site is rewritten, so its context is inline: the ignored one does not count.)
  });

  test('ignore[transform] and ignore[CODE] suppress that transform\'s fixes and that code\'s fixes on the statement', async () => {
    const source = `${GUARD}    with mp.Pool(2) as p:  # mp-codemod: ignore[spawn-context]\n        p.map(f, [1])\n    ctx = mp.get_context("fork")  # mp-codemod: ignore[MP301]\n    other = mp.get_context("fork")\n`;
    const root = makeTree({ 'app.py': source });
    const r = await cli(['-t', 'spawn-context', '--unsafe-fixes', '--write'], root);
    expect(r.code).toBe(0);
    expect(read(root, 'app.py')).toBe(source.replace('other = mp.get_context("fork")', 'other = mp.get_context("spawn")'));
  });

  test('a pragma for another transform does not stop this one', async () => {
    const source = `${GUARD}    with mp.Pool(2) as p:  # mp-codemod: ignore[guard-main]\n        p.map(f, [1])\n`;
    const root = makeTree({ 'app.py': source });
    await cli(['-t', 'spawn-context', '--write'], root);
    expect(read(root, 'app.py')).toContain('mp.get_context("spawn").Pool(2)');
  });

  test('keep-fork keeps its scope on fork: no context rewrite there, and no spawn default for the file', async () => {
    const source = `${GUARD}    # mp-codemod: keep-fork\n    with mp.Pool(2) as p:\n        p.map(f, [1])\n`;
    const root = makeTree({ 'app.py': source });
    const r = await cli(['--write'], root);
    expect(r.code).toBe(0);
    expect(read(root, 'app.py')).toBe(source);
  });

  test('unknown names in a pragma are MP502; pragmas or names that suppress nothing are MP501 in a full run', async () => {
    const source = `${GUARD}    with mp.Pool(2) as p:  # mp-codemod: ignore[MP101,MP9,spawn-contxt]\n        p.map(lambda x: x, [1])  # mp-codemod: ignore[MP101]\n    x = 1  # mp-codemod: ignore\n`;
    const root = makeTree({ 'app.py': source });
    const full = await cli([], root);
    expect(full.stderr).toContain('app.py:9:28: MP502 [warning] unknown code or transform in pragma: MP9, spawn-contxt');
    expect(full.stderr).toContain('app.py:9:28: MP501 [warning] unused in this pragma: MP101');
    expect(full.stderr).toContain('app.py:11:12: MP501 [warning] this pragma suppresses nothing');
    expect(full.stderr).not.toMatch(/app\.py:10:\d+: MP50/); // it does suppress the lambda's MP101
    expect(full.stderr).not.toMatch(/app\.py:10:\d+: MP101/);
    // With one transform, whether the others would have used a pragma is unknown: no MP501.
    const partial = await cli(['-t', 'spawn-context'], root);
    expect(partial.stderr).toContain('MP502');
    expect(partial.stderr).not.toContain('MP501');
  });
});

describe('--interactive on a terminal', () => {
  // A pseudo-terminal from python3's pty module: answers are single keys, without Enter.
  const DRIVE = `
import os, pty, sys, select
keys = sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], sys.argv[2], '-i', '-t', 'spawn-context', '.'])
out = b''
def read_until(mark):
    global out
    while mark not in out:
        r, _, _ = select.select([fd], [], [], 120)
        if not r: raise SystemExit('timeout; got: ' + out.decode(errors='replace'))
        try: chunk = os.read(fd, 4096)
        except OSError: return False
        if not chunk: return False
        out += chunk
    return True
for k in keys:
    read_until(b'[y,n,a,s,q,?] ')
    out = out.replace(b'[y,n,a,s,q,?] ', b'[asked] ', 1)
    os.write(fd, k.encode().decode('unicode_escape').encode())
read_until(b'\\0never')
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode(errors='replace'))
print('exit=%d' % os.waitstatus_to_exitcode(status))
`;
  const drive = (root: string, keys: string[]) => spawnSync('python3', ['-c', DRIVE, process.execPath, BIN, ...keys], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 170_000 });

  test('single keys answer, ? shows help, and Ctrl-C exits 130 keeping what was accepted', () => {
    const root = makeTree({ 'a.py': POOL_SCRIPT, 'b.py': POOL_SCRIPT });
    const r = drive(root, ['?', 'y', '\\x03']);
    expect(r.stdout).toContain('?: this help');
    expect(r.stdout).toContain('fixed a.py (1 of 1 changes)');
    expect(r.stdout).toMatch(/exit=130\s*$/);
    expect(fs.readFileSync(path.join(root, 'a.py'), 'utf8')).toContain('mp.get_context("spawn").Pool(2)');
    expect(fs.readFileSync(path.join(root, 'b.py'), 'utf8')).toBe(POOL_SCRIPT);
  });
});

test('--interactive: s splits a change into its separate edits, each answered on its own', async () => {
  // One factory call and one get_context(): two separate edits (two factory calls would share one _mp_context).
  const source = 'import multiprocessing as mp\n\nq = mp.Queue()\nx = 1\nctx = mp.get_context()\n';
  const root = makeTree({ 'app.py': source });
  const r = await cli(['-i', '-t', 'spawn-context'], root, 's\ny\nn\n');
  expect(r.stdout).toContain('Apply change 1/1 to app.py?');
  expect(r.stdout).toContain('Apply change 2/2 to app.py?');
  expect(r.stdout).toContain('fixed app.py (1 of 2 changes)');
  expect(fs.readFileSync(path.join(root, 'app.py'), 'utf8')).toBe(source.replace('q = mp.Queue()', 'q = mp.get_context("spawn").Queue()'));
  const single = makeTree({ 'app.py': 'import multiprocessing as mp\n\nq = mp.Queue()\n' });
  const one = await cli(['-i', '-t', 'spawn-context'], single, 's\nn\n');
  expect(one.stdout).toContain('this change is a single edit; it cannot be split');
});

test('--unsafe-fixes removes unused pragmas, or the unused names in them, and keeps the rest', async () => {
  const source = 'import multiprocessing as mp\n\n\nif __name__ == "__main__":\n    mp.set_start_method("spawn")\n    # mp-codemod: ignore\n    x = 1  # note  # mp-codemod: ignore[MP101]\n    with mp.get_context("spawn").Pool(2) as p:\n        p.map(lambda v: v, [1])  # mp-codemod: ignore[MP101,MP301]\n';
  const root = makeTree({ 'app.py': source });
  const dry = await cli([], root);
  expect(dry.stderr).toContain('MP501 [warning] this pragma suppresses nothing\n  hint: remove it (an unsafe fix is available with --unsafe-fixes)');
  const r = await cli(['--unsafe-fixes', '--write'], root);
  expect(r.stderr).not.toContain('MP501');
  expect(fs.readFileSync(path.join(root, 'app.py'), 'utf8')).toBe(
    'import multiprocessing as mp\n\n\nif __name__ == "__main__":\n    mp.set_start_method("spawn")\n    x = 1  # note\n    with mp.get_context("spawn").Pool(2) as p:\n        p.map(lambda v: v, [1])  # mp-codemod: ignore[MP101]\n',
  );
});
