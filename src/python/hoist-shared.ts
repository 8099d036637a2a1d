import type { SyntaxNode } from '../syntax/types';
import type { Edit, FileContext } from '../api/types';
import { identifiersNamed } from '../syntax/find';
import { IMPORTS, isWrite, mainGuards } from './toplevel';
import { appendItem, commentsAbove, endOfLine, isDocstring } from './imports';
import { leadingWhitespace, lineStartOf } from './style';
import { wrapLine, DEFAULT_LINE_LENGTH } from './layout';

/**
 * Module-level synchronisation objects (`ready = multiprocessing.Event()`) moved into the code
 * only the parent runs: the __main__ guard, or the one function it calls. Under spawn every child
 * imports the module again and would make an object of its own; moved, the parent's object
 * reaches the children through `args=` (a Process target gets a first parameter) or a pool's
 * `initializer`/`initargs` (which sets the module global in each worker). The same move, with
 * no workers, stops an import-time call from fixing the default start method before the guard.
 */

/** Factories whose objects spawn children must be handed, not re-create. */
export const SHARED_FACTORY = /^(torch\.)?multiprocessing\.(Queue|JoinableQueue|SimpleQueue|Lock|RLock|Semaphore|BoundedSemaphore|Condition|Event|Barrier|Value|Array|Manager)$/;
/** Pools whose workers can be given an initializer. */
const POOLS = /^((torch\.)?multiprocessing(\.pool)?\.Pool|concurrent\.futures(\.process)?\.ProcessPoolExecutor)$/;
const PROCESS = /^(torch\.)?multiprocessing(\.process)?\.Process$/;

const isCode = (n: SyntaxNode) => n.type !== 'comment';
const isInside = (node: SyntaxNode, outer: SyntaxNode) => node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;
const SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);

/** What a Manager makes: proxies that reach its server process. */
const PROXIES = new Set(['dict', 'list', 'Namespace', 'Queue', 'JoinableQueue', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier', 'Value', 'Array', 'Pool']);

/** `name = factory(...)` alone on its lines at module level, the name's only binding. */
export interface SharedGlobal {
  name: string;
  stmt: SyntaxNode;
  call: SyntaxNode;
  /** For a proxy (`d = manager.dict()`): the module-level manager that makes it. */
  manager?: SharedGlobal;
}

/** A call that makes a shared object: a factory of SHARED_FACTORY, or a proxy of a module-level Manager. */
export function makesShared(call: SyntaxNode, ctx: FileContext): boolean {
  const fn = call.childForFieldName('function')!;
  const q = ctx.names.qualifiedName(fn);
  if (q) return SHARED_FACTORY.test(q);
  return managerOf(call, ctx) !== null;
}

function managerOf(call: SyntaxNode, ctx: FileContext): SharedGlobal | null {
  const fn = call.childForFieldName('function')!;
  const object = fn.type === 'attribute' ? fn.childForFieldName('object') : null;
  if (object?.type !== 'identifier' || !PROXIES.has(fn.childForFieldName('attribute')!.text)) return null;
  const found = ctx.names.lookup(object.text, object);
  if (found?.scope !== ctx.names.module) return null;
  const manager = sharedGlobal(object.text, ctx, false);
  return manager && /\.Manager$/.test(ctx.names.qualifiedName(manager.call.childForFieldName('function')!) ?? '') ? manager : null;
}

export function sharedGlobal(name: string, ctx: FileContext, proxies = true): SharedGlobal | null {
  const bindings = ctx.names.module.bindings.get(name) ?? [];
  if (bindings.length !== 1) return null;
  const id = bindings[0].node;
  const assign = id.parent;
  const stmt = assign?.parent;
  if (assign?.type !== 'assignment' || assign.childForFieldName('left')?.id !== id.id || stmt?.type !== 'expression_statement' || stmt.parent?.type !== 'module') return null;
  const call = assign.childForFieldName('right');
  if (call?.type !== 'call' || assign.childForFieldName('type')) return null;
  const q = ctx.names.qualifiedName(call.childForFieldName('function')!);
  const manager = q === null && proxies ? managerOf(call, ctx) : null;
  if (!manager && (!q || !SHARED_FACTORY.test(q))) return null;
  // Its lines move: alone on them, and no string spans lines (its content would be re-indented).
  const start = lineStartOf(ctx.source, stmt.startIndex);
  if (ctx.source.slice(start, stmt.startIndex).trim() !== '' || ctx.source.slice(stmt.endIndex, endOfLine(ctx.source, stmt.endIndex)).replace(/#.*/, '').trim() !== '') return null;
  if (stmt.descendantsOfType('string').some((s) => s.startPosition.row !== s.endPosition.row)) return null;
  return manager ? { name, stmt, call, manager } : { name, stmt, call };
}

/** A place code is handed to a child: a Process target, a pool method's function, or anything else. */
export interface Handover {
  call: SyntaxNode;
  /** The expression handed over. */
  worker: SyntaxNode;
  /** The module-level function it names, if any. */
  def: SyntaxNode | null;
  kind: 'process' | 'pool' | 'other';
  /** For a pool method: the call that made the pool. */
  pool?: SyntaxNode;
}

/** Where the moved objects are made: the guard's body, or the body of the one function it calls. */
interface Home {
  body: SyntaxNode;
  /** The top-level statement that holds it (the guard or the def). */
  top: SyntaxNode;
  label: string;
}

export interface Hoist {
  edits: Edit[];
  /** Per moved name, how its workers get it (for messages). */
  how: Map<string, string>;
  where: string;
}

/** The function (or lambda, class) right around `node`, or null at module level. */
function scopeOf(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (SCOPES.has(p.type)) return p;
  return null;
}

function keyword(call: SyntaxNode, name: string): SyntaxNode | null {
  const kw = call.childForFieldName('arguments')?.namedChildren.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  return kw ?? null;
}

function homeOf(node: SyntaxNode, ctx: FileContext, guard: SyntaxNode | null): Home | null {
  if (!guard) return null;
  const scope = scopeOf(node);
  if (scope === null) {
    const body = guard.childForFieldName('consequence')!;
    return isInside(node, body) && body.startPosition.row > guard.startPosition.row ? { body, top: guard, label: 'the __main__ guard' } : null;
  }
  // A module-level function that only the guard calls, once.
  if (scope.type !== 'function_definition' || scope.parent?.type !== 'module') return null;
  const name = scope.childForFieldName('name')!;
  const mentions = identifiersNamed(ctx.root, ctx.source, [name.text]).filter((id) => id.id !== name.id);
  if (mentions.length !== 1 || !isInside(mentions[0], guard)) return null;
  const call = mentions[0].parent;
  if (call?.type !== 'call' || call.childForFieldName('function')?.id !== mentions[0].id || !runsOnce(call, guard)) return null;
  if (scope.children.some((c) => c.type === 'async')) return null;
  return { body: scope.childForFieldName('body')!, top: scope, label: `${name.text}()` };
}

const REPEATS = new Set(['for_statement', 'while_statement', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression', 'lambda', 'function_definition', 'class_definition']);

/** `main()`, `sys.exit(main())`...: in the guard, in no loop, comprehension or function. */
function runsOnce(call: SyntaxNode, guard: SyntaxNode): boolean {
  for (let p = call.parent; p && p.id !== guard.id; p = p.parent) if (REPEATS.has(p.type)) return false;
  return true;
}

/**
 * What the statement reads means the same at the top of the home: names bound once at module
 * level before it (or builtins), not bound in the home function.
 */
function sameInputs(stmt: SyntaxNode, home: Home, ctx: FileContext): boolean {
  const assign = stmt.firstNamedChild!;
  const right = assign.childForFieldName('right')!;
  const anchor = home.body.namedChildren.find(isCode) ?? home.body;
  // The name itself must not be a parameter or local of the home function already.
  const bound = ctx.names.lookup(assign.childForFieldName('left')!.text, anchor);
  if (bound && bound.scope !== ctx.names.module) return false;
  for (const id of right.descendantsOfType('identifier')) {
    const p = id.parent;
    if (p?.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id) continue;
    if (p?.type === 'keyword_argument' && p.childForFieldName('name')?.id === id.id) continue;
    const bindings = ctx.names.module.bindings.get(id.text) ?? [];
    if (bindings.length > 1 || bindings.some((b) => b.node.startIndex > stmt.startIndex)) return false;
    const there = ctx.names.lookup(id.text, anchor);
    if (there && there.scope !== ctx.names.module) return false;
  }
  return true;
}

/** `x.name` or `f(name=...)`: the word, not a reference to the name. */
function isAttributeName(id: SyntaxNode): boolean {
  const p = id.parent;
  return (p?.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id) || (p?.type === 'keyword_argument' && p.childForFieldName('name')?.id === id.id);
}

/** Module-level references to `name` other than its binding. */
function references(name: string, shared: SharedGlobal, ctx: FileContext): SyntaxNode[] | null {
  const out: SyntaxNode[] = [];
  const bound = shared.stmt.firstNamedChild!.childForFieldName('left')!;
  for (const id of identifiersNamed(ctx.root, ctx.source, [name])) {
    if (id.id === bound.id) continue;
    const p = id.parent;
    if (p?.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id) continue;
    if (p?.type === 'keyword_argument' && p.childForFieldName('name')?.id === id.id) continue;
    const found = ctx.names.lookup(name, id);
    if (!found || found.scope !== ctx.names.module) continue;
    // A write or a `global` declaration elsewhere: the object is not the module's alone to move.
    if (isWrite(id) || p?.type === 'global_statement') return null;
    out.push(id);
  }
  return out;
}

const POSITIONAL_LIMIT = 1;

/** A pool constructor that can take `initializer=` and `initargs=`. */
function poolTakesInitializer(pool: SyntaxNode, ctx: FileContext): boolean {
  const q = ctx.names.qualifiedName(pool.childForFieldName('function')!);
  if (!q || !POOLS.test(q)) return false;
  const args = (pool.childForFieldName('arguments')?.namedChildren ?? []).filter(isCode);
  if (args.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return false;
  if (args.filter((a) => a.type !== 'keyword_argument').length > POSITIONAL_LIMIT) return false;
  return !keyword(pool, 'initializer') && !keyword(pool, 'initargs');
}

/** A Process call whose target is `worker` by name and whose args are spelled out. */
function processTakesArgs(call: SyntaxNode, ctx: FileContext): boolean {
  const q = ctx.names.qualifiedName(call.childForFieldName('function')!);
  if (!q || !PROCESS.test(q)) return false;
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter(isCode);
  if (args.some((a) => a.type !== 'keyword_argument')) return false;
  const given = keyword(call, 'args')?.childForFieldName('value');
  if (!given) return true;
  if (given.type !== 'tuple' && given.type !== 'list') return false;
  return !given.namedChildren.some((c) => c.type === 'list_splat');
}

/**
 * The edits that move every name of `names` (module-level shared objects read by workers)
 * into the parent's code, or, per name, why not. `handovers` must be every place the file hands
 * code to a child; a name read anywhere but in its workers and the parent's code is not moved.
 */
export function planHoist(names: string[], handovers: Handover[], ctx: FileContext): { hoist: Hoist | null; refused: Map<string, string> } {
  /** Why a name is not moved (the first reason found). */
  const refused = new Map<string, string>();
  const guard = mainGuards(ctx.root, ctx.source)[0] ?? null;
  const moved: { shared: SharedGlobal; viaPool: boolean }[] = [];
  const workerOf = (id: SyntaxNode) => handovers.find((h) => h.def && isInside(id, h.def.childForFieldName('body')!));
  let home: Home | null = null;
  const processWorkers = new Map<number, { def: SyntaxNode; names: string[] }>();
  const processCalls = new Map<number, SyntaxNode>();
  const pools = new Map<number, SyntaxNode>();
  for (const name of names) {
    const shared = sharedGlobal(name, ctx);
    const refs = shared ? references(name, shared, ctx) : null;
    // A manager itself does not pickle (its authkey); its proxies do.
    const isManager = shared !== null && /\.Manager$/.test(ctx.names.qualifiedName(shared.call.childForFieldName('function')!) ?? '');
    if (!shared || !refs || isManager) {
      refused.set(name, isManager ? 'a Manager itself does not pickle, only its proxies do' : 'it is not made alone on its lines at module level, or it is rebound or declared global elsewhere');
      continue;
    }
    let why = '';
    const no = (reason: string) => (why ||= reason);
    let own: Home | null = null;
    const workers = new Map<number, SyntaxNode>();
    const starts: SyntaxNode[] = [];
    const parentReads: SyntaxNode[] = [];
    for (const id of refs) {
      const h = workerOf(id);
      if (h) workers.set(h.def!.id, h.def!);
      else parentReads.push(id);
    }
    let viaPool: boolean | null = null;
    for (const def of workers.values()) {
      const uses = handovers.filter((h) => h.def?.id === def.id);
      const kinds = new Set(uses.map((h) => h.kind));
      const fnName = def.childForFieldName('name')!.text;
      if (def.parent?.type !== 'module' || def.children.some((c) => c.type === 'async')) no(`${fnName}() is decorated or async`);
      if (kinds.size !== 1 || kinds.has('other')) no(`${fnName}() is handed over otherwise than as a Process target or a pool's function`);
      const kind = uses[0]?.kind === 'pool';
      if (viaPool !== null && viaPool !== kind) no('both processes and pools read it');
      viaPool = kind;
      // Every mention of the worker is a hand-over the edits reach.
      const defName = def.childForFieldName('name')!;
      const mentions = identifiersNamed(ctx.root, ctx.source, [defName.text]).filter((id) => id.id !== defName.id && !isAttributeName(id));
      if (mentions.some((m) => !uses.some((h) => h.worker.id === m.id))) no(`${defName.text}() is also used elsewhere`);
      for (const h of uses) {
        if (h.kind === 'pool') {
          if (!h.pool || !poolTakesInitializer(h.pool, ctx)) no('its pool has an initializer already (or one cannot be added)');
          else starts.push(h.pool);
        } else if (!processTakesArgs(h.call, ctx) || h.worker.type !== 'identifier' || keyword(h.call, 'target')?.childForFieldName('value')?.id !== h.worker.id) no('a Process is given its target or args= otherwise than spelled out');
        else starts.push(h.call);
      }
    }
    for (const n of [...starts, ...parentReads]) {
      const at = homeOf(n, ctx, guard);
      if (!at || (own && own.top.id !== at.top.id)) no('its workers start, or it is used, outside the __main__ guard and the one function the guard calls once');
      else own = at;
    }
    // A proxy's manager moves with it, when nothing but this proxy and the parent's code there read it.
    const manager = shared.manager;
    if (manager && !why && own) {
      const managerRefs = references(manager.name, manager, ctx);
      if (!managerRefs || !managerRefs.every((id) => isInside(id, shared.stmt) || homeOf(id, ctx, guard)?.top.id === own!.top.id)) no(`code other than this proxy and the guard uses ${manager.name}`);
      if (!sameInputs(manager.stmt, own, ctx)) no(`${manager.name} would read other names there`);
    }
    if (own && !sameInputs(shared.stmt, own, ctx)) no(`making it in ${own.label} would read other names, or it is bound there already`);
    if (!own) no('no worker starts in the __main__ guard or the one function it calls');
    if (home && own && home.top.id !== own.top.id) no('other objects move elsewhere');
    if (why) {
      refused.set(name, why);
      continue;
    }
    home = own;
    moved.push({ shared, viaPool: viaPool === true });
    for (const def of workers.values()) {
      if (viaPool) continue;
      const entry = processWorkers.get(def.id) ?? { def, names: [] };
      entry.names.push(name);
      processWorkers.set(def.id, entry);
    }
    for (const s of starts) (viaPool ? pools : processCalls).set(s.id, s);
  }
  if (!home || moved.length === 0) return { hoist: null, refused };
  const byStart = (a: { shared: SharedGlobal }, b: { shared: SharedGlobal }) => a.shared.stmt.startIndex - b.shared.stmt.startIndex;
  moved.sort(byStart);
  const order = (list: string[]) => moved.map((m) => m.shared.name).filter((n) => list.includes(n));
  const statements = moved.flatMap((m) => (m.shared.manager ? [m.shared.manager.stmt, m.shared.stmt] : [m.shared.stmt])).sort((a, b) => a.startIndex - b.startIndex);
  const edits: Edit[] = [...removals(statements, ctx)];
  const inserted = insertion(home, statements, ctx);
  if (!inserted) {
    for (const m of moved) refused.set(m.shared.name, `${home.label} has no statement to put it before`);
    return { hoist: null, refused };
  }
  edits.push(inserted);
  const how = new Map<string, string>();
  // Process targets: the objects become their first parameters, first in args=.
  for (const { def, names: given } of processWorkers.values()) {
    const params = def.childForFieldName('parameters')!;
    const list = order(given);
    edits.push(prepend(params, list, ctx));
    for (const n of list) how.set(n, 'args=');
  }
  // Edits of the calls, by line: a line they make too long is wrapped as black would.
  const byLine = new Map<number, { call: SyntaxNode; edits: Edit[] }>();
  const onLine = (call: SyntaxNode, edit: Edit) => {
    const row = call.startPosition.row;
    const entry = byLine.get(row) ?? { call, edits: [] };
    entry.edits.push(edit);
    byLine.set(row, entry);
  };
  for (const call of processCalls.values()) {
    const worker = keyword(call, 'target')!.childForFieldName('value')!;
    const def = [...processWorkers.values()].find((w) => handovers.some((h) => h.call.id === call.id && h.def?.id === w.def.id));
    if (!def) continue;
    onLine(call, argsEdit(call, worker, order(def.names), ctx));
  }
  const pooled = moved.filter((m) => m.viaPool).map((m) => m.shared.name);
  const init = pooled.length > 0 ? freshName('_init_shared', ctx) : '';
  for (const pool of pools.values()) onLine(pool, initializerEdit(pool, init, pooled, ctx));
  for (const { call, edits: own } of byLine.values()) {
    const wrapped = wrapLine(ctx.source, ctx.style, call.childForFieldName('arguments')!, own, ctx.options.lineLength ?? DEFAULT_LINE_LENGTH);
    edits.push(...(disjoint([...edits, ...wrapped]) ? wrapped : own));
  }
  if (pooled.length > 0) {
    edits.push(initFunction(init, pooled, home.top, ctx));
    for (const n of pooled) how.set(n, 'the pool\'s initializer');
  }
  return { hoist: { edits, how, where: home.label }, refused };
}

/**
 * The edits that move module-level shared objects that no worker reads into the parent's code,
 * so that making them no longer fixes the default start method at import; null when a name is
 * read anywhere but there.
 */
export function planParentHoist(shared: SharedGlobal[], ctx: FileContext): { edits: Edit[]; where: string } | null {
  const guard = mainGuards(ctx.root, ctx.source)[0] ?? null;
  let home: Home | null = null;
  for (const s of shared) {
    const refs = references(s.name, s, ctx);
    if (!refs || refs.length === 0) return null;
    for (const id of refs) {
      const at = homeOf(id, ctx, guard);
      if (!at || (home && home.top.id !== at.top.id)) return null;
      home = at;
    }
  }
  if (!home) return null;
  const to = home;
  if (!shared.every((s) => sameInputs(s.stmt, to, ctx))) return null;
  const stmts = shared.map((s) => s.stmt).sort((a, b) => a.startIndex - b.startIndex);
  const inserted = insertion(home, stmts, ctx);
  return inserted ? { edits: [...removals(stmts, ctx), inserted], where: home.label } : null;
}

/** No two edits overlap or insert at one point. */
function disjoint(edits: Edit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.every((e, i) => i === 0 || e.start > sorted[i - 1].end || (e.start === sorted[i - 1].end && e.start !== e.end && sorted[i - 1].start !== sorted[i - 1].end));
}

/** Deletes the statements' lines; a block of them between blank lines takes the blank lines above it too. */
function removals(stmts: SyntaxNode[], ctx: FileContext): Edit[] {
  const src = ctx.source;
  const ranges = stmts.map((s) => linesOf(s, ctx)).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && last.end === r.start) last.end = r.end;
    else merged.push({ ...r });
  }
  return merged.map((r) => {
    let start = r.start;
    const blankAfter = /^[ \t]*\r?\n/.test(src.slice(r.end)) || r.end === src.length;
    if (blankAfter) {
      while (start > 0) {
        const above = lineStartOf(src, start - 1);
        if (src.slice(above, start).trim() !== '') break;
        start = above;
      }
    }
    return { start, end: r.end, text: '' };
  });
}

/** The statements, re-indented, first in the home's body (after its docstring and its own imports). */
function insertion(home: Home, stmts: SyntaxNode[], ctx: FileContext): Edit | null {
  const statements = home.body.namedChildren.filter(isCode);
  let first = 0;
  if (home.top.type === 'function_definition' && statements[0] && isDocstring(statements[0])) first++;
  // After freeze_support() and the imports, where set_start_method goes too: the objects come after it.
  if (statements[first] && /freeze_support\s*\(\s*\)$/.test(statements[first].text)) first++;
  while (statements[first] && IMPORTS.has(statements[first].type)) first++;
  const anchor = statements[first];
  if (!anchor) return null;
  const indent = leadingWhitespace(ctx.source, anchor.startIndex);
  const at = commentsAbove(ctx.source, lineStartOf(ctx.source, anchor.startIndex));
  const nl = ctx.style.newline;
  const text = stmts
    .map((s) => {
      const { start, end } = linesOf(s, ctx);
      const lines = ctx.source.slice(start, end).replace(/\r?\n$/, '').split(/\r?\n/);
      return lines.map((l) => (l.trim() === '' ? '' : indent + l) + nl).join('');
    })
    .join('');
  return { start: at, end: at, text };
}

/** A statement's lines, with the comment lines right above it (they describe it). */
function linesOf(stmt: SyntaxNode, ctx: FileContext): { start: number; end: number } {
  return { start: commentsAbove(ctx.source, lineStartOf(ctx.source, stmt.startIndex)), end: endOfLine(ctx.source, stmt.endIndex) };
}

/** `args=(x,)` with the moved names first. */
function argsEdit(call: SyntaxNode, target: SyntaxNode, names: string[], ctx: FileContext): Edit {
  const given = keyword(call, 'args')?.childForFieldName('value');
  const list = names.join(', ');
  if (!given) {
    const tuple = names.length === 1 ? `(${list},)` : `(${list})`;
    return { start: target.parent!.endIndex, end: target.parent!.endIndex, text: `, args=${tuple}` };
  }
  const items = given.namedChildren.filter(isCode);
  if (items.length === 0) {
    return { start: given.startIndex, end: given.endIndex, text: given.type === 'list' || names.length > 1 ? `${given.text[0]}${list}${given.text[given.text.length - 1]}` : `(${list},)` };
  }
  // `(i,)` on one line becomes `(q, i)`, not `(q, i,)`.
  if (given.type === 'tuple' && items.length === 1 && given.startPosition.row === given.endPosition.row && !ctx.source.slice(given.startIndex, given.endIndex).includes('#')) {
    return { start: given.startIndex, end: given.endIndex, text: `(${list}, ${items[0].text})` };
  }
  return prepend(given, names, ctx);
}

/** `names` first in a bracketed list that has items: on the first item's line, or a line of their own when the items start on a new line. */
function prepend(list: SyntaxNode, names: string[], ctx: FileContext): Edit {
  const first = list.namedChildren.find(isCode);
  if (first && first.startPosition.row > list.startPosition.row) {
    const indent = leadingWhitespace(ctx.source, first.startIndex);
    const at = lineStartOf(ctx.source, first.startIndex);
    return { start: at, end: at, text: names.map((n) => `${indent}${n},${ctx.style.newline}`).join('') };
  }
  const open = list.startIndex + 1;
  return { start: open, end: open, text: `${names.join(', ')}${first ? ', ' : ''}` };
}

function initializerEdit(pool: SyntaxNode, init: string, names: string[], ctx: FileContext): Edit {
  const argList = pool.childForFieldName('arguments')!;
  const items = argList.namedChildren.filter(isCode);
  const tuple = names.length === 1 ? `(${names[0]},)` : `(${names.join(', ')})`;
  const text = `initializer=${init}, initargs=${tuple}`;
  if (items.length === 0) return { start: argList.startIndex + 1, end: argList.endIndex - 1, text };
  const close = argList.children.find((c) => c.type === ')') ?? null;
  return appendItem(ctx.source, ctx.style, items[items.length - 1], close, text);
}

/** The function that sets the moved names as module globals in each pool worker, before `top`. */
function initFunction(init: string, names: string[], top: SyntaxNode, ctx: FileContext): Edit {
  const { newline: nl, indent } = ctx.style;
  const params = names.map((n) => `${n}_`);
  const text = [
    `def ${init}(${params.join(', ')}):`,
    // Two short lines: one would pass an 88-column limit once indented.
    `${indent}# Sets, in each pool worker, the objects the parent made`,
    `${indent}# (spawn children do not inherit them).`,
    `${indent}global ${names.join(', ')}`,
    `${indent}${names.join(', ')} = ${params.join(', ')}`,
    '',
    '',
    '',
  ].join(nl);
  const at = commentsAbove(ctx.source, lineStartOf(ctx.source, top.startIndex));
  return { start: at, end: at, text };
}

/** `base`, or `base_2`, `base_3`... : a name nothing in the module binds or reads. */
function freshName(base: string, ctx: FileContext): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}_${n}`;
    if (!ctx.names.module.bindings.has(name) && identifiersNamed(ctx.root, ctx.source, [name]).length === 0) return name;
  }
}
