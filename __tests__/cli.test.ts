import * as fs from 'fs';
import * as path from 'path';
import { readableInstall } from './helpers/installed';
import { cli, makeTree, POOL_SCRIPT, POOL_SCRIPT_FIXED } from './helpers/tree';

const T = ['-t', 'spawn-context'];
const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

describe('dry run, --write, --check', () => {
  test('the default dry run prints a git-style diff and writes nothing', async () => {
    const root = makeTree({ 'app.py': POOL_SCRIPT });
    const r = await cli([...T], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- a/app.py\n+++ b/app.py\n');
    expect(r.stdout).toContain('+    with mp.get_context("spawn").Pool(2) as p:');
    expect(r.stdout).not.toContain('\u001b['); // no colour when not a terminal
    expect(r.stderr).toMatch(/scanned 1 file in [\d.]+s: 1 would change, 0 unchanged, 0 skipped, 0 errors, 0 diagnostics/);
    expect(read(root, 'app.py')).toBe(POOL_SCRIPT);
  });

  test('colour can be forced, and NO_COLOR is the default off switch', async () => {
    const root = makeTree({ 'app.py': POOL_SCRIPT });
    expect((await cli([...T, '--color'], root)).stdout).toContain('\u001b[32m+');
    expect((await cli([...T, '--no-color'], root)).stdout).not.toContain('\u001b[');
  });

  test('--write applies and says so; then --check exits 0', async () => {
    const root = makeTree({ 'app.py': POOL_SCRIPT, 'other.py': 'print(1)\n' });
    const w = await cli([...T, '--write'], root);
    expect(w.code).toBe(0);
    expect(w.stdout).toBe('');
    expect(w.stderr).toContain('fixed app.py (1 fix)');
    expect(read(root, 'app.py')).toBe(POOL_SCRIPT_FIXED);
    const c = await cli([...T, '--check'], root);
    expect(c.code).toBe(0);
    expect(fs.readdirSync(root).sort()).toEqual(['app.py', 'other.py']); // no temp files left
  });

  test('--check exits 1 when a file would change, writes nothing, names the file', async () => {
    const root = makeTree({ 'app.py': POOL_SCRIPT });
    const r = await cli([...T, '--check'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('would change app.py');
    expect(read(root, 'app.py')).toBe(POOL_SCRIPT);
    expect((await cli([...T, '--check', '--diff'], root)).stdout).toContain('+++ b/app.py');
  });

  test('--write keeps the file mode', async () => {
    const root = makeTree({ 'tool.py': POOL_SCRIPT });
    fs.chmodSync(path.join(root, 'tool.py'), 0o751);
    await cli([...T, '--write'], root);
    expect(fs.statSync(path.join(root, 'tool.py')).mode & 0o777).toBe(0o751);
  });

  test('a read-only file is reported, the rest is written, exit 1', async () => {
    const root = makeTree({ 'a.py': POOL_SCRIPT, 'b.py': POOL_SCRIPT });
    fs.chmodSync(path.join(root, 'a.py'), 0o444);
    const r = await cli([...T, '--write'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a.py: error: read-only file, not written');
    expect(read(root, 'a.py')).toBe(POOL_SCRIPT);
    expect(read(root, 'b.py')).toBe(POOL_SCRIPT_FIXED);
  });
});

describe('byte-exact preservation on write', () => {
  test.each([
    ['CRLF', POOL_SCRIPT.replace(/\n/g, '\r\n'), POOL_SCRIPT_FIXED.replace(/\n/g, '\r\n')],
    ['no final newline', POOL_SCRIPT.trimEnd(), POOL_SCRIPT_FIXED.trimEnd()],
    ['tabs', POOL_SCRIPT.replace(/    /g, '\t'), POOL_SCRIPT_FIXED.replace(/    /g, '\t')],
  ])('%s', async (_name, input, expected) => {
    const root = makeTree({ 'app.py': input });
    await cli([...T, '--write'], root);
    expect(read(root, 'app.py')).toBe(expected);
  });

  test('BOM and a latin-1 coding cookie are written back as they were', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POOL_SCRIPT)]);
    const latin = Buffer.from(`# -*- coding: latin-1 -*-\n# caf\xe9\n${POOL_SCRIPT}`, 'latin1');
    const root = makeTree({ 'bom.py': bom, 'latin.py': latin });
    await cli([...T, '--write'], root);
    expect(fs.readFileSync(path.join(root, 'bom.py')).equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POOL_SCRIPT_FIXED)]))).toBe(true);
    expect(fs.readFileSync(path.join(root, 'latin.py')).equals(Buffer.from(`# -*- coding: latin-1 -*-\n# caf\xe9\n${POOL_SCRIPT_FIXED}`, 'latin1'))).toBe(true);
  });
});

describe('inputs the tool cannot handle are skipped, byte for byte intact', () => {
  test('syntax error: "path:line: syntax error, skipped", exit 1', async () => {
    const broken = 'import multiprocessing as mp\n\ndef f(:\n    mp.Pool()\n';
    const root = makeTree({ 'bad.py': broken, 'good.py': POOL_SCRIPT });
    const r = await cli([...T, '--write'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.py:3: syntax error, skipped');
    expect(read(root, 'bad.py')).toBe(broken);
    expect(read(root, 'good.py')).toBe(POOL_SCRIPT_FIXED);
  });

  test('Python 2 print statements count as syntax errors', async () => {
    const root = makeTree({ 'py2.py': 'import multiprocessing\nprint "hello"\n' });
    const r = await cli([...T], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('py2.py:2: syntax error, skipped');
  });

  test('undecodable bytes and NUL bytes: skipped with the reason', async () => {
    const bad = Buffer.concat([Buffer.from('import multiprocessing\nx = "'), Buffer.from([0xff]), Buffer.from('"\n')]);
    const root = makeTree({ 'enc.py': bad, 'bin.py': Buffer.from('import multiprocessing\0\n') });
    const r = await cli([...T, '--write'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('enc.py: skipped: not valid UTF-8');
    expect(r.stderr).toContain('bin.py: skipped: binary file');
    expect(fs.readFileSync(path.join(root, 'enc.py')).equals(bad)).toBe(true);
  });

  test('# mp-codemod: skip-file leaves a file alone without failing the run', async () => {
    const root = makeTree({ 'gen.py': `# mp-codemod: skip-file\n${POOL_SCRIPT}` });
    const r = await cli([...T, '--check'], root);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('gen.py: skipped: mp-codemod: skip-file');
  });
});

describe('discovery', () => {
  test('nested .gitignore files with negations; always-skipped and virtualenv folders', async () => {
    const root = makeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n*.gen.py\n',
      'build/x.py': POOL_SCRIPT,
      'keep.gen.py': POOL_SCRIPT,
      'pkg/.gitignore': '!keep.gen.py\nlocal.py\n',
      'pkg/keep.gen.py': POOL_SCRIPT,
      'pkg/local.py': POOL_SCRIPT,
      'pkg/mod.py': POOL_SCRIPT,
      'node_modules/m.py': POOL_SCRIPT,
      '__pycache__/c.py': POOL_SCRIPT,
      'env/pyvenv.cfg': 'home = /usr\n',
      'env/lib/x.py': POOL_SCRIPT,
      'main.py': POOL_SCRIPT,
      'notes.txt': 'import multiprocessing',
    });
    const r = await cli([...T, '--json'], root);
    const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['main.py', 'pkg/keep.gen.py', 'pkg/mod.py']);
    const all = await cli([...T, '--json', '--no-gitignore'], root);
    expect(JSON.parse(all.stdout).files.map((f: { path: string }) => f.path)).toEqual(['build/x.py', 'keep.gen.py', 'main.py', 'pkg/keep.gen.py', 'pkg/local.py', 'pkg/mod.py']);
  });

  test('--exclude applies to files named explicitly; --include widens what folders yield', async () => {
    const root = makeTree({ 'a.py': POOL_SCRIPT, 'tests/t.py': POOL_SCRIPT, 'script': POOL_SCRIPT });
    const r = await cli([...T, '--json', '--exclude', 'tests/**', 'a.py', 'tests/t.py'], root);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['a.py']);
    const inc = await cli([...T, '--json', '--include', 'script', '--include', '*.py', '.'], root);
    expect(JSON.parse(inc.stdout).files.map((f: { path: string }) => f.path)).toEqual(['a.py', 'script', 'tests/t.py']);
  });

  test('symlinks: never followed out of the roots, loops do not hang, no file twice', async () => {
    const outside = makeTree({ 'victim.py': POOL_SCRIPT });
    const root = makeTree({ 'src/a.py': POOL_SCRIPT });
    fs.symlinkSync(path.join(outside, 'victim.py'), path.join(root, 'src', 'link.py'));
    fs.symlinkSync(outside, path.join(root, 'outdir'));
    fs.symlinkSync(root, path.join(root, 'src', 'loop'));
    fs.symlinkSync(path.join(root, 'src', 'a.py'), path.join(root, 'alias.py'));
    const r = await cli([...T, '--write'], root);
    expect(r.code).toBe(0);
    expect(read(outside, 'victim.py')).toBe(POOL_SCRIPT);
    expect(read(root, 'src/a.py')).toBe(POOL_SCRIPT_FIXED);
    expect(r.stderr).toMatch(/scanned 1 file/);
  });

  test('an empty folder is fine: nothing to do, exit 0', async () => {
    const root = makeTree({});
    const r = await cli([], root);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('scanned 0 files');
  });
});

describe('--json', () => {
  test('one documented report on stdout', async () => {
    const root = makeTree({ 'app.py': POOL_SCRIPT, 'fork.py': 'import multiprocessing as mp\nctx = mp.get_context("fork")\n', 'bad.py': 'import multiprocessing\ndef (:\n' });
    const r = await cli([...T, '--json'], root);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, tool: { name: 'mp-codemod' }, method: 'spawn', mode: 'diff' });
    expect(report.summary).toMatchObject({ scanned: 3, changed: 1, unchanged: 1, skipped: 1, errors: 0, diagnostics: 1 });
    const byPath = Object.fromEntries(report.files.map((f: { path: string }) => [f.path, f]));
    expect(byPath['app.py']).toMatchObject({ status: 'changed', transforms: ['spawn-context'], fixes: [{ transform: 'spawn-context', line: 9 }] });
    expect(byPath['app.py'].diff).toContain('+++ b/app.py');
    expect(byPath['fork.py']).toMatchObject({ status: 'unchanged', diagnostics: [{ code: 'MP301', line: 2, column: 7, severity: 'warning' }] });
    expect(byPath['bad.py']).toMatchObject({ status: 'skipped', reason: 'syntax error', line: 2 });
    expect(r.stderr).toBe('');
  });
});

describe('--stdin', () => {
  test('source in, source out; diagnostics on stderr', async () => {
    const r = await cli([...T, '--stdin', '--stdin-filename', 'x.py'], '/', POOL_SCRIPT);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(POOL_SCRIPT_FIXED);
  });

  test('unchanged input is echoed; a syntax error echoes the input and exits 1', async () => {
    expect((await cli(['--stdin'], '/', 'print(1)\n')).stdout).toBe('print(1)\n');
    const bad = await cli([...T, '--stdin', '--stdin-filename', 'y.py'], '/', 'import multiprocessing\ndef (:\n');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('import multiprocessing\ndef (:\n');
    expect(bad.stderr).toContain('y.py:2: syntax error, skipped');
  });

  test('--output-format json: stdout is the JSON report of the one file, with the new text as output', async () => {
    const r = await cli([...T, '--stdin', '--stdin-filename', 'x.py', '--output-format', 'json'], '/', POOL_SCRIPT);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ scanned: 1, changed: 1 });
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ path: 'x.py', status: 'changed', output: POOL_SCRIPT_FIXED });
    expect(report.files[0].diff).toContain('+    with mp.get_context("spawn").Pool(2) as p:');
    // The same file on disk gives the same report, less the output.
    const root = makeTree({ 'x.py': POOL_SCRIPT });
    const onDisk = JSON.parse((await cli([...T, '--output-format', 'json', 'x.py'], root)).stdout);
    const { output, ...rest } = report.files[0];
    expect(output).toBe(POOL_SCRIPT_FIXED);
    expect(rest).toEqual(onDisk.files[0]);
    const unchanged = JSON.parse((await cli(['--stdin', '--json'], '/', 'print(1)\n')).stdout);
    expect(unchanged.files[0]).toMatchObject({ path: '<stdin>', status: 'unchanged' });
    expect(unchanged.files[0].output).toBeUndefined();
  });

  test('--output-format sarif and github: stdout is the report alone, as for files', async () => {
    const lambda = 'import multiprocessing as mp\n\nif __name__ == "__main__":\n    with mp.Pool(2) as p:\n        p.map(lambda x: x, [1])\n';
    const root = makeTree({ 'app.py': lambda });
    for (const format of ['sarif', 'github']) {
      const s = await cli(['--stdin-filename', 'app.py', '--output-format', format], root, lambda);
      const f = await cli(['--output-format', format, 'app.py'], root);
      const timeless = (out: string) => out.replace(/"seconds": [\d.]+/, '');
      expect([format, timeless(s.stdout)]).toEqual([format, timeless(f.stdout)]);
      expect(s.stdout).toContain('MP101');
      expect(s.stdout).not.toContain('import multiprocessing as mp\n');
    }
  });

  test('--check with --stdin fails on a pending change, as for files', async () => {
    expect((await cli([...T, '--stdin', '--check'], '/', POOL_SCRIPT)).code).toBe(1);
    expect((await cli([...T, '--stdin', '--check'], '/', POOL_SCRIPT_FIXED)).code).toBe(0);
  });

  test("the editor's call skips yargs and reads the arguments as yargs would", async () => {
    const { quickArgs, yargsArgs } = require('../src/cli/cli') as typeof import('../src/cli/cli');
    // What execute() reads: the camel-case keys (yargs also keeps the dashed spellings, `_` and `$0`).
    const camel = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).filter(([k]) => /^[a-z][A-Za-z]*$/.test(k)));
    for (const argv of [['--stdin'], ['--stdin', '--stdin-filename', 'a.py'], ['--stdin-filename=src/a b.py', '--stdin'], ['--stdin', '--stdin-filename', '']]) {
      const quick = quickArgs(argv);
      expect([argv, quick]).toEqual([argv, camel(yargsArgs(argv))]);
    }
    for (const argv of [['--stdin', 'x.py'], ['--stdin', '-t', 'spawn-context'], ['--stdin', '--stdin'], ['--stdin-filename', 'a.py'], ['--stdin', '--stdin-filename', '-a.py'], ['--stdin', '--stdin-filename='], []]) {
      expect([argv, quickArgs(argv)]).toEqual([argv, null]);
    }
    // And the same run: `--gitignore` (on by default) sends the second call through yargs.
    const quick = await cli(['--stdin', '--stdin-filename', 'x.py'], '/', POOL_SCRIPT);
    const full = await cli(['--stdin', '--stdin-filename', 'x.py', '--gitignore'], '/', POOL_SCRIPT);
    expect(quick.stdout).toContain('mp.set_start_method("spawn")');
    expect(quick).toEqual(full);
  });
});

describe('transform selection', () => {
  test('--list-transforms prints id, safety and description', async () => {
    const r = await cli(['--list-transforms'], '/');
    expect(r.stdout).toMatch(/^spawn-context\tsafe\t.+$/m);
  });

  test('a user transform module (-t ./file.js) runs with the same interface', async () => {
    const root = makeTree({
      'app.py': 'import os\nprint(os.getpid())\n',
      'rename.js': `module.exports = {
        id: 'getpid-to-getppid', description: 'demo', safety: 'safe', safetyNote: '',
        prefilter: /getpid/, query: '((identifier) @id (#eq? @id "getpid"))',
        fix(match) { const n = match.captures[0].node; return { message: 'rename', edits: [{ start: n.startIndex, end: n.endIndex, text: 'getppid' }] }; },
      };`,
    });
    const r = await cli(['-t', './rename.js', '--write', 'app.py'], root);
    expect(r.code).toBe(0);
    expect(read(root, 'app.py')).toBe('import os\nprint(os.getppid())\n');
  });

  test('a user transform declares its words and asks the shared scan about them in its prefilter', async () => {
    const root = makeTree({
      'app.py': 'import os\nprint(os.getpid())\n',
      'other.py': 'import os\nprint(os.getcwd())\n',
      'words.js': `module.exports = {
        id: 'getpid-to-getppid', description: 'demo', safety: 'safe', safetyNote: '',
        words: ['getpid', 'getcwd'],
        prefilter: (text, { mentions }) => mentions(text, 'getpid'),
        query: '((identifier) @id (#eq? @id "getpid"))',
        fix(match) { const n = match.captures[0].node; return { message: 'rename', edits: [{ start: n.startIndex, end: n.endIndex, text: 'getppid' }] }; },
      };`,
      'bad.js': `module.exports = { id: 'bad', words: 'getpid', prefilter: /x/, query: '(identifier) @id', fix() { return null; } };`,
    });
    const r = await cli(['-t', './words.js', '-t', 'spawn-context', '--write', 'app.py', 'other.py'], root);
    expect(r.code).toBe(0);
    expect(read(root, 'app.py')).toBe('import os\nprint(os.getppid())\n');
    expect(read(root, 'other.py')).toBe('import os\nprint(os.getcwd())\n');
    const bad = await cli(['-t', './bad.js', 'app.py'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('mp-codemod: transform ./bad.js: words must be a list of strings\n');
  });

  test('a user transform with anchors: the query runs around those names only', async () => {
    const transform = (anchors: string) => `module.exports = {
        id: 'rename', description: 'demo', safety: 'safe', safetyNote: '',
        prefilter: /getpid/, query: '(call function: (attribute) @fn) @call', anchors: () => ${anchors},
        fix(match) { const n = match.captures.find((c) => c.name === 'fn').node; return { message: 'rename', edits: [{ start: n.endIndex, end: n.endIndex, text: '_x' }] }; },
      };`;
    const source = 'import os\nprint(os.getpid(), "getpid")\nos.getcwd()\n';
    const root = makeTree({ 'a.py': source, 'b.py': source, 'c.py': source, 'near.js': transform("['getpid']"), 'none.js': transform('[]'), 'all.js': transform('null') });
    expect((await cli(['-t', './near.js', '--write', 'a.py'], root)).code).toBe(0);
    expect(read(root, 'a.py')).toBe('import os\nprint(os.getpid_x(), "getpid")\nos.getcwd()\n');
    expect((await cli(['-t', './none.js', '--write', 'b.py'], root)).code).toBe(0);
    expect(read(root, 'b.py')).toBe(source);
    expect((await cli(['-t', './all.js', '--write', 'c.py'], root)).code).toBe(0);
    expect(read(root, 'c.py')).toBe('import os\nprint(os.getpid_x(), "getpid")\nos.getcwd_x()\n');
  });

  test('a transform that throws or returns overlapping edits fails that file only, nothing written', async () => {
    const root = makeTree({
      'app.py': 'x = 1\n',
      'throws.js': `module.exports = { id: 'boom', prefilter: /x/, query: '(identifier) @id', fix() { throw new Error('kaput'); } };`,
      'overlap.js': `module.exports = { id: 'overlap', prefilter: /x/, query: '(identifier) @id', fix() { return { message: 'm', edits: [{ start: 0, end: 3, text: 'a' }, { start: 1, end: 2, text: 'b' }] }; } };`,
      'invalid.js': `module.exports = { id: 'invalid', prefilter: /x/, query: '(identifier) @id', fix() { return { message: 'm', edits: [{ start: 0, end: 1, text: 'def (' }] }; } };`,
    });
    for (const [mod, message] of [
      ['./throws.js', 'boom: failed: kaput'],
      ['./overlap.js', 'overlap: invalid fix: edits 0-3 and 1-2 overlap'],
      ['./invalid.js', 'invalid: produced invalid Python at line 1; file left unchanged'],
    ]) {
      const r = await cli(['-t', mod, '--write', 'app.py'], root);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`app.py: error: ${message}`);
      expect(read(root, 'app.py')).toBe('x = 1\n');
    }
  });
});

describe('usage errors: one line, exit 2', () => {
  test.each([
    [['--bogus'], /^mp-codemod: Unknown argument: bogus\n$/],
    [['-t', 'nope'], /^mp-codemod: unknown transform "nope" \(known: .*\)\n$/],
    [['missing/'], /^mp-codemod: missing\/: no such file or directory\n$/],
    [['--write', '--check'], /^mp-codemod: Arguments write and check are mutually exclusive\n$/],
    [['--stdin', 'a.py'], /^mp-codemod: --stdin takes no paths/],
    [['--method', 'fork'], /^mp-codemod: Invalid values: Argument: method, Given: "fork", Choices: "spawn", "forkserver"\n$/],
    [['-t', './nothing.js'], /^mp-codemod: cannot load transform \.\/nothing\.js: Cannot find module/],
  ])('%j', async (args, message) => {
    const root = makeTree({});
    const r = await cli(args as string[], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('--help and --version print to stdout and exit 0', async () => {
    const help = await cli(['--help'], '/');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--write');
    expect(help.stdout).toContain('Examples:');
    const version = await cli(['--version'], '/');
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('more bad input', () => {
  test('a BOM with a non-UTF-8 cookie, and a file ending inside a string: skipped, exit 1, nothing written', async () => {
    const bomCookie = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# -*- coding: latin-1 -*-\n${POOL_SCRIPT}`)]);
    const unterminated = `${POOL_SCRIPT}x = """never closed\n`;
    const root = makeTree({ 'bom.py': bomCookie, 'open.py': unterminated });
    const r = await cli([...T, '--write'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bom.py: skipped: encoding problem: latin-1 with a UTF-8 BOM');
    expect(r.stderr).toMatch(/open\.py:\d+: syntax error, skipped/);
    expect(fs.readFileSync(path.join(root, 'bom.py')).equals(bomCookie)).toBe(true);
    expect(read(root, 'open.py')).toBe(unterminated);
  });

  test('a transform that never converges is reported, and the file is still valid', async () => {
    const root = makeTree({
      'app.py': 'x = 1\n',
      // Always finds something more to do: grows the line each pass, with a deferred twin fix.
      'grow.js': `module.exports = { id: 'grow', prefilter: /x/, query: '(module) @m', fix(m, ctx) { const end = ctx.source.indexOf('\\n'); return [
        { message: 'a', edits: [{ start: end, end, text: ' + 1' }] }, { message: 'b', edits: [{ start: end, end, text: ' + 2' }] }]; } };`,
    });
    const r = await cli(['-t', './grow.js', 'app.py'], root);
    expect(r.stderr).toContain('app.py: note: grow did not converge after its last pass');
    expect(r.stdout).toContain('+x = 1 + 1 + 1 + 1 + 1 + 1');
  });
});

describe('unreadable files and folders', () => {
  // Root reads everything, so the tool runs as "nobody" here to meet a real permission error.
  // It runs from a copy everyone can read: the checkout may sit in a folder nobody cannot enter.
  const asNobody = (args: string[], cwd: string) => {
    const bin = readableInstall();
    try {
      return require('child_process').spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, ...args], { cwd, encoding: 'utf8' });
    } finally {
      fs.rmSync(path.dirname(path.dirname(bin)), { recursive: true, force: true });
    }
  };

  test('are reported, the rest of the run continues, exit 1', () => {
    const root = makeTree({ 'ok.py': POOL_SCRIPT, 'secret.py': POOL_SCRIPT, 'closed/inner.py': POOL_SCRIPT });
    fs.chmodSync(root, 0o777);
    for (const f of ['ok.py', 'secret.py', 'closed/inner.py']) fs.chmodSync(path.join(root, f), 0o666);
    fs.chmodSync(path.join(root, 'secret.py'), 0o000);
    fs.chmodSync(path.join(root, 'closed'), 0o000);
    try {
      const r = asNobody(['--write', '-t', 'spawn-context', '.'], root);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('secret.py: error: cannot read (EACCES)');
      expect(r.stderr).toContain('closed: error: cannot read folder (EACCES)');
      expect(read(root, 'ok.py')).toBe(POOL_SCRIPT_FIXED);
    } finally {
      fs.chmodSync(path.join(root, 'closed'), 0o755);
      fs.chmodSync(path.join(root, 'secret.py'), 0o644);
    }
  });
});
