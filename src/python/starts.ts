import type { SyntaxNode } from '../syntax/types';
import { importedNames, type ImportIndex, type Names } from './names';
import { callsNaming, nextCodeChar, isDefinedName, topLevelOf } from '../syntax/find';

/** Factories whose call starts a process (or a pool or server of them), by qualified name. */
const STARTERS = new Set([
  'multiprocessing.Process', 'multiprocessing.Pool', 'multiprocessing.Manager',
  'multiprocessing.pool.Pool', 'multiprocessing.managers.SyncManager', 'multiprocessing.managers.BaseManager',
  'multiprocessing.managers.SharedMemoryManager', 'multiprocessing.context.SpawnProcess',
  'multiprocessing.context.ForkProcess', 'multiprocessing.context.ForkServerProcess',
  'concurrent.futures.ProcessPoolExecutor', 'concurrent.futures.process.ProcessPoolExecutor',
  'torch.multiprocessing.spawn', 'torch.multiprocessing.start_processes',
]);
const CONTEXT_STARTERS = new Set(['Process', 'Pool', 'Manager']);
/** torch's DataLoader starts its workers when iterated; made with workers, it is process code. */
/** torch's DataLoader, by the names it is imported under. */
export const DATALOADERS = new Set(['torch.utils.data.DataLoader', 'torch.utils.data.dataloader.DataLoader']);

/** A DataLoader call that may get worker processes: num_workers (keyword or sixth argument) other than 0. */
function loadsWithWorkers(call: SyntaxNode): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a) => a.type !== 'comment') ?? [];
  const keyword = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'num_workers');
  const workers = keyword?.childForFieldName('value') ?? args.filter((a) => a.type !== 'keyword_argument')[5];
  if (!workers) return args.some((a) => a.type === 'dictionary_splat');
  return !(workers.type === 'integer' && Number(workers.text.replace(/_/g, '')) === 0);
}
/** Keywords through which a start gets its own context, so the default does not matter to it. */
export const CONTEXT_KEYWORDS = new Set(['mp_context', 'context', 'ctx', 'multiprocessing_context']);
/** torch's spawn helpers choose their own method (start_method="spawn"). */
export const OWN_METHOD = /^torch\.multiprocessing\.(spawn|start_processes)$/;
const SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);
const NONE: ReadonlySet<string> = new Set();
const escapeDots = (m: string) => m.replace(/\./g, '\\.');
const STARTER_MODULES = /^(multiprocessing|concurrent|torch)(\.|$)/;

const canonical = (q: string) => (q.startsWith('torch.multiprocessing.') && !q.endsWith('.spawn') && !q.endsWith('.start_processes') ? q.slice('torch.'.length) : q);

/**
 * Finds code that starts processes: starter factories in every import style, calls on a
 * context (`mp.get_context("spawn").Pool()`, `ctx.Process()`), and calls of this module's
 * functions and Process subclasses that do so, transitively.
 */
export class ProcessStarts {
  private readonly functions = new Map<string, boolean | 'pending'>();
  /** Per class (start offset), its methods that start processes. */
  private readonly classes = new Map<number, Set<string>>();
  /** Calls that may start processes, in document order (outer first); null: any call may. */
  private candidates: Candidate[] | null | undefined;

  constructor(
    private readonly names: Names,
    private readonly text: string,
    private readonly imports: ImportIndex,
    /** Functions of other modules of the run that start processes, by qualified name (`helpers.run_pool`). */
    private readonly external: ReadonlySet<string> = NONE,
  ) {}

  /**
   * A start call names a starter through an import, calls `.Process`/`.Pool`/`.Manager` on a
   * context, or calls a module-level function or class: the text says where those names are.
   */
  private candidateCalls(): Candidate[] | null {
    if (this.candidates !== undefined) return this.candidates;
    if (this.imports.stars.some((m) => STARTER_MODULES.test(m))) return (this.candidates = null);
    const words = new Set([...importedNames(this.imports, STARTER_MODULES), ...CONTEXT_STARTERS]);
    if (this.external.size > 0) {
      const modules = new Set([...this.external].map((q) => q.slice(0, q.lastIndexOf('.'))));
      for (const name of importedNames(this.imports, new RegExp(`^(${[...modules].map(escapeDots).join('|')})(\\.|$)`))) words.add(name);
      // `r = Runner()` at module level, then `r.go()`: r names an instance of another module's class.
      for (const [name, bindings] of this.names.module.bindings) {
        if (bindings.length === 1 && bindings[0].type === 'identifier' && this.instanceOf(bindings[0].node) !== null) words.add(name);
      }
    }
    for (const [name, bindings] of this.names.module.bindings) {
      if (bindings.length === 1 && (bindings[0].type === 'function_definition' || bindings[0].type === 'class_definition')) words.add(name);
      // `a = A()` at module level, then `a.go()`: a names an instance of this module's class A.
      else if (bindings.some((b) => b.type === 'identifier' && this.localClassMade(b.node) !== null)) words.add(name);
    }
    const calls = callsNaming(this.names.module.node, this.text, words, calleeLike);
    // Offsets are read once: each read is a call into the binding.
    const found = calls.map((call) => ({ call, start: call.startIndex, end: call.endIndex }));
    return (this.candidates = found.sort((a, b) => a.start - b.start || b.end - a.end));
  }

  /** Every call that may start processes, wherever it is; all calls when any may. */
  possibleStarts(): SyntaxNode[] {
    return this.candidateCalls()?.map((c) => c.call) ?? this.names.module.node.descendantsOfType('call');
  }

  /** The top-level statements that hold a call that may start processes, in order; null when any may. */
  statementsWithCandidates(): SyntaxNode[] | null {
    const candidates = this.candidateCalls();
    if (candidates === null) return null;
    const root = this.names.module.node;
    const found = new Map<number, SyntaxNode>();
    for (const { call } of candidates) {
      const top = topLevelOf(root, call);
      if (top) found.set(top.id, top);
    }
    return [...found.values()].sort((a, b) => a.startIndex - b.startIndex);
  }

  /** The first call under `node` that starts processes when `node` runs (nested def/class/lambda bodies excluded). */
  firstStart(node: SyntaxNode): SyntaxNode | null {
    const candidates = this.candidateCalls();
    if (candidates === null) return this.firstStartByWalk(node);
    const start = node.startIndex;
    const end = node.endIndex;
    let lo = 0;
    let hi = candidates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < candidates.length && candidates[i].start < end; i++) {
      const candidate = candidates[i];
      if (candidate.end > end) continue;
      const { call } = candidate;
      if (call.id !== node.id && inNestedScope(candidate, node, start, end)) continue;
      if (this.isStart(call)) return call;
    }
    return null;
  }

  private firstStartByWalk(node: SyntaxNode): SyntaxNode | null {
    const stack = [node];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n !== node && SCOPES.has(n.type)) continue;
      if (n.type === 'call' && this.isStart(n)) return n;
      for (let i = n.namedChildCount - 1; i >= 0; i--) stack.push(n.namedChild(i)!);
    }
    return null;
  }

  /**
   * Whether a start under `node` (nested scopes too) is other than torch's spawn/start_processes,
   * which choose their own method: a default set by set_start_method reaches it. (Calls on an
   * explicit context count: the cross-file scan has always counted them as process code.)
   */
  startsBesidesTorchHelpers(node: SyntaxNode): boolean {
    for (const call of this.possibleStarts()) {
      if (call.startIndex < node.startIndex || call.endIndex > node.endIndex || !this.isStart(call)) continue;
      const fn = call.childForFieldName('function')!;
      const q = this.names.qualifiedName(fn);
      if (q && OWN_METHOD.test(q)) continue;
      // A call of the module's own function: the caller judges that function by name (module-starts.ts).
      if (!q && fn.type === 'identifier' && this.moduleFunction(fn)) continue;
      return true;
    }
    return false;
  }

  private moduleFunction(ref: SyntaxNode): boolean {
    const found = this.names.lookup(ref.text, ref);
    return found?.scope === this.names.module && found.bindings.length === 1 && found.bindings[0].node.type === 'function_definition';
  }

  isStart(call: SyntaxNode): boolean {
    const fn = call.childForFieldName('function');
    if (!fn) return false;
    const q = this.names.qualifiedName(fn);
    if (q && STARTERS.has(canonical(q))) return true;
    if (q && DATALOADERS.has(q)) return loadsWithWorkers(call);
    if (q && this.external.has(q)) return true;
    if (q && this.external.size > 0 && this.externalMethodCalled(call, q)) return true;
    if (fn.type === 'attribute' && CONTEXT_STARTERS.has(fn.childForFieldName('attribute')?.text ?? '')) {
      if (this.isContext(fn.childForFieldName('object')!)) return true;
    }
    if (fn.type === 'attribute' && this.external.size > 0) {
      const object = fn.childForFieldName('object')!;
      const found = object.type === 'identifier' ? this.names.lookup(object.text, object) : null;
      const made = found && found.scope === this.names.module && found.bindings.length === 1 ? this.instanceOf(found.bindings[0].node) : null;
      if (made !== null && this.external.has(`${made}.${fn.childForFieldName('attribute')!.text}`)) return true;
    }
    if (fn.type === 'attribute' && this.localInstanceMethodStarts(fn)) return true;
    if (fn.type === 'identifier') return this.localStarts(fn);
    return false;
  }

  /**
   * `a.go`, where the module-level name a is made from this module's class A (`a = A(...)`) and
   * A's method go starts processes. A name bound more than once counts when any binding is such
   * an instance: the call may start processes, so it is process code (moved, or MP310).
   */
  private localInstanceMethodStarts(fn: SyntaxNode): boolean {
    const method = fn.childForFieldName('attribute')!.text;
    return this.localClassesOf(fn).some((cls) => this.startingMethods(cls).has(method));
  }

  /** `a.go`, where the module-level name a is (in some binding) an instance of a class of this file. */
  callsOwnInstance(fn: SyntaxNode): boolean {
    return fn.type === 'attribute' && this.localClassesOf(fn).length > 0;
  }

  /** The classes of this module that the object of `a.go` is made from, over every module-level binding of a. */
  private localClassesOf(fn: SyntaxNode): SyntaxNode[] {
    const object = fn.childForFieldName('object')!;
    if (object.type !== 'identifier') return [];
    const found = this.names.lookup(object.text, object);
    if (!found || found.scope !== this.names.module) return [];
    const out: SyntaxNode[] = [];
    for (const b of found.bindings) {
      const cls = b.type === 'identifier' ? this.localClassMade(b.node) : null;
      if (cls) out.push(cls);
    }
    return out;
  }

  /** The module's class a name is assigned an instance of (`a = A(...)`, A bound once to a class), else null. */
  private localClassMade(name: SyntaxNode): SyntaxNode | null {
    const assignment = name.parent;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.id !== name.id) return null;
    const value = assignment.childForFieldName('right');
    const callee = value?.type === 'call' ? value.childForFieldName('function') : null;
    if (callee?.type !== 'identifier') return null;
    const found = this.names.lookup(callee.text, callee);
    if (!found || found.scope !== this.names.module || found.bindings.length !== 1) return null;
    const def = found.bindings[0].node;
    return def.type === 'class_definition' ? def : null;
  }

  /** The module-level functions that start processes when called (what importers of the module need to know). */
  startingFunctions(): string[] {
    const out: string[] = [];
    for (const [name, bindings] of this.names.module.bindings) {
      const def = bindings.length === 1 ? bindings[0].node : null;
      const id = def?.type === 'function_definition' ? def.childForFieldName('name') : null;
      if (id && this.localStarts(id)) out.push(name);
    }
    return out;
  }

  /**
   * The module-level classes whose use starts processes, for importers: `Runner` when making one
   * does (a Process subclass, an `__init__` that starts them), else `Runner.go` for each method
   * that does, itself or through the methods it calls on `self`.
   */
  startingClassMembers(): string[] {
    const out: string[] = [];
    for (const [name, bindings] of this.names.module.bindings) {
      const def = bindings.length === 1 ? bindings[0].node : null;
      if (def?.type !== 'class_definition') continue;
      if (this.isProcessClass(def)) {
        out.push(name);
        continue;
      }
      const starting = this.startingMethods(def);
      if (starting.has('__init__') || starting.has('__new__')) out.push(name);
      else for (const m of starting) out.push(`${name}.${m}`);
    }
    return out;
  }

  /** The methods of a class that start processes, themselves or through the methods they call on `self` (memoised). */
  private startingMethods(cls: SyntaxNode): ReadonlySet<string> {
    const known = this.classes.get(cls.startIndex);
    if (known) return known;
    const starting = new Set<string>();
    // A method that reaches its own class through a module-level instance finds nothing yet.
    this.classes.set(cls.startIndex, starting);
    const methods = new Map<string, SyntaxNode>();
    for (let m of cls.childForFieldName('body')?.namedChildren ?? []) {
      if (m.type === 'decorated_definition') m = m.childForFieldName('definition') ?? m;
      if (m.type === 'function_definition') methods.set(m.childForFieldName('name')!.text, m);
    }
    for (const [n, m] of methods) if (this.defStarts(m)) starting.add(n);
    if (starting.size === 0) return starting;
    const onSelf = new Map([...methods].map(([n, m]) => [n, selfCalls(m)] as const));
    for (let changed = true; changed; ) {
      changed = false;
      for (const [n, called] of onSelf) {
        if (starting.has(n) || ![...called].some((c) => starting.has(c))) continue;
        starting.add(n);
        changed = true;
      }
    }
    return starting;
  }

  /** Whether a def's body starts processes when it runs (memoised; recursion counts as "no" until proven). */
  private defStarts(def: SyntaxNode): boolean {
    const key = `${def.startIndex}`;
    const known = this.functions.get(key);
    if (known !== undefined) return known === true;
    this.functions.set(key, 'pending');
    const body = def.childForFieldName('body');
    const result = body !== null && this.firstStart(body) !== null;
    this.functions.set(key, result);
    return result;
  }

  /** `Runner().go()`, where `Runner` is `q`, a class of another module of the run whose method `go` starts processes. */
  private externalMethodCalled(call: SyntaxNode, q: string): boolean {
    const attribute = call.parent;
    if (attribute?.type !== 'attribute' || attribute.childForFieldName('object')?.id !== call.id || attribute.parent?.type !== 'call') return false;
    return this.external.has(`${q}.${attribute.childForFieldName('attribute')!.text}`);
  }

  /**
   * The class (qualified name) a module-level name was made from, `r = Runner(...)`, when that is
   * a class of another module of the run with methods that start processes; else null.
   */
  private instanceOf(name: SyntaxNode): string | null {
    const assignment = name.parent;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.id !== name.id) return null;
    const value = assignment.childForFieldName('right');
    const callee = value?.type === 'call' ? value.childForFieldName('function') : null;
    const q = callee ? this.names.qualifiedName(callee) : null;
    if (q === null) return null;
    for (const e of this.external) if (e.startsWith(`${q}.`) && e.indexOf('.', q.length + 1) === -1) return q;
    return null;
  }

  /** `mp.get_context(...)`, or a module-level name assigned from one. */
  isContext(expr: SyntaxNode): boolean {
    if (expr.type === 'call') {
      const q = this.names.qualifiedName(expr.childForFieldName('function')!);
      return q !== null && canonical(q) === 'multiprocessing.get_context';
    }
    if (expr.type !== 'identifier') return false;
    const found = this.names.lookup(expr.text, expr);
    if (!found || found.scope !== this.names.module || found.bindings.length !== 1) return false;
    const assignment = found.bindings[0].node.parent;
    const value = assignment?.type === 'assignment' ? assignment.childForFieldName('right') : null;
    return value !== null && value !== undefined && value.type === 'call' && this.isContext(value);
  }

  /** A call of a function or Process subclass defined at module level that starts processes. */
  private localStarts(ref: SyntaxNode): boolean {
    const found = this.names.lookup(ref.text, ref);
    if (!found || found.scope !== this.names.module || found.bindings.length !== 1) return false;
    const def = found.bindings[0].node;
    if (def.type === 'class_definition') return this.isProcessClass(def) || this.methodCallStarts(ref, def);
    return def.type === 'function_definition' && this.defStarts(def);
  }

  /** `A().run()`, where the method `run` of the module's class `A` starts processes (itself or through `self`). */
  private methodCallStarts(ref: SyntaxNode, cls: SyntaxNode): boolean {
    const made = ref.parent;
    const attribute = made?.type === 'call' ? made.parent : null;
    if (attribute?.type !== 'attribute' || attribute.parent?.type !== 'call') return false;
    const name = attribute.childForFieldName('attribute')?.text;
    return name !== undefined && this.startingMethods(cls).has(name);
  }

  /** A class whose bases make it a multiprocessing Process (directly, through a context, or a Process class of the file). */
  isProcessClass(cls: SyntaxNode): boolean {
    const bases = cls.childForFieldName('superclasses');
    if (!bases) return false;
    return bases.namedChildren.some((b) => {
      const q = this.names.qualifiedName(b);
      if (q && /(^|\.)multiprocessing\.(Process|context\.\w+Process)$/.test(q)) return true;
      if (b.type === 'attribute' && b.childForFieldName('attribute')?.text === 'Process') return this.isContext(b.childForFieldName('object')!);
      return b.type === 'identifier' && this.localStarts(b);
    });
  }
}

/** Methods a method calls on its first parameter (`self.go(`), read off its text. */
function selfCalls(method: SyntaxNode): Set<string> {
  const first = method.childForFieldName('parameters')?.namedChildren.find((p) => p.type === 'identifier');
  if (!first) return new Set();
  const body = method.childForFieldName('body')?.text ?? '';
  return new Set([...body.matchAll(new RegExp(`\\b${first.text}\\s*\\.\\s*(\\w+)\\s*\\(`, 'g'))].map((m) => m[1]));
}

interface Candidate {
  call: SyntaxNode;
  start: number;
  end: number;
  /** The innermost def, class or lambda around the call (null: none), found on first use. */
  scope?: { id: number; start: number; end: number } | null;
}

/** Whether a def, class or lambda below `top` (which spans start-end) holds the candidate's call. */
function inNestedScope(candidate: Candidate, top: SyntaxNode, start: number, end: number): boolean {
  if (candidate.scope === undefined) {
    candidate.scope = null;
    for (let p = candidate.call.parent; p; p = p.parent) {
      if (SCOPES.has(p.type)) {
        candidate.scope = { id: p.id, start: p.startIndex, end: p.endIndex };
        break;
      }
    }
  }
  const s = candidate.scope;
  return s !== null && s.id !== top.id && s.start >= start && s.end <= end;
}

/** A callee name is followed by its call's `(` or by a `.`, and is not the name a def defines. */
function calleeLike(text: string, start: number, end: number): boolean {
  const next = nextCodeChar(text, end);
  return (next === '(' || next === '.') && !isDefinedName(text, start);
}

const FORK_LITERAL = /^[rRuU]?(['"])fork\1$/;

/** An expression that can evaluate to "fork" without being the literal: `"spawn" if win else "fork"`. */
export function mayBeFork(expr: SyntaxNode): boolean {
  if (expr.type === 'parenthesized_expression') return expr.namedChildren.some((c) => c.type !== 'comment' && (FORK_LITERAL.test(c.text) || mayBeFork(c)));
  if (expr.type !== 'conditional_expression' && expr.type !== 'boolean_operator') return false;
  return expr.namedChildren.some((c) => c.type !== 'comment' && (FORK_LITERAL.test(c.text) || mayBeFork(c)));
}

const PROBED_ERRORS = /^\(?\s*(ValueError|Exception|BaseException)\b|^\(.*\b(ValueError|Exception)\b/s;

/**
 * The call sits in the body of a `try` whose handlers catch what an unavailable start method
 * raises (ValueError, or everything): the code probes for fork and has a fallback.
 */
export function probesAvailability(call: SyntaxNode): boolean {
  for (let child = call, p = call.parent; p; child = p, p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'class_definition' || p.type === 'lambda') return false;
    if (p.type !== 'try_statement' || p.childForFieldName('body')?.id !== child.id) continue;
    return p.namedChildren.some((h) => {
      if (h.type !== 'except_clause') return false;
      const caught = h.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment');
      return !caught || PROBED_ERRORS.test(caught.text);
    });
  }
  return false;
}

/** Names a direct start call ends with; resolving only those calls keeps this cheap. */
const STARTER_ALTERNATIVES = 'Process|Pool|Manager|SyncManager|BaseManager|SharedMemoryManager|ProcessPoolExecutor|spawn|start_processes';
const STARTER_NAMES = new RegExp(`(^|\\.)(${STARTER_ALTERNATIVES})$`);
/** Text without any of those names cannot start processes: no need to parse it. */
export const STARTER_WORDS = new RegExp(`\\b(${STARTER_ALTERNATIVES})\\b`);

/**
 * Whether a module's code starts processes anywhere (in a function or at module level): the
 * verdict the scan needs of a module an entry point imports. `starts` is made on demand, from
 * the tree of `text`, so that a caller that already has them pays for nothing else.
 */
export function startsProcessesIn(text: string, starts: () => ProcessStarts): boolean {
  if (!STARTER_WORDS.test(text)) return false;
  const s = starts();
  return s.possibleStarts().some((c) => STARTER_NAMES.test(c.childForFieldName('function')?.text ?? '') && s.isStart(c));
}
