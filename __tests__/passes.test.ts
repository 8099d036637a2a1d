import * as fs from 'fs';
import * as path from 'path';
import { defaultOptions, transformSource } from '../src/engine/pipeline';
import { fromStandIn, parse, work } from '../src/syntax/parser';
import type { FileContext, FileFacts, Fix, Options, Transform } from '../src/api/types';
import { fixtureInputs } from '../src/testing';
import { builtinTransforms } from '../transforms';

/** A transform of the module alone, whose fixes `fix` makes from the text it is given. */
function toy(id: string, reads: readonly string[] | undefined, fix: (ctx: FileContext) => Fix | Fix[] | null, extra: Partial<Transform> = {}): Transform {
  return { id, reads, description: id, safety: 'safe', safetyNote: '', prefilter: /./, query: '(module) @m', fix: (_m, ctx) => fix(ctx), ...extra };
}

const at = (ctx: FileContext, s: string) => ctx.source.indexOf(s);
/** `a` becomes `A` on the first line. */
const upper = toy('upper', [], (ctx) => (at(ctx, 'a = 1') === 0 ? { message: 'upper', edits: [{ start: 0, end: 1, text: 'A' }] } : null));
/** A comment at the end of the file. */
const tail = toy('tail', [], (ctx) => (ctx.source.includes('# tail') ? null : { message: 'tail', edits: [{ start: ctx.source.length, end: ctx.source.length, text: '# tail\n' }] }));
/** A comment saying whether the text it decided on had `A`: it tells which text a transform saw. */
const saw = (reads: readonly string[] | undefined) =>
  toy('saw', reads, (ctx) => (ctx.source.includes('# saw') ? null : { message: 'saw', edits: [{ start: ctx.source.length, end: ctx.source.length, text: `# saw ${ctx.source.includes('A') ? 'A' : 'a'}\n` }] }));
/** Rewrites the whole first line (touching upper's edit), keeping what it finds there. */
const wide = toy('wide', [], (ctx) => {
  const end = ctx.source.indexOf('\n');
  const line = ctx.source.slice(0, end);
  return line.endsWith('# wide') ? null : { message: 'wide', edits: [{ start: 0, end, text: `${line}  # wide` }] };
});

/** The output of `transforms` on `text`, and the parses and applied passes it took. */
function run(text: string, transforms: Transform[], options = defaultOptions, facts: FileFacts = { inPackage: false }, file = 'case.py') {
  const before = { ...work };
  const out = transformSource(text, transforms, options, file, facts);
  return { out, parses: work.parses - before.parses, analyses: work.analyses - before.analyses, passes: work.passes - before.passes };
}

describe('one pass for the transforms that decide on the same text', () => {
  test('transforms that read nothing of each other edit the original text in one pass: one parse, one re-parse', () => {
    const { out, parses, passes } = run('a = 1\n', [upper, tail]);
    expect(out.output).toBe('A = 1\n# tail\n');
    expect(out.fixes.map((f) => f.transform)).toEqual(['upper', 'tail']);
    expect(passes).toBe(1);
    expect(parses).toBe(2);
  });

  test('a transform that reads another decides on its output, in the next pass', () => {
    const { out, passes, parses } = run('a = 1\n', [upper, saw(['upper'])]);
    expect(out.output).toBe('A = 1\n# saw A\n');
    expect(passes).toBe(2);
    expect(parses).toBe(3);
  });

  test('one that does not read it decides on the original text, in the same pass', () => {
    const { out, passes } = run('a = 1\n', [upper, saw([])]);
    expect(out.output).toBe('A = 1\n# saw a\n');
    expect(passes).toBe(1);
  });

  test('a transform that does not say what it reads sees every transform before it, and is seen by every one after it', () => {
    expect(run('a = 1\n', [upper, saw(undefined)]).out.output).toBe('A = 1\n# saw A\n');
    const opaque = toy('upper', undefined, (ctx) => (at(ctx, 'a = 1') === 0 ? { message: 'upper', edits: [{ start: 0, end: 1, text: 'A' }] } : null));
    expect(run('a = 1\n', [opaque, saw([])]).out.output).toBe('A = 1\n# saw A\n');
  });

  test('a transform whose fixes touch an earlier one\'s waits, whole, and decides again on the text that one made', () => {
    const { out, passes } = run('a = 1\n', [upper, wide, tail]);
    expect(out.output).toBe('A = 1  # wide\n# tail\n');
    expect(out.fixes.map((f) => f.transform)).toEqual(['upper', 'tail', 'wide']);
    expect(passes).toBe(2);
  });

  test('the diagnostics of a transform that waited are those of the text it finally decided on, once', () => {
    const reporting = toy('reporting', ['upper'], (ctx) => {
      ctx.report(0, 'MP305', `first line: ${ctx.source.split('\n')[0]}`);
      return null;
    });
    const { out } = run('a = 1\n', [upper, reporting]);
    expect(out.diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`)).toEqual(['MP305 1:1 first line: A = 1']);
  });

  test('a transform whose deferred fixes come to nothing still has the imports it left unused removed', () => {
    // Two fixes of one call overlap: the first applies, the second is deferred and then finds nothing.
    const rename = toy('rename', [], (ctx) => {
      const i = ctx.source.indexOf('X()');
      if (i < 0) return null;
      const prune = [{ module: 'm', name: 'X' }];
      return [{ message: 'whole', edits: [{ start: i, end: i + 3, text: 'Z()' }], prune }, { message: 'name', edits: [{ start: i, end: i + 1, text: 'Z' }], prune }];
    });
    expect(run('from m import X, Y\n\nY()\nX()\n', [rename]).out.output).toBe('from m import Y\n\nY()\nZ()\n');
  });

  test('a pass that breaks the syntax names the transform whose fixes alone break it, and changes nothing', () => {
    const broken = toy('broken', [], (ctx) => (ctx.source.includes('(') ? null : { message: 'b', edits: [{ start: ctx.source.length, end: ctx.source.length, text: 'x = (\n' }] }));
    const { out } = run('a = 1\n', [broken, upper]);
    expect(out.error?.transform).toBe('broken');
    expect(out.output).toBe('a = 1\n');
    expect(out.fixes).toEqual([]);
  });

  test('so does a pass whose output Python rejects (the compile gate)', () => {
    const flagged = toy('flagged', [], (ctx) => (ctx.source.includes('BAD') ? null : { message: 'f', edits: [{ start: ctx.source.length, end: ctx.source.length, text: '# BAD\n' }] }));
    const compile = (text: string) => (text.includes('BAD') ? { message: 'flagged', line: 2 } : null);
    const { out } = run('a = 1\n', [upper, flagged], { ...defaultOptions, compile });
    expect(out.error).toEqual({ transform: 'flagged', message: 'produced code Python rejects at line 2 (flagged); file left unchanged' });
  });

  test('a file the planner runs twice (both mechanisms) is parsed once, plus once per applied pass', () => {
    const global = toy('global', [], (ctx) => (ctx.source.startsWith('#!') ? null : { message: 'g', edits: [{ start: 0, end: 0, text: '#!g\n' }] }), { mechanism: 'global' });
    const local = toy('local', [], (ctx) => (ctx.source.includes('# l') ? null : { message: 'l', edits: [{ start: ctx.source.length, end: ctx.source.length, text: '# l\n' }] }), { mechanism: 'local' });
    const { out, parses, passes } = run('a = 1\n', [global, local]);
    // The first run had both; the second keeps the global one alone.
    expect(out.output).toBe('#!g\na = 1\n');
    expect(out.mechanisms).toEqual(['global']);
    expect(passes).toBe(2);
    expect(parses).toBe(1 + passes);
  });
});

describe('files whose edits the planner would throw away', () => {
  const LAMBDA = 'import multiprocessing\n\n\ndef main():\n    with multiprocessing.Pool(2) as pool:\n        print(pool.map(lambda x: x * 2, [1, 2]))\n\n\nif __name__ == "__main__":\n    main()\n';

  test('a library module left on the default (MP318) is parsed once: its explicit contexts are not applied to be thrown away', () => {
    const JOBS = 'import multiprocessing\n\n\ndef run(items):\n    with multiprocessing.Pool(2) as pool:\n        return pool.map(abs, items)\n';
    const { out, parses, passes } = run(JOBS, [...builtinTransforms], defaultOptions, { inPackage: true }, 'pkg/jobs.py');
    expect(out.output).toBe(JOBS);
    expect(out.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['5 MP318']);
    expect(passes).toBe(0);
    expect(parses).toBe(1);
    // Under --strategy local it gets them.
    const local = run(JOBS, [...builtinTransforms], { ...defaultOptions, strategy: 'local' }, { inPackage: true }, 'pkg/jobs.py');
    expect(local.out.output).toContain('get_context("spawn")');
    expect(local.passes).toBe(1);
  });

  test('a library module with an error spawn would turn into a failure is held back (MP312), not left on the default', () => {
    const NESTED = 'import multiprocessing\n\n\ndef run(items):\n    def double(x):\n        return x * 2\n\n    with multiprocessing.Pool(2) as pool:\n        return pool.map(double, items)\n';
    const { out } = run(NESTED, [...builtinTransforms], defaultOptions, { inPackage: true }, 'pkg/jobs.py');
    expect(out.output).toBe(NESTED);
    expect(out.diagnostics.map((d) => d.code)).toEqual(['MP102', 'MP312']);
  });

  test('a file held back for an error (MP312) keeps its text, unless a pragma suppresses the error', () => {
    const held = run(LAMBDA, [...builtinTransforms]).out;
    expect(held.output).toBe(LAMBDA);
    expect(held.diagnostics.map((d) => d.code)).toEqual(['MP101', 'MP312']);
    const marked = LAMBDA.replace('[1, 2]))', '[1, 2]))  # mp-codemod: ignore[MP101]');
    const { out, passes } = run(marked, [...builtinTransforms]);
    expect(out.output).toContain('multiprocessing.set_start_method("spawn")');
    expect(passes).toBe(1);
  });
});

describe('the built-in transforms\' reads', () => {
  const root = path.join(__dirname, '..', '__testfixtures__');
  // Every case of every folder, with its options (--unsafe-fixes lets join-processes edit).
  const cases = fs.readdirSync(root).flatMap((d) => {
    const dir = path.join(root, d);
    if (!fs.statSync(dir).isDirectory()) return [];
    return [...fixtureInputs(dir)].map(([name, input]) => {
      const file = path.join(dir, `${name}.options.json`);
      const { file: facts, ...options } = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
      return { name: `${d}/${name}`, input, path: path.join(dir, `${name}.input.py`), options: { ...defaultOptions, ...options } as Options, facts: { inPackage: false, ...facts } as FileFacts };
    });
  });
  // Every transform read by every later one: each decides on the output of all before it.
  const chained = builtinTransforms.map((t) => ({ ...t, reads: undefined }));

  test('change no output and no diagnostic of any fixture against a chain, and take no more passes', () => {
    const differ: string[] = [];
    for (const c of cases) {
      const text = fs.readFileSync(c.input, 'utf8');
      const declared = run(text, [...builtinTransforms], c.options, c.facts, c.path);
      const chain = run(text, chained, c.options, c.facts, c.path);
      const shown = (r: typeof declared) => JSON.stringify([r.out.output, r.out.diagnostics, r.out.error, r.out.fixes.map((f) => `${f.transform}:${f.line}`).sort()]);
      if (shown(declared) !== shown(chain)) differ.push(c.name);
      expect(declared.passes).toBeLessThanOrEqual(chain.passes);
    }
    expect(cases.length).toBeGreaterThan(300);
    expect(differ).toEqual([]);
  });

  test('every fixture is parsed once plus once per applied pass, and analysed at most as often', () => {
    const off: string[] = [];
    let changed = 0;
    for (const c of cases) {
      const text = fs.readFileSync(c.input, 'utf8');
      // A text tree-sitter rejects is parsed twice each time, the second time as a stand-in (see indent-substitute.ts).
      const tree = parse(text);
      const standIn = fromStandIn(tree);
      tree.delete();
      if (standIn) continue;
      const r = run(text, [...builtinTransforms], c.options, c.facts, c.path);
      if (r.passes > 0) changed++;
      if (r.parses > 0 && (r.parses !== 1 + r.passes || r.analyses > r.parses)) off.push(`${c.name}: ${r.parses} parses, ${r.analyses} analyses, ${r.passes} passes`);
    }
    expect(changed).toBeGreaterThan(100);
    expect(off).toEqual([]);
  });
});
