import { parse } from '../syntax/parser';
import type { SyntaxNode } from '../syntax/types';
import { Names, indexImports, type ImportIndex } from '../python/names';
import { ProcessStarts } from '../python/starts';
import { isMainGuard } from '../python/toplevel';
import { detached } from '../syntax/memory';

/**
 * Which names of a module start processes when an importer uses them: the cross-file scan asks
 * this of a module that starts processes somewhere, so that an entry point importing only its
 * constants or its other classes (yolov5 `detect.py` and `utils/dataloaders.py`) is not counted.
 */
export interface ModuleStarts {
  /** A start runs while the module is imported (outside functions, classes and its __main__ guard). */
  atImport: boolean;
  /** Top-level functions and classes whose use may start processes: true for any use, or the methods that do. */
  starting: Map<string, true | Set<string>>;
  /** Names the module binds itself (not by an import). */
  own: Set<string>;
  /** Names it binds by an import only: another module's code, judged there. */
  reexported: Set<string>;
  /** Functions among `starting` whose every start has a method of its own (torch's start_processes): a default set by an importer does not reach them. */
  ownMethod: Set<string>;
}

const DATALOADER = /(^|\.)DataLoader$/;
const CALLED_ATTRIBUTE = /\.\s*(\w+)\s*\(/g;
const isDunder = (name: string) => /^__\w+__$/.test(name);

/** Attribute names called in a text (`x.run(` gives run): how an importer or a body uses methods. */
export function calledAttributes(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(CALLED_ATTRIBUTE)) out.add(m[1]);
  return out;
}

interface Def {
  name: string;
  node: SyntaxNode;
  /** Identifiers the body reads, and attributes it calls. */
  reads: Set<string>;
  calls: Set<string>;
}

function defOf(node: SyntaxNode): Def {
  return { name: node.childForFieldName('name')!.text, node, reads: new Set(node.descendantsOfType('identifier').map((i) => i.text)), calls: calledAttributes(node.text) };
}

const unwrap = (n: SyntaxNode) => (n.type === 'decorated_definition' ? (n.childForFieldName('definition') ?? n) : n);

/** Blocks whose definitions are still module level: `if`/`else` platform switches, `try` import fallbacks. */
const BRANCHES = new Set(['if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'finally_clause', 'block', 'with_statement']);

/** The module-level statements, with those inside branches (not the __main__ guard) brought up. */
function moduleLevel(root: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const visit = (n: SyntaxNode) => {
    for (const c of n.namedChildren) {
      const d = unwrap(c);
      if (d.type === 'function_definition' || d.type === 'class_definition') out.push(d);
      else if (BRANCHES.has(c.type) && !isMainGuard(c)) visit(c);
    }
  };
  visit(root);
  return out;
}

/** Whether a def's use reaches what `starting` holds: a name used whole, or a method it calls. */
function reaches(d: Def, starting: Map<string, true | Set<string>>): boolean {
  for (const [name, how] of starting) {
    if (!d.reads.has(name) && !d.calls.has(name)) continue;
    if (how === true || [...how].some((m) => d.calls.has(m))) return true;
  }
  return false;
}

/**
 * `seeds`: names the module imports whose use starts processes in another module (the middle of
 * two import hops); its own functions that use them then count too.
 */
export function moduleStarts(text: string, seeds: ReadonlySet<string> = new Set()): ModuleStarts {
  const tree = parse(text);
  try {
    return moduleStartsIn(tree.rootNode, text, seeds, () => new Names(tree.rootNode, text));
  } finally {
    tree.delete();
  }
}

/** moduleStarts of a tree already parsed; `analyse` gives its scope analysis (made only when the tree parsed cleanly). */
export function moduleStartsIn(root: SyntaxNode, text: string, seeds: ReadonlySet<string>, analyse: () => Names, importIndex?: ImportIndex): ModuleStarts {
  // Code that does not parse cannot be read name by name: any use counts.
  if (root.hasError) return { atImport: true, starting: new Map(), own: new Set(), reexported: new Set(), ownMethod: new Set() };
  const names = analyse();
  const starts = new ProcessStarts(names, text, importIndex ?? indexImports(root, text));
  const result: ModuleStarts = { atImport: false, starting: new Map([...seeds].map((n) => [n, true] as const)), own: new Set(), reexported: new Set(), ownMethod: new Set() };
  for (const [name, bindings] of names.module.bindings) {
    const imports = bindings.filter((b) => b.target !== null || /import/.test(b.type)).length;
    if (imports === 0) result.own.add(name);
    else if (imports === bindings.length) result.reexported.add(name);
  }
  const functions: Def[] = [];
  const classes: { def: Def; methods: Def[]; whole: boolean }[] = [];
  for (const stmt of root.namedChildren) {
    const n = unwrap(stmt);
    if (n.type !== 'function_definition' && n.type !== 'class_definition' && !isMainGuard(n) && n.type !== 'comment' && starts.firstStart(n) !== null) result.atImport = true;
  }
  for (const n of moduleLevel(root)) {
    if (n.type === 'function_definition') functions.push(defOf(n));
    else if (n.type === 'class_definition') {
      const methods = (n.childForFieldName('body')?.namedChildren ?? []).map(unwrap).filter((m) => m.type === 'function_definition').map(defOf);
      // A DataLoader subclass starts workers when iterated: any use counts.
      const whole = (n.childForFieldName('superclasses')?.namedChildren ?? []).some((b) => DATALOADER.test(names.qualifiedName(b) ?? b.text));
      classes.push({ def: defOf(n), methods, whole });
    }
  }
  const mark = (name: string, how: true | string) => {
    const had = result.starting.get(name);
    if (had === true) return false;
    if (how === true || isDunder(how)) return result.starting.set(name, true), true;
    if (had?.has(how)) return false;
    result.starting.set(name, new Set([...(had ?? []), how]));
    return true;
  };
  for (const f of functions) if (starts.firstStart(f.node.childForFieldName('body')!) !== null) mark(f.name, true);
  for (const c of classes) {
    if (c.whole) mark(c.def.name, true);
    for (const m of c.methods) if (starts.firstStart(m.node.childForFieldName('body')!) !== null) mark(c.def.name, m.name);
  }
  // Until nothing changes: functions and methods that use what starts (a method through `self.`).
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of functions) if (result.starting.get(f.name) !== true && reaches(f, result.starting)) changed = mark(f.name, true) || changed;
    for (const c of classes) {
      const own = result.starting.get(c.def.name);
      if (own === true) continue;
      for (const m of c.methods) {
        if (own?.has(m.name)) continue;
        if (reaches(m, result.starting) || (own && [...own].some((x) => m.calls.has(x)))) changed = mark(c.def.name, m.name) || changed;
      }
    }
  }
  // Functions that start only through torch's own-method helpers, themselves or through other
  // such functions of the module: until nothing changes, drop any that reaches another start.
  for (const f of functions) if (result.starting.get(f.name) === true && !seeds.has(f.name) && !starts.startsBesidesTorchHelpers(f.node)) result.ownMethod.add(f.name);
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of functions) {
      if (!result.ownMethod.has(f.name)) continue;
      const others = new Map([...result.starting].filter(([n]) => n !== f.name && !result.ownMethod.has(n)));
      if (reaches(f, others)) changed = result.ownMethod.delete(f.name) || changed;
    }
  }
  // The scan keeps these for the run: copies, so that they hold no file's text (see memory.ts).
  const copy = (set: Set<string>) => new Set([...set].map(detached));
  const starting = new Map([...result.starting].map(([n, how]) => [detached(n), how === true ? true : copy(how)] as const));
  return { atImport: result.atImport, starting, own: copy(result.own), reexported: copy(result.reexported), ownMethod: copy(result.ownMethod) };
}

/** How an importer uses attributes: the names it reads after a dot, and those it calls. */
export interface AttributeUse {
  read: ReadonlySet<string>;
  called: ReadonlySet<string>;
}

const ATTRIBUTE = /\.\s*(\w+)/g;

export function attributeUse(text: string): AttributeUse {
  const read = new Set<string>();
  for (const m of text.matchAll(ATTRIBUTE)) read.add(m[1]);
  return { read, called: calledAttributes(text) };
}

/**
 * Whether an importer that imports `imported` (names of a from-import; undefined: the module
 * itself, used as `module.name`) uses what starts processes in the module.
 */
/** usesStarts, counting only the starts a default set by the importer reaches (not ownMethod). */
export function usesDefaultStarts(facts: ModuleStarts, imported: readonly string[] | undefined, use: AttributeUse): boolean {
  if (facts.ownMethod.size === 0) return usesStarts(facts, imported, use);
  return usesStarts({ ...facts, starting: new Map([...facts.starting].filter(([n]) => !facts.ownMethod.has(n))) }, imported, use);
}

export function usesStarts(facts: ModuleStarts, imported: readonly string[] | undefined, use: AttributeUse): boolean {
  if (facts.atImport) return true;
  const used = (how: true | Set<string>) => how === true || [...how].some((m) => use.called.has(m));
  if (imported === undefined) {
    for (const [name, how] of facts.starting) if (use.read.has(name) && used(how)) return true;
    return false;
  }
  return imported.some((name) => {
    const how = facts.starting.get(name);
    if (how !== undefined) return used(how);
    if (facts.reexported.has(name)) return false;
    // A star import, or a name bound in ways not read here.
    return name === '*' || !facts.own.has(name);
  });
}
