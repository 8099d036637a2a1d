import type { SyntaxNode, QueryMatch } from '../src/syntax/types';
import type { Edit, FileContext, Fix, Transform } from '../src/types';
import { appendItem, endOfLine } from '../src/imports';
import { lineStartOf } from '../src/style';
import { importedNames } from '../src/names';
import { statementsOf, callsNaming } from '../src/find';
import { mentions } from '../src/words';

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

const DATALOADERS = new Set(['torch.utils.data.DataLoader', 'torch.utils.data.dataloader.DataLoader']);
const KEEP_FORK = /#[ \t]*mp-codemod:[ \t]*keep-fork\b/;

const isCode = (n: SyntaxNode) => n.type !== 'comment';

/** `torch.multiprocessing.Pool` → ['torch.multiprocessing', 'Pool']. */
function splitModule(qualified: string, modules: string[]): [string, string] | null {
  for (const m of modules) if (qualified.startsWith(`${m}.`)) return [m, qualified.slice(m.length + 1)];
  return null;
}

const methodLiteral = (ctx: FileContext) => `${ctx.style.quote}${ctx.options.method}${ctx.style.quote}`;

function lineOf(ctx: FileContext, node: SyntaxNode): string {
  return ctx.source.slice(lineStartOf(ctx.source, node.startIndex), endOfLine(ctx.source, node.startIndex));
}

/**
 * `mp.Pool` → `mp.get_context("spawn").Pool`; `Pool` (from-imported) → `get_context("spawn").Pool`,
 * merging `get_context` into the same from-import.
 */
function bindToContext(ref: SyntaxNode, module: string, factory: string, ctx: FileContext): Fix | null {
  const method = methodLiteral(ctx);
  if (ref.type === 'attribute') {
    const object = ref.childForFieldName('object')!;
    return {
      message: `${ref.text} → ${object.text}.get_context(${method}).${factory}`,
      edits: [{ start: object.endIndex, end: object.endIndex, text: `.get_context(${method})` }],
    };
  }
  const found = ctx.names.lookup(ref.text, ref);
  const stmt = found?.bindings.find((b) => b.target === `${module}.${factory}`)?.node;
  let getContext: { expr: string; edits: Edit[] } | null;
  if (stmt) getContext = ctx.imports.fromName(stmt, module, 'get_context', ref);
  else getContext = ctx.names.importTarget('get_context', ref) === `${module}.get_context` ? { expr: 'get_context', edits: [] } : null;
  if (!getContext) {
    ctx.report(ref, 'MP308', `cannot add get_context for ${ref.text}: the name is taken here`, `use ${module}.get_context(${method}).${factory} by hand`);
    return null;
  }
  return {
    message: `${ref.text} → ${getContext.expr}(${method}).${factory}`,
    edits: [...getContext.edits, { start: ref.startIndex, end: ref.endIndex, text: `${getContext.expr}(${method}).${factory}` }],
    prune: [{ module, name: factory }],
  };
}

function argumentsOf(args: SyntaxNode): SyntaxNode[] {
  return args.namedChildren.filter(isCode);
}

function keywordArg(args: SyntaxNode[], name: string): SyntaxNode | undefined {
  return args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
}

function insertArgument(args: SyntaxNode, text: string, ctx: FileContext): Edit {
  const items = argumentsOf(args);
  if (items.length === 0) return { start: args.startIndex + 1, end: args.startIndex + 1, text };
  const close = args.children.find((c) => c.type === ')') ?? null;
  return appendItem(ctx.source, ctx.style, items[items.length - 1], close, text);
}

const hasSplat = (items: SyntaxNode[]) => items.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat');

function addContextArgument(call: SyntaxNode, args: SyntaxNode, qualified: string, spec: ContextArg, ctx: FileContext): Fix | null {
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
    ctx.report(call, 'MP308', `cannot add ${spec.keyword}=: the name multiprocessing is taken here`, `pass ${spec.keyword}=<multiprocessing>.get_context(${methodLiteral(ctx)}) by hand`);
    return null;
  }
  const value = `${mp.expr}.get_context(${methodLiteral(ctx)})`;
  return {
    message: `${call.childForFieldName('function')!.text}(...) gets ${spec.keyword}=${value}`,
    edits: [...mp.edits, insertArgument(args, `${spec.keyword}=${value}`, ctx)],
  };
}

function addDataLoaderContext(args: SyntaxNode, ctx: FileContext): Fix | null {
  const items = argumentsOf(args);
  if (keywordArg(items, 'multiprocessing_context')) return null;
  const workers = keywordArg(items, 'num_workers')?.childForFieldName('value') ?? items.filter((a) => a.type !== 'keyword_argument')[5];
  if (!workers || workers.text === '0') return null;
  return {
    message: `DataLoader(num_workers=${workers.text}) gets multiprocessing_context=${methodLiteral(ctx)}`,
    edits: [insertArgument(args, `multiprocessing_context=${methodLiteral(ctx)}`, ctx)],
  };
}

function onGetContext(call: SyntaxNode, args: SyntaxNode, ctx: FileContext, forkOnly = false): Fix | null {
  const items = argumentsOf(args);
  const method = methodLiteral(ctx);
  if (items.length === 0 && !forkOnly) {
    return {
      message: `get_context() → get_context(${method})`,
      edits: [{ start: args.startIndex + 1, end: args.startIndex + 1, text: method }],
    };
  }
  const arg = items[0];
  if (items.length === 1 && arg.type === 'string' && /^['"]fork['"]$/.test(arg.text) && !KEEP_FORK.test(lineOf(ctx, call))) {
    return {
      message: `get_context(${arg.text}) → get_context(${method})`,
      safety: 'unsafe',
      edits: [{ start: arg.startIndex, end: arg.endIndex, text: method }],
      diagnostic: {
        code: 'MP301',
        message: 'explicit fork start method kept',
        hint: `fork is unsafe once the parent has threads; use get_context(${method}) or mark the line "# mp-codemod: keep-fork"`,
        start: call.startIndex,
      },
    };
  }
  return null;
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
  const head = fn.text.split('.')[0];
  if (relevantNames(ctx).has(head)) return true;
  return fn.type === 'identifier' && STAR_NAMES.has(head) && ctx.importIndex.stars.some((m) => RELEVANT.test(m));
}

function onCall(call: SyntaxNode, fn: SyntaxNode, args: SyntaxNode, ctx: FileContext): Fix | null {
  const subclass = fn.type === 'identifier' ? contextClassOf(fn, ctx) : null;
  if (subclass?.ownInit) {
    ctx.report(call, 'MP307', `cannot tell whether ${fn.text} takes ${subclass.spec.keyword}= (it defines its own __init__)`, `pass ${subclass.spec.keyword}=multiprocessing.get_context(${methodLiteral(ctx)}) through to ${subclass.base.split('.').pop()}`);
    return null;
  }
  if (subclass) return addContextArgument(call, args, subclass.base, subclass.spec, ctx);
  if (!mayBeRelevant(fn, ctx)) return null;
  const qualified = ctx.names.qualifiedName(fn);
  if (!qualified) return null;
  const own = splitModule(qualified, MP_MODULES);
  if (own && BOUND_FACTORIES.has(own[1])) return bindToContext(fn, own[0], own[1], ctx);
  if (own && own[1] === 'get_context') return onGetContext(call, args, ctx);
  const spec = CONTEXT_ARGS.get(qualified);
  if (spec) return addContextArgument(call, args, qualified, spec, ctx);
  if (DATALOADERS.has(qualified)) return addDataLoaderContext(args, ctx);
  const foreign = splitModule(qualified, FOREIGN_MODULES);
  if (foreign && BOUND_FACTORIES.has(foreign[1])) {
    ctx.report(call, 'MP306', `${foreign[0]}.${foreign[1]} uses ${foreign[0]}'s own default start method and is not rewritten`, `use ${foreign[0]}.get_context(${methodLiteral(ctx)}).${foreign[1]} if its workers must not fork`);
  }
  return null;
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
 * The file sets the start method itself to something other than fork (a literal or a value
 * decided at run time): its default-context code follows that choice, so it is left alone.
 */
function choosesMethod(ctx: FileContext): boolean {
  let chosen = chosenCache.get(ctx.importIndex);
  if (chosen === undefined) {
    chosen = callsNaming(ctx.root, ctx.source, ['set_start_method']).some((c) => {
      const fn = c.childForFieldName('function')!;
      if (!fn.text.endsWith('set_start_method')) return false;
      const q = ctx.names.qualifiedName(fn);
      if (!q || !MP_MODULES.some((m) => q === `${m}.set_start_method`)) return false;
      const first = c.childForFieldName('arguments')?.namedChildren.find(isCode);
      return !(first?.type === 'string' && /^['"]fork['"]$/.test(first.text));
    });
    chosenCache.set(ctx.importIndex, chosen);
  }
  return chosen;
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
    if (ctx.source.includes('keep-fork')) {
      for (const m of ctx.source.matchAll(new RegExp(KEEP_FORK.source, 'g'))) {
        const comment = ctx.root.descendantForIndex(m.index!, m.index! + 1);
        if (comment.type === 'comment') scopes.add(scopeOf(comment).id);
      }
    }
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
  if (call && (choosesMethod(ctx) || (keepForkScopes(ctx).size > 0 && keepForkScopes(ctx).has(scopeOf(call).id)))) {
    // Only an explicit fork still matters here (MP301, unless its own line keeps it); the rest
    // follows the file's own choice, or the keep-fork pragma of its scope.
    const q = ctx.names.qualifiedName(captured(match, 'fn')!);
    const own = q ? splitModule(q, MP_MODULES) : null;
    return own && own[1] === 'get_context' ? onGetContext(call, captured(match, 'args')!, ctx, true) : null;
  }
  if (call) return onCall(call, captured(match, 'fn')!, captured(match, 'args')!, ctx);
  if (captured(match, 'bases') && choosesMethod(ctx)) return null;
  const bases = captured(match, 'bases');
  if (bases) return onBases(bases, ctx);
  const value = captured(match, 'value');
  return value ? onValue(value, ctx) : null;
}

/**
 * Every match this transform acts on names an import of a relevant module or one of this
 * module's context subclasses; a star import of a relevant module can bind any name.
 */
function anchors(ctx: FileContext): Iterable<string> | null {
  if (ctx.importIndex.stars.some((m) => RELEVANT.test(m))) return null;
  return [...relevantNames(ctx), ...contextClasses(ctx).keys()];
}

/** Only values that end in a factory's name can be one (an alias such as `Q` for Queue is not seen here). */
const VALUE_NAMES = `(^|[.])(${[...BOUND_FACTORIES].join('|')})`;

const transform: Transform = {
  id: 'spawn-context',
  description: 'Give every default-context multiprocessing factory an explicit start method (get_context, mp_context=, ctx=).',
  safety: 'safe',
  safetyNote:
    'Only names that resolve to multiprocessing imports are rewritten, and every context-bound factory in the file moves together, so Locks and Queues stay compatible with the Processes they are passed to. Behaviour changes only where the program relied on fork (see the diagnostics).',
  prefilter: (text) => mentions(text, 'multiprocess', 'ProcessPoolExecutor', 'DataLoader', 'billiard'),
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
};

export default transform;
