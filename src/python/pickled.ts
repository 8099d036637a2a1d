import type { SyntaxNode } from '../syntax/types';
import type { FileContext } from '../api/types';
import { callsNaming } from '../syntax/find';
import { unpicklableMaker } from './unpicklable';

/**
 * What spawn pickles that fork let the children inherit, beyond the worker itself: classes made
 * while the parent runs, lambdas a DataLoader's dataset holds, generators and objects that do not
 * pickle (open files, connections, locks: unpicklable.ts) given as process arguments, kept by a
 * Process subclass or used as the dataset of a DataLoader with workers. Each check reports an
 * error that keeps the file unchanged (MP312).
 */

const isCode = (n: SyntaxNode) => n.type !== 'comment';
const isInside = (node: SyntaxNode, outer: SyntaxNode) => node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;

function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return null;
}

/** Where the parent alone runs `node`: "main()", "the __main__ guard", or null (import time). */
function runTimePlace(node: SyntaxNode, guard: SyntaxNode | null): string | null {
  const fn = enclosingFunction(node);
  if (fn) return `${fn.childForFieldName('name')!.text}()`;
  return guard && isInside(node, guard) ? 'the __main__ guard' : null;
}

function positional(call: SyntaxNode): SyntaxNode[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => isCode(a) && a.type !== 'keyword_argument');
}

const stringValue = (n: SyntaxNode | undefined) => (n?.type === 'string' && /^['"]\w+['"]$/.test(n.text) ? n.text.slice(1, -1) : null);

const startsAny = (ctx: FileContext) => ctx.starts.possibleStarts().some((c) => ctx.starts.isStart(c));

/**
 * `creator.create("Individual", ...)` (DEAP) in a function or the main guard makes a class on the
 * `deap.creator` module while the parent runs. Fork children inherit it; spawn children import
 * the module without it, and cannot unpickle the instances sent to them. Reported when the file
 * starts processes and uses the class (`creator.Individual`) beyond other create() calls.
 * A three-argument `type(...)` bound to a module global at run time is the same case.
 */
export function checkRunTimeClasses(ctx: FileContext, guard: SyntaxNode | null): void {
  if (!/\b(create|type)\s*\(/.test(ctx.source)) return;
  const made: { call: SyntaxNode; name: string; qualified: string | null; place: string }[] = [];
  for (const call of callsNaming(ctx.root, ctx.source, ['create', 'type'])) {
    const fn = call.childForFieldName('function')!;
    const place = runTimePlace(call, guard);
    if (!place) continue;
    const args = positional(call);
    if (ctx.names.qualifiedName(fn) === 'deap.creator.create') {
      const name = stringValue(args[0]);
      if (name) made.push({ call, name, qualified: `deap.creator.${name}`, place });
    } else if (fn.type === 'identifier' && fn.text === 'type' && args.length === 3 && ctx.names.lookup('type', fn) === null) {
      const assignment = call.parent;
      const left = assignment?.type === 'assignment' && assignment.childForFieldName('right')?.id === call.id ? assignment.childForFieldName('left') : null;
      if (left?.type !== 'identifier' || ctx.names.lookup(left.text, left)?.scope !== ctx.names.module) continue;
      made.push({ call, name: left.text, qualified: null, place });
    }
  }
  if (made.length === 0 || !startsAny(ctx)) return;
  const creates = made.map((m) => m.call);
  for (const m of made) {
    const used = ctx.root.descendantsOfType('identifier').some((id) => {
      if (id.text !== m.name || creates.some((c) => isInside(id, c))) return false;
      if (m.qualified === null) return ctx.names.lookup(id.text, id)?.scope === ctx.names.module;
      const p = id.parent;
      return p?.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id && ctx.names.qualifiedName(p) === m.qualified;
    });
    if (!used) continue;
    const how = m.qualified ? 'by creator.create' : 'by type()';
    ctx.report(m.call, 'MP104', `class ${m.name} is created at run time ${how} in ${m.place}; spawn children do not have it and cannot unpickle its instances`, 'create the class at module level, so every child makes it again when it imports the module');
  }
}

/** Calls whose result does not hold the lambdas given to them. */
const CONSUMERS = new Set(['sorted', 'min', 'max', 'map', 'filter', 'any', 'all', 'sum', 'list', 'tuple', 'set', 'dict', 'print']);
const DATASET_DEPTH = 5;

/**
 * Lambdas a value holds when it is built in this file: in the arguments of the calls that make it,
 * in the containers it spells out, in the values of the names it reads (followed a few steps),
 * and in `self.x = lambda ...` of a class of the file it instantiates.
 */
function heldLambdas(node: SyntaxNode, ctx: FileContext, out: Map<number, SyntaxNode>, seen: Set<number>, depth: number): void {
  if (depth > DATASET_DEPTH || seen.has(node.id)) return;
  seen.add(node.id);
  switch (node.type) {
    case 'lambda':
      out.set(node.id, node);
      return;
    case 'identifier': {
      const found = ctx.names.lookup(node.text, node);
      for (const b of found?.bindings ?? []) {
        const p = b.node.parent;
        if (p?.type === 'assignment' && p.childForFieldName('left')?.id === b.node.id) heldLambdas(p.childForFieldName('right')!, ctx, out, seen, depth + 1);
        if (b.node.type === 'class_definition') classLambdas(b.node, out);
      }
      return;
    }
    case 'call': {
      const fn = node.childForFieldName('function')!;
      if (fn.type === 'identifier' && CONSUMERS.has(fn.text)) return;
      if (fn.type === 'identifier') heldLambdas(fn, ctx, out, seen, depth + 1);
      for (const a of node.childForFieldName('arguments')?.namedChildren ?? []) {
        if (a.type === 'keyword_argument') {
          if (a.childForFieldName('name')?.text !== 'key') heldLambdas(a.childForFieldName('value')!, ctx, out, seen, depth + 1);
        } else if (isCode(a)) heldLambdas(a, ctx, out, seen, depth + 1);
      }
      return;
    }
    case 'list':
    case 'tuple':
    case 'set':
    case 'parenthesized_expression':
    case 'dictionary':
    case 'pair':
    case 'list_splat':
      for (const c of node.namedChildren) if (isCode(c)) heldLambdas(c, ctx, out, seen, depth + 1);
      return;
  }
}

function classLambdas(cls: SyntaxNode, out: Map<number, SyntaxNode>): void {
  for (const assign of cls.descendantsOfType('assignment')) {
    const left = assign.childForFieldName('left');
    const right = assign.childForFieldName('right');
    if (left?.type === 'attribute' && left.childForFieldName('object')?.text === 'self' && right?.type === 'lambda') out.set(right.id, right);
  }
}

/** The dataset a DataLoader call is given: `dataset=` or its first argument. */
function datasetOf(call: SyntaxNode): SyntaxNode | null {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const kw = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'dataset');
  return kw?.childForFieldName('value') ?? positional(call)[0] ?? null;
}

/**
 * A DataLoader with workers pickles its dataset for each of them under spawn: a lambda the
 * dataset holds (`transforms.Lambda(lambda x: ...)`) then fails, where fork children inherited it.
 */
export function checkDatasetLambdas(ctx: FileContext): void {
  if (!/\blambda\b/.test(ctx.source)) return;
  const reported = new Set<number>();
  for (const call of callsNaming(ctx.root, ctx.source, ['DataLoader'])) {
    if (!ctx.starts.isStart(call)) continue;
    const dataset = datasetOf(call);
    if (!dataset) continue;
    const found = new Map<number, SyntaxNode>();
    heldLambdas(dataset, ctx, found, new Set(), 0);
    for (const lambda of found.values()) {
      if (reported.has(lambda.id)) continue;
      reported.add(lambda.id);
      const line = call.startPosition.row + 1;
      ctx.report(lambda, 'MP101', `this lambda is held by the dataset of the DataLoader at line ${line}, which spawn pickles for each worker; it cannot pickle a lambda`, 'define the function at module level and pass it by name');
    }
  }
}

/** Generator functions defined at module level, by name. */
function generatorFunctions(ctx: FileContext): Set<string> {
  const out = new Set<string>();
  for (const [name, bindings] of ctx.names.module.bindings) {
    const def = bindings.length === 1 ? bindings[0].node : null;
    if (def?.type !== 'function_definition') continue;
    const yields = def.childForFieldName('body')!.descendantsOfType('yield').some((y) => enclosingFunction(y)?.id === def.id);
    if (yields) out.add(name);
  }
  return out;
}

/** The value a name was given, when it has one binding: `x = value` or `with value as x`. */
export function boundValue(id: SyntaxNode, ctx: FileContext): SyntaxNode | null {
  const found = ctx.names.lookup(id.text, id);
  return found && found.bindings.length === 1 ? valueBound(found.bindings[0].node) : null;
}

/**
 * Arguments a process start pickles under spawn (a Process's args, initargs, apply/submit
 * arguments) that may be an object spawn cannot pickle, seen in this file: fork children
 * inherited them.
 */
export function checkUnpicklableArguments(args: SyntaxNode[], ctx: FileContext): void {
  let gens: Set<string> | undefined;
  const generators = () => (gens ??= generatorFunctions(ctx));
  for (const arg of args) {
    const found = mayNotPickle(arg, ctx, generators);
    if (found) ctx.report(arg, 'MP108', `${arg.text} ${described(found, arg)}: spawn cannot pickle it into the child (fork children inherited it)`, 'pass what the child needs to make it again (the data, a path) and build it there');
  }
}

/** A value spawn cannot pickle: what it is, the expression that makes it, and whether only some branch makes it. */
interface Unpicklable {
  what: string;
  made: SyntaxNode;
  maybe: boolean;
  /** It is inside the value (a list of them, a Subset of it). */
  held?: boolean;
}

const verb = (u: Unpicklable) => (u.held ? (u.maybe ? 'may hold' : 'holds') : u.maybe ? 'may be' : 'is');
const described = (u: Unpicklable, at: SyntaxNode) => `${verb(u)} ${u.what}${u.made.id === at.id ? '' : ` (line ${u.made.startPosition.row + 1})`}`;

/** torch datasets that keep the datasets given to them (Subset.dataset, ConcatDataset.datasets). */
const WRAPPERS = /^torch\.utils\.data(\.dataset)?\.(Subset|ConcatDataset)$/;
/** A class that says how it pickles may leave its handles out. */
const PICKLING_METHODS = new Set(['__getstate__', '__reduce__', '__reduce_ex__']);
const VALUE_DEPTH = 6;

/**
 * What `expr` may be that spawn cannot pickle, seen in this file: a call of a maker in the table
 * (unpicklable.ts), a generator (when `generators` is given), an instance of a class of the file
 * that keeps one in an attribute, a tuple, list or set, torch Subset or ConcatDataset holding one. A name is followed
 * through every binding it has where it is read: any branch of an if may be the one that runs.
 */
function mayNotPickle(expr: SyntaxNode, ctx: FileContext, generators: (() => Set<string>) | null, seen = new Set<number>(), depth = 0): Unpicklable | null {
  if (depth > VALUE_DEPTH || seen.has(expr.id)) return null;
  seen.add(expr.id);
  const next = (n: SyntaxNode | null | undefined) => (n ? mayNotPickle(n, ctx, generators, seen, depth + 1) : null);
  switch (expr.type) {
    case 'parenthesized_expression':
      return next(expr.namedChildren.find(isCode));
    case 'conditional_expression': {
      const [body, , otherwise] = expr.namedChildren.filter(isCode);
      const found = next(body) ?? next(otherwise);
      return found ? { ...found, maybe: true } : null;
    }
    case 'boolean_operator': {
      const found = next(expr.childForFieldName('left')) ?? next(expr.childForFieldName('right'));
      return found ? { ...found, maybe: true } : null;
    }
    case 'generator_expression':
      return generators ? { what: 'a generator', made: expr, maybe: false } : null;
    // A container pickles what it holds.
    case 'tuple':
    case 'list':
    case 'set':
      return holding(first(expr.namedChildren.filter(isCode), next));
    case 'identifier': {
      const bindings = ctx.names.lookup(expr.text, expr)?.bindings ?? [];
      for (const b of bindings) {
        if (b.target !== null) continue;
        const found = next(valueBound(b.node));
        if (found) return bindings.length > 1 ? { ...found, maybe: true } : found;
      }
      return null;
    }
    case 'call': {
      const fn = expr.childForFieldName('function')!;
      const what = unpicklableMaker(fn, ctx);
      if (what) return { what, made: expr, maybe: false };
      if (generators && fn.type === 'identifier' && generators().has(fn.text) && ctx.names.lookup(fn.text, fn)?.scope === ctx.names.module) return { what: 'a generator', made: expr, maybe: false };
      if (WRAPPERS.test(ctx.names.qualifiedName(fn) ?? '')) return holding(first(positional(expr), next));
      const cls = fn.type === 'identifier' ? moduleClass(fn, ctx) : null;
      return cls ? heldByInstance(cls, ctx, depth) : null;
    }
  }
  return null;
}

const holding = (found: Unpicklable | null): Unpicklable | null => (found ? { ...found, held: true } : null);

function first<T>(nodes: SyntaxNode[], find: (n: SyntaxNode) => T | null): T | null {
  for (const n of nodes) {
    const found = find(n);
    if (found) return found;
  }
  return null;
}

/** The value a binding gives its name: `x = value` or `with value as x`; null for others (parameters, loops, imports). */
function valueBound(node: SyntaxNode): SyntaxNode | null {
  const p = node.parent;
  if (p?.type === 'assignment' && p.childForFieldName('left')?.id === node.id) return p.childForFieldName('right');
  if (p?.type === 'as_pattern_target') return p.parent?.namedChildren[0] ?? null;
  return null;
}

/** The class defined at module level that `fn` names, and nothing else binds. */
function moduleClass(fn: SyntaxNode, ctx: FileContext): SyntaxNode | null {
  const found = ctx.names.lookup(fn.text, fn);
  if (found?.scope !== ctx.names.module || found.bindings.length !== 1) return null;
  const def = found.bindings[0].node;
  return def.type === 'class_definition' ? def : null;
}

function methodsOf(cls: SyntaxNode): SyntaxNode[] {
  return (cls.childForFieldName('body')?.namedChildren ?? []).map((m) => (m.type === 'decorated_definition' ? m.childForFieldName('definition') ?? m : m)).filter((m) => m.type === 'function_definition');
}

/**
 * An instance of the file's class `cls` that spawn cannot pickle: its `__init__` keeps an object
 * of the table in `self.x` (on any branch), or it subclasses a maker of the table. Its bases of the
 * file count too; a class with `__getstate__`/`__reduce__` is trusted to leave the handle out.
 */
function heldByInstance(cls: SyntaxNode, ctx: FileContext, depth: number): Unpicklable | null {
  const name = cls.childForFieldName('name')!.text;
  const methods = methodsOf(cls);
  if (depth > VALUE_DEPTH || methods.some((m) => PICKLING_METHODS.has(m.childForFieldName('name')!.text))) return null;
  const init = methods.find((m) => m.childForFieldName('name')!.text === '__init__');
  for (const assign of init?.childForFieldName('body')!.descendantsOfType('assignment') ?? []) {
    if (enclosingFunction(assign)?.id !== init!.id) continue;
    const left = assign.childForFieldName('left');
    const right = assign.childForFieldName('right');
    if (left?.type !== 'attribute' || left.childForFieldName('object')?.text !== 'self' || right?.type !== 'call') continue;
    const what = unpicklableMaker(right.childForFieldName('function')!, ctx);
    if (what) return { what: `a ${name}, which keeps ${what} in ${left.text}`, made: right, maybe: false };
  }
  for (const base of cls.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (base.type === 'keyword_argument' || !isCode(base)) continue;
    const what = unpicklableMaker(base, ctx);
    if (what) return { what: `a ${name}, a subclass of ${base.text} (${what})`, made: base, maybe: false };
    const local = base.type === 'identifier' ? moduleClass(base, ctx) : null;
    const found = local && local.id !== cls.id ? heldByInstance(local, ctx, depth + 1) : null;
    if (found) return found;
  }
  return null;
}

/**
 * A DataLoader with workers pickles its dataset for each of them under spawn: a dataset that may
 * be an object spawn cannot pickle (an LSUN dataset and its lmdb environment, an open HDF5 file)
 * then fails, where fork children inherited it.
 */
export function checkDatasetObjects(ctx: FileContext): void {
  if (!/\bDataLoader\b/.test(ctx.source)) return;
  for (const call of callsNaming(ctx.root, ctx.source, ['DataLoader'])) {
    if (!ctx.starts.isStart(call)) continue;
    const dataset = datasetOf(call);
    const found = dataset ? mayNotPickle(dataset, ctx, null) : null;
    if (!dataset || !found) continue;
    ctx.report(dataset, 'MP108', `the dataset of this DataLoader with workers ${described(found, dataset)}; spawn pickles the dataset for each worker and cannot pickle that (fork workers inherited it)`, 'open it in each worker instead (on first use in __getitem__, or in worker_init_fn), or keep num_workers=0');
  }
}

/**
 * A Process subclass of the file is pickled whole when spawn starts it: an attribute its
 * `__init__` sets from the table, or an argument it keeps in `self.x` that may not pickle, fails.
 */
export function checkProcessObjects(ctx: FileContext): void {
  if (!/\bclass\b[^\n]*Process/.test(ctx.source)) return;
  for (const call of ctx.starts.possibleStarts()) {
    const fn = call.childForFieldName('function')!;
    const cls = fn.type === 'identifier' ? moduleClass(fn, ctx) : null;
    if (!cls || !ctx.starts.isProcessClass(cls) || !ctx.starts.isStart(call)) continue;
    const held = heldByInstance(cls, ctx, 0);
    if (held) {
      ctx.report(call, 'MP108', `spawn pickles this Process with its attributes when it starts, and it ${described(held, call)}, which does not pickle (fork children inherited it)`, 'make the object in run(), which runs in the child, and keep only what makes it (a path) in __init__');
      continue;
    }
    checkUnpicklableArguments(keptArguments(call, cls), ctx);
  }
}

/** Arguments of `Cls(...)` whose parameter `__init__` keeps in `self.x = param`. */
function keptArguments(call: SyntaxNode, cls: SyntaxNode): SyntaxNode[] {
  const init = methodsOf(cls).find((m) => m.childForFieldName('name')!.text === '__init__');
  if (!init) return [];
  const params = init.childForFieldName('parameters')!.namedChildren.filter(isCode);
  const paramName = (p: SyntaxNode) => (p.type === 'identifier' ? p.text : ['default_parameter', 'typed_parameter', 'typed_default_parameter'].includes(p.type) ? (p.childForFieldName('name') ?? p.namedChildren[0])?.text ?? null : null);
  const names = params.map(paramName);
  const kept = new Set<string>();
  for (const assign of init.childForFieldName('body')!.descendantsOfType('assignment')) {
    const left = assign.childForFieldName('left');
    const right = assign.childForFieldName('right');
    if (left?.type === 'attribute' && left.childForFieldName('object')?.text === 'self' && right?.type === 'identifier') kept.add(right.text);
  }
  const out: SyntaxNode[] = [];
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter(isCode);
  args.forEach((a, i) => {
    if (a.type === 'keyword_argument') {
      if (kept.has(a.childForFieldName('name')!.text)) out.push(a.childForFieldName('value')!);
    } else if (a.type !== 'list_splat' && a.type !== 'dictionary_splat') {
      const name = names[i + 1]; // after self
      if (name && kept.has(name) && !/^\*/.test(params[i + 1].text)) out.push(a);
    }
  });
  return out;
}
