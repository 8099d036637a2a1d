import type { SyntaxNode, QueryMatch } from '../src/syntax/types';
import { KEEP_FORK, keepForkComments } from '../src/python/pragmas';
import type { Edit, FileContext, Fix, Transform } from '../src/api/types';
import { sharedContext, type SiteFix } from '../src/python/shared-context';
import { endOfLine } from '../src/python/imports';
import { addItem, wrapLine, wrapStatement, DEFAULT_LINE_LENGTH, type List } from '../src/python/layout';
import { lineStartOf } from '../src/python/style';
import { quoteAt } from '../src/syntax/fstring';
import { methodArgument, isForkLiteral } from '../src/python/method-arg';
import { importedNames } from '../src/python/names';
import { statementsOf, callsNaming } from '../src/syntax/find';
import { mayBeFork, probesAvailability } from '../src/python/starts';
import { DATALOADERS, type LoaderClass, cacheMessage, cachingLoaders, datasetOf, doubtfulLoaders, loaderClasses, loaderDatasetDoubt, loaderDoubtMessage, loaderNames, takesContext } from '../src/python/dataloaders';
import { datasetItemCache } from '../src/python/dataset-cache';

/** Everything `multiprocessing` re-exports from the default context that binds that context (CPython context.py). */
export const BOUND_FACTORIES = new Set([
  'Process', 'Pool', 'Manager', 'Queue', 'JoinableQueue', 'SimpleQueue', 'Lock', 'RLock', 'Condition',
  'Semaphore', 'BoundedSemaphore', 'Event', 'Barrier', 'Value', 'Array',
]);

/** Modules with the stdlib API whose module-level factories use the default context. */
const MP_MODULES = ['multiprocessing', 'torch.multiprocessing'];
/** Look-alikes with their own default (fork on Linux whatever Python does): reported, not rewritten. */
const FOREIGN_MODULES = ['billiard', 'multiprocess'];

interface ContextArg {
  keyword: string;
  /** Index of the parameter when it can be passed positionally, else -1. */
  position: number;
}

/** Classes that take a context argument instead of binding the default one. */
const CONTEXT_ARGS = new Map<string, ContextArg>([
  ['multiprocessing.pool.Pool', { keyword: 'context', position: 4 }],
  ['multiprocessing.managers.BaseManager', { keyword: 'ctx', position: 3 }],
  ['multiprocessing.managers.SyncManager', { keyword: 'ctx', position: 3 }],
  ['multiprocessing.managers.SharedMemoryManager', { keyword: 'ctx', position: 3 }],
  ['multiprocessing.sharedctypes.Value', { keyword: 'ctx', position: -1 }],
  ['multiprocessing.sharedctypes.Array', { keyword: 'ctx', position: -1 }],
  ['concurrent.futures.ProcessPoolExecutor', { keyword: 'mp_context', position: 1 }],
  ['concurrent.futures.process.ProcessPoolExecutor', { keyword: 'mp_context', position: 1 }],
]);

interface ContextClass {
  def: SyntaxNode;
  base: string;
  spec: ContextArg;
  /** It defines its own __init__, whose signature we do not know. */
  ownInit: boolean;
}

const CLASSES = new Set(['class_definition']);
const contextClassCache = new WeakMap<object, Map<string, ContextClass>>();

/** Module-level classes that subclass one taking a context argument (`class MyManager(BaseManager)`). */
function contextClasses(ctx: FileContext): Map<string, ContextClass> {
  let found = contextClassCache.get(ctx.importIndex);
  if (found) return found;
  found = new Map();
  if (/\b(Pool|Manager|Value|Array)\b/.test(ctx.source)) {
    for (const def of statementsOf(ctx.root, ctx.source, 'class', CLASSES)) {
      const holder = def.parent?.type === 'decorated_definition' ? def.parent : def;
      if (holder.parent?.id !== ctx.root.id) continue;
      for (const base of def.childForFieldName('superclasses')?.namedChildren ?? []) {
        const q = base.type === 'keyword_argument' ? null : ctx.names.qualifiedName(base);
        const spec = q ? CONTEXT_ARGS.get(q) : undefined;
        if (!q || !spec) continue;
        const ownInit = (def.childForFieldName('body')?.namedChildren ?? []).some(
          (m) => (m.type === 'decorated_definition' ? m.childForFieldName('definition') : m)?.childForFieldName('name')?.text === '__init__',
        );
        found.set(def.childForFieldName('name')!.text, { def, base: q, spec, ownInit });
        break;
      }
    }
  }
  contextClassCache.set(ctx.importIndex, found);
  return found;
}

function contextClassOf(fn: SyntaxNode, ctx: FileContext): ContextClass | null {
  const known = contextClasses(ctx).get(fn.text);
  if (!known) return null;
  const found = ctx.names.lookup(fn.text, fn);
  return found?.bindings.length === 1 && found.bindings[0].node.id === known.def.id ? known : null;
}

const isCode = (n: SyntaxNode) => n.type !== 'comment';

/** `torch.multiprocessing.Pool` → ['torch.multiprocessing', 'Pool']. */
function splitModule(qualified: string, modules: string[]): [string, string] | null {
  for (const m of modules) if (qualified.startsWith(`${m}.`)) return [m, qualified.slice(m.length + 1)];
  return null;
}

const methodLiteral = (ctx: FileContext) => `${ctx.style.quote}${ctx.options.method}${ctx.style.quote}`;

/** The method as a literal that may go at `node`: inside an f-string, with a quote it does not use (null: none is left). */
function methodLiteralAt(ctx: FileContext, node: SyntaxNode): string | null {
  const quote = quoteAt(node, ctx.style.quote, ctx.options.targetMinor);
  if (quote === null) ctx.report(node, 'MP315', `cannot rewrite ${node.text} inside an f-string that uses both quotes (before Python 3.12)`, `use a context made outside the f-string`);
  return quote === null ? null : `${quote}${ctx.options.method}${quote}`;
}

function lineOf(ctx: FileContext, node: SyntaxNode): string {
  return ctx.source.slice(lineStartOf(ctx.source, node.startIndex), endOfLine(ctx.source, node.startIndex));
}

/**
 * `mp.Pool` → `mp.get_context("spawn").Pool`; `Pool` (from-imported) → `get_context("spawn").Pool`,
 * merging `get_context` into the same from-import.
 */
function bindToContext(ref: SyntaxNode, module: string, factory: string, ctx: FileContext): SiteFix | null {
  const method = methodLiteralAt(ctx, ref);
  if (method === null) return null;
  if (ref.type === 'attribute') {
    const object = ref.childForFieldName('object')!;
    const edits = [{ start: object.endIndex, end: object.endIndex, text: `.get_context(${method})` }];
    return {
      message: `${ref.text} → ${object.text}.get_context(${method}).${factory}`,
      edits: wrapped(callOf(ref), edits, ctx),
      share: {
        node: ref,
        via: object,
        as: (name) => ({ message: `${ref.text} → ${name}.${factory}`, edits: wrapped(callOf(ref), [{ start: object.startIndex, end: object.endIndex, text: name }], ctx) }),
      },
    };
  }
  const found = ctx.names.lookup(ref.text, ref);
  const stmt = found?.bindings.find((b) => b.target === `${module}.${factory}`)?.node;
  let getContext: { expr: string; edits: Edit[] } | null;
  if (stmt) getContext = ctx.imports.fromName(stmt, module, 'get_context', ref, lineLength(ctx));
  else getContext = ctx.names.importTarget('get_context', ref) === `${module}.get_context` ? { expr: 'get_context', edits: [] } : null;
  if (!getContext) {
    ctx.report(ref, 'MP308', `cannot add get_context for ${ref.text}: ${ctx.names.whyTaken('get_context', ref)}`, `use ${module}.get_context(${method}).${factory} by hand`);
    return null;
  }
  const rename = [{ start: ref.startIndex, end: ref.endIndex, text: `${getContext.expr}(${method}).${factory}` }];
  return {
    message: `${ref.text} → ${getContext.expr}(${method}).${factory}`,
    edits: [...getContext.edits, ...wrapped(callOf(ref), rename, ctx)],
    prune: [{ module, name: factory }],
    share: {
      node: ref,
      as: (name) => ({
        message: `${ref.text} → ${name}.${factory}`,
        edits: wrapped(callOf(ref), [{ start: ref.startIndex, end: ref.endIndex, text: `${name}.${factory}` }], ctx),
        prune: [{ module, name: factory }],
      }),
    },
  };
}

function argumentsOf(args: SyntaxNode): SyntaxNode[] {
  return args.namedChildren.filter(isCode);
}

function keywordArg(args: SyntaxNode[], name: string): SyntaxNode | undefined {
  return args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
}

const lineLength = (ctx: FileContext) => ctx.options.lineLength ?? DEFAULT_LINE_LENGTH;

function listOf(args: SyntaxNode): List | null {
  const open = args.firstChild;
  const close = args.lastChild;
  if (open?.type !== '(' || close?.type !== ')') return null;
  return { open, items: argumentsOf(args), close };
}

/** A new last argument, in the call's layout (see addItem). */
function insertArgument(args: SyntaxNode, text: string, ctx: FileContext): Edit[] {
  const list = listOf(args);
  if (!list) return [{ start: args.endIndex - 1, end: args.endIndex - 1, text }];
  return addItem(ctx.source, ctx.style, list, text, lineLength(ctx));
}

/** The edits a call-site rewrite made before wrapLine, by each edit it returned (see joinLines). */
const rawOf = new WeakMap<Edit, { node: SyntaxNode; raw: Edit[] }>();

/** `edits` with `node`'s line wrapped black's way when they make it too long (see wrapLine). */
function wrapped(node: SyntaxNode, edits: Edit[], ctx: FileContext): Edit[] {
  let out = wrapLine(ctx.source, ctx.style, node, edits, lineLength(ctx));
  // No bracket of its own to break (`Pool()` → `_mp_context.Pool()`): the statement's last one.
  const stmt = out === edits ? statementOf(node) : null;
  if (stmt && stmt.startPosition.row === stmt.endPosition.row) out = wrapStatement(ctx.source, ctx.style, ctx.root, stmt, edits, lineLength(ctx));
  const record = { node, raw: edits };
  for (const e of out) rawOf.set(e, record);
  return out;
}

const STATEMENT_PARENTS = new Set(['block', 'module']);

function statementOf(node: SyntaxNode): SyntaxNode | null {
  let n: SyntaxNode | null = node;
  while (n && n.parent && !STATEMENT_PARENTS.has(n.parent.type)) n = n.parent;
  return n && n.parent ? n : null;
}

const sameEdit = (a: Edit, b: Edit) => a.start === b.start && a.end === b.end && a.text === b.text;

/**
 * Fixes that lengthen the same one-line statement are judged one at a time by wrapLine, so two
 * that fit alone can make the line too long together, and two too long alone each wrap their
 * own call. Such a group becomes one fix, its line wrapped once (see wrapStatement).
 */
function joinLines(fixes: Fix[], ctx: FileContext): Fix[] {
  const groups = new Map<number, { stmt: SyntaxNode; fixes: Fix[] }>();
  for (const f of fixes) {
    const records = [...new Set(f.edits.map((e) => rawOf.get(e)).filter((r) => r !== undefined))];
    if (f.safety === 'unsafe' || f.diagnostic || records.length !== 1) continue;
    const stmt = statementOf(records[0]!.node);
    if (!stmt || stmt.startPosition.row !== stmt.endPosition.row) continue;
    const group = groups.get(stmt.id) ?? { stmt, fixes: [] };
    group.fixes.push(f);
    groups.set(stmt.id, group);
  }
  let out = fixes;
  for (const { stmt, fixes: group } of groups.values()) {
    if (group.length < 2 || group.some((f) => f.mechanism !== group[0].mechanism)) continue;
    const outside: Edit[] = [];
    const inside: Edit[] = [];
    for (const f of group) {
      const record = rawOf.get(f.edits.find((e) => rawOf.has(e))!)!;
      for (const e of f.edits) if (!rawOf.has(e) && !outside.some((o) => sameEdit(o, e))) outside.push(e);
      inside.push(...record.raw);
    }
    if (outside.some((e) => e.start < stmt.endIndex && e.end > stmt.startIndex)) continue;
    const wrappedEdits = wrapStatement(ctx.source, ctx.style, ctx.root, stmt, inside, lineLength(ctx));
    if (wrappedEdits === inside) continue;
    const joined: Fix = {
      message: group.map((f) => f.message).join('; '),
      edits: [...outside, ...wrappedEdits],
      ...(group[0].mechanism !== undefined ? { mechanism: group[0].mechanism } : {}),
      prune: group.flatMap((f) => f.prune ?? []),
    };
    out = out.filter((f) => !group.includes(f) || f === group[0]).map((f) => (f === group[0] ? joined : f));
  }
  return out;
}

/** The arguments of the call `fn` names, else `fn`: where a line that `fn` lengthens is wrapped. */
function callOf(fn: SyntaxNode): SyntaxNode {
  const call = fn.parent;
  return call?.type === 'call' && call.childForFieldName('function')?.id === fn.id ? call.childForFieldName('arguments') ?? fn : fn;
}

const hasSplat = (items: SyntaxNode[]) => items.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat');

function addContextArgument(call: SyntaxNode, args: SyntaxNode, qualified: string, spec: ContextArg, ctx: FileContext): SiteFix | null {
  const items = argumentsOf(args);
  if (keywordArg(items, spec.keyword)) return null;
  const positional = items.filter((a) => a.type !== 'keyword_argument' && a.type !== 'dictionary_splat');
  if (spec.position >= 0 && positional.length > spec.position) return null;
  if (hasSplat(items)) {
    ctx.report(call, 'MP307', `cannot tell whether ${qualified.split('.').pop()} gets ${spec.keyword}= through *args/**kwargs`, `pass ${spec.keyword}=multiprocessing.get_context(${methodLiteral(ctx)}) explicitly`);
    return null;
  }
  const mp = ctx.imports.moduleRef('multiprocessing', call);
  if (!mp) {
    ctx.report(call, 'MP308', `cannot add ${spec.keyword}=: ${ctx.names.whyTaken('multiprocessing', call)}`, `pass ${spec.keyword}=<multiprocessing>.get_context(${methodLiteral(ctx)}) by hand`);
    return null;
  }
  const method = methodLiteralAt(ctx, args);
  if (method === null) return null;
  const value = `${mp.expr}.get_context(${method})`;
  const callee = call.childForFieldName('function')!.text;
  return {
    message: `${callee}(...) gets ${spec.keyword}=${value}`,
    edits: [...mp.edits, ...wrapped(args, insertArgument(args, `${spec.keyword}=${value}`, ctx), ctx)],
    share: {
      node: call,
      as: (name) => ({ message: `${callee}(...) gets ${spec.keyword}=${name}`, edits: wrapped(args, insertArgument(args, `${spec.keyword}=${name}`, ctx), ctx) }),
    },
  };
}

/**
 * `classes`: what the callee may make, when it is not torch's DataLoader named directly (a
 * subclass of the file, or a name bound to a choice of them).
 */
function addDataLoaderContext(call: SyntaxNode, args: SyntaxNode, ctx: FileContext, classes: LoaderClass[] = [{ torch: true }]): Fix | null {
  const items = argumentsOf(args);
  if (keywordArg(items, 'multiprocessing_context')) return null;
  const workers = keywordArg(items, 'num_workers')?.childForFieldName('value') ?? items.filter((a) => a.type !== 'keyword_argument')[5];
  if (!workers) return null;
  const method = methodLiteralAt(ctx, args);
  if (method === null) return null;
  let value = method;
  if (workers.type === 'integer') {
    if (Number(workers.text.replace(/_/g, '')) <= 0) return null;
  } else {
    // DataLoader rejects a context when num_workers is 0, so a computed count keeps None then.
    const count = SIMPLE_EXPRESSIONS.has(workers.type) ? workers.text : `(${workers.text})`;
    if (/[\r\n]/.test(count)) return null;
    value = `${method} if ${count} > 0 else None`;
  }
  // A context of its own makes the DataLoader pickle the dataset for its workers (fork did not).
  const why = loaderDatasetDoubt(call, ctx);
  if (why !== null) {
    ctx.report(call, 'MP317', loaderDoubtMessage(why), `make sure the dataset pickles (no open files, lambdas or closures), then pass multiprocessing_context=${method} by hand`);
    return null;
  }
  // It pickles, but a cache it filled in the parent would be copied into every worker.
  const dataset = datasetOf(call);
  const cache = dataset ? datasetItemCache(dataset, ctx) : null;
  if (cache) {
    ctx.report(call, 'MP319', cacheMessage(cache), `keep the cache out of the dataset's pickled state (load in each worker, a file the workers read, shared memory), then pass multiprocessing_context=${method} by hand`);
    return null;
  }
  if (!takesContext(classes)) {
    ctx.report(call, 'MP307', `cannot tell whether ${call.childForFieldName('function')!.text} takes multiprocessing_context= (a DataLoader subclass of the file defines its own __init__ without **kwargs)`, `pass multiprocessing_context=${method} through to DataLoader`);
    return null;
  }
  // One context for the file's loaders: beside one left on the default, the others stay too
  // (imagenet: a Subset of the same dataset in validate() would fork while train and val spawn).
  const held = heldLoader(call, ctx);
  if (held) {
    ctx.report(call, 'MP317', `the DataLoader at line ${held.startPosition.row + 1} is left on the default, so this one is too: the file's loaders keep one start method`, `once that one can take multiprocessing_context=${method}, pass it to both`);
    return null;
  }
  return {
    message: `DataLoader(num_workers=${workers.text}) gets multiprocessing_context=${value}`,
    edits: wrapped(args, insertArgument(args, `multiprocessing_context=${value}`, ctx), ctx),
  };
}

const heldCache = new WeakMap<object, SyntaxNode[]>();

/** Another DataLoader of the file left on the default (MP317, MP319), if any. */
function heldLoader(call: SyntaxNode, ctx: FileContext): SyntaxNode | null {
  let held = heldCache.get(ctx.importIndex);
  if (!held) heldCache.set(ctx.importIndex, (held = [...doubtfulLoaders(ctx), ...cachingLoaders(ctx)].map((l) => l.call)));
  return held.find((c) => c.id !== call.id) ?? null;
}

/** Expressions that need no parentheses before a comparison. */
const SIMPLE_EXPRESSIONS = new Set(['identifier', 'attribute', 'call', 'subscript', 'integer']);

function onGetContext(call: SyntaxNode, args: SyntaxNode, ctx: FileContext, forkOnly = false): Fix | null {
  const items = argumentsOf(args);
  const arg = methodArgument(call);
  // get_context(None) is the default context, as get_context() is.
  const isDefault = items.length === 0 || (items.length === 1 && arg?.type === 'none');
  if (isDefault && !forkOnly) {
    const method = methodLiteralAt(ctx, args);
    if (method === null) return null;
    return {
      message: `get_context(${arg?.text ?? ''}) → get_context(${method})`,
      edits: arg ? [{ start: arg.startIndex, end: arg.endIndex, text: method }] : wrapped(args, insertArgument(args, method, ctx), ctx),
    };
  }
  if (items.length !== 1 || !arg || KEEP_FORK.test(lineOf(ctx, call))) return null;
  if (!isForkLiteral(arg) && mayBeFork(arg)) {
    const method = methodLiteral(ctx);
    ctx.report(call, 'MP301', 'fork start method kept on some paths', `fork is unsafe once the parent has threads; use get_context(${method}) everywhere, or mark the line "# mp-codemod: keep-fork"`);
    return null;
  }
  // try: get_context("fork") / except ValueError: a fallback: the code asks whether fork exists.
  if (!isForkLiteral(arg) || probesAvailability(call)) return null;
  const method = methodLiteralAt(ctx, args);
  if (method === null) return null;
  return {
    message: `get_context(${arg.text}) → get_context(${method})`,
    safety: 'unsafe',
    // An explicit context stays explicit whichever mechanism the file gets.
    mechanism: null,
    edits: [{ start: arg.startIndex, end: arg.endIndex, text: method }],
    diagnostic: {
      code: 'MP301',
      message: 'explicit fork start method kept',
      hint: `fork is unsafe once the parent has threads; use get_context(${method}) or mark the line "# mp-codemod: keep-fork"`,
      start: call.startIndex,
    },
  };
}

const RELEVANT = /^(multiprocessing|torch|concurrent|billiard|multiprocess)(\.|$)/;
const STAR_NAMES = new Set([...BOUND_FACTORIES, 'get_context', 'ProcessPoolExecutor']);

const relevantCache = new WeakMap<object, Set<string>>();
const relevantNames = (ctx: FileContext) => {
  let names = relevantCache.get(ctx.importIndex);
  if (!names) relevantCache.set(ctx.importIndex, (names = importedNames(ctx.importIndex, RELEVANT)));
  return names;
};

/** Cheap: can this callee name an import of a relevant module at all? Most calls of a file cannot. */
function mayBeRelevant(fn: SyntaxNode, ctx: FileContext): boolean {
  // The name the chain starts from (`mp . Queue`, `(mp\n .Queue)` have spaces in their text).
  let first = fn;
  while (first.type === 'attribute') first = first.childForFieldName('object')!;
  const head = first.text;
  if (relevantNames(ctx).has(head)) return true;
  return fn.type === 'identifier' && STAR_NAMES.has(head) && ctx.importIndex.stars.some((m) => RELEVANT.test(m));
}

/** A DataLoader called through a name of the file (its subclass, or `loader = DataLoader if w else Sub`): the classes it may make. */
function localLoader(fn: SyntaxNode, ctx: FileContext): LoaderClass[] | null {
  if (fn.type !== 'identifier' || !loaderNamesOf(ctx).includes(fn.text) || ctx.names.qualifiedName(fn)) return null;
  return loaderClasses(fn, ctx);
}

const loaderNamesCache = new WeakMap<object, string[]>();
const loaderNamesOf = (ctx: FileContext) => {
  let names = loaderNamesCache.get(ctx.importIndex);
  if (!names) loaderNamesCache.set(ctx.importIndex, (names = loaderNames(ctx)));
  return names;
};

/**
 * In a file that keeps the default for all its calls (a library module under `auto`), a
 * DataLoader whose dataset may not pickle (MP317) or keeps a cache (MP319) is still reported:
 * the entry points that import the file must then keep the default too (MP316).
 */
function reportLoaderLeftAlone(call: SyntaxNode, fn: SyntaxNode, args: SyntaxNode, ctx: FileContext): null {
  const q = mayBeRelevant(fn, ctx) ? ctx.names.qualifiedName(fn) : null;
  const classes = q && DATALOADERS.has(q) ? [{ torch: true as const }] : localLoader(fn, ctx);
  if (classes) addDataLoaderContext(call, args, ctx, classes);
  return null;
}

function onCall(call: SyntaxNode, fn: SyntaxNode, args: SyntaxNode, ctx: FileContext): Fix | null {
  const subclass = fn.type === 'identifier' ? contextClassOf(fn, ctx) : null;
  if (subclass?.ownInit) {
    ctx.report(call, 'MP307', `cannot tell whether ${fn.text} takes ${subclass.spec.keyword}= (it defines its own __init__)`, `pass ${subclass.spec.keyword}=multiprocessing.get_context(${methodLiteral(ctx)}) through to ${subclass.base.split('.').pop()}`);
    return null;
  }
  if (subclass) return addContextArgument(call, args, subclass.base, subclass.spec, ctx);
  const loader = localLoader(fn, ctx);
  if (loader) return addDataLoaderContext(call, args, ctx, loader);
  if (!mayBeRelevant(fn, ctx)) return null;
  const qualified = ctx.names.qualifiedName(fn);
  if (!qualified) return null;
  const own = splitModule(qualified, MP_MODULES);
  if (own && BOUND_FACTORIES.has(own[1])) return bindToContext(fn, own[0], own[1], ctx);
  if (own && own[1] === 'get_context') return onGetContext(call, args, ctx);
  const spec = CONTEXT_ARGS.get(qualified);
  if (spec) return addContextArgument(call, args, qualified, spec, ctx);
  if (DATALOADERS.has(qualified)) return addDataLoaderContext(call, args, ctx);
  return foreignOnly(fn, call, ctx);
}

/** billiard and multiprocess keep their own default whatever the file's mechanism: reported only. */
function foreignOnly(fn: SyntaxNode, call: SyntaxNode, ctx: FileContext): null {
  if (!mayBeRelevant(fn, ctx)) return null;
  const foreign = splitModule(ctx.names.qualifiedName(fn) ?? '', FOREIGN_MODULES);
  if (foreign && BOUND_FACTORIES.has(foreign[1]) && !insidePackage(ctx, FOREIGN_MODULES)) {
    ctx.report(call, 'MP306', `${foreign[0]}.${foreign[1]} uses ${foreign[0]}'s own default start method and is not rewritten`, `use ${foreign[0]}.get_context(${methodLiteral(ctx)}).${foreign[1]} if its workers must not fork`);
  }
  return null;
}

/** The file belongs to one of these packages (a folder of that name holding __init__.py): their own code keeps their default. */
function insidePackage(ctx: FileContext, packages: string[]): boolean {
  return ctx.facts.inPackage && new RegExp(`(^|[\\\\/])(${packages.join('|')})[\\\\/]`).test(ctx.path);
}

function onBases(bases: SyntaxNode, ctx: FileContext): Fix[] {
  const fixes: Fix[] = [];
  for (const base of argumentsOf(bases)) {
    if (base.type !== 'identifier' && base.type !== 'attribute') continue;
    const own = splitModule(ctx.names.qualifiedName(base) ?? '', MP_MODULES);
    if (own && own[1] === 'Process') {
      const fix = bindToContext(base, own[0], 'Process', ctx);
      if (fix) fixes.push(fix);
    }
  }
  return fixes;
}

/** A Process subclass defined in a function: spawn pickles the process object, and cannot find its class (MP104). */
function reportNestedProcessClass(bases: SyntaxNode, ctx: FileContext): void {
  const isProcess = argumentsOf(bases).some((b) => splitModule(ctx.names.qualifiedName(b) ?? '', MP_MODULES)?.[1] === 'Process');
  if (!isProcess) return;
  const cls = bases.parent!;
  for (let n = cls.parent; n; n = n.parent) {
    if (n.type !== 'function_definition' && n.type !== 'lambda') continue;
    const name = cls.childForFieldName('name')!;
    ctx.report(name, 'MP104', `Process subclass ${name.text} is defined inside a function; spawn cannot pickle its processes`, 'define the class at module level');
    return;
  }
}

const TYPE_CHECKS = new Set(['isinstance', 'issubclass']);

/** `isinstance(p, mp.Process)` is False for the SpawnProcess objects the rewritten code creates. */
function onTypeCheck(value: SyntaxNode, ctx: FileContext): null {
  const own = splitModule(ctx.names.qualifiedName(value) ?? '', MP_MODULES);
  if (own && own[1] === 'Process') {
    ctx.report(value, 'MP309', `${value.text} does not match processes created from an explicit context`, 'check against multiprocessing.process.BaseProcess instead');
  }
  return null;
}

function onValue(value: SyntaxNode, ctx: FileContext): null {
  const last = value.type === 'attribute' ? value.childForFieldName('attribute')?.text : value.text;
  if (!last || !BOUND_FACTORIES.has(last)) return null;
  const holder = value.parent;
  if (holder?.type === 'argument_list') {
    if (holder.parent?.type === 'class_definition') return null;
    const callee = holder.parent?.childForFieldName('function');
    if (callee && TYPE_CHECKS.has(callee.text)) return onTypeCheck(value, ctx);
  }
  const own = splitModule(ctx.names.qualifiedName(value) ?? '', MP_MODULES);
  if (own && BOUND_FACTORIES.has(own[1])) {
    ctx.report(value, 'MP305', `${value.text} is passed as a value; calls through it use the default (fork) context`, `pass ctx.${own[1]} from ctx = ${own[0]}.get_context(${methodLiteral(ctx)}) instead`);
  }
  return null;
}

const chosenCache = new WeakMap<object, boolean>();

/**
 * The file sets the start method itself (a literal or a value decided at run time): its
 * default-context code follows that choice, so it is left alone. An explicit fork is kept too
 * (MP301, from set-start-method): rewriting the calls below it would change what the program does.
 */
function choosesMethod(ctx: FileContext): boolean {
  let chosen = chosenCache.get(ctx.importIndex);
  if (chosen === undefined) {
    chosen = callsNaming(ctx.root, ctx.source, ['set_start_method']).some((c) => {
      const fn = c.childForFieldName('function')!;
      if (!fn.text.endsWith('set_start_method')) return false;
      const q = ctx.names.qualifiedName(fn);
      return !!q && MP_MODULES.some((m) => q === `${m}.set_start_method`);
    });
    chosenCache.set(ctx.importIndex, chosen);
  }
  return chosen;
}

const chooserCache = new WeakMap<object, SyntaxNode | null>();

/**
 * The first `get_context(x)` whose method is computed (a variable, a parameter, a conditional):
 * the file picks its start method at run time, maybe per platform, and its calls are left alone.
 */
function runTimeChoice(ctx: FileContext): SyntaxNode | null {
  let found = chooserCache.get(ctx.importIndex);
  if (found === undefined) {
    found = null;
    for (const c of callsNaming(ctx.root, ctx.source, ['get_context'])) {
      const q = ctx.names.qualifiedName(c.childForFieldName('function')!);
      if (!q || !MP_MODULES.some((m) => q === `${m}.get_context`)) continue;
      const args = argumentsOf(c.childForFieldName('arguments')!);
      const first = args[0]?.type === 'keyword_argument' ? args[0].childForFieldName('value') : args[0];
      if (first && first.type !== 'string' && first.type !== 'none' && first.type !== 'parenthesized_expression') {
        found = c;
        break;
      }
    }
    chooserCache.set(ctx.importIndex, found);
  }
  return found;
}

const PLATFORM_TEST = /\b(sys\.platform|os\.name|platform\.system\s*\(|IS_WINDOWS|IS_MAC)/;

/**
 * The `if` around `node` (at any depth, through defs) whose condition tests the platform: code
 * that picks per platform (processes where fork is the default, serial work elsewhere) has made
 * its own choice, and is left alone.
 */
function platformSwitch(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type !== 'if_statement') continue;
    const conditions = [p.childForFieldName('condition'), ...p.namedChildren.filter((c) => c.type === 'elif_clause').map((c) => c.childForFieldName('condition'))];
    if (conditions.some((c) => c && PLATFORM_TEST.test(c.text))) return p;
  }
  return null;
}

const switchedCache = new WeakMap<object, SyntaxNode | null>();

/**
 * A multiprocessing call of the file under a platform switch: the file then keeps all of its
 * calls, since rewriting the others would mix contexts (a spawn Queue beside the branch's
 * default-context Process fails with "A SemLock created in a fork context...").
 */
function switchedCall(ctx: FileContext): SyntaxNode | null {
  let found = switchedCache.get(ctx.importIndex);
  if (found === undefined) {
    found = null;
    if (PLATFORM_TEST.test(ctx.source)) {
      for (const call of callsNaming(ctx.root, ctx.source, [...BOUND_FACTORIES, 'ProcessPoolExecutor'])) {
        const q = ctx.names.qualifiedName(call.childForFieldName('function')!);
        if (q && (splitModule(q, MP_MODULES) || CONTEXT_ARGS.has(q)) && platformSwitch(call)) {
          found = call;
          break;
        }
      }
    }
    switchedCache.set(ctx.importIndex, found);
  }
  return found;
}

/**
 * A parameter of an enclosing function that the function uses as a multiprocessing context
 * (`mp_context.Process(...)`): the caller picks the start method there (pytorch_geometric
 * `assert_run_mproc(mp_context, ...)`), and a fixed spawn context beside it would override that.
 */
function givenContext(call: SyntaxNode): SyntaxNode | null {
  for (let def = call.parent; def; def = def.parent) {
    if (def.type !== 'function_definition') continue;
    const params = new Map<string, SyntaxNode>();
    for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
      const id = p.type === 'identifier' ? p : p.childForFieldName('name') ?? p.namedChildren.find((c) => c.type === 'identifier');
      if (id?.type === 'identifier') params.set(id.text, id);
    }
    if (params.size === 0) continue;
    // Calls, not a regular expression made from the names: V8 keeps compiled expressions, and a
    // name cut from the text would keep the whole text with it (see memory.ts).
    for (const c of def.childForFieldName('body')!.descendantsOfType('call')) {
      const fn = c.childForFieldName('function');
      const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
      if (object?.type === 'identifier' && BOUND_FACTORIES.has(fn!.childForFieldName('attribute')!.text) && params.has(object.text)) return params.get(object.text)!;
    }
  }
  return null;
}

const SCOPES = new Set(['function_definition', 'class_definition', 'module']);
const scopeOf = (node: SyntaxNode): SyntaxNode => {
  let n: SyntaxNode | null = node.parent;
  while (n && !SCOPES.has(n.type)) n = n.parent;
  return n ?? node;
};

const keepForkCache = new WeakMap<object, Set<number>>();

/**
 * The scopes (module, class or function; by node id) holding a `# mp-codemod: keep-fork`
 * comment: their author wants fork there, so their default-context calls are left alone.
 */
function keepForkScopes(ctx: FileContext): Set<number> {
  let scopes = keepForkCache.get(ctx.importIndex);
  if (!scopes) {
    scopes = new Set();
    for (const comment of keepForkComments(ctx.source, ctx.root)) scopes.add(scopeOf(comment).id);
    keepForkCache.set(ctx.importIndex, scopes);
  }
  return scopes;
}

/** The node captured as `name`. Module level, not an arrow made per match: see memory.ts. */
function captured(match: QueryMatch, name: string): SyntaxNode | undefined {
  for (const c of match.captures) if (c.name === name) return c.node;
  return undefined;
}

function fix(match: QueryMatch, ctx: FileContext): Fix | Fix[] | null {
  const call = captured(match, 'call');
  // Whatever the file's plan: a Process subclass spawn cannot pickle is an error to report.
  if (captured(match, 'bases')) reportNestedProcessClass(captured(match, 'bases')!, ctx);
  const chooser = runTimeChoice(ctx);
  // A conditional that can be fork is MP301 already (diagnostics): one report a spot.
  if (call && chooser?.id === call.id && ctx.plan.mechanisms.has('local') && argumentsOf(captured(match, 'args')!)[0]?.type !== 'conditional_expression') {
    ctx.report(call, 'MP314', `the start method is chosen at run time here (${call.text.length > 60 ? 'get_context(...)' : call.text}); the file's default-context calls are left alone`, 'make sure every choice it can make is spawn-safe, or pass the context to the calls that still use the default');
  }
  const site = call ?? captured(match, 'bases');
  const switched = site && ctx.plan.mechanisms.has('local') ? platformSwitch(site) : null;
  if (switched) {
    const q = call ? ctx.names.qualifiedName(captured(match, 'fn')!) : null;
    if (q && splitModule(q, MP_MODULES)) ctx.report(call!, 'MP314', `this process code runs only on some platforms (line ${switched.startPosition.row + 1} tests the platform); it is left alone`, 'make sure the branch is spawn-safe before it runs on a spawn platform, or pass an explicit context');
    return null;
  }
  const leftAlone = chooser !== null || switchedCall(ctx) !== null || choosesMethod(ctx) || !ctx.plan.mechanisms.has('local');
  if (call && (leftAlone || (keepForkScopes(ctx).size > 0 && keepForkScopes(ctx).has(scopeOf(call).id)))) {
    // Only an explicit fork still matters here (MP301, unless its own line keeps it); the rest
    // follows the file's own choice, the keep-fork pragma of its scope, or the file's plan.
    const q = ctx.names.qualifiedName(captured(match, 'fn')!);
    const own = q ? splitModule(q, MP_MODULES) : null;
    if (own && own[1] === 'get_context') return onGetContext(call, captured(match, 'args')!, ctx, true);
    if (ctx.plan.mechanisms.size === 0 && !own) reportLoaderLeftAlone(call, captured(match, 'fn')!, captured(match, 'args')!, ctx);
    return own ? null : foreignOnly(captured(match, 'fn')!, call, ctx);
  }
  if (call) {
    const fixed = onCall(call, captured(match, 'fn')!, captured(match, 'args')!, ctx);
    const given = fixed ? givenContext(call) : null;
    if (!given) return fixed;
    const factory = captured(match, 'fn')!.text.split('.').pop();
    ctx.report(call, 'MP320', `this function is given its context (${given.text}) and starts processes from it: the caller chooses the start method, so this default-context call is left alone`, `make it ${given.text}.${factory}(...), so that it follows the caller's choice`);
    return null;
  }
  const bases = captured(match, 'bases');
  if (bases && leftAlone) return null;
  if (bases) return onBases(bases, ctx);
  const value = captured(match, 'value');
  return value && ctx.plan.mechanisms.has('local') ? onValue(value, ctx) : null;
}

/**
 * Every match this transform acts on names an import of a relevant module or one of this
 * module's context subclasses; a star import of a relevant module can bind any name.
 */
function anchors(ctx: FileContext): Iterable<string> | null {
  if (ctx.importIndex.stars.some((m) => RELEVANT.test(m))) return null;
  return [...relevantNames(ctx), ...contextClasses(ctx).keys(), ...loaderNamesOf(ctx)];
}

/** Only values that end in a factory's name can be one (an alias such as `Q` for Queue is not seen here). */
const VALUE_NAMES = `(^|[.])(${[...BOUND_FACTORIES].join('|')})`;

const transform: Transform = {
  id: 'spawn-context',
  // A file that set-start-method gave the call chooses its method; guard-main moves the calls it rewrites.
  reads: ['diagnostics', 'guard-main', 'set-start-method'],
  description: 'Give every default-context multiprocessing factory an explicit start method (get_context, mp_context=, ctx=).',
  safety: 'safe',
  mechanism: 'local',
  safetyNote:
    'Only names that resolve to multiprocessing imports are rewritten, and every context-bound factory in the file moves together, so Locks and Queues stay compatible with the Processes they are passed to. Behaviour changes only where the program relied on fork (see the diagnostics).',
  words: ['multiprocess', 'ProcessPoolExecutor', 'DataLoader', 'billiard'],
  prefilter: (text, { mentions }) => mentions(text, 'multiprocess', 'ProcessPoolExecutor', 'DataLoader', 'billiard'),
  query: `
    (call function: [(identifier) (attribute)] @fn arguments: (argument_list) @args) @call
    (class_definition superclasses: (argument_list) @bases)
    ([
      (argument_list [(identifier) (attribute)] @value)
      (keyword_argument value: [(identifier) (attribute)] @value)
      (default_parameter value: [(identifier) (attribute)] @value)
      (typed_default_parameter value: [(identifier) (attribute)] @value)
      (assignment right: [(identifier) (attribute)] @value)
    ] (#match? @value "${VALUE_NAMES}$"))
  `,
  anchors,
  fix,
  finish: (fixes, ctx) => joinLines(ctx.plan.mechanisms.has('local') ? sharedContext(fixes, ctx, methodLiteral(ctx)) : fixes, ctx),
};

export default transform;
