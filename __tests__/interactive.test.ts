import * as fs from 'fs';
import * as path from 'path';
import { cli, makeTree } from './helpers/tree';

// Two changes far enough apart to be two hunks.
const PADDING = Array.from({ length: 12 }, (_, i) => `X${i} = ${i}`).join('\n');
const SOURCE = `import multiprocessing as mp\n\n\ndef a():\n    return mp.Pool(2)\n\n\n${PADDING}\n\n\ndef b():\n    return mp.Queue()\n`;
// Two call sites share one module-level context; each change brings the binding with it.
const BOUND = SOURCE.replace('import multiprocessing as mp\n', 'import multiprocessing as mp\n\n_mp_context = mp.get_context("spawn")\n');
const FIRST = BOUND.replace('mp.Pool(2)', '_mp_context.Pool(2)');
const BOTH = FIRST.replace('mp.Queue()', '_mp_context.Queue()');
const T = ['-t', 'spawn-context', '--interactive'];

describe('--interactive', () => {
  test('y then n: only the first hunk is written', async () => {
    const root = makeTree({ 'app.py': SOURCE });
    const r = await cli(T, root, 'y\nn\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Apply change 1/2 to app.py? [y,n,a,s,q,?] ');
    expect(r.stdout).toContain('+    return _mp_context.Pool(2)');
    expect(r.stdout).toContain('fixed app.py (1 of 2 changes)');
    expect(fs.readFileSync(path.join(root, 'app.py'), 'utf8')).toBe(FIRST);
  });

  test('a accepts the rest of the file; q quits keeping what was accepted', async () => {
    const root = makeTree({ 'a.py': SOURCE, 'b.py': SOURCE });
    const r = await cli(T, root, 'a\nq\n');
    expect(fs.readFileSync(path.join(root, 'a.py'), 'utf8')).toBe(BOTH);
    expect(fs.readFileSync(path.join(root, 'b.py'), 'utf8')).toBe(SOURCE);
    expect(r.stdout).toContain('fixed a.py (2 of 2 changes)');
  });

  test('unclear answers are asked again; the end of input quits', async () => {
    const root = makeTree({ 'app.py': SOURCE });
    const r = await cli(T, root, 'maybe\nn\n');
    expect(r.stdout).toContain('answer y, n, a, s or q (? for help');
    expect(fs.readFileSync(path.join(root, 'app.py'), 'utf8')).toBe(SOURCE);
  });

  test('conflicts with --write and --json', async () => {
    const root = makeTree({ 'app.py': SOURCE });
    expect((await cli([...T, '--write'], root)).code).toBe(2);
    expect((await cli([...T, '--json'], root)).code).toBe(2);
  });
});

describe('--interactive never writes a name without its definition', () => {
  // Two executors far apart: `import multiprocessing` and the shared context land at the top, in
  // a change of their own; each call site is a change too.
  const PAD = Array.from({ length: 10 }, (_, i) => `Y${i} = ${i}`).join('\n');
  const EXEC = `from concurrent.futures import ProcessPoolExecutor\n\n${PAD}\n\n\ndef a():\n    return ProcessPoolExecutor(2)\n\n\n${PAD}\n\n\ndef b():\n    return ProcessPoolExecutor(3)\n`;

  test('a declined change that only adds the import and the shared context comes with an accepted site', async () => {
    const root = makeTree({ 'app.py': EXEC });
    const r = await cli(['-t', 'spawn-context', '--interactive'], root, 'n\ny\nn\n');
    expect(r.stdout).toContain('comes too: it defines what the accepted changes use');
    const written = fs.readFileSync(path.join(root, 'app.py'), 'utf8');
    expect(written).toContain('import multiprocessing\n');
    expect(written).toContain('_mp_context = multiprocessing.get_context("spawn")');
    expect(written).toContain('ProcessPoolExecutor(2, mp_context=_mp_context)');
    expect(written).toContain('ProcessPoolExecutor(3)\n');
  });

  test('a site whose definition sits in a declined change with another site is refused, the file kept', async () => {
    // The shared context and the first site are one change (close together); the second site is accepted alone.
    const root = makeTree({ 'app.py': SOURCE });
    const r = await cli(['-t', 'spawn-context', '--interactive'], root, 'n\ny\n');
    expect(r.stdout).toContain('app.py: the accepted changes use _mp_context, which a declined change defines; not written');
    expect(fs.readFileSync(path.join(root, 'app.py'), 'utf8')).toBe(SOURCE);
  });
});
