import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cli, makeTree } from './helpers/tree';

const cell = (source: string[], extra: object = {}) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source, ...extra });
const notebook = (cells: object[]) => ({
  cells: [{ cell_type: 'markdown', metadata: {}, source: ['# Analysis ✓\n', 'Text.'] }, ...cells],
  metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
  nbformat: 4,
  nbformat_minor: 5,
});

/** Jupyter's own serialisation: json.dumps(indent=1, ensure_ascii=False) plus a newline. */
function jupyterDump(nb: object): string {
  const r = spawnSync('python3', ['-c', 'import json,sys; sys.stdout.write(json.dumps(json.load(sys.stdin), indent=1, ensure_ascii=False) + "\\n")'], { input: JSON.stringify(nb), encoding: 'utf8' });
  return r.stdout;
}

const NB = notebook([
  cell(['import multiprocessing as mp\n', 'from operator import neg\n', '%matplotlib inline\n', '!pip list']),
  cell(['def square(x):\n', '    return x * x']),
  cell(['with mp.Pool(2) as pool:\n', '    print(pool.map(neg, [1, 2]))']),
  cell(['%%bash\n', 'echo "mp.Pool(3)"\n']),
]);

/** The same with a worker defined in a cell: spawn children cannot import it (MP106). */
const NB_LOCAL_WORKER = notebook([
  cell(['import multiprocessing as mp\n']),
  cell(['def square(x):\n', '    return x * x']),
  cell(['with mp.Pool(2) as pool:\n', '    print(pool.map(square, [1, 2]))']),
]);

describe('notebooks', () => {
  test('code cells are migrated; magics, shell lines, cell magics and the JSON layout are kept', async () => {
    const root = makeTree({ 'analysis.ipynb': jupyterDump(NB) });
    const r = await cli(['--write'], root);
    expect(r.code).toBe(0); // the worker is imported (a worker defined in a cell would hold the notebook back)
    const expected = JSON.parse(JSON.stringify(NB));
    expected.cells[3].source = ['with mp.get_context("spawn").Pool(2) as pool:\n', '    print(pool.map(neg, [1, 2]))'];
    expect(fs.readFileSync(path.join(root, 'analysis.ipynb'), 'utf8')).toBe(jupyterDump(expected));
  });

  test('the diff is of the .ipynb file, so git apply takes it', async () => {
    const root = makeTree({ 'analysis.ipynb': jupyterDump(NB) });
    const r = await cli([], root);
    expect(r.stdout).toContain('--- a/analysis.ipynb\n+++ b/analysis.ipynb\n');
    fs.writeFileSync(path.join(root, 'fix.patch'), r.stdout);
    const applied = spawnSync('git', ['apply', 'fix.patch'], { cwd: root, encoding: 'utf8' });
    expect(applied.stderr).toBe('');
    expect(applied.status).toBe(0);
    const written = makeTree({ 'analysis.ipynb': jupyterDump(NB) });
    await cli(['--write'], written);
    expect(fs.readFileSync(path.join(root, 'analysis.ipynb'), 'utf8')).toBe(fs.readFileSync(path.join(written, 'analysis.ipynb'), 'utf8'));
  });

  test('a notebook on stdin (--stdin-filename x.ipynb) is handled as a notebook: stdout is what --write writes', async () => {
    const written = makeTree({ 'analysis.ipynb': jupyterDump(NB) });
    await cli(['--write'], written);
    const r = await cli(['--stdin-filename', 'analysis.ipynb'], makeTree({}), jupyterDump(NB));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(fs.readFileSync(path.join(written, 'analysis.ipynb'), 'utf8'));
    const local = await cli(['--stdin-filename', 'local.ipynb'], makeTree({}), jupyterDump(NB_LOCAL_WORKER));
    expect(local.stderr).toContain('local.ipynb[cell 4]:2:20: MP106 [error] square is defined in the notebook');
  });

  test('a worker defined in a cell: diagnostics give cell and line (MP106), and the notebook is left alone (MP312)', async () => {
    const root = makeTree({ 'local.ipynb': jupyterDump(NB_LOCAL_WORKER) });
    const r = await cli(['--write'], root);
    expect(r.stderr).toContain('local.ipynb[cell 4]:2:20: MP106 [error] square is defined in the notebook');
    expect(r.stderr).toContain('MP312');
    expect(fs.readFileSync(path.join(root, 'local.ipynb'), 'utf8')).toBe(jupyterDump(NB_LOCAL_WORKER));
  });

  test('a worker defined in two cells is MP106 too, and the notebook is left alone', async () => {
    const twice = notebook([
      cell(['import multiprocessing as mp\n']),
      cell(['def square(x):\n', '    return x * x']),
      cell(['def square(x):\n', '    return x ** 2']),
      cell(['with mp.Pool(2) as pool:\n', '    print(pool.map(square, [1, 2]))']),
    ]);
    const root = makeTree({ 'twice.ipynb': jupyterDump(twice) });
    const r = await cli(['--write'], root);
    expect(r.stderr).toContain('twice.ipynb[cell 5]:2:20: MP106 [error] square is defined in the notebook');
    expect(fs.readFileSync(path.join(root, 'twice.ipynb'), 'utf8')).toBe(jupyterDump(twice));
  });

  test('GitHub annotations and SARIF do not present a cell\'s line as a line of the .ipynb file', async () => {
    const root = makeTree({ 'analysis.ipynb': jupyterDump(NB_LOCAL_WORKER) });
    const gh = (await cli(['--output-format', 'github'], root)).stdout;
    expect(gh).toContain('::error file=analysis.ipynb,title=mp-codemod MP106::cell 4, line 2, column 20: square is defined in the notebook');
    const sarif = JSON.parse((await cli(['--output-format', 'sarif'], root)).stdout).runs[0].results[0];
    expect(sarif.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'analysis.ipynb', uriBaseId: '%SRCROOT%' } });
    expect(sarif.message.text).toMatch(/^cell 4, line 2, column 20: square is defined/);
  });

  test('a notebook with nothing to change is left byte for byte, whatever its layout', async () => {
    const text = JSON.stringify(notebook([cell(['import multiprocessing as mp\n', 'print(mp.cpu_count())'])]), null, 2);
    const root = makeTree({ 'plain.ipynb': text });
    const r = await cli(['--write', '--json'], root);
    expect(JSON.parse(r.stdout).files[0].status).toBe('unchanged');
    expect(fs.readFileSync(path.join(root, 'plain.ipynb'), 'utf8')).toBe(text);
  });

  test('only the changed cell\'s source bytes change: escapes, CRLF, key order and spacing elsewhere stay', async () => {
    // Written by another tool: \u escapes (ensure_ascii), CRLF, keys in its own order, tabs.
    const ascii = (s: string) => s.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const text = ascii(JSON.stringify(notebook([
      cell(['# caf\u00e9\n', 'import multiprocessing as mp\n']),
      cell(['with mp.Pool(2) as pool:  # na\u00efve\n', '    print(pool.map(abs, [1]))']),
      { source: 'print("\u00e9t\u00e9")', outputs: [], metadata: { tags: ['x'] }, cell_type: 'code', execution_count: 3 },
    ]), null, '\t')).replace(/\n/g, '\r\n');
    const root = makeTree({ 'nb.ipynb': text });
    const r = await cli(['--write', '-t', 'spawn-context'], root);
    expect(r.code).toBe(0);
    const written = fs.readFileSync(path.join(root, 'nb.ipynb'), 'utf8');
    const expected = text.replace('"with mp.Pool(2)', '"with mp.get_context(\\"spawn\\").Pool(2)');
    expect(written).toBe(expected);
  });

  test('invalid notebook JSON is skipped with the reason', async () => {
    const root = makeTree({ 'broken.ipynb': '{"cells": [ multiprocessing' });
    const r = await cli(['--json'], root);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^not valid notebook JSON/) });
    expect(r.code).toBe(1);
  });
});
