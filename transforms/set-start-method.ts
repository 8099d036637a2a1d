import type { SyntaxNode } from '../src/syntax/types';
import { keepForkComments } from '../src/python/pragmas';
import type { FileContext, FileFacts, Fix, Transform } from '../src/api/types';
import { mainGuards } from '../src/python/toplevel';
import { identifiersNamed, topLevelOf } from '../src/syntax/find';
import { DEFAULT_FIXERS, callsNamed, fixesDefaultEarly, qualifiedCall } from '../src/python/default-fixers';
import { commentsAbove, endOfLine } from '../src/python/imports';
import { leadingWhitespace, lineStartOf } from '../src/python/style';
import { bodyOnHeaderLine } from '../src/python/guard-header';
import { methodArgument, isForkLiteral } from '../src/python/method-arg';
import { CONTEXT_KEYWORDS, OWN_METHOD, mayBeFork } from '../src/python/starts';
import { doubtfulLoaders, loaderDoubtMessage } from '../src/python/dataloaders';
import { cacheMessage, cachingLoaders } from '../src/python/dataloaders';
import { planParentHoist, sharedGlobal, type SharedGlobal } from '../src/python/hoist-shared';

const MP = ['multiprocessing', 'torch.multiprocessing'];
const isCode = (n: SyntaxNode) => n.type !== 'comment';

// A loop, not an arrow made per call: see memory.ts.
function callsIn(node: SyntaxNode, ctx: FileContext, name: string): SyntaxNode[] {
  const start = node.startIndex;
  const end = node.endIndex;
  const out: SyntaxNode[] = [];
  for (const c of callsNamed(ctx, [name])) if (c.startIndex >= start && c.endIndex <= end) out.push(c);
  return out;
}

function keyword(call: SyntaxNode, name: string): SyntaxNode | undefined {
  return call.childForFieldName('arguments')?.namedChildren.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
}


/**
 * The file starts processes itself with the default context: a Process, Pool, Manager or
 * ProcessPoolExecutor of multiprocessing or torch (or a function or class of the file that does),
 * not through an explicit context. billiard and multiprocess never count: set_start_method does
 * not reach them. Importing multiprocessing for cpu_count or a Queue type alone does not count.
 */
function startsWithDefault(ctx: FileContext): boolean {
  for (const call of ctx.starts.possibleStarts()) {
    if (!ctx.starts.isStart(call)) continue;
    const fn = call.childForFieldName('function')!;
    const q = ctx.names.qualifiedName(fn);
    if (q && OWN_METHOD.test(q)) continue;
    if (fn.type === 'attribute' && ctx.starts.isContext(fn.childForFieldName('object')!)) continue;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    if (args.some((a) => a.type === 'keyword_argument' && CONTEXT_KEYWORDS.has(a.childForFieldName('name')?.text ?? ''))) continue;
    if (args.some((a) => a.type === 'dictionary_splat' && splatSetsContext(a, call))) continue;
    // A call of the file's own function or method counts through the starts in its body, which
    // this loop sees too (torch's spawn in a helper must not count through the call).
    if (q === null && fn.type === 'identifier' && definesFunction(ctx, fn)) continue;
    // The same for a class of the file that is not a Process: its methods' starts are in this loop.
    if (q === null && fn.type === 'identifier' && definesPlainClass(ctx, fn)) continue;
    if (fn.type === 'attribute' && fn.childForFieldName('object')?.type === 'call') continue;
    if (ctx.starts.callsOwnInstance(fn)) continue;
    return true;
  }
  return false;
}

/**
 * `DataLoader(ds, **config)` where the same function puts a context keyword into `config`
 * (`config["multiprocessing_context"] = "forkserver"`, or a dict literal with that key): the file
 * chooses that start's method itself (pyro's svi_horovod.py, forkserver where available).
 */
function splatSetsContext(splat: SyntaxNode, call: SyntaxNode): boolean {
  const name = splat.namedChildren[0];
  if (name?.type !== 'identifier') return false;
  let scope: SyntaxNode = call;
  while (scope.parent && scope.type !== 'function_definition') scope = scope.parent;
  const isKey = (n: SyntaxNode | null | undefined) => n?.type === 'string' && CONTEXT_KEYWORDS.has(n.text.slice(1, -1));
  for (const a of scope.descendantsOfType('assignment')) {
    const left = a.childForFieldName('left');
    if (left?.type === 'subscript' && left.childForFieldName('value')?.text === name.text && isKey(left.childForFieldName('subscript'))) return true;
    const right = a.childForFieldName('right');
    if (left?.text === name.text && right?.type === 'dictionary' && right.namedChildren.some((p) => p.type === 'pair' && isKey(p.childForFieldName('key')))) return true;
  }
  return false;
}

function definesPlainClass(ctx: FileContext, ref: SyntaxNode): boolean {
  const found = ctx.names.lookup(ref.text, ref);
  const def = found?.scope === ctx.names.module && found.bindings.length === 1 ? found.bindings[0].node : null;
  return def?.type === 'class_definition' && !ctx.starts.isProcessClass(def);
}

function definesFunction(ctx: FileContext, ref: SyntaxNode): boolean {
  const found = ctx.names.lookup(ref.text, ref);
  return found?.scope === ctx.names.module && found.bindings.length === 1 && found.bindings[0].node.type === 'function_definition';
}

/** A test module's guard (`unittest.main()`): the test runner, not this file, is the entry point. */
function runsTests(guard: SyntaxNode | null): boolean {
  return guard !== null && /\b(unittest|pytest)\.main\s*\(/.test(guard.text);
}

const isWildcard = (n: SyntaxNode) => n.type === 'wildcard_import';

/** `from multiprocessing import a, b` (not `*`). Module level, not an arrow made per call: see memory.ts. */
function importsFromMultiprocessing(n: SyntaxNode): boolean {
  return n.type === 'import_from_statement' && n.childForFieldName('module_name')?.text === 'multiprocessing' && !n.namedChildren.some(isWildcard);
}

interface Setter {
  /** The expression to call: `set_start_method`, `mp.set_start_method`, an alias. */
  callee: string;
  edits: Fix['edits'];
  /** The edits add an `import multiprocessing` line. */
  newImport: boolean;
}

/** `set_start_method` as the file can call it at `at`, in the file's import style, and the import edits that takes. */
function setterRef(ctx: FileContext, at: SyntaxNode): Setter | null {
  const bare = ctx.names.importTarget('set_start_method', at);
  if (bare && MP.some((m) => bare === `${m}.set_start_method`)) return { callee: 'set_start_method', edits: [], newImport: false };
  const fromImport = ctx.root.namedChildren.find(importsFromMultiprocessing);
  const merged = fromImport ? ctx.imports.fromName(fromImport, 'multiprocessing', 'set_start_method', at, ctx.options.lineLength) : null;
  if (merged) return { callee: merged.expr, edits: merged.edits, newImport: false };
  const mp = ctx.imports.moduleRef('multiprocessing', at);
  if (mp && mp.edits.length === 0) return { callee: `${mp.expr}.set_start_method`, edits: [], newImport: false };
  // `import torch.multiprocessing as mp` re-exports the stdlib's set_start_method: the file's own
  // name for it, not a second import (what pytorch/examples' own scripts call).
  const torch = torchMultiprocessing(ctx, at);
  if (torch) return { callee: `${torch}.set_start_method`, edits: [], newImport: false };
  return mp ? { callee: `${mp.expr}.set_start_method`, edits: mp.edits, newImport: mp.edits.length > 0 } : null;
}

/** A module-level name bound once, by `import torch.multiprocessing as name`, and visible at `at`. */
function torchMultiprocessing(ctx: FileContext, at: SyntaxNode): string | null {
  for (const [name, targets] of ctx.importIndex.names) {
    if (targets.length !== 1 || targets[0] !== 'torch.multiprocessing') continue;
    const found = ctx.names.lookup(name, at);
    if (found?.scope === ctx.names.module && found.bindings.length === 1 && found.bindings[0].target === 'torch.multiprocessing') return name;
  }
  return null;
}

/** Reports every existing call; true when one already sets the method (nothing to insert). */
function reviewExisting(ctx: FileContext, guard: SyntaxNode | null, entry: boolean): { present: boolean; fixes: Fix[] } {
  const fixes: Fix[] = [];
  let present = false;
  const method = ctx.options.method;
  const q = ctx.style.quote;
  const calls = callsIn(ctx.root, ctx, 'set_start_method');
  for (const call of calls) {
    present = true;
    const within = (n: SyntaxNode) => call.startIndex > n.startIndex && call.endIndex <= n.endIndex;
    const inGuard = guard !== null && (within(guard) || calledOnceFromGuard(ctx, guard).some(within));
    const first = methodArgument(call);
    const force = keyword(call, 'force');
    if (!entry || !inGuard) {
      ctx.report(call, 'MP302', 'set_start_method outside an entry point\'s __main__ guard', `it raises "context has already been set" when called twice or after anything fixed the default; use ctx = multiprocessing.get_context(${q}${method}${q}) where processes are made`);
    } else if (force && force.childForFieldName('value')?.text === 'True' && calls.length > 1) {
      // Alone in the guard, force=True only overrides a default that imported code fixed: the file's own choice, accepted.
      ctx.report(call, 'MP302', 'set_start_method(..., force=True) hides a second call', 'call it once, first thing in the __main__ guard, without force=True');
    }
    if (first && mayBeFork(first)) {
      ctx.report(call, 'MP301', 'fork start method kept on some paths', `fork is unsafe once the parent has threads; use ${q}${method}${q} everywhere`);
    }
    if (isForkLiteral(first)) {
      fixes.push({
        message: `set_start_method(${first.text}) → set_start_method(${q}${method}${q})`,
        safety: 'unsafe',
        edits: [{ start: first.startIndex, end: first.endIndex, text: `${q}${method}${q}` }],
        diagnostic: { code: 'MP301', message: 'explicit fork start method kept', hint: `fork is unsafe once the parent has threads; use ${q}${method}${q}`, start: call.startIndex },
      });
    }
  }
  return { present, fixes };
}

/**
 * The unsafe alternative to MP311 when every early call makes a module-level object that only
 * the parent's code reads: the objects move into the guard (or the function it calls), after
 * set_start_method. Null when that is not so.
 */
function hoistedSetter(early: SyntaxNode[], ctx: FileContext, guard: SyntaxNode): Fix | null {
  const shared: SharedGlobal[] = [];
  for (const call of early) {
    const stmt = topLevelOf(ctx.root, call);
    const name = stmt?.type === 'expression_statement' ? stmt.firstNamedChild?.childForFieldName('left') : null;
    const found = name?.type === 'identifier' ? sharedGlobal(name.text, ctx) : null;
    if (!found || found.call.id !== call.id) return null;
    shared.push(found);
  }
  const hoist = planParentHoist(shared, ctx);
  const setter = hoist ? insertInGuard(ctx, guard) : null;
  if (!hoist || !setter) return null;
  const edits = [...setter.edits];
  for (const e of hoist.edits) {
    // Made where set_start_method goes: after it, as one insertion.
    const same = e.start === e.end ? edits.find((x) => x.start === e.start && x.end === e.start) : undefined;
    if (same) same.text += e.text;
    else edits.push(e);
  }
  // In the guard, the objects must come after the call; elsewhere (main()) they do.
  const inGuard = hoist.where === 'the __main__ guard';
  if (inGuard && !hoist.edits.some((e) => e.start === e.end && setter.edits.some((x) => x.start === e.start && x.end === x.start))) return null;
  const names = shared.map((s) => s.name).join(', ');
  return { message: `moved ${names} into ${hoist.where}; ${setter.message}`, safety: 'unsafe', edits };
}

const GUARD_IMPORTS = new Set(['import_statement', 'import_from_statement']);

function insertInGuard(ctx: FileContext, guard: SyntaxNode): Fix | null {
  const { quote: q, newline: nl } = ctx.style;
  const body = guard.childForFieldName('consequence')!;
  const statements = body.namedChildren.filter(isCode);
  const ref = setterRef(ctx, body);
  if (!ref) {
    ctx.report(guard, 'MP308', `cannot add set_start_method: ${ctx.names.whyTaken('multiprocessing', body)}`, 'add the call by hand');
    return null;
  }
  const freezeRef = ctx.imports.moduleRef('multiprocessing', body);
  const hasFreeze = statements[0] !== undefined && callsIn(statements[0], ctx, 'freeze_support').length > 0;
  const lines: string[] = [];
  const edits = [...ref.edits];
  if (ctx.options.freezeSupport && !hasFreeze && freezeRef) {
    lines.push(`${freezeRef.expr}.freeze_support()`);
    edits.push(...freezeRef.edits);
  }
  lines.push(`${ref.callee}(${q}${ctx.options.method}${q})`);
  // After the guard's own imports: the call may need one of them (`import multiprocessing as mp`).
  let first = hasFreeze ? 1 : 0;
  while (statements[first] && GUARD_IMPORTS.has(statements[first].type)) first++;
  const anchor = statements[first];
  if (bodyOnHeaderLine(ctx.source, guard, body)) {
    // `if __name__ == "__main__": main()` (or `: \` + newline + `main()`): the body moves to lines of its own.
    const indent = leadingWhitespace(ctx.source, guard.startIndex) + ctx.style.indent;
    const colon = guard.children.find((c) => c.type === ':')!;
    edits.push({ start: colon.endIndex, end: body.startIndex, text: `${nl}${lines.map((l) => indent + l).join(nl)}${nl}${indent}` });
  } else if (anchor) {
    const indent = leadingWhitespace(ctx.source, anchor.startIndex);
    // Above the comment lines that lead the statement: they stay with it.
    const at = commentsAbove(ctx.source, lineStartOf(ctx.source, anchor.startIndex));
    edits.push({ start: at, end: at, text: lines.map((l) => indent + l + nl).join('') });
  } else {
    const indent = leadingWhitespace(ctx.source, statements[statements.length - 1].startIndex);
    const at = endOfLine(ctx.source, body.endIndex);
    const sep = /[\r\n]$/.test(ctx.source.slice(0, at)) ? '' : nl;
    edits.push({ start: at, end: at, text: sep + lines.map((l) => indent + l + nl).join('') });
  }
  return { message: `${lines.join('; ')} first in the __main__ guard`, edits };
}

/** `__main__.py` without a guard: its module code never re-runs in spawned children, so the call goes after the imports. */
function insertInPackageMain(ctx: FileContext): Fix | null {
  const q = ctx.style.quote;
  const ref = setterRef(ctx, ctx.root);
  if (!ref) return null;
  const call = `${ref.callee}(${q}${ctx.options.method}${q})`;
  const after = ctx.imports.insertAfterImports(call);
  if (!ref.newImport) return { message: 'set_start_method after the imports of __main__.py', edits: [...ref.edits, after] };
  const added = ctx.imports.insertImport('import multiprocessing');
  // When the new import line and the call land at the same place, they are one insertion.
  const edits = added.start === after.start ? [ctx.imports.insertAfterImports(`import multiprocessing${ctx.style.newline}${call}`)] : [added, after];
  return { message: 'set_start_method after the imports of __main__.py', edits };
}

/** Functions the guard calls that nothing else mentions: code in them runs once, like the guard's. */
function calledOnceFromGuard(ctx: FileContext, guard: SyntaxNode): SyntaxNode[] {
  const calls = guard.descendantsOfType('call');
  const callees = calls.map((c) => c.childForFieldName('function')).filter((f) => f?.type === 'identifier').map((f) => f!.text);
  const mentions = new Map<string, number>();
  for (const id of identifiersNamed(ctx.root, ctx.source, callees)) mentions.set(id.text, (mentions.get(id.text) ?? 0) + 1);
  const out: SyntaxNode[] = [];
  for (const call of calls) {
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'identifier' || mentions.get(fn.text) !== 2) continue;
    const found = ctx.names.lookup(fn.text, fn);
    const def = found?.scope === ctx.names.module && found.bindings.length === 1 ? found.bindings[0].node : null;
    if (def?.type === 'function_definition') out.push(def);
  }
  return out;
}

/** Whether the file may use process code of other files of the run: its guard imports some, or it may call some (ProcessStarts counts those calls as starts). */
const reachesProcessCode = (facts: FileFacts) => facts.importsProcessCode === true || (facts.processCalls?.length ?? 0) > 0;

function fix(ctx: FileContext): Fix[] | null {
  const guards = mainGuards(ctx.root, ctx.source);
  const guard = guards[0] ?? null;
  const packageMain = /(^|[\\/])__main__\.py$/.test(ctx.path);
  const entry = guard !== null || packageMain;
  const relevant = ctx.options.allEntryPoints || ((startsWithDefault(ctx) || ctx.facts.importsProcessCode === true) && !runsTests(guard));
  const { present, fixes } = reviewExisting(ctx, guard, entry);
  if (!entry || !relevant || present) return fixes;
  // A keep-fork pragma keeps fork for some code of the file: a spawn default would override it.
  if (keepForkComments(ctx.source, ctx.root).length > 0) return fixes;
  if (ctx.facts.importsForkModule) {
    ctx.report(guard ?? ctx.root, 'MP316', 'this entry point imports a module of the run that keeps its own start method (MP312, MP314, MP317 or MP319 there); set_start_method here would change it for that module too', 'fix what holds that module back, then run again; its own calls here get explicit contexts meanwhile');
    return fixes;
  }
  // A DataLoader whose dataset the tool cannot show pickles stays on the default (MP317): a spawn
  // default would pickle that dataset for every worker as surely as a context of its own.
  const doubtful = doubtfulLoaders(ctx);
  if (doubtful.length > 0) {
    for (const { call, why } of doubtful) ctx.report(call, 'MP317', loaderDoubtMessage(why), `make sure the dataset pickles (no open files, lambdas or closures), then run again or call set_start_method("${ctx.options.method}") first in the __main__ guard by hand`);
    return fixes;
  }
  // A DataLoader whose dataset caches its items in the parent stays on the default (MP319): a
  // spawn default would copy the cache into every worker. Its other calls get explicit contexts.
  const caching = cachingLoaders(ctx);
  if (caching.length > 0) {
    for (const { call, cache } of caching) ctx.report(call, 'MP319', cacheMessage(cache), `keep the cache out of the dataset's pickled state (load in each worker, a file the workers read, shared memory), then run again or call set_start_method("${ctx.options.method}") first in the __main__ guard by hand`);
    return fixes;
  }
  // Its functions also run under the defaults of the entry points that import them: under
  // `auto` its calls get explicit contexts, which hold wherever they run. Not in a package: there
  // its functions are an API others may call from unguarded scripts, which an explicit context
  // would make re-run in the children (the library rule); its guard sets the method instead.
  if (ctx.facts.importedForProcesses && !ctx.facts.inPackage && (ctx.options.strategy ?? 'auto') === 'auto') return fixes;
  const early = fixesDefaultEarly(ctx, guard);
  if (early.length > 0) {
    const message = 'this call fixes the default start method at import time, so set_start_method would raise';
    const made = qualifiedCall(early[0], ctx, DEFAULT_FIXERS);
    const hint = made ? 'make it in the __main__ guard, or from an explicit context (get_context("spawn"))' : 'pass an explicit method (get_context("spawn"), get_start_method(allow_none=True))';
    const hoisted = guard && ctx.plan.mechanisms.has('global') && ctx.options.strategy !== 'local' ? hoistedSetter(early, ctx, guard) : null;
    if (hoisted) return [...fixes, { ...hoisted, diagnostic: { code: 'MP311', message, hint, start: early[0].startIndex } }];
    ctx.report(early[0], 'MP311', message, hint);
    return fixes;
  }
  const inserted = guard ? insertInGuard(ctx, guard) : insertInPackageMain(ctx);
  return inserted ? [...fixes, inserted] : fixes;
}

const transform: Transform = {
  id: 'set-start-method',
  // The guard guard-main makes, and the module-level calls it moves into it, decide where the call goes.
  reads: ['diagnostics', 'guard-main'],
  notebooks: false,
  crossFile: true,
  description: 'Entry points set the start method once, first thing in the __main__ guard.',
  safety: 'safe',
  mechanism: 'global',
  safetyNote:
    'Only entry points get the call, and only when nothing in the file sets or fixes the method already; third-party code that uses the default context then starts children with the target method too. Its unsafe fixes: "fork" rewritten; module-level objects that only the parent reads (a Lock, a Queue...) moved into the guard after the call, so they are made later and a module importing them finds them gone.',
  // An entry point that uses process code itself, imports some (a fact from the runner), or any with --all-entry-points.
  words: ['set_start_method', '__main__', 'multiprocess', 'ProcessPoolExecutor', 'concurrent', 'DataLoader'],
  prefilter: (text, { path, facts, options, mentions }) =>
    mentions(text, 'set_start_method') ||
    ((mentions(text, '__main__') || /(^|[\\/])__main__\.py$/.test(path)) &&
      (options.allEntryPoints || reachesProcessCode(facts) || mentions(text, 'multiprocess', 'ProcessPoolExecutor', 'concurrent', 'DataLoader'))),
  query: '(module) @module',
  fix: (_match, ctx) => fix(ctx),
};

export default transform;
