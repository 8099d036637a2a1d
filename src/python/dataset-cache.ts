import type { SyntaxNode } from '../syntax/types';
import type { FileContext } from '../api/types';
import { moduleClass } from './dataset-origin';

/**
 * A dataset that loads its items into memory in the parent: its class preallocates one slot per
 * item in an attribute (`self.ims = [None] * n`) and fills the slots in a loop
 * (`self.ims[i], self.hw[i] = x`), in `__init__` or a method `__init__` calls on self (yolov5's
 * `LoadImagesAndLabels` with `--cache ram`). Under fork the DataLoader workers share those pages
 * copy-on-write; under spawn each worker is sent a pickled copy of the dataset, cache and all.
 * Lists of metadata (`self.samples.append(...)`), whole attributes (`self.data = np.load(...)`)
 * and dicts filled by key are not counted: only the slot list and its filling loop say "cache".
 */

export interface ItemCache {
  /** The dataset class (the one the DataLoader's dataset is made from). */
  cls: string;
  /** The attribute holding the slots (`ims`). */
  attribute: string;
  /** The assignment that fills a slot, inside its loop. */
  fill: SyntaxNode;
}

const SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);
const LOOPS = new Set(['for_statement', 'while_statement']);

/** The item cache of the dataset `expr` (a call of a class of this file, or a name bound once to one), or null. */
export function datasetItemCache(expr: SyntaxNode, ctx: FileContext): ItemCache | null {
  for (const cls of datasetClasses(expr, ctx, 0)) {
    const found = classCache(cls, ctx, 0);
    if (found) return { ...found, cls: cls.childForFieldName('name')!.text };
  }
  return null;
}

/** The classes of this file the dataset may be made from; a name is followed through each of its assignments (one branch is enough). */
function datasetClasses(expr: SyntaxNode, ctx: FileContext, depth: number): SyntaxNode[] {
  if (depth > 4) return [];
  if (expr.type === 'parenthesized_expression' && expr.namedChildren.length === 1) return datasetClasses(expr.namedChildren[0], ctx, depth + 1);
  if (expr.type === 'call') {
    const fn = expr.childForFieldName('function')!;
    const cls = fn.type === 'identifier' ? moduleClass(fn, ctx) : null;
    return cls ? [cls] : [];
  }
  if (expr.type !== 'identifier') return [];
  const out: SyntaxNode[] = [];
  for (const b of ctx.names.lookup(expr.text, expr)?.bindings ?? []) {
    const node = b.node;
    const holder = node.parent;
    if (b.target !== null || holder?.type !== 'assignment' || holder.childForFieldName('left')?.id !== node.id) continue;
    const right = holder.childForFieldName('right');
    if (right) out.push(...datasetClasses(right, ctx, depth + 1));
  }
  return out;
}

/** The slots a class (or a base class of this file) preallocates and fills in a loop from `__init__`. */
function classCache(cls: SyntaxNode, ctx: FileContext, depth: number): Omit<ItemCache, 'cls'> | null {
  const methods = methodsByName(cls);
  const run = reachedFromInit(methods);
  const slots = new Set<string>();
  for (const m of run) for (const a of assignmentsIn(m)) for (const name of slotLists(a)) slots.add(name);
  if (slots.size > 0) {
    for (const m of run) {
      for (const a of assignmentsIn(m)) {
        const filled = filledSlots(a).find((name) => slots.has(name));
        if (filled && insideLoop(a, m)) return { attribute: filled, fill: a };
      }
    }
  }
  if (depth >= 4) return null;
  for (const base of cls.childForFieldName('superclasses')?.namedChildren ?? []) {
    const local = base.type === 'identifier' && !ctx.names.qualifiedName(base) ? moduleClass(base, ctx) : null;
    const found = local && local.id !== cls.id ? classCache(local, ctx, depth + 1) : null;
    if (found) return found;
  }
  return null;
}

function methodsByName(cls: SyntaxNode): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  for (const item of cls.childForFieldName('body')?.namedChildren ?? []) {
    const def = item.type === 'decorated_definition' ? item.childForFieldName('definition') : item;
    if (def?.type === 'function_definition') out.set(def.childForFieldName('name')!.text, def);
  }
  return out;
}

/** `__init__` and the methods it calls on self, transitively. */
function reachedFromInit(methods: Map<string, SyntaxNode>): SyntaxNode[] {
  const init = methods.get('__init__');
  if (!init) return [];
  const out = [init];
  const seen = new Set(['__init__']);
  for (let i = 0; i < out.length; i++) {
    for (const call of out[i].descendantsOfType('call')) {
      const fn = call.childForFieldName('function');
      if (fn?.type !== 'attribute' || fn.childForFieldName('object')?.text !== 'self') continue;
      const name = fn.childForFieldName('attribute')!.text;
      const m = methods.get(name);
      if (m && !seen.has(name)) {
        seen.add(name);
        out.push(m);
      }
    }
  }
  return out;
}

/** Assignments of the method's own body (not of functions or classes nested in it). */
function assignmentsIn(method: SyntaxNode): SyntaxNode[] {
  return method.descendantsOfType('assignment').filter((a) => ownerOf(a)?.id === method.id);
}

function ownerOf(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (SCOPES.has(p.type)) return p;
  return null;
}

function insideLoop(node: SyntaxNode, method: SyntaxNode): boolean {
  for (let p = node.parent; p && p.id !== method.id; p = p.parent) if (LOOPS.has(p.type)) return true;
  return false;
}

/** `self.x` → x, else null. */
function selfAttribute(node: SyntaxNode | null | undefined): string | null {
  if (node?.type !== 'attribute' || node.childForFieldName('object')?.text !== 'self') return null;
  return node.childForFieldName('attribute')!.text;
}

/** Targets of an assignment and their values, paired through tuples (`self.a, self.b = x, y`). */
function pairs(assignment: SyntaxNode): [SyntaxNode, SyntaxNode | null][] {
  const left = assignment.childForFieldName('left');
  const right = assignment.childForFieldName('right');
  if (!left) return [];
  const targets = left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'tuple' ? left.namedChildren.filter((n) => n.type !== 'comment') : [left];
  const values = right && (right.type === 'expression_list' || right.type === 'tuple') ? right.namedChildren.filter((n) => n.type !== 'comment') : null;
  return targets.map((t, i) => [t, values ? (values[i] ?? null) : targets.length === 1 ? right : null]);
}

/** Attributes given one empty slot per item: `self.x = [None] * n` (or `n * [None]`). */
function slotLists(assignment: SyntaxNode): string[] {
  return pairs(assignment)
    .filter(([, value]) => isSlotList(value))
    .map(([target]) => selfAttribute(target))
    .filter((name): name is string => name !== null);
}

function isSlotList(value: SyntaxNode | null): boolean {
  if (value?.type !== 'binary_operator' || value.childForFieldName('operator')?.type !== '*') return false;
  const sides = [value.childForFieldName('left'), value.childForFieldName('right')];
  return sides.some((s) => s?.type === 'list' && s.namedChildren.length === 1 && s.namedChildren[0].type === 'none');
}

/** Attributes whose items the assignment sets: `self.x[i] = ...`, also as one target of a tuple. */
function filledSlots(assignment: SyntaxNode): string[] {
  return pairs(assignment)
    .map(([target]) => (target.type === 'subscript' ? selfAttribute(target.childForFieldName('value')) : null))
    .filter((name): name is string => name !== null);
}
