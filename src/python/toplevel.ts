import type { SyntaxNode } from '../syntax/types';
import type { FileContext } from '../api/types';
import { endOfLine, isDocstring } from './imports';
import { lineStartOf } from './style';
import { identifiersNamed, topLevelOf } from '../syntax/find';

/**
 * The top-level statements of a module, classified for guard-main: what must stay at
 * module level (the children re-import it) and what only the parent's run needs.
 */
export interface Statement {
  node: SyntaxNode;
  kind: 'keep' | 'move' | 'guard';
  /** Why a statement that is not a definition stays (for messages). */
  keptFor?: string;
  /** Module globals this statement binds, reads, writes (function bodies included). */
  binds: Set<string>;
  reads: Set<string>;
  writes: Set<string>;
  /** Names read here before this statement first writes them (reads of the value from before). */
  readsFirst: Set<string>;
  /** The first call that starts processes while the module is imported, if any. */
  start: SyntaxNode | null;
  /** The statement with the comment lines directly above it, whole lines. */
  chunkStart: number;
  chunkEnd: number;
}

export interface ModuleShape {
  statements: Statement[];
  guard: SyntaxNode | null;
  /** Where the trailing run of moved statements (and blank lines) begins. */
  tailStart: number;
  problem?: { node: SyntaxNode; reason: string };
}

const DEFINITIONS = new Set(['function_definition', 'class_definition', 'decorated_definition']);
/** Statement types that only import. */
export const IMPORTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);
const CONTAINERS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression', 'list_splat_pattern', 'as_pattern_target', 'expression_list']);
const TARGET_PARENTS = new Set(['assignment', 'augmented_assignment', 'for_statement', 'for_in_clause']);
const LITERALS = new Set(['integer', 'float', 'true', 'false', 'none', 'ellipsis', 'concatenated_string']);
/** Set-up calls the children need as much as the parent (they ran before the fork, too). */
const SETUP_CALLS = /^(sys\.path\.\w+|sys\.setrecursionlimit|os\.environ\.\w+|os\.putenv|logging\.basicConfig|logging\.config\.\w+|warnings\.(filterwarnings|simplefilter)|site\.addsitedir)$/;

export function isMainGuard(node: SyntaxNode): boolean {
  if (node.type !== 'if_statement') return false;
  const cond = node.childForFieldName('condition');
  if (!cond || cond.type !== 'comparison_operator' || !cond.children.some(isEquals)) return false;
  const operands = cond.namedChildren;
  const sides = operands.map(unquoted);
  return sides.length === 2 && sides.includes('__name__') && sides.includes('__main__') && operands.some(isIdentifier);
}

// Module-level helpers, not arrows made per call: see memory.ts.
const isEquals = (n: SyntaxNode) => n.type === '==';
const isIdentifier = (n: SyntaxNode) => n.type === 'identifier';
const unquoted = (n: SyntaxNode) => n.text.replace(/^['"]|['"]$/g, '');

/** The module's __main__ guards in order, found from where the text mentions __name__ or __main__. */
export function mainGuards(root: SyntaxNode, text: string): SyntaxNode[] {
  const found = new Map<number, SyntaxNode>();
  const re = /__(?:name|main)__/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = root.descendantForIndex(m.index, m.index + m[0].length);
    const node = at && topLevelOf(root, at);
    if (node && !found.has(node.id) && isMainGuard(node)) found.set(node.id, node);
  }
  return [...found.values()].sort((a, b) => a.startIndex - b.startIndex);
}

function isConstant(node: SyntaxNode): boolean {
  if (LITERALS.has(node.type)) return true;
  if (node.type === 'string') return !node.namedChildren.some((c) => c.type === 'interpolation');
  if (node.type === 'unary_operator') return isConstant(node.namedChildren[node.namedChildCount - 1]);
  if (['tuple', 'list', 'set', 'parenthesized_expression', 'expression_list'].includes(node.type)) return node.namedChildren.every(isConstant);
  if (node.type === 'dictionary') return node.namedChildren.every((p) => p.type === 'pair' && p.namedChildren.every(isConstant));
  return false;
}

export function isWrite(id: SyntaxNode): boolean {
  let child = id;
  let p = id.parent;
  while (p && CONTAINERS.has(p.type)) {
    child = p;
    p = p.parent;
  }
  if (!p) return false;
  if (TARGET_PARENTS.has(p.type)) return p.childForFieldName('left')?.id === child.id;
  if (p.type === 'named_expression') return p.childForFieldName('name')?.id === child.id;
  if (p.type === 'as_pattern') return p.childForFieldName('alias')?.id === child.id;
  return p.type === 'delete_statement';
}

/** Calls that compute a path or read the environment and do nothing else. */
const PATH_CALLS = /^(os\.path\.(join|dirname|abspath|basename|realpath|expanduser|expandvars|normpath)|os\.getenv|os\.environ\.get|pathlib\.(Pure)?Path)$/;

/**
 * A module-level setting computed from paths (`OUT_PATH = os.path.dirname(os.path.abspath(__file__))`,
 * `DATA = os.path.join(ROOT, "data")`): path calls over constants, `__file__`, and settings
 * bound before (`settings`, each bound once). Running it again in a spawned child is harmless, and
 * it stays with the file's other settings instead of becoming a local of main() (coqui TTS recipes).
 */
function isPathSetting(node: SyntaxNode, ctx: FileContext, settings: ReadonlySet<string>): boolean {
  if (isConstant(node)) return true;
  if (node.type === 'identifier') return node.text === '__file__' || settings.has(node.text);
  if (node.type === 'parenthesized_expression') return node.namedChildCount === 1 && isPathSetting(node.namedChildren[0], ctx, settings);
  if (node.type === 'binary_operator') return ['+', '/'].includes(node.childForFieldName('operator')?.text ?? '') && isPathSetting(node.childForFieldName('left')!, ctx, settings) && isPathSetting(node.childForFieldName('right')!, ctx, settings);
  if (node.type === 'attribute') return /^(parent|name|stem)$/.test(node.childForFieldName('attribute')!.text) && isPathSetting(node.childForFieldName('object')!, ctx, settings);
  if (node.type !== 'call') return false;
  const q = ctx.names.qualifiedName(node.childForFieldName('function')!);
  if (!q || !PATH_CALLS.test(q)) return false;
  const args = node.childForFieldName('arguments');
  return args?.type === 'argument_list' && args.namedChildren.every((a) => a.type === 'comment' || (a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat' && isPathSetting(a, ctx, settings)));
}

function initialKind(stmt: SyntaxNode, index: number, ctx: FileContext, settings: Set<string>): 'keep' | 'move' | 'guard' {
  if (isMainGuard(stmt)) return 'guard';
  if (DEFINITIONS.has(stmt.type) || IMPORTS.has(stmt.type) || stmt.type === 'pass_statement') return 'keep';
  if (index === 0 && isDocstring(stmt)) return 'keep';
  if (stmt.type === 'if_statement' && /TYPE_CHECKING/.test(stmt.childForFieldName('condition')?.text ?? '')) return 'keep';
  if (definesAnything(stmt)) return 'keep';
  if (stmt.type === 'expression_statement') {
    const inner = stmt.namedChild(0)!;
    if (inner.type === 'string') return 'keep';
    if (inner.type === 'call') {
      const q = ctx.names.qualifiedName(inner.childForFieldName('function')!);
      if (q && SETUP_CALLS.test(q)) return 'keep';
    }
    if (inner.type === 'assignment' || inner.type === 'augmented_assignment') {
      const left = inner.childForFieldName('left')!;
      const right = inner.childForFieldName('right');
      if (left.type === 'identifier' && /^__\w+__$/.test(left.text)) return 'keep';
      if (left.type === 'subscript' && /^os\.environ$/.test(left.childForFieldName('value')?.text ?? '')) return 'keep';
      if (inner.type === 'assignment' && (!right || isConstant(right))) return 'keep';
      if (inner.type === 'assignment' && right && left.type === 'identifier' && ctx.names.module.bindings.get(left.text)?.length === 1 && isPathSetting(right, ctx, settings)) {
        settings.add(left.text);
        return 'keep';
      }
    }
  }
  return 'move';
}

const COMPOUND = new Set(['if_statement', 'try_statement', 'with_statement', 'for_statement', 'while_statement', 'match_statement']);

/** A compound statement that defines functions or classes or imports modules (platform switches, import fallbacks): the children need those. */
function definesAnything(stmt: SyntaxNode): boolean {
  if (!COMPOUND.has(stmt.type)) return false;
  return stmt
    .descendantsOfType(['function_definition', 'class_definition', 'import_statement', 'import_from_statement'])
    .some((d) => !enclosedByScope(d, stmt));
}

/** The index of the statement in `top` that holds start..end, by binary search on offsets (walking parents is slow); -1 for none. */
function topIndex(starts: number[], ends: number[], start: number, end: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (start < starts[mid]) hi = mid - 1;
    else if (start >= ends[mid] && !(start === starts[mid] && end === ends[mid])) lo = mid + 1;
    else return mid;
  }
  return -1;
}

// Loops below, not callbacks made per file: see memory.ts.
/** `renamed`: start offsets of identifiers a fix renames to a fresh name: they bind and read nothing here. */
export function moduleStatements(ctx: FileContext, renamed: ReadonlySet<number> = new Set()): ModuleShape {
  const { root, source, names } = ctx;
  const children = root.namedChildren;
  const statements: Statement[] = [];
  const settings = new Set<string>();
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < children.length; k++) {
    const node = children[k];
    if (node.type === 'comment') continue;
    // The comment lines directly above a statement go with it.
    let chunkStart = lineStartOf(source, node.startIndex);
    let row = node.startPosition.row;
    for (let j = k - 1; j >= 0 && children[j].type === 'comment' && children[j].startPosition.column === 0 && children[j].endPosition.row === row - 1; j--) {
      chunkStart = lineStartOf(source, children[j].startIndex);
      row = children[j].startPosition.row;
    }
    statements.push({
      node,
      kind: initialKind(node, statements.length, ctx, settings),
      binds: new Set<string>(),
      reads: new Set<string>(),
      writes: new Set<string>(),
      readsFirst: new Set<string>(),
      start: startOf(node, ctx),
      chunkStart,
      chunkEnd: endOfLine(source, node.endIndex),
    });
    starts.push(node.startIndex);
    ends.push(node.endIndex);
  }

  for (const [name, bindings] of names.module.bindings) {
    for (const b of bindings) {
      if (renamed.has(b.start)) continue;
      const i = topIndex(starts, ends, b.start, b.end);
      if (i >= 0) statements[i].binds.add(name);
    }
  }
  // Only names bound at module level can resolve there (any name can, after a star import).
  const moduleNames = names.module.stars.length > 0 ? null : names.module.bindings.keys();
  for (const id of moduleNames ? identifiersNamed(root, source, moduleNames) : root.descendantsOfType('identifier')) {
    const p = id.parent;
    if (renamed.size > 0 && renamed.has(id.startIndex)) continue;
    if (!p || p.type === 'dotted_name' || p.type === 'aliased_import' || p.type === 'global_statement' || p.type === 'nonlocal_statement') continue;
    if (p.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id) continue;
    if (p.type === 'keyword_argument' && p.childForFieldName('name')?.id === id.id) continue;
    const found = names.lookup(id.text, id);
    if (!found || found.scope !== names.module) continue;
    const i = topIndex(starts, ends, id.startIndex, id.endIndex);
    if (i < 0) continue;
    const s = statements[i];
    const write = isWrite(id);
    // Identifiers come in source order, which is execution order for the cases that matter here.
    if (!write || p.type === 'augmented_assignment') {
      s.reads.add(id.text);
      if (!s.writes.has(id.text)) s.readsFirst.add(id.text);
    }
    if (write) s.writes.add(id.text);
  }

  const shape: ModuleShape = { statements, guard: null, tailStart: 0 };
  const guards = statements.filter((s) => s.kind === 'guard');
  if (guards.length > 1) shape.problem = { node: guards[1].node, reason: 'it has more than one __main__ guard' };
  shape.guard = guards[0]?.node ?? null;

  keepWhatChildrenNeed(statements, ctx);
  moveReboundConstants(statements);
  keepChecksInOrder(statements);
  shape.problem ??= findProblem(statements, ctx);
  shape.tailStart = tailStart(statements, children, source);
  return shape;
}

const DEF_BEFORE = /\bdef[ \t]+$/;
const notDefName = (text: string, start: number) => !DEF_BEFORE.test(text.slice(Math.max(0, start - 16), start));

/**
 * Functions only the parent runs: every mention of the name is a direct call from moved code,
 * the guard, or another such function. Workers are passed as values (`target=work`), so they
 * are never in this set, and neither is anything they call.
 */
function parentOnlyFunctions(statements: Statement[], ctx: FileContext): Set<Statement> {
  const defs = new Map<string, Statement>();
  for (const s of statements) {
    const def = s.node.type === 'decorated_definition' ? null : s.node;
    if (def?.type === 'function_definition') defs.set(def.childForFieldName('name')!.text, s);
  }
  const mentions = new Map<string, { inCall: boolean; from: Statement | undefined }[]>();
  const byNode = new Map<number, Statement>();
  for (const s of statements) byNode.set(s.node.id, s);
  // The names the defs themselves define are skipped from the text, before they become nodes.
  for (const id of identifiersNamed(ctx.root, ctx.source, defs.keys(), notDefName)) {
    const p = id.parent!;
    if (p.type === 'function_definition' && p.childForFieldName('name')?.id === id.id) continue;
    if (p.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id) continue;
    let top: SyntaxNode = id;
    while (top.parent && top.parent.id !== ctx.root.id) top = top.parent;
    const list = mentions.get(id.text) ?? [];
    list.push({ inCall: p.type === 'call' && p.childForFieldName('function')?.id === id.id, from: byNode.get(top.id) });
    mentions.set(id.text, list);
  }
  const only = new Set(defs.values());
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, s] of defs) {
      if (!only.has(s)) continue;
      const ok = (mentions.get(name) ?? []).every((m) => m.inCall && m.from && (m.from.kind !== 'keep' || only.has(m.from)));
      if (!ok) {
        only.delete(s);
        changed = true;
      }
    }
  }
  return only;
}

/** Statements that bind names kept code reads stay too, transitively: the children need them. */
function keepWhatChildrenNeed(statements: Statement[], ctx: FileContext): void {
  const parentOnly = parentOnlyFunctions(statements, ctx);
  const needed = new Map<string, Statement>();
  const need = (s: Statement) => s.reads.forEach((n) => needed.has(n) || needed.set(n, s));
  statements.filter((s) => s.kind === 'keep' && !parentOnly.has(s)).forEach(need);
  // Modules are not objects the file builds: `torch.manual_seed(...)` changes no kept value.
  const modules = new Set(statements.filter((s) => IMPORTS.has(s.node.type)).flatMap((s) => [...s.binds]));
  let changed = true;
  while (changed) {
    changed = false;
    for (const [i, s] of statements.entries()) {
      if (s.kind !== 'move') continue;
      let name = [...s.binds].find((n) => needed.has(n));
      let why = 'defines';
      // `parser.add_argument(...)`, `cfg["x"] = 1`: a change to an object a kept statement reads
      // later must happen before it, at module level too.
      const changedName = name === undefined && s.start === null ? mutatedName(s.node) : null;
      if (changedName !== null && !modules.has(changedName) && needed.has(changedName) && statements.indexOf(needed.get(changedName)!) > i) [name, why] = [changedName, 'changes'];
      if (name === undefined) continue;
      s.kind = 'keep';
      s.keptFor = `it ${why} ${name}, which ${describe(needed.get(name)!)} reads`;
      need(s);
      changed = true;
    }
  }
}

/**
 * A name the file binds to a constant twice or more (`result = []` before a sequential loop and
 * again before the pool's), that only moved code reads: its bindings move with that code, so the
 * whole run keeps its order inside main(). Kept, the second binding would run at import, before
 * the first loop (MP310 said so).
 */
function moveReboundConstants(statements: Statement[]): void {
  const bound = new Map<string, Statement[]>();
  for (const s of statements) for (const n of s.binds) bound.set(n, [...(bound.get(n) ?? []), s]);
  for (const [name, binders] of bound) {
    if (binders.length < 2) continue;
    const constants = binders.filter((s) => s.kind === 'keep' && !s.keptFor);
    if (constants.length === 0 || binders.some((s) => s.kind !== 'move' && !constants.includes(s))) continue;
    if (!constants.every((s) => s.node.type === 'expression_statement' && s.node.namedChild(0)?.type === 'assignment')) continue;
    // Nothing that stays at module level (definitions included) may read or write it.
    const stays = statements.filter((s) => s.kind !== 'move' && !constants.includes(s));
    if (stays.some((s) => s.reads.has(name) || s.writes.has(name) || s.binds.has(name))) continue;
    if (!statements.some((s) => s.kind === 'move' && s.reads.has(name))) continue;
    for (const s of constants) s.kind = 'move';
  }
}

/**
 * A check (`assert ...`, or an `if` whose body only raises) that comes before a statement kept at
 * module level for the children stays at module level too: moved into main(), it would run after
 * that statement, which then fails first, with another error (pytorch/examples dcgan: the
 * `--dataroot` check and the dataset built from it). It only raises, so the children running it
 * again at import change nothing. Not when it reads a name that only moved code binds.
 */
function keepChecksInOrder(statements: Statement[]): void {
  const movedBinds = new Set<string>();
  for (const s of statements) if (s.kind === 'move') for (const n of [...s.binds, ...s.writes]) movedBinds.add(n);
  statements.forEach((s, i) => {
    if (s.kind !== 'move' || !isCheck(s.node)) return;
    const later = statements.slice(i + 1).find((k) => k.kind === 'keep' && k.keptFor !== undefined);
    if (!later || [...s.reads].some((n) => movedBinds.has(n))) return;
    s.kind = 'keep';
    s.keptFor = `it checks what line ${later.node.startPosition.row + 1} (kept) then uses`;
  });
}

/** `assert ...`, or `if ...:` (no elif/else) whose block holds only `raise` statements. */
function isCheck(node: SyntaxNode): boolean {
  if (node.type === 'assert_statement') return true;
  if (node.type !== 'if_statement' || node.childrenForFieldName('alternative').length > 0) return false;
  const body = node.childForFieldName('consequence');
  const stmts = body?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  return stmts.length > 0 && stmts.every((c) => c.type === 'raise_statement');
}

/** The name whose object a statement changes in place: `x.f(...)`, `x.a = ...`, `x[k] = ...`. */
function mutatedName(node: SyntaxNode): string | null {
  const expr = node.type === 'expression_statement' ? node.namedChild(0) : null;
  if (!expr) return null;
  let target: SyntaxNode | null = null;
  if (expr.type === 'call') target = expr.childForFieldName('function');
  else if (expr.type === 'assignment' || expr.type === 'augmented_assignment') target = expr.childForFieldName('left');
  if (!target || (target.type !== 'attribute' && target.type !== 'subscript')) return null;
  let root: SyntaxNode | null = target;
  while (root && (root.type === 'attribute' || root.type === 'subscript' || root.type === 'call')) root = root.childForFieldName(root.type === 'call' ? 'function' : root.type === 'attribute' ? 'object' : 'value');
  return root?.type === 'identifier' ? root.text : null;
}

function describe(s: Statement): string {
  const def = s.node.type === 'decorated_definition' ? s.node.childForFieldName('definition')! : s.node;
  if (def.type === 'function_definition') return `function ${def.childForFieldName('name')!.text}()`;
  if (def.type === 'class_definition') return `class ${def.childForFieldName('name')!.text}`;
  return `line ${s.node.startPosition.row + 1}`;
}

function findProblem(statements: Statement[], ctx: FileContext): { node: SyntaxNode; reason: string } | undefined {
  for (const s of statements) {
    if (s.kind === 'keep' && s.start) {
      const why = s.keptFor ?? 'it is a definition the children need';
      return { node: s.start, reason: `line ${s.start.startPosition.row + 1} starts processes when the module is imported, and ${why}` };
    }
  }
  const moved = statements.filter((s) => s.kind === 'move');
  if (!moved.some((s) => s.start)) return undefined;
  for (const s of moved) {
    const { source } = ctx;
    const before = source.slice(lineStartOf(source, s.node.startIndex), s.node.startIndex);
    const after = source.slice(s.node.endIndex, endOfLine(source, s.node.endIndex));
    if (before.trim() !== '' || !/^[ \t]*(#.*)?\r?\n?$/.test(after)) {
      return { node: s.node, reason: `line ${s.node.startPosition.row + 1} shares its line with another statement` };
    }
    const bad = s.node.descendantsOfType(['wildcard_import', 'global_statement', 'nonlocal_statement', 'return_statement', 'yield', 'await']);
    const outside = bad.filter((b) => !enclosedByScope(b, s.node));
    if (outside.length > 0) {
      return { node: outside[0], reason: `line ${outside[0].startPosition.row + 1} cannot move into a function (${outside[0].type.replace(/_/g, ' ')})` };
    }
  }
  // Per name, the statements that bind it and those kept at module level that rebind it, in
  // order (a scan of every later statement per read was quadratic: 5,000 moved blocks took 1.5 s).
  const binders = new Map<string, number[]>();
  const keptRebinders = new Map<string, number[]>();
  statements.forEach((s, k) => {
    for (const name of s.binds) {
      append(binders, name, k);
      if (s.kind === 'keep' && !importsModule(s.node, name)) append(keptRebinders, name, k);
    }
  });
  for (const [i, m] of statements.entries()) {
    if (m.kind !== 'move') continue;
    for (const name of m.reads) {
      const earlier = (binders.get(name)?.[0] ?? i) < i;
      const later = earlier ? firstAfter(keptRebinders.get(name), i) : undefined;
      if (later !== undefined) {
        const laterStmt = statements[later];
        return { node: m.node, reason: `line ${m.node.startPosition.row + 1} reads ${name}, which line ${laterStmt.node.startPosition.row + 1} rebinds at module level; moving it would change the value it sees` };
      }
    }
  }
  return undefined;
}

function append(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The first of the sorted `list` greater than `i`. */
function firstAfter(list: number[] | undefined, i: number): number | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= i) lo = mid + 1;
    else hi = mid;
  }
  return list[lo];
}

/** `import os` and `import os.path` bind `os` to the same module: a second one is no rebinding. */
function importsModule(node: SyntaxNode, name: string): boolean {
  if (node.type !== 'import_statement') return false;
  return node.namedChildren.some((c) => c.type === 'dotted_name' && c.text.split('.')[0].trim() === name);
}

function enclosedByScope(node: SyntaxNode, stop: SyntaxNode): boolean {
  for (let p = node.parent; p && p.id !== stop.id; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'class_definition' || p.type === 'lambda') return true;
  }
  return false;
}

/** Whether any top-level statement starts processes while the module is imported (cheap: no name analysis of the rest). */
export function startsAtImport(ctx: FileContext): boolean {
  const statements = ctx.starts.statementsWithCandidates() ?? ctx.root.namedChildren;
  return statements.some((n) => n.type !== 'comment' && startOf(n, ctx) !== null);
}

function startOf(node: SyntaxNode, ctx: FileContext): SyntaxNode | null {
  const starts = ctx.starts;
  if (node.type === 'decorated_definition') {
    for (const d of node.namedChildren.filter((c) => c.type === 'decorator')) {
      const found = starts.firstStart(d);
      if (found) return found;
    }
    return startOf(node.childForFieldName('definition')!, ctx);
  }
  if (node.type === 'function_definition') {
    const params = node.childForFieldName('parameters');
    return params ? starts.firstStart(params) : null;
  }
  if (isMainGuard(node)) return null;
  return starts.firstStart(node);
}

/** After the last statement that stays (or a comment of its own); 0 when nothing stays. */
function tailStart(statements: Statement[], children: SyntaxNode[], source: string): number {
  let end = 0;
  for (const s of statements) if (s.kind !== 'move') end = Math.max(end, s.chunkEnd);
  for (const c of children) {
    if (c.type !== 'comment') continue;
    const owned = statements.some((s) => c.startIndex >= s.chunkStart && c.endIndex <= s.chunkEnd);
    if (!owned) end = Math.max(end, endOfLine(source, c.endIndex));
  }
  return end;
}
