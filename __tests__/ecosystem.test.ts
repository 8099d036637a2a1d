import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli, makeTree, POOL_SCRIPT } from './helpers/tree';

const REPO = path.join(__dirname, '..');
const BIN = path.join(REPO, 'bin', 'mp-codemod.js');

describe('pre-commit', () => {
  // The hooks file as pre-commit reads it: id → entry (the command before the file names).
  const hooks = Object.fromEntries(
    fs
      .readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')
      .split(/^- /m)
      .slice(1)
      .map((block) => [/^id: (\S+)/m.exec(block)![1], { entry: /^\s*entry: (.+)$/m.exec(block)![1], language: /^\s*language: (\S+)$/m.exec(block)![1] }]),
  );

  /** Runs an entry as pre-commit does: the entry's words, then the staged file names. */
  const runHook = (id: string, cwd: string, files: string[]) => {
    const [command, ...args] = hooks[id].entry.split(' ');
    expect(command).toBe('mp-codemod');
    return spawnSync(process.execPath, [BIN, ...args, ...files], { cwd, encoding: 'utf8' });
  };

  test('two node hooks: the fixer and the checker', () => {
    expect(hooks['mp-codemod']).toEqual({ entry: 'mp-codemod --write', language: 'node' });
    expect(hooks['mp-codemod-check']).toEqual({ entry: 'mp-codemod --check', language: 'node' });
  });

  test('with file names as arguments: the checker fails on pending changes, the fixer fixes only those files', () => {
    const root = makeTree({ 'a.py': POOL_SCRIPT, 'b.py': POOL_SCRIPT });
    expect(runHook('mp-codemod-check', root, ['a.py']).status).toBe(1);
    expect(runHook('mp-codemod', root, ['a.py']).status).toBe(0);
    expect(fs.readFileSync(path.join(root, 'a.py'), 'utf8')).toContain('mp.set_start_method("spawn")');
    expect(fs.readFileSync(path.join(root, 'b.py'), 'utf8')).toBe(POOL_SCRIPT);
    expect(runHook('mp-codemod-check', root, ['a.py']).status).toBe(0);
  });
});

describe('bulk scripting', () => {
  test('--files-from - reads paths from stdin (git ls-files | mp-codemod --files-from -)', async () => {
    const root = makeTree({ 'a.py': POOL_SCRIPT, 'b.py': POOL_SCRIPT, 'c.py': POOL_SCRIPT });
    const r = await cli(['--json', '--files-from', '-'], root, 'a.py\nc.py\n');
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['a.py', 'c.py']);
    fs.writeFileSync(path.join(root, 'list.txt'), 'b.py\n');
    const fromFile = await cli(['--json', '--files-from', 'list.txt'], root);
    expect(JSON.parse(fromFile.stdout).files.map((f: { path: string }) => f.path)).toEqual(['b.py']);
  });

  test('--shard i/n splits the files into disjoint, complete, stable parts', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`m${i}.py`] = POOL_SCRIPT;
    const root = makeTree(files);
    const shards = [];
    for (const i of [1, 2, 3]) {
      const r = await cli(['--json', '--shard', `${i}/3`], root);
      shards.push(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path));
    }
    const all = shards.flat().sort();
    expect(all).toEqual(Object.keys(files).sort());
    expect(new Set(all).size).toBe(30);
    expect(shards.every((s) => s.length > 0)).toBe(true);
    const again = await cli(['--json', '--shard', '2/3'], root);
    expect(JSON.parse(again.stdout).files.map((f: { path: string }) => f.path)).toEqual(shards[1]);
    expect((await cli(['--shard', '4/3'], root)).code).toBe(2);
  });
});

describe('programmatic API', () => {
  test('types compile in a consumer project, and the functions work', () => {
    const consumer = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-consumer-'));
    try {
      fs.mkdirSync(path.join(consumer, 'node_modules'));
      fs.symlinkSync(REPO, path.join(consumer, 'node_modules', 'mp-codemod'));
      fs.writeFileSync(
        path.join(consumer, 'use.ts'),
        [
          'import { ready, transformSource, run, builtinTransforms, type Transform, type SourceResult } from "mp-codemod";',
          'import { defineFixtureTests } from "mp-codemod/testing";',
          // Nodes are typed in a consumer too (not any): a string is not a number.
          'const mine: Transform = { id: "x", description: "", safety: "safe", safetyNote: "", prefilter: /x/, query: "(module) @m", fix: (m) => {',
          '  // @ts-expect-error',
          '  const kind: number = m.captures[0].node.type;',
          '  return kind ? null : null;',
          '} };',
          // A library module: --strategy local gives it the context (auto leaves it on the default, MP318).
          'void ready().then(() => {',
          '  const out: SourceResult = transformSource("import multiprocessing as mp\\n\\n\\ndef f():\\n    return mp.Pool(2)\\n", builtinTransforms, { method: "spawn", unsafeFixes: false, freezeSupport: false, allEntryPoints: false, strategy: "local" });',
          '  console.log(JSON.stringify({ output: out.output, ids: [...builtinTransforms, mine].map((t) => t.id), fixtures: typeof defineFixtureTests, run: typeof run }));',
          '});',
        ].join('\n'),
      );
      fs.writeFileSync(
        path.join(consumer, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'ES2022', strict: true, outDir: 'out', skipLibCheck: true, types: [] }, files: ['use.ts'] }),
      );
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', consumer], { encoding: 'utf8' });
      const printed = JSON.parse(execFileSync(process.execPath, [path.join(consumer, 'out', 'use.js')], { encoding: 'utf8' }));
      expect(printed.output).toBe('import multiprocessing as mp\n\n\ndef f():\n    return mp.get_context("spawn").Pool(2)\n');
      expect(printed.ids).toEqual(['diagnostics', 'join-processes', 'guard-main', 'set-start-method', 'spawn-context', 'x']);
      expect(printed.fixtures).toBe('function');
    } finally {
      fs.rmSync(consumer, { recursive: true, force: true });
    }
  });
});

describe('progress bar', () => {
  const many = () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 250; i++) files[`m${i}.py`] = i % 5 === 0 ? POOL_SCRIPT : 'print(1)\n';
    return makeTree(files);
  };

  test('shown on a terminal for runs over many files', () => {
    const root = many();
    // `script` gives the command a pseudo-terminal, as a person's shell would.
    const r = spawnSync('script', ['-qec', `${process.execPath} ${BIN} --check .`, '/dev/null'], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toMatch(/mp-codemod .*\d+\/250 files/);
  });

  test('silent when piped, and with --quiet on a terminal', () => {
    const root = many();
    const piped = spawnSync(process.execPath, [BIN, '--check', '.'], { cwd: root, encoding: 'utf8' });
    expect(piped.stderr).not.toMatch(/\/250 files/);
    const quiet = spawnSync('script', ['-qec', `${process.execPath} ${BIN} --check --quiet .`, '/dev/null'], { cwd: root, encoding: 'utf8' });
    expect(quiet.stdout).not.toMatch(/\/250 files/);
    expect(quiet.stdout).not.toMatch(/scanned 250 files/);
    expect(quiet.stdout).toMatch(/would change m0\.py/);
  });
});
