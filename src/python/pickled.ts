import type { SyntaxNode } from '../syntax/types';
import type { FileContext } from '../api/types';
import { callsNaming } from '../syntax/find';

/**
 * What spawn pickles that fork let the children inherit, beyond the worker itself: classes made
 * while the parent runs, lambdas a DataLoader's dataset holds, generators and open files given as
 * process arguments. Each check reports an error that keeps the file unchanged (MP312).
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

/**
 * A DataLoader with workers pickles its dataset for each of them under spawn: a lambda the
 * dataset holds (`transforms.Lambda(lambda x: ...)`) then fails, where fork children inherited it.
 */
export function checkDatasetLambdas(ctx: FileContext): void {
  if (!/\blambda\b/.test(ctx.source)) return;
  const reported = new Set<number>();
  for (const call of callsNaming(ctx.root, ctx.source, ['DataLoader'])) {
    if (!ctx.starts.isStart(call)) continue;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const kw = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'dataset');
    const dataset = kw?.childForFieldName('value') ?? positional(call)[0];
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

const OPENERS = /^(io\.open|builtins\.open|codecs\.open|gzip\.open|bz2\.open|lzma\.open|tempfile\.(TemporaryFile|NamedTemporaryFile))$/;

/** What `value` is when spawn cannot pickle it: "a generator", "an open file", or null. */
function unpicklableKind(value: SyntaxNode, ctx: FileContext, generators: () => Set<string>): string | null {
  if (value.type === 'generator_expression') return 'a generator';
  if (value.type !== 'call') return null;
  const fn = value.childForFieldName('function')!;
  if (fn.type === 'identifier' && fn.text === 'open' && ctx.names.lookup('open', fn) === null) return 'an open file';
  const q = ctx.names.qualifiedName(fn);
  if (q && OPENERS.test(q)) return 'an open file';
  if (fn.type === 'identifier' && generators().has(fn.text) && ctx.names.lookup(fn.text, fn)?.scope === ctx.names.module) return 'a generator';
  return null;
}

/** The value a name was given, when it has one binding: `x = value` or `with value as x`. */
export function boundValue(id: SyntaxNode, ctx: FileContext): SyntaxNode | null {
  const found = ctx.names.lookup(id.text, id);
  if (!found || found.bindings.length !== 1) return null;
  const b = found.bindings[0].node;
  const p = b.parent;
  if (p?.type === 'assignment' && p.childForFieldName('left')?.id === b.id) return p.childForFieldName('right');
  if (p?.type === 'as_pattern_target') return p.parent?.namedChildren[0] ?? null;
  return null;
}

/**
 * Arguments a process start pickles under spawn (a Process's args, apply/submit arguments) that
 * are a generator or an open file, seen in this file: fork children inherited them.
 */
export function checkUnpicklableArguments(args: SyntaxNode[], ctx: FileContext): void {
  let gens: Set<string> | undefined;
  const generators = () => (gens ??= generatorFunctions(ctx));
  for (const arg of args) {
    const value = arg.type === 'identifier' ? boundValue(arg, ctx) : arg;
    const kind = value ? unpicklableKind(value, ctx, generators) : null;
    if (kind) ctx.report(arg, 'MP108', `${arg.text} is ${kind}, which spawn cannot pickle into the child (fork children inherited it)`, 'pass what the child needs to make it again (the data, a path) and build it there');
  }
}
