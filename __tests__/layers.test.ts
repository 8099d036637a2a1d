import * as fs from 'fs';
import * as path from 'path';

// The dependency rule of the README's Architecture section, read from the import statements:
// cli -> run -> {project, engine} -> python -> syntax; every layer may import api; only cli and
// the package entry points (src/index.ts, src/testing.ts) import transforms/; no cycles.
const ROOT = path.join(__dirname, '..');

type Layer = 'api' | 'syntax' | 'python' | 'engine' | 'project' | 'run' | 'cli' | 'top' | 'transforms';
const MAY_IMPORT: Record<Layer, Layer[]> = {
  api: ['api'],
  syntax: ['syntax', 'api'],
  python: ['python', 'syntax', 'api'],
  engine: ['engine', 'python', 'syntax', 'api'],
  project: ['project', 'python', 'syntax', 'api'],
  run: ['run', 'engine', 'project', 'python', 'syntax', 'api'],
  cli: ['cli', 'run', 'engine', 'project', 'python', 'syntax', 'api', 'transforms'],
  top: ['top', 'cli', 'run', 'engine', 'project', 'python', 'syntax', 'api', 'transforms'],
  transforms: ['transforms', 'python', 'syntax', 'api'],
};
// api describes the semantic model a transform reads, so it names python's and syntax's types;
// `import type` is erased from the JavaScript, so it adds no run-time edge.
const MAY_IMPORT_TYPES: Partial<Record<Layer, Layer[]>> = { api: ['api', 'syntax', 'python'] };

interface Edge { from: string; to: string; typeOnly: boolean }

function layerOf(rel: string): Layer | null {
  const parts = rel.split('/');
  if (parts[0] === 'transforms') return 'transforms';
  if (parts[0] !== 'src') return null;
  if (parts.length === 2) return parts[1] === 'index.ts' || parts[1] === 'testing.ts' ? 'top' : null;
  return (Object.keys(MAY_IMPORT) as Layer[]).includes(parts[1] as Layer) ? (parts[1] as Layer) : null;
}

const SPEC = /(?:^|\n)\s*(import\s+type\b[^;]*?from\s*|import\b[^;]*?from\s*|export\b[^;]*?from\s*)['"](\.[^'"]+)['"]|(?:require|import)\(\s*['"](\.[^'"]+)['"]\s*\)/g;

export function importsOf(file: string, text: string): Edge[] {
  const out: Edge[] = [];
  for (const m of text.matchAll(SPEC)) {
    const spec = m[2] ?? m[3];
    const typeOnly = m[1] !== undefined && /^import\s+type\b/.test(m[1].trim());
    const base = path.resolve(path.dirname(file), spec);
    const target = [base + '.ts', path.join(base, 'index.ts'), base].find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
    if (target) out.push({ from: path.relative(ROOT, file).split(path.sep).join('/'), to: path.relative(ROOT, target).split(path.sep).join('/'), typeOnly });
  }
  return out;
}

export function violations(edges: Edge[], layer: (rel: string) => Layer | null = layerOf): string[] {
  const bad: string[] = [];
  for (const e of edges) {
    const a = layer(e.from);
    const b = layer(e.to);
    if (a === null) { bad.push(`${e.from}: not in a layer folder`); continue; }
    if (b === null) { bad.push(`${e.from} imports ${e.to}, which is not in a layer folder`); continue; }
    const allowed = e.typeOnly ? (MAY_IMPORT_TYPES[a] ?? MAY_IMPORT[a]) : MAY_IMPORT[a];
    if (!allowed.includes(b)) bad.push(`${e.from} (${a}) imports ${e.to} (${b})`);
  }
  return bad;
}

/** Every cycle among run-time imports, as one path each. */
export function cycles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (!e.typeOnly) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const state = new Map<string, 'open' | 'done'>();
  const found: string[][] = [];
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of next.get(n) ?? []) {
      if (state.get(m) === 'open') found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...next.keys()].sort()) if (!state.has(n)) visit(n);
  return found;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

const edges = [...sources(path.join(ROOT, 'src')), ...sources(path.join(ROOT, 'transforms'))].flatMap((f) => importsOf(f, fs.readFileSync(f, 'utf8')));

describe('layers', () => {
  test('the checks find a wrong direction and a cycle', () => {
    const sample: Edge[] = [
      { from: 'src/syntax/a.ts', to: 'src/python/b.ts', typeOnly: false },
      { from: 'transforms/t.ts', to: 'src/run/c.ts', typeOnly: false },
      { from: 'src/run/c.ts', to: 'transforms/t.ts', typeOnly: false },
      { from: 'src/api/d.ts', to: 'src/python/b.ts', typeOnly: true },
      { from: 'src/api/d.ts', to: 'src/python/b.ts', typeOnly: false },
      { from: 'src/python/b.ts', to: 'src/syntax/a.ts', typeOnly: false },
    ];
    expect(violations(sample)).toEqual([
      'src/syntax/a.ts (syntax) imports src/python/b.ts (python)',
      'transforms/t.ts (transforms) imports src/run/c.ts (run)',
      'src/run/c.ts (run) imports transforms/t.ts (transforms)',
      'src/api/d.ts (api) imports src/python/b.ts (python)',
    ]);
    expect(cycles(sample).map((c) => c.join(' > '))).toEqual([
      'src/python/b.ts > src/syntax/a.ts > src/python/b.ts',
      'src/run/c.ts > transforms/t.ts > src/run/c.ts',
    ]);
  });

  test('the import reader sees static, type-only, re-exported and lazy imports', () => {
    const file = path.join(ROOT, 'src', 'run', 'x.ts');
    const text = [
      "import { a } from '../api/types';",
      "import type { B } from '../python/names';",
      "export { c } from './walk';",
      "const d = require('../engine/pipeline') as typeof import('../engine/pipeline');",
    ].join('\n');
    const got = importsOf(file, text).map((e) => `${e.to}${e.typeOnly ? ' (type)' : ''}`);
    expect(got).toEqual(['src/api/types.ts', 'src/python/names.ts (type)', 'src/run/walk.ts', 'src/engine/pipeline.ts', 'src/engine/pipeline.ts']);
  });

  test('a lazy require against the direction is refused like an import', () => {
    const file = path.join(ROOT, 'src', 'syntax', 'x.ts');
    const text = "export function f() {\n  return (require('../run/runner') as typeof import('../run/runner')).run;\n}\n";
    expect(violations(importsOf(file, text))).toEqual(['src/syntax/x.ts (syntax) imports src/run/runner.ts (run)', 'src/syntax/x.ts (syntax) imports src/run/runner.ts (run)']);
  });

  test('every lazy require names its module (the rule can read it) and says why it is lazy', () => {
    const files = [...sources(path.join(ROOT, 'src')), ...sources(path.join(ROOT, 'transforms'))];
    // Modules loaded by a path known only at run time: a user's transform (-t), and the
    // transforms of a worker thread (functions do not cross threads).
    const byPath = ['src/run/select.ts', 'src/run/catalogue.ts'];
    const unnamed: string[] = [];
    const unexplained: string[] = [];
    for (const f of files) {
      const rel = path.relative(ROOT, f).split(path.sep).join('/');
      const lines = fs.readFileSync(f, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/\brequire\(\s*[^'"\s)]/.test(line) && !byPath.includes(rel)) unnamed.push(`${rel}:${i + 1}`);
        // A require cast to its module's type is TypeScript code (not the source of a thread in a string).
        const comment = (l: string | undefined) => l !== undefined && /\/\/|^\s*\*/.test(l);
        if (/\brequire\(.*\)\s*as\b/.test(line) && !comment(line) && !comment(lines[i - 1])) unexplained.push(`${rel}:${i + 1}`);
      });
    }
    expect(unnamed).toEqual([]);
    expect(unexplained).toEqual([]);
  });

  test('src/ and transforms/ follow the dependency rule', () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(violations(edges)).toEqual([]);
  });

  test('no import cycles', () => {
    expect(cycles(edges)).toEqual([]);
  });
});
