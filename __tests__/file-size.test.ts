import * as fs from 'fs';
import * as path from 'path';
import { main } from '../src/cli/cli';
import { ProjectScan } from '../src/project/project';
import { noteFiles } from '../src/run/project-files';
import { cli, makeTree, POOL_SCRIPT } from './helpers/tree';

// A file over a tiny limit (--max-file-size 0.001: 1,000 bytes), made here: the limit is what is tested, not the size.
const BIG = `${POOL_SCRIPT}${'VALUES = [1, 2, 3]\n'.repeat(200)}`;
const LIMIT_LINE = (shown: string, size: string, limit: string) =>
  `${shown}: skipped: ${size} is over the ${limit} MB limit for one file (--max-file-size, max-file-size in [tool.mp-codemod])`;

describe('files over --max-file-size are skipped unparsed, bytes untouched', () => {
  test('text: one line, the file untouched by --write, exit 1; the others are fixed', async () => {
    const root = makeTree({ 'big.py': BIG, 'small.py': POOL_SCRIPT });
    const r = await cli(['--write', '--max-file-size', '0.001', '.'], root);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toContain(LIMIT_LINE('big.py', `${Buffer.byteLength(BIG)} bytes`, '0.001'));
    expect(r.stderr).toMatch(/1 changed, 0 unchanged, 1 skipped, 0 errors/);
    expect(fs.readFileSync(path.join(root, 'big.py'), 'utf8')).toBe(BIG);
    expect(fs.readFileSync(path.join(root, 'small.py'), 'utf8')).not.toBe(POOL_SCRIPT);
  });

  test('json, github and sarif report it as they report a syntax error', async () => {
    const root = makeTree({ 'big.py': BIG, 'broken.py': 'import multiprocessing\ndef f(:\n' });
    const json = await cli(['--json', '--max-file-size', '0.001', '.'], root);
    expect(json.code).toBe(1);
    const files = Object.fromEntries(JSON.parse(json.stdout).files.map((f: { path: string }) => [f.path, f]));
    expect(files['big.py']).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/ bytes is over the 0\.001 MB limit for one file/) });
    expect(files['broken.py']).toMatchObject({ status: 'skipped' });
    expect(JSON.parse(json.stdout).summary).toMatchObject({ skipped: 2 });
    const github = await cli(['--output-format', 'github', '--max-file-size', '0.001', '.'], root);
    expect(github.stdout).toMatch(/^::error file=big\.py,line=1,title=mp-codemod::skipped: \d+ bytes is over the 0\.001 MB limit/m);
    expect(github.stdout).toMatch(/^::error file=broken\.py,/m);
    const sarif = await cli(['--output-format', 'sarif', '--max-file-size', '0.001', '.'], root);
    expect(sarif.code).toBe(1);
    expect(JSON.parse(sarif.stdout).runs[0].results).toEqual([]);
  });

  test('0 is no limit; the default is 8 MB (a file one byte over it is skipped)', async () => {
    const root = makeTree({ 'big.py': BIG });
    const none = await cli(['--json', '--max-file-size', '0', '.'], root);
    expect(JSON.parse(none.stdout).files[0].status).toBe('changed');
    // 8,000,001 bytes, mostly one comment: written here, and never read by the run.
    const huge = path.join(root, 'huge.py');
    fs.writeFileSync(huge, `${POOL_SCRIPT}#${'x'.repeat(8_000_000 - Buffer.byteLength(POOL_SCRIPT) - 1)}\n`);
    expect(fs.statSync(huge).size).toBe(8_000_001);
    const dflt = await cli(['--json', 'huge.py'], root);
    expect(JSON.parse(dflt.stdout).files[0]).toMatchObject({ status: 'skipped', reason: LIMIT_LINE('', '8.000001 MB', '8').slice(': skipped: '.length) });
    const shown = JSON.parse((await cli(['--show-config', 'huge.py'], root)).stdout).settings;
    expect(shown['max-file-size']).toBe(8);
  });

  test('max-file-size in [tool.mp-codemod], the command line winning; invalid values are usage errors', async () => {
    const root = makeTree({ 'pyproject.toml': '[tool.mp-codemod]\nmax-file-size = 0.001\n', 'big.py': BIG });
    const byConfig = await cli(['--json', '.'], root);
    expect(JSON.parse(byConfig.stdout).files[0]).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/over the 0\.001 MB limit/) });
    const overridden = await cli(['--json', '--max-file-size', '1', '.'], root);
    expect(JSON.parse(overridden.stdout).files[0].status).toBe('changed');
    expect(JSON.parse((await cli(['--show-config', 'big.py'], root)).stdout).settings['max-file-size']).toBe(0.001);
    for (const bad of ['-1', 'big']) {
      const r = await cli(['--max-file-size', bad, '.'], root);
      expect({ bad, code: r.code, stderr: r.stderr }).toEqual({ bad, code: 2, stderr: 'mp-codemod: --max-file-size takes a number of MB from 0 (0: no limit)\n' });
    }
    fs.writeFileSync(path.join(root, 'pyproject.toml'), '[tool.mp-codemod]\nmax-file-size = "10 MB"\n');
    const r = await cli(['.'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pyproject\.toml: \[tool\.mp-codemod\] max-file-size: must be a number of MB from 0 \(0: no limit\)\n$/);
  });

  test('--stdin: the same limit, one line, the source echoed byte for byte', async () => {
    const root = makeTree({ 'small.py': POOL_SCRIPT });
    const source = Buffer.from(BIG, 'utf8');
    let out = Buffer.alloc(0);
    let err = '';
    const code = await main(['--stdin-filename', 'big.py', '--max-file-size', '0.001'], {
      stdout: (s) => (out = Buffer.concat([out, Buffer.from(s, 'utf8')])),
      stdoutBytes: (b) => (out = Buffer.concat([out, b])),
      stderr: (s) => (err += s),
      readStdin: () => BIG,
      readStdinBytes: () => source,
      cwd: root,
      env: {},
      isTTY: false,
    });
    expect(code).toBe(1);
    expect(out.equals(source)).toBe(true);
    expect(err).toBe(`${LIMIT_LINE('big.py', `${source.length} bytes`, '0.001')}\n`);
    // Within the limit, the same source is fixed.
    const fixed = await cli(['--stdin-filename', 'small.py', '--max-file-size', '0.001'], root, POOL_SCRIPT);
    expect(fixed.stdout).toContain('mp.set_start_method("spawn")');
  });

  test('the cross-file scan does not read files of the project over the limit', () => {
    const root = makeTree({ 'entry.py': `import helpers\n\nif __name__ == "__main__":\n    helpers.run()\n` });
    const file = { path: 'entry.py', real: path.join(root, 'entry.py') };
    expect(noteFiles([file], new ProjectScan(), () => 10).size).toBe(0);
    expect(noteFiles([file], new ProjectScan(), () => null).size).toBe(1);
  });
});
