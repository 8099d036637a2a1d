import type { SyntaxNode } from '../src/syntax/types';
import type { FileContext, Fix, Transform } from '../src/api/types';
import { mainGuards, isWrite } from '../src/python/toplevel';
import { endOfLine } from '../src/python/imports';
import { lineStartOf } from '../src/python/style';
import { query, matchesAround } from '../src/syntax/parser';
import { callsNaming } from '../src/syntax/find';
import { checkDatasetLambdas, checkDatasetObjects, checkProcessObjects, checkRunTimeClasses, checkUnpicklableArguments } from '../src/python/pickled';
import { makesShared, planHoist, type Handover } from '../src/python/hoist-shared';
import { unpicklableMaker } from '../src/python/unpicklable';
import { patchedModuleAttributes, reachesStarts } from '../src/python/parent-code';

/** Methods of pools and executors whose first argument runs in a child. */
const POOL_METHODS = new Set(['map', 'imap', 'imap_unordered', 'starmap', 'starmap_async', 'map_async', 'apply', 'apply_async', 'submit']);
const LARGE = /^(pandas\.read_\w+|polars\.(read|scan)_\w+|numpy\.(load|loadtxt|genfromtxt|fromfile)|torch\.load|pandas\.DataFrame|polars\.DataFrame)$/;
const QUEUES = /^(torch\.)?multiprocessing\.(Queue|JoinableQueue|SimpleQueue)$/;
const LOG_CONFIG = /^logging\.(basicConfig|config\.\w+)$/;
const FORKS = /^os\.(fork|forkpty)$/;
const SCOPES = ['function_definition', 'lambda', 'class_definition'];
const PROCESS_MODULES = /^(multiprocessing|torch|concurrent|billiard|multiprocess)(\.|$)/;

const isCode = (n: SyntaxNode) => n.type !== 'comment';

/** A place where code is handed to another process. */
interface Handoff {
  call: SyntaxNode;
  /** What runs in the child. */
  worker: SyntaxNode;
  /** Values pickled with each task. */
  args: SyntaxNode[];
  /** Iterables of map-like methods: their items are pickled, one per task, not the iterable. */
  iterables?: SyntaxNode[];
  /** Pool/executor method calls (a Queue may not travel through their arguments). */
  viaPool: boolean;
  /** An initializer= function: it runs first in each child. */
  initializer?: boolean;
  /** A Process target (not a DataLoader callback). */
  target?: boolean;
  /** For a pool method: the call that made the pool. */
  pool?: SyntaxNode;
}

function positional(call: SyntaxNode): SyntaxNode[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => isCode(a) && a.type !== 'keyword_argument');
}

function keyword(call: SyntaxNode, name: string): SyntaxNode | null {
  const kw = call.childForFieldName('arguments')?.namedChildren.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  return kw?.childForFieldName('value') ?? null;
}

/** Elements of a tuple/list literal, or the value itself. */
const elements = (n: SyntaxNode | null): SyntaxNode[] => (!n ? [] : ['tuple', 'list', 'parenthesized_expression'].includes(n.type) ? n.namedChildren.filter(isCode) : [n]);

const LITERALS = new Set(['tuple', 'list', 'set', 'parenthesized_expression']);
const BUILT = new Set(['list_comprehension', 'generator_expression', 'set_comprehension']);

/**
 * The values a pool argument carries into the tasks: the argument, and what the tuples and lists
 * it spells out or builds in a comprehension hold (`[(queue, n) for n in xs]` carries `queue`).
 */
function carried(n: SyntaxNode, depth = 0): SyntaxNode[] {
  if (depth > 3) return [n];
  if (LITERALS.has(n.type)) return [n, ...n.namedChildren.filter(isCode).flatMap((c) => carried(c, depth + 1))];
  if (BUILT.has(n.type)) {
    const body = n.childForFieldName('body');
    return body ? [n, ...carried(body, depth + 1)] : [n];
  }
  // `[x] * n` repeats x in every item.
  if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '*') {
    const list = [n.childForFieldName('left'), n.childForFieldName('right')].find((c) => c && LITERALS.has(c.type));
    return list ? [n, ...carried(list, depth + 1)] : [n];
  }
  return [n];
}

/** `functools.partial(f, a, b)`: the function and the values it binds (pickled with it). */
function partialOf(n: SyntaxNode, ctx: FileContext): { fn: SyntaxNode; bound: SyntaxNode[] } | null {
  if (n.type !== 'call' || ctx.names.qualifiedName(n.childForFieldName('function')!) !== 'functools.partial') return null;
  const [fn, ...bound] = positional(n);
  const keywords = (n.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type === 'keyword_argument').map((a) => a.childForFieldName('value')!);
  return fn ? { fn, bound: [...bound, ...keywords] } : null;
}

/** The call a name was assigned from (`x = f()`, `with f() as x`) in the scope it is read in. */
function assignedCall(id: SyntaxNode, ctx: FileContext): SyntaxNode | null {
  if (id.type === 'call') return id;
  if (id.type !== 'identifier') return null;
  const found = ctx.names.lookup(id.text, id);
  if (!found || found.bindings.length !== 1) return null;
  const b = found.bindings[0].node;
  const p = b.parent;
  if (p?.type === 'assignment' && p.childForFieldName('left')?.id === b.id) {
    const right = p.childForFieldName('right');
    return right?.type === 'call' ? right : null;
  }
  if (p?.type === 'as_pattern_target') {
    const value = p.parent?.namedChildren[0];
    return value?.type === 'call' ? value : null;
  }
  return null;
}

const qualifiedCallee = (call: SyntaxNode | null, ctx: FileContext) => (call ? ctx.names.qualifiedName(call.childForFieldName('function')!) : null);

// Calls that may hand code to another process; the checks below decide.
const CANDIDATES = `
  ((call function: (attribute attribute: (identifier) @method)) @call
    (#match? @method "^(${[...POOL_METHODS].join('|')})$"))
  ((call arguments: (argument_list (keyword_argument name: (identifier) @kw))) @call
    (#match? @kw "^(target|initializer|collate_fn|worker_init_fn)$"))
`;

const CANDIDATE_WORDS = [...POOL_METHODS, 'target', 'initializer', 'collate_fn', 'worker_init_fn'];

function candidateCalls(ctx: FileContext): SyntaxNode[] {
  const seen = new Map<number, SyntaxNode>();
  for (const m of matchesAround(query(CANDIDATES), ctx.root, ctx.source, CANDIDATE_WORDS)) {
    const call = m.captures.find((c) => c.name === 'call')!.node;
    seen.set(call.id, call);
  }
  return [...seen.values()];
}

function handoffs(ctx: FileContext): Handoff[] {
  const out: Handoff[] = [];
  for (const call of candidateCalls(ctx)) {
    const fn = call.childForFieldName('function');
    if (!fn) continue;
    const target = keyword(call, 'target');
    if (target && (ctx.starts.isStart(call) || /Process$/.test(fn.text))) {
      const p = partialOf(target, ctx);
      out.push({ call, worker: p?.fn ?? target, args: [...(p?.bound ?? []), ...elements(keyword(call, 'args'))], viaPool: false, target: !p });
    }
    // A DataLoader's workers (a start when it has them) get its collate_fn and worker_init_fn.
    if (/DataLoader$/.test(fn.text) && ctx.starts.isStart(call)) {
      for (const name of ['collate_fn', 'worker_init_fn']) {
        const given = keyword(call, name);
        if (given && given.type !== 'none') out.push({ call, worker: partialOf(given, ctx)?.fn ?? given, args: [], viaPool: false });
      }
    }
    const init = keyword(call, 'initializer');
    if (init && ctx.starts.isStart(call)) {
      const p = partialOf(init, ctx);
      out.push({ call, worker: p?.fn ?? init, args: [...(p?.bound ?? []), ...elements(keyword(call, 'initargs'))], viaPool: false, initializer: true });
    }
    if (fn.type === 'attribute' && POOL_METHODS.has(fn.childForFieldName('attribute')!.text)) {
      const pool = assignedCall(fn.childForFieldName('object')!, ctx);
      if (!pool || !ctx.starts.isStart(pool)) continue;
      const [given, ...rest] = positional(call);
      if (!given) continue;
      const method = fn.childForFieldName('attribute')!.text;
      // A partial's bound values travel with the function, for every task.
      const p = partialOf(given, ctx);
      const mapLike = /map/.test(method);
      const args = [...(p?.bound ?? []), ...(method.startsWith('apply') ? elements(rest[0] ?? null) : mapLike ? [] : rest)];
      out.push({ call, worker: p?.fn ?? given, args, iterables: mapLike ? rest : [], viaPool: true, pool });
    }
  }
  return out;
}

/** The definition a worker name refers to, and whether it sits inside a function. */
function definitionOf(worker: SyntaxNode, ctx: FileContext): { def: SyntaxNode; nested: boolean } | null {
  if (worker.type !== 'identifier') return null;
  const found = ctx.names.lookup(worker.text, worker);
  if (!found || found.bindings.length !== 1) return null;
  const def = found.bindings[0].node;
  if (def.type !== 'function_definition' && def.type !== 'class_definition') return null;
  return { def, nested: found.scope.kind !== 'module' };
}

/**
 * A worker the notebook itself defines at its top level, once or in several cells (a cell run
 * again, or a second version): none of them can be imported by a spawned child.
 */
function definedInNotebook(worker: SyntaxNode, ctx: FileContext): boolean {
  if (worker.type !== 'identifier') return false;
  const found = ctx.names.lookup(worker.text, worker);
  return found !== null && found.scope.kind === 'module' && found.bindings.length > 0 && found.bindings.every((b) => b.node.type === 'function_definition' || b.node.type === 'class_definition');
}

/** Names a nested function reads from the functions around it. */
function captured(def: SyntaxNode, ctx: FileContext): string[] {
  const out = new Set<string>();
  const inner = [def.childForFieldName('parameters'), def.childForFieldName('body')].filter((n): n is SyntaxNode => n !== null);
  for (const id of inner.flatMap((n) => n.descendantsOfType('identifier'))) {
    const found = ctx.names.lookup(id.text, id);
    if (found && found.scope.kind === 'function' && found.scope.node.id !== def.id && !isInside(found.scope.node, def)) out.add(id.text);
  }
  return [...out];
}

const isInside = (node: SyntaxNode, outer: SyntaxNode) => node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;

/**
 * `def` lifted to module level, for a nested worker that captures nothing, or only `captures`
 * that then become its first parameters (unsafe: names may clash or change meaning).
 */
function liftFix(def: SyntaxNode, ctx: FileContext, captures: string[] = []): Fix | null {
  const holder = def.parent?.type === 'decorated_definition' ? def.parent : def;
  // Lifting the only statement of a block would leave it empty.
  if ((holder.parent?.namedChildren.filter(isCode).length ?? 0) < 2) return null;
  let top = holder;
  while (top.parent && top.parent.type !== 'module') top = top.parent;
  if (ctx.names.module.bindings.has(def.childForFieldName('name')!.text)) return null;
  const start = lineStartOf(ctx.source, holder.startIndex);
  const end = endOfLine(ctx.source, holder.endIndex);
  const indent = ctx.source.slice(start, holder.startIndex);
  let text = ctx.source
    .slice(start, end)
    .split(/(?<=\n)/)
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('');
  if (captures.length > 0) {
    // The def line comes first (no decorators here), so its `(` moved left by the indent only.
    const params = def.childForFieldName('parameters')!;
    const open = params.startIndex + 1 - start - indent.length;
    const more = params.namedChildren.some(isCode) ? ', ' : '';
    text = `${text.slice(0, open)}${captures.join(', ')}${more}${text.slice(open)}`;
  }
  const at = lineStartOf(ctx.source, top.startIndex);
  const nl = ctx.style.newline;
  // First in its block: the blank lines after it go too, so the block does not open with a gap.
  let cut = end;
  if (/:[ \t]*(#.*)?\r?\n$/.test(ctx.source.slice(0, start))) {
    while (cut < ctx.source.length && /^[ \t]*\r?\n/.test(ctx.source.slice(cut))) cut = endOfLine(ctx.source, cut);
  }
  return {
    message: `moved nested function ${def.childForFieldName('name')!.text}() to module level`,
    safety: 'unsafe',
    edits: [
      { start: at, end: at, text: `${text}${/\n$/.test(text) ? '' : nl}${nl}${nl}` },
      { start, end: cut, text: '' },
    ],
  };
}

/**
 * Every capture is a parameter of the function right around `def`, never rebound there, and
 * `worker` is the only other mention of the def: binding the captures with functools.partial
 * at the handoff then passes the values the closure would have read. Methods are left alone
 * (partial would pickle `self`).
 */
function plainArguments(def: SyntaxNode, captures: string[], worker: SyntaxNode, ctx: FileContext): boolean {
  const outer = enclosing(def, 'function_definition');
  if (!outer || enclosing(outer, 'class_definition') || def.parent?.type === 'decorated_definition') return false;
  if (def.children.some((c) => c.type === 'async') || def.descendantsOfType('nonlocal_statement').length > 0) return false;
  // A default value read at def time would read a module global once lifted.
  const own = def.childForFieldName('parameters')!.descendantsOfType('identifier');
  if (own.some((id) => captures.includes(id.text))) return false;
  const params = outer.childForFieldName('parameters')!;
  const reads = def.childForFieldName('body')!.descendantsOfType('identifier');
  for (const name of captures) {
    const at = reads.find((id) => id.text === name);
    const found = at ? ctx.names.lookup(name, at) : null;
    if (!found || found.scope.node.id !== outer.id || found.bindings.length !== 1 || !isInside(found.bindings[0].node, params)) return false;
  }
  const name = def.childForFieldName('name')!;
  const mentions = outer.descendantsOfType('identifier').filter((id) => id.text === name.text && id.id !== name.id);
  return mentions.length === 1 && mentions[0].id === worker.id;
}

/** The closure lifted to module level, its captures first parameters, bound at the handoff with functools.partial. */
function liftWithPartial(def: SyntaxNode, captures: string[], worker: SyntaxNode, ctx: FileContext): Fix | null {
  const lift = liftFix(def, ctx, captures);
  if (!lift) return null;
  let partial: { expr: string; edits: Fix['edits'] } | null = null;
  if (ctx.names.importTarget('partial', worker) === 'functools.partial') partial = { expr: 'partial', edits: [] };
  else {
    const ref = ctx.imports.moduleRef('functools', worker);
    if (ref) partial = { expr: `${ref.expr}.partial`, edits: ref.edits };
  }
  if (!partial) return null;
  const edits = [...lift.edits];
  // A new import and the lifted def may land at one point: one insertion, import first.
  for (const e of partial.edits) {
    const same = edits.find((x) => x.start === e.start && x.end === e.start && e.end === e.start);
    if (same) same.text = e.text + same.text;
    else edits.push(e);
  }
  edits.push({ start: worker.startIndex, end: worker.endIndex, text: `${partial.expr}(${worker.text}, ${captures.join(', ')})` });
  return { message: `moved closure ${worker.text}() to module level; ${captures.join(', ')} bound with functools.partial`, safety: 'unsafe', edits };
}

function checkWorker(h: Handoff, ctx: FileContext, fixes: Fix[]): void {
  const w = h.worker;
  if (w.type === 'lambda') {
    ctx.report(w, 'MP101', 'a lambda runs in the child process; spawn cannot pickle it', 'define the function at module level');
    return;
  }
  if (w.type === 'attribute') return checkBoundMethod(w, ctx);
  if (w.type === 'call') {
    // target=Task(): an instance pickles by its class.
    const made = definitionOf(w.childForFieldName('function')!, ctx);
    if (made?.nested && made.def.type === 'class_definition') {
      ctx.report(w, 'MP104', `class ${made.def.childForFieldName('name')!.text} is defined inside a function; spawn cannot pickle its instances`, 'define the class at module level');
    }
    return;
  }
  const found = definitionOf(w, ctx);
  if (!found || !found.nested) return;
  if (found.def.type === 'class_definition') {
    ctx.report(w, 'MP104', `class ${w.text} is defined inside a function; spawn cannot pickle it`, 'define the class at module level');
    return;
  }
  const names = captured(found.def, ctx);
  if (names.length > 0) {
    const closure = { code: 'MP103' as const, message: `${w.text}() is a closure over ${names.join(', ')}; spawn cannot pickle it`, hint: `move it to module level and pass ${names.join(', ')} as arguments (functools.partial)`, start: w.startIndex };
    const lift = plainArguments(found.def, names, w, ctx) ? liftWithPartial(found.def, names, w, ctx) : null;
    if (lift) fixes.push({ ...lift, diagnostic: closure });
    else ctx.report(w, closure.code, closure.message, closure.hint);
    return;
  }
  const lift = liftFix(found.def, ctx);
  const diagnostic = { code: 'MP102' as const, message: `${w.text}() is defined inside a function; spawn cannot pickle it`, hint: 'define it at module level', start: w.startIndex };
  if (lift) fixes.push({ ...lift, diagnostic });
  else ctx.report(w, diagnostic.code, diagnostic.message, diagnostic.hint);
}

/** `target=self.run` pickles the whole object: find attributes that cannot travel. */
/** Per file (its import index), per class: what `self.x = ...()` holds that does not pickle. */
const heldByClass = new WeakMap<object, Map<number, string[]>>();

function unpicklableAttributes(cls: SyntaxNode, ctx: FileContext): string[] {
  let byClass = heldByClass.get(ctx.importIndex);
  if (!byClass) heldByClass.set(ctx.importIndex, (byClass = new Map()));
  let held = byClass.get(cls.id);
  if (held) return held;
  held = [];
  for (const assign of cls.descendantsOfType('assignment')) {
    const left = assign.childForFieldName('left');
    const right = assign.childForFieldName('right');
    if (left?.type !== 'attribute' || left.childForFieldName('object')?.text !== 'self' || right?.type !== 'call') continue;
    const fn = right.childForFieldName('function')!;
    const what = unpicklableMaker(fn, ctx);
    if (what) held.push(`${left.childForFieldName('attribute')!.text} (${what}, from ${fn.text})`);
  }
  byClass.set(cls.id, held);
  return held;
}

function checkBoundMethod(w: SyntaxNode, ctx: FileContext): void {
  const object = w.childForFieldName('object')!;
  let cls: SyntaxNode | null = null;
  if (object.text === 'self') {
    for (let p = w.parent; p; p = p.parent) if (p.type === 'class_definition') { cls = p; break; }
  } else {
    const made = assignedCall(object, ctx);
    const callee = made?.childForFieldName('function');
    const def = callee ? definitionOf(callee, ctx) : null;
    if (def?.def.type === 'class_definition') cls = def.def;
  }
  if (!cls) return;
  const held = unpicklableAttributes(cls, ctx);
  if (held.length > 0) {
    ctx.report(w, 'MP105', `${w.text} pickles its whole object, which holds ${held.join(', ')}`, 'hand over a module-level function and the data it needs, or implement __getstate__');
  }
}

/** A worker's read of a module-level Queue, Lock... (MP202). */
interface SharedRead {
  id: SyntaxNode;
  worker: string;
}

/** Module globals a worker reads that only the parent's run sets (initializers set theirs in the child: fine). */
function checkGlobals(workers: SyntaxNode[], initializers: SyntaxNode[], ctx: FileContext, guard: SyntaxNode | null, handovers: Handover[], fixes: Fix[]): void {
  const shared: SharedRead[] = [];
  const moduleBindings = ctx.names.module.bindings;
  const setInChild = (n: SyntaxNode) => initializers.some((init) => isInside(n, init));
  for (const def of workers) {
    const body = def.childForFieldName('body');
    if (!body) continue;
    const seen = new Set<string>();
    for (const id of body.descendantsOfType('identifier')) {
      if (seen.has(id.text) || isWrite(id)) continue;
      const p = id.parent;
      if (p?.type === 'global_statement' || p?.type === 'nonlocal_statement') continue;
      if (p?.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id) continue;
      if (p?.type === 'keyword_argument' && p.childForFieldName('name')?.id === id.id) continue;
      const found = ctx.names.lookup(id.text, id);
      if (!found || found.scope !== ctx.names.module) continue;
      seen.add(id.text);
      const bindings = moduleBindings.get(id.text) ?? [];
      const atRunTime = (n: SyntaxNode) => (guard !== null && isInside(n, guard)) || SCOPES.some((t) => enclosing(n, t) !== null);
      if (bindings.some((b) => setInChild(b.node))) continue;
      const importTime = bindings.filter((b) => !atRunTime(b.node));
      const runTime = bindings.filter((b) => atRunTime(b.node));
      const name = def.childForFieldName('name')!.text;
      if (runTime.length > 0 && bindings.every((b) => b.node.type !== 'function_definition' && b.node.type !== 'class_definition')) {
        const how = importTime.length === 0 ? 'is only set at run time' : 'is rebound at run time';
        ctx.report(id, 'MP201', `worker ${name}() reads ${id.text}, which ${how}; spawn children see ${importTime.length === 0 ? 'no value' : 'the import-time value'}`, 'pass it as an argument, or set it in an initializer');
        continue;
      }
      const made = importTime.length === 1 ? assignedCall(importTime[0].node, ctx) : null;
      if (made && makesShared(made, ctx) && !isInside(made, def)) shared.push({ id, worker: name });
    }
  }
  if (shared.length === 0) return;
  // --unsafe-fixes moves the objects into the parent's code when that reaches every reader.
  const { hoist, refused } = planHoist([...new Set(shared.map((r) => r.id.text))], handovers, ctx);
  for (const { id, worker } of shared) {
    const message = `worker ${worker}() uses the module-level ${id.text}; each spawn child creates its own`;
    const hint = 'pass it in args= (Process) or initargs= (Pool)';
    const how = hoist?.how.get(id.text);
    if (!hoist || !how) {
      const why = refused.get(id.text);
      ctx.report(id, 'MP202', message, why ? `${hint} (--unsafe-fixes does not: ${why})` : hint);
      continue;
    }
    fixes.push({
      message: `moved ${id.text} into ${hoist.where}; ${worker}() gets it through ${how}`,
      safety: 'unsafe',
      edits: hoist.edits.map((e) => ({ ...e })),
      diagnostic: { code: 'MP202', message, hint, start: id.startIndex },
    });
  }
}

function enclosing(node: SyntaxNode, type: string): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === type) return p;
  return null;
}

const READS = new Set(['read', 'read_bytes', 'read_text']);

/** `open(p).read()`, `f.read()` of `with open(p) as f`, `Path(p).read_bytes()`: a whole file's contents. */
function readsFile(call: SyntaxNode, ctx: FileContext): boolean {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || !READS.has(fn.childForFieldName('attribute')!.text)) return false;
  const opened = assignedCall(fn.childForFieldName('object')!, ctx);
  const callee = opened?.childForFieldName('function');
  if (!opened || !callee) return false;
  const q = ctx.names.qualifiedName(callee);
  if (q !== null) return /^(io\.open|builtins\.open|pathlib\.(Pure)?(Posix|Windows)?Path)$/.test(q);
  // Builtin open: the name is not bound in the file.
  return callee.type === 'identifier' && callee.text === 'open' && ctx.names.lookup('open', callee) === null;
}

function checkArguments(h: Handoff, ctx: FileContext): void {
  checkUnpicklableArguments(h.args, ctx);
  // Pool tasks carry what their arguments hold; a Process's args are its own.
  const items = (h.iterables ?? []).flatMap((a) => carried(a).slice(1));
  const values = h.viaPool ? [...h.args.flatMap((a) => carried(a)), ...items] : h.args;
  for (const arg of values) {
    const made = assignedCall(arg, ctx);
    if (!made) continue;
    const q = qualifiedCallee(made, ctx);
    if (h.viaPool && q && QUEUES.test(q)) {
      ctx.report(arg, 'MP203', `${arg.text} is a multiprocessing Queue passed through pool arguments`, 'use a Manager().Queue(), or hand the queue over with Pool(initializer=..., initargs=(queue,))');
    } else if ((q && LARGE.test(q)) || readsFile(made, ctx)) {
      const from = q && LARGE.test(q) ? q : 'a whole file read';
      ctx.report(arg, 'MP401', `${arg.text} (from ${from}) is pickled and copied for every task`, 'pass the file path and load it in the child, or load it once per worker in an initializer or into shared memory');
    }
  }
}

/** A logging configuration call in `def`, or in a module-level function it calls (one level down). */
function runsAnyOf(def: SyntaxNode, configs: SyntaxNode[], ctx: FileContext): boolean {
  if (configs.some((c) => isInside(c, def))) return true;
  return def.descendantsOfType('call').some((call) => {
    const fn = call.childForFieldName('function');
    const found = fn?.type === 'identifier' ? definitionOf(fn, ctx) : null;
    return found !== null && !found.nested && found.def.id !== def.id && configs.some((c) => isInside(c, found.def));
  });
}

function checkLogging(workers: SyntaxNode[], initializers: SyntaxNode[], ctx: FileContext, guard: SyntaxNode | null): void {
  const workersLog = workers.some((w) => w.descendantsOfType('call').some((c) => /^(logging|logger|log|LOGGER|LOG)\.\w+$/.test(c.childForFieldName('function')?.text ?? '')));
  if (!workersLog) return;
  const configs = callsNaming(ctx.root, ctx.source, ['basicConfig', 'dictConfig', 'fileConfig']).filter((call) => {
    if (!/(basicConfig|dictConfig|fileConfig)$/.test(call.childForFieldName('function')?.text ?? '')) return false;
    const q = qualifiedCallee(call, ctx);
    return q !== null && LOG_CONFIG.test(q);
  });
  // An initializer that configures logging does it in every child.
  if (initializers.some((init) => runsAnyOf(init, configs, ctx))) return;
  for (const call of configs) {
    if (reachesStarts(call, ctx, guard)) {
      ctx.report(call, 'MP204', 'logging is configured here, in the parent only; spawn children log with the defaults', 'configure logging in a Pool initializer too, or send records through a QueueHandler');
    }
  }
}

/** Warnings filters set only in the parent's code (the guard, or a function) while workers run: spawn children start with the defaults. */
function checkWarningsFilters(workers: SyntaxNode[], initializers: SyntaxNode[], ctx: FileContext, guard: SyntaxNode | null): void {
  if (workers.length === 0) return;
  const filters = callsNaming(ctx.root, ctx.source, ['filterwarnings', 'simplefilter']).filter((call) => /^warnings\.(filterwarnings|simplefilter)$/.test(qualifiedCallee(call, ctx) ?? ''));
  if (initializers.some((init) => runsAnyOf(init, filters, ctx))) return;
  for (const call of filters) {
    // Inside `with warnings.catch_warnings():` the filter is temporary, for the parent's own code.
    const scoped = enclosing(call, 'with_statement');
    if (scoped && /catch_warnings/.test(ctx.source.slice(scoped.startIndex, scoped.childForFieldName('body')?.startIndex ?? scoped.endIndex))) continue;
    if (reachesStarts(call, ctx, guard) && !workers.some((w) => isInside(call, w))) {
      ctx.report(call, 'MP204', 'this warnings filter is set in the parent only; spawn children start with the default filters', 'set it at module level, or in a Pool initializer too');
    }
  }
}

function diagnose(ctx: FileContext): Fix[] {
  const fixes: Fix[] = [];
  const guard = mainGuards(ctx.root, ctx.source)[0] ?? null;
  // Workers need a pool or process made from an imported factory: no such import, no handoff.
  const all = [...ctx.importIndex.names.values()].some((t) => t.some((x) => PROCESS_MODULES.test(x))) || ctx.importIndex.stars.some((m) => PROCESS_MODULES.test(m)) ? handoffs(ctx) : [];
  const workers: SyntaxNode[] = [];
  const initializers: SyntaxNode[] = [];
  for (const h of all) {
    checkWorker(h, ctx, fixes);
    checkArguments(h, ctx);
    if (ctx.facts.notebook && definedInNotebook(h.worker, ctx)) {
      ctx.report(h.worker, 'MP106', `${h.worker.text} is defined in the notebook; spawn children cannot import it from the kernel's __main__`, 'move it to a .py module next to the notebook and import it');
    }
    const found = definitionOf(h.worker, ctx);
    if (!found || found.nested || found.def.type !== 'function_definition') continue;
    if (!workers.some((w) => w.id === found.def.id)) workers.push(found.def);
    if (h.initializer) initializers.push(found.def);
  }
  const handovers: Handover[] = all.map((h) => {
    const found = definitionOf(h.worker, ctx);
    const def = found && !found.nested && found.def.type === 'function_definition' ? found.def : null;
    const kind = h.initializer ? 'other' : h.viaPool ? 'pool' : h.target ? 'process' : 'other';
    return { call: h.call, worker: h.worker, def, kind, pool: h.pool };
  });
  checkGlobals(workers, initializers, ctx, guard, handovers, fixes);
  checkRunTimeClasses(ctx, guard);
  checkDatasetLambdas(ctx);
  checkDatasetObjects(ctx);
  checkProcessObjects(ctx);
  if (/basicConfig|dictConfig|fileConfig/.test(ctx.source)) checkLogging(workers, initializers, ctx, guard);
  if (/filterwarnings|simplefilter/.test(ctx.source)) checkWarningsFilters(workers, initializers, ctx, guard);
  if (workers.length > 0) {
    for (const set of patchedModuleAttributes(ctx, guard, workers)) {
      const left = set.childForFieldName('left')!;
      const module = left.childForFieldName('object')!.text;
      ctx.report(set, 'MP206', `${left.text} is set here, in the parent only; spawn children import ${module} afresh and see its original value`, 'set it in the child too (in a Pool initializer, or at the top of the worker), or pass the value to the worker as an argument');
    }
  }
  if (/\bfork(pty)?\s*\(/.test(ctx.source)) {
    for (const call of callsNaming(ctx.root, ctx.source, ['fork', 'forkpty'])) {
      if (!/\bfork(pty)?$/.test(call.childForFieldName('function')?.text ?? '')) continue;
      const q = qualifiedCallee(call, ctx);
      if (q && FORKS.test(q)) ctx.report(call, 'MP303', `${q}() forks directly: unsafe once the process has threads`, 'use subprocess, or multiprocessing with an explicit spawn context');
    }
  }
  return fixes;
}

const FORK_CALL = /\bfork(pty)?\s*\(/;

const transform: Transform = {
  id: 'diagnostics',
  // It describes the code as written.
  reads: [],
  description: 'Report what no safe rewrite can fix: unpicklable workers, globals children will not have, queues in pool arguments, parent-only logging, os.fork, large per-task arguments.',
  safety: 'safe',
  safetyNote:
    'Reports only; its fixes are unsafe: lifting a nested worker to module level (one that captures nothing, or a closure over parameters of the function around it, which then become its first parameters, bound with functools.partial where it is handed over) may change what a name means there; moving a module-level Queue, Lock, Event... that workers read into the guard or main() (passed through args= or a pool initializer) makes it later and once per run of that function, and a module importing it finds it gone.',
  // Workers need a pool or process import; MP303 needs a fork call.
  words: ['multiprocess', 'ProcessPoolExecutor', 'DataLoader', 'fork'],
  prefilter: (text, { mentions }) => mentions(text, 'multiprocess', 'ProcessPoolExecutor', 'DataLoader') || (mentions(text, 'fork') && FORK_CALL.test(text)),
  query: '(module) @module',
  fix: (_match, ctx) => diagnose(ctx),
};

export default transform;
