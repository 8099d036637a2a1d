import type { SyntaxNode } from '../src/syntax/types';
import type { Edit, FileContext, Fix, Transform } from '../src/api/types';
import { callsNaming } from '../src/syntax/find';
import { commentsAbove, endOfLine } from '../src/python/imports';
import { leadingWhitespace, lineStartOf } from '../src/python/style';
import { wrapLine, DEFAULT_LINE_LENGTH } from '../src/python/layout';
import { boundValue } from '../src/python/pickled';

/**
 * Processes started with a lock, queue or manager proxy and never joined. Under fork the children
 * inherit those objects; under spawn each child rebuilds them from the parent's semaphores (or its
 * manager's server), which the parent's exit handlers unlink (or shut down) while children are still
 * starting: they die in `SemLock._rebuild` with FileNotFoundError. Joining them at the end of the
 * block that started them keeps the parent alive until they ran.
 */

const PROCESS = /^(torch\.)?multiprocessing\.(Process|context\.(Spawn|Fork|ForkServer)Process)$/;
const SYNC_NAMES = 'Queue|JoinableQueue|SimpleQueue|Lock|RLock|Semaphore|BoundedSemaphore|Event|Condition|Barrier|Value|Array';
const SYNC = new RegExp(`^(torch\\.)?multiprocessing\\.(${SYNC_NAMES})$`);
const CONTEXT_SYNC = new RegExp(`^(${SYNC_NAMES})$`);
const MANAGER = /^(torch\.)?multiprocessing\.(Manager|managers\.SyncManager)$/;
/** What a manager hands out: proxies that reach its server process. */
const PROXIES = new RegExp(`^(${SYNC_NAMES}|list|dict|Namespace)$`);
/** Methods by which the parent waits for what its children do: they have started by then. */
const WAITS = new Set(['get', 'get_nowait', 'recv', 'wait', 'wait_for', 'join']);
/** Methods on a process that show the code already ends it. */
const ENDS = new Set(['join', 'terminate', 'kill', 'close']);
const LOOPS = new Set(['for_statement', 'while_statement']);
const SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);
const EXITS = /^(sys\.exit|exit|quit|os\._exit)$/;
const FORK_LITERAL = /^[rRuU]?(['"])fork\1$/;
const HINT = 'join each started process at the end of the block that starts it (or make it a daemon if nothing needs it to finish)';

const isCode = (n: SyntaxNode) => n.type !== 'comment';
const inside = (n: SyntaxNode, outer: SyntaxNode) => n.startIndex >= outer.startIndex && n.endIndex <= outer.endIndex;

function keyword(call: SyntaxNode, name: string): SyntaxNode | null {
  const kw = call.childForFieldName('arguments')?.namedChildren.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  return kw?.childForFieldName('value') ?? null;
}

const positional = (call: SyntaxNode) => (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => isCode(a) && a.type !== 'keyword_argument');

/** Elements of a tuple/list literal, the values of a dict literal, or the value itself. */
function elements(n: SyntaxNode | null): SyntaxNode[] {
  if (!n) return [];
  if (['tuple', 'list', 'parenthesized_expression'].includes(n.type)) return n.namedChildren.filter(isCode);
  if (n.type === 'dictionary') return n.namedChildren.filter((p) => p.type === 'pair').map((p) => p.childForFieldName('value')!);
  return [n];
}

/** `get_context(...)` or a name bound to one; false for an explicit fork context (spawn does not reach it). */
function isSpawnableContext(expr: SyntaxNode, ctx: FileContext): boolean {
  if (!ctx.starts.isContext(expr)) return false;
  const call = expr.type === 'call' ? expr : boundValue(expr, ctx);
  const method = call?.type === 'call' ? positional(call)[0] : undefined;
  return !(method && FORK_LITERAL.test(method.text));
}

function isManager(expr: SyntaxNode, ctx: FileContext, depth = 0): boolean {
  if (expr.type === 'identifier' && depth < 3) {
    const value = boundValue(expr, ctx);
    return value !== null && isManager(value, ctx, depth + 1);
  }
  if (expr.type !== 'call') return false;
  const fn = expr.childForFieldName('function')!;
  if (MANAGER.test(ctx.names.qualifiedName(fn) ?? '')) return true;
  return fn.type === 'attribute' && fn.childForFieldName('attribute')!.text === 'Manager' && isSpawnableContext(fn.childForFieldName('object')!, ctx);
}

/** A lock, queue, shared value or manager proxy: what a spawned child rebuilds from the parent's resources. */
function isSync(expr: SyntaxNode, ctx: FileContext, depth = 0): boolean {
  if (expr.type === 'identifier' && depth < 3) {
    const value = boundValue(expr, ctx);
    return value !== null && isSync(value, ctx, depth + 1);
  }
  if (expr.type !== 'call') return false;
  const fn = expr.childForFieldName('function')!;
  const q = ctx.names.qualifiedName(fn);
  // A Value or Array made without a lock holds no semaphore.
  const unlocked = keyword(expr, 'lock')?.text === 'False';
  if (q !== null && SYNC.test(q)) return !unlocked;
  if (fn.type !== 'attribute') return false;
  const name = fn.childForFieldName('attribute')!.text;
  const object = fn.childForFieldName('object')!;
  if (CONTEXT_SYNC.test(name) && isSpawnableContext(object, ctx)) return !unlocked;
  return PROXIES.test(name) && isManager(object, ctx);
}

/** A Process made from multiprocessing (or a context that is not fork). */
function isProcess(call: SyntaxNode, ctx: FileContext): boolean {
  const fn = call.childForFieldName('function')!;
  if (PROCESS.test(ctx.names.qualifiedName(fn) ?? '')) return true;
  return fn.type === 'attribute' && fn.childForFieldName('attribute')!.text === 'Process' && isSpawnableContext(fn.childForFieldName('object')!, ctx);
}

/** The synchronisation objects a Process call hands to its child (args=, kwargs=, a partial's bound values). */
function syncArguments(call: SyntaxNode, ctx: FileContext): SyntaxNode[] {
  const given = [...elements(keyword(call, 'args')), ...elements(keyword(call, 'kwargs'))];
  const pos = positional(call);
  given.push(...elements(pos[3] ?? null), ...elements(pos[4] ?? null));
  const target = keyword(call, 'target') ?? pos[1];
  if (target?.type === 'call' && ctx.names.qualifiedName(target.childForFieldName('function')!) === 'functools.partial') {
    given.push(...(target.childForFieldName('arguments')?.namedChildren ?? []).slice(1).map((a) => (a.type === 'keyword_argument' ? a.childForFieldName('value')! : a)));
  }
  return given.filter((a) => isSync(a, ctx));
}

/** daemon= anything but False: the process is not expected to finish (or may not be). */
const daemonic = (call: SyntaxNode) => {
  const d = keyword(call, 'daemon');
  return d !== null && d.text !== 'False';
};

/** `x.join()`, `x.join(5)`, `x.join(timeout=...)` on something that is not a string: a process (or thread) join. */
function joinsSomething(ctx: FileContext): boolean {
  return callsNaming(ctx.root, ctx.source, ['join']).some((call) => {
    const fn = call.childForFieldName('function')!;
    if (fn.type !== 'attribute' || fn.childForFieldName('attribute')!.text !== 'join') return false;
    if (['string', 'concatenated_string'].includes(fn.childForFieldName('object')!.type)) return false;
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter(isCode);
    return args.length === 0 || (args.length === 1 && (['integer', 'float'].includes(args[0].type) || args[0].type === 'keyword_argument'));
  });
}

/** The function body, or the module, whose code runs the start. */
function scopeOf(node: SyntaxNode): SyntaxNode {
  for (let p = node.parent; p; p = p.parent) if (SCOPES.has(p.type) || p.type === 'module') return p;
  return node;
}

/** The parent waits on one of `objects` after `after` in `scope`: its children have started by then. */
function waitsOn(objects: SyntaxNode[], after: SyntaxNode, scope: SyntaxNode, ctx: FileContext): boolean {
  const names = new Set(objects.filter((o) => o.type === 'identifier').map((o) => o.text));
  if (names.size === 0) return false;
  return callsNaming(scope, ctx.source, WAITS).some((call) => {
    const fn = call.childForFieldName('function')!;
    if (call.startIndex < after.endIndex || fn.type !== 'attribute' || !WAITS.has(fn.childForFieldName('attribute')!.text)) return false;
    const object = fn.childForFieldName('object')!;
    return object.type === 'identifier' && names.has(object.text);
  });
}

/** Where the joins go: the block that holds the start, or the one around the outermost loop that does. */
interface Owner {
  block: SyntaxNode;
  /** The statement of `block` that holds the start. */
  anchor: SyntaxNode;
  looped: boolean;
  /** Why there is no safe place (a while loop, a one-line block). */
  refused?: string;
}

function ownerOf(stmt: SyntaxNode): Owner {
  let anchor = stmt;
  let loop: SyntaxNode | null = null;
  let refused: string | undefined;
  for (let child = stmt, p = stmt.parent; p; child = p, p = p.parent) {
    if (SCOPES.has(p.type) || p.type === 'module') break;
    if (LOOPS.has(p.type) && p.childForFieldName('body')?.id === child.id) {
      loop = p;
      if (p.type === 'while_statement') refused = 'it is started in a while loop';
    }
  }
  if (loop) anchor = loop;
  const block = anchor.parent!;
  if (block.type !== 'block' && block.type !== 'module') refused = 'it is not in a block';
  const first = block.namedChildren.find(isCode);
  if (block.type === 'block' && first && block.parent && first.startPosition.row === block.parent.startPosition.row) refused = 'its block is on one line';
  return { block, anchor, looped: loop !== null, refused };
}

/** The statement starts its line and nothing but a comment follows it there. */
function ownLine(stmt: SyntaxNode, text: string): boolean {
  const start = lineStartOf(text, stmt.startIndex);
  if (start + leadingWhitespace(text, stmt.startIndex).length !== stmt.startIndex) return false;
  const rest = text.slice(stmt.endIndex, endOfLine(text, stmt.endIndex)).trim();
  return rest === '' || rest.startsWith('#');
}

/** A name free where `at` is (and at module level), from `choices`, and not taken by another fix in that scope (`used`). */
function freeName(choices: string[], at: SyntaxNode, ctx: FileContext, used: Set<string>): string | null {
  const name = choices.find((n) => !ctx.names.isTaken(n, at) && !used.has(n)) ?? null;
  if (name) used.add(name);
  return name;
}

interface Start {
  stmt: SyntaxNode;
  /** The Process call. */
  process: SyntaxNode;
  /** The name it is bound to (`p = Process(...)`, or the loop variable over `list`), or null for `Process(...).start()`. */
  name: string | null;
  /** `procs = [Process(...) for ...]`, started by `for p in procs: p.start()`: the list to join them from. */
  list?: string;
  objects: SyntaxNode[];
  owner: Owner;
}

/** `for p in procs:` where `procs = [Process(...) for ...]`: the list's name and the Process call. */
function listOfProcesses(id: SyntaxNode, ctx: FileContext): { list: string; process: SyntaxNode } | null {
  const found = ctx.names.lookup(id.text, id);
  const loop = found?.bindings.length === 1 ? found.bindings[0].node.parent : null;
  if (loop?.type !== 'for_statement' || loop.childForFieldName('left')?.id !== found!.bindings[0].node.id) return null;
  const iterable = loop.childForFieldName('right');
  const made = iterable?.type === 'identifier' ? boundValue(iterable, ctx) : null;
  const process = made?.type === 'list_comprehension' ? made.childForFieldName('body') : null;
  return process?.type === 'call' && isProcess(process, ctx) ? { list: iterable!.text, process } : null;
}

/** Every `.start()` statement of a Process given sync objects that nothing joins; report-only ones are reported here. */
function unjoinedStarts(ctx: FileContext): Start[] {
  const out: Start[] = [];
  let joins: boolean | undefined;
  for (const call of callsNaming(ctx.root, ctx.source, ['start'])) {
    const fn = call.childForFieldName('function')!;
    const stmt = call.parent;
    if (fn.type !== 'attribute' || fn.childForFieldName('attribute')!.text !== 'start') continue;
    if ((call.childForFieldName('arguments')?.namedChildren ?? []).some(isCode)) continue;
    const object = fn.childForFieldName('object')!;
    if (stmt?.type !== 'expression_statement') {
      // `[Process(...).start() for ...]`: nothing can join them; no plain place to keep them either.
      if (object.type === 'call' && isProcess(object, ctx) && !daemonic(object) && syncArguments(object, ctx).length > 0 && !/\bactive_children\b/.test(ctx.source)) {
        ctx.report(call, 'MP205', `a process given ${syncArguments(object, ctx).map((o) => o.text).join(', ')} is started here and never joined: under spawn the parent can exit and remove them before the child rebuilds them`, `${HINT}; not fixed: the start is not a statement of its own`);
      }
      continue;
    }
    let process: SyntaxNode | null = null;
    let name: string | null = null;
    let list: string | undefined;
    let refused: string | undefined;
    const scope = scopeOf(stmt);
    const listed = object.type === 'identifier' ? listOfProcesses(object, ctx) : null;
    if (object.type === 'call') process = object;
    else if (listed) {
      // Whatever joins anything may join these (the list may be handed on): only a file that joins nothing counts.
      if ((joins ??= joinsSomething(ctx)) || /\bdaemon\b/.test(stmt.parent?.text ?? '')) continue;
      ({ process, list } = listed);
      name = object.text;
    } else if (object.type === 'identifier') {
      const found = ctx.names.lookup(object.text, object);
      const made = found?.bindings.map((b) => (b.node.parent?.type === 'assignment' && b.node.parent.childForFieldName('left')?.id === b.node.id ? b.node.parent.childForFieldName('right') : null));
      if (!found || !made || made.length === 0 || made.some((m) => m?.type !== 'call' || !isProcess(m, ctx))) continue;
      process = made[0]!;
      name = object.text;
      if (made.length > 1) refused = `${name} is bound to more than one process`;
      // Ended by the code already (joined, terminated, made a daemon), or handed on (then joined elsewhere, if anywhere).
      let ended = false;
      let escapes = false;
      for (const id of found.scope.node.descendantsOfType('identifier')) {
        if (id.text !== name || found.bindings.some((b) => b.node.id === id.id) || ctx.names.lookup(name, id)?.scope !== found.scope) continue;
        const p = id.parent;
        if (p?.type !== 'attribute' || p.childForFieldName('object')?.id !== id.id) escapes = true;
        else if (ENDS.has(p.childForFieldName('attribute')!.text)) ended ||= p.parent?.type === 'call';
        else if (p.childForFieldName('attribute')!.text === 'daemon' && p.parent?.type === 'assignment' && p.parent.childForFieldName('left')?.id === p.id) ended ||= p.parent.childForFieldName('right')?.text !== 'False';
      }
      if (ended) continue;
      if (escapes) {
        if ((joins ??= joinsSomething(ctx))) continue;
        refused = `${name} is handed on`;
      }
    }
    if (!process || !isProcess(process, ctx) || daemonic(process)) continue;
    const objects = syncArguments(process, ctx);
    if (objects.length === 0 || waitsOn(objects, stmt, scope, ctx)) continue;
    const owner = ownerOf(stmt);
    refused ??= owner.refused;
    // The joins land away from the start, where its pragma would not keep them out.
    if (/#\s*mp-codemod:\s*ignore/.test(ctx.source.slice(lineStartOf(ctx.source, stmt.startIndex), endOfLine(ctx.source, stmt.endIndex)))) refused ??= 'a pragma on its line';
    if (!refused && (!name || (owner.looped && !list)) && !ownLine(stmt, ctx.source)) refused = 'it shares its line with other code';
    const start = { stmt, process, name, list, objects, owner };
    if (refused) ctx.report(stmt, 'MP205', message([start]), `${HINT}; not fixed: ${refused}`);
    else out.push(start);
  }
  return out;
}

function message(starts: Start[]): string {
  const objects = [...new Set(starts.flatMap((s) => s.objects.map((o) => o.text)))].join(', ');
  if (starts.length === 1) return `a process given ${objects} is started here and never joined: under spawn the parent can exit and remove them before the child rebuilds them`;
  return `${starts.length} processes given ${objects} are started from here and never joined: under spawn the parent can exit and remove them before the children rebuild them`;
}

/** The last statement of a block, when the flow leaves there (return, raise, sys.exit): the joins go before it. */
function exitStatement(block: SyntaxNode, ctx: FileContext): { stmt: SyntaxNode; callsBefore: boolean } | null {
  const last = block.namedChildren.filter(isCode).pop();
  if (!last) return null;
  if (['return_statement', 'raise_statement', 'continue_statement', 'break_statement'].includes(last.type)) {
    return { stmt: last, callsBefore: last.descendantsOfType('call').length > 0 };
  }
  const call = last.type === 'expression_statement' ? last.namedChildren[0] : null;
  if (call?.type === 'call') {
    const fn = call.childForFieldName('function')!;
    if (EXITS.test(ctx.names.qualifiedName(fn) ?? fn.text)) return { stmt: last, callsBefore: call.childForFieldName('arguments')!.descendantsOfType('call').length > 0 };
  }
  return null;
}

/** Where a line goes after `node`'s last line, and the line break it needs first (a file without a final one). */
function afterLine(text: string, node: SyntaxNode, nl: string): { at: number; prefix: string } {
  const at = endOfLine(text, node.endIndex);
  return { at, prefix: at === text.length && !/[\r\n]$/.test(text) ? nl : '' };
}

/** Edits that insert text at one point are merged, in the order they are added. */
function insert(edits: Edit[], at: number, text: string): void {
  const same = edits.find((e) => e.start === at && e.end === at);
  if (same) same.text += text;
  else edits.push({ start: at, end: at, text });
}

/** One fix for the starts of one block: a list for those without a name (or in a loop), and the joins at its end. */
function joinFix(starts: Start[], ctx: FileContext, used: Set<string>): Fix | null {
  const { block, anchor } = starts[0].owner;
  const text = ctx.source;
  const nl = ctx.style.newline;
  const indent = leadingWhitespace(text, anchor.startIndex);
  const diagnostic = { code: 'MP205' as const, message: message(starts), hint: HINT, start: starts[0].stmt.startIndex };
  const refuse = (why: string) => {
    ctx.report(diagnostic.start, 'MP205', diagnostic.message, `${HINT}; not fixed: ${why}`);
    return null;
  };
  const exit = exitStatement(block, ctx);
  if (exit?.callsBefore) return refuse('the block ends by returning or exiting with a call that may wait for them');
  if (exit && starts.some((s) => inside(s.stmt, exit.stmt))) return refuse('it is started where the block ends');
  const listed = starts.filter((s) => !s.list && (!s.name || s.owner.looped));
  const named = [...new Set(starts.filter((s) => s.name && !s.list && !s.owner.looped).map((s) => s.name!))];
  const lists = [...new Map(starts.filter((s) => s.list).map((s) => [s.list!, s.name!])).entries()];
  const list = listed.length > 0 ? freeName(['processes', 'started_processes', '_processes'], anchor, ctx, used) : '';
  const each = listed.length > 0 ? freeName(['process', 'proc', '_process'], anchor, ctx, used) : '';
  if (list === null || each === null) return refuse('the names it would use are taken');
  const edits: Edit[] = [];
  if (listed.length > 0) {
    const first = listed.map((s) => s.owner.anchor).sort((a, b) => a.startIndex - b.startIndex)[0];
    insert(edits, commentsAbove(text, lineStartOf(text, first.startIndex)), `${leadingWhitespace(text, first.startIndex)}${list} = []${nl}`);
  }
  for (const s of listed) {
    const own = leadingWhitespace(text, s.stmt.startIndex);
    if (s.name) {
      const after = afterLine(text, s.stmt, nl);
      insert(edits, after.at, `${after.prefix}${own}${list}.append(${s.name})${nl}`);
    } else {
      // `process = Process(...)`, started and kept: one name more on the line, wrapped when that makes it too long.
      const made = [
        { start: s.process.startIndex, end: s.process.startIndex, text: `${each} = ` },
        { start: s.process.endIndex, end: s.stmt.endIndex, text: `${nl}${own}${each}.start()${nl}${own}${list}.append(${each})` },
      ];
      const args = s.process.childForFieldName('arguments');
      for (const e of args ? wrapLine(text, ctx.style, args, made, ctx.options.lineLength ?? DEFAULT_LINE_LENGTH) : made) {
        if (e.start === e.end) insert(edits, e.start, e.text);
        else edits.push(e);
      }
    }
  }
  const loop = (list: string, each: string) => `${indent}for ${each} in ${list}:${nl}${indent}${ctx.style.indent}${each}.join()${nl}`;
  const joins = [...named.map((n) => `${indent}${n}.join()${nl}`), ...lists.map(([l, each]) => loop(l, each)), ...(listed.length > 0 ? [loop(list, each)] : [])].join('');
  if (exit) insert(edits, lineStartOf(text, exit.stmt.startIndex), joins);
  else {
    const after = afterLine(text, block.namedChildren.filter(isCode).pop()!, nl);
    insert(edits, after.at, `${after.prefix}${joins}`);
  }
  const count = starts.length === 1 ? 'the process' : `${starts.length} processes`;
  return { message: `joined ${count} given ${[...new Set(starts.flatMap((s) => s.objects.map((o) => o.text)))].join(', ')} at the end of the block that starts ${starts.length === 1 ? 'it' : 'them'}`, safety: 'unsafe', edits, diagnostic, mechanism: null };
}

function findUnjoined(ctx: FileContext): Fix[] {
  // The file collects its children itself.
  if (/\bactive_children\b/.test(ctx.source)) return [];
  const byBlock = new Map<number, Start[]>();
  for (const s of unjoinedStarts(ctx)) {
    const list = byBlock.get(s.owner.block.id) ?? [];
    list.push(s);
    byBlock.set(s.owner.block.id, list);
  }
  const fixes: Fix[] = [];
  const usedIn = new Map<number, Set<string>>();
  for (const starts of byBlock.values()) {
    // Two blocks of one function (its body and an `if` in it) must not share a list.
    const scope = scopeOf(starts[0].owner.anchor).id;
    if (!usedIn.has(scope)) usedIn.set(scope, new Set());
    const fix = joinFix(starts, ctx, usedIn.get(scope)!);
    if (fix) fixes.push(fix);
  }
  return fixes;
}

const transform: Transform = {
  id: 'join-processes',
  // diagnostics' unsafe fixes (objects hoisted, lambdas wrapped) may change what it joins.
  reads: ['diagnostics'],
  description: 'Report processes started with a lock, queue or manager proxy and never joined (MP205); with --unsafe-fixes, join them at the end of the block that starts them.',
  safety: 'unsafe',
  safetyNote:
    'Reports only, unless --unsafe-fixes: joining makes the parent wait for those processes where it used to go on (or exit) while they ran; a process that never ends would keep the parent waiting.',
  // A notebook's kernel outlives the processes it starts: the parent does not exit under them.
  words: ['multiprocess'],
  prefilter: (text, file) => !file.facts.notebook && file.mentions(text, 'multiprocess') && /\bstart\b/.test(text),
  query: '(module) @module',
  fix: (_match, ctx) => findUnjoined(ctx),
};

export default transform;
