import type { SyntaxNode } from '../syntax/types';
import type { FileContext } from '../api/types';
import type { Binding } from './names';

/**
 * Whether a DataLoader's dataset is visibly built in this file from a class spawn can pickle.
 * With a start method of its own the DataLoader pickles the dataset for every worker; under
 * fork it did not. A dataset made elsewhere (a parameter, `self.dataset`, a factory imported
 * from another module) may hold an open file or a closure the tool cannot see.
 */

/** Dataset classes of torch and torchvision that hold paths, tensors and transforms: picklable. */
const KNOWN_CLASSES = /^(torchvision\.datasets\.[A-Z]\w*|torch\.utils\.data(\.dataset)?\.TensorDataset)$/;
/** Bases a dataset class of this file may have. */
const KNOWN_BASES = /^(torch\.utils\.data(\.dataset)?\.(Dataset|IterableDataset)|torchvision\.datasets\.[A-Z]\w*)$/;
/** `self.f = open(...)` and the like: an attribute holding a handle pickle refuses. */
const HANDLE_ATTRIBUTE = /\bself\.\w+\s*=\s*[\w.]*\b(open|mmap|memmap|File|connect|socket|Environment)\s*\(/;
const IMPORTS = new Set(['import_statement', 'import_from_statement']);
const PARAMETER_HOLDERS = new Set(['parameters', 'default_parameter', 'typed_parameter', 'typed_default_parameter', 'lambda_parameters']);

/** Why the dataset `expr` may not be picklable (null: it is built here from a known or local class). */
export function whyDatasetUnknown(expr: SyntaxNode, ctx: FileContext, depth = 0): string | null {
  if (depth > 8) return `cannot tell where ${expr.text} comes from`;
  if (expr.type === 'parenthesized_expression' && expr.namedChildren.length === 1) return whyDatasetUnknown(expr.namedChildren[0], ctx, depth + 1);
  if (expr.type === 'attribute') return `${expr.text} is an attribute, set elsewhere`;
  if (expr.type === 'identifier') return whyNameUnknown(expr, ctx, depth);
  if (expr.type === 'call') return whyCallUnknown(expr, ctx, depth);
  return whyItemsUnknown(expr, ctx);
}

function whyNameUnknown(name: SyntaxNode, ctx: FileContext, depth: number): string | null {
  const found = ctx.names.lookup(name.text, name);
  const bindings = found?.bindings ?? [];
  if (bindings.length === 0) return `${name.text} is not bound in this file`;
  // One dataset per branch (`FakeData` or `ImageFolder`): each binding must be shown to pickle.
  if (bindings.length > 1) return bindings.some((b) => whyBindingUnknown(name, b, ctx, depth) !== null) ? `${name.text} is bound more than once` : null;
  return whyBindingUnknown(name, bindings[0], ctx, depth);
}

function whyBindingUnknown(name: SyntaxNode, b: Binding, ctx: FileContext, depth: number): string | null {
  const node = b.node;
  if (b.target !== null || IMPORTS.has(node.type)) return `${name.text} is imported from another module`;
  const holder = node.parent;
  if (holder && PARAMETER_HOLDERS.has(holder.type)) return `${name.text} is a parameter: the caller makes it`;
  if (holder?.type === 'assignment' && holder.childForFieldName('left')?.id === node.id) {
    const right = holder.childForFieldName('right');
    if (right) return whyDatasetUnknown(right, ctx, depth + 1);
  }
  return `cannot tell where ${name.text} comes from`;
}

/** Builtins that make a plain container of the items of their first argument (`sorted`'s key is not kept). */
const CONTAINERS = new Set(['list', 'tuple', 'sorted', 'set', 'frozenset']);
const LITERALS = new Set(['integer', 'float', 'string', 'true', 'false', 'none']);
const RANGE = new Set(['range']);

/** A builtin the file does not rebind. */
const isBuiltin = (fn: SyntaxNode, ctx: FileContext, names: ReadonlySet<string>) => fn.type === 'identifier' && names.has(fn.text) && ctx.names.lookup(fn.text, fn) === null;

/** Why the items of an iterable may not pickle (null: numbers and strings, from `range` or literals). */
function whyItemsUnknown(expr: SyntaxNode, ctx: FileContext): string | null {
  const fn = expr.type === 'call' ? expr.childForFieldName('function')! : null;
  if (fn && isBuiltin(fn, ctx, RANGE)) return null;
  if (fn && isBuiltin(fn, ctx, CONTAINERS)) {
    const first = expr.childForFieldName('arguments')?.namedChildren.find((a) => a.type !== 'comment' && a.type !== 'keyword_argument');
    return first ? whyItemsUnknown(first, ctx) : null;
  }
  if ((expr.type === 'list' || expr.type === 'tuple') && expr.namedChildren.every((c) => LITERALS.has(c.type) || c.type === 'comment')) return null;
  return `cannot tell what ${oneLine(expr)} holds`;
}

function whyCallUnknown(call: SyntaxNode, ctx: FileContext, depth: number): string | null {
  const fn = call.childForFieldName('function')!;
  if (isBuiltin(fn, ctx, CONTAINERS) || isBuiltin(fn, ctx, RANGE)) return whyItemsUnknown(call, ctx);
  const qualified = ctx.names.qualifiedName(fn);
  if (qualified) return KNOWN_CLASSES.test(qualified) ? null : `${oneLine(fn)} is imported from outside the file (${qualified})`;
  if (fn.type === 'identifier' && isImported(fn, ctx)) return `${oneLine(fn)} is imported from outside the file`;
  const cls = fn.type === 'identifier' ? moduleClass(fn, ctx) : null;
  if (!cls) return `cannot tell what ${oneLine(fn)}(...) returns`;
  return whyClassUnknown(cls, ctx, depth);
}

/** `from .data import build` binds no qualified target, but an import all the same. */
function isImported(name: SyntaxNode, ctx: FileContext): boolean {
  return (ctx.names.lookup(name.text, name)?.bindings ?? []).some((b) => b.target !== null || IMPORTS.has(b.node.type));
}

/** The class defined at module level of this file that `fn` names, and nothing else binds. */
export function moduleClass(fn: SyntaxNode, ctx: FileContext): SyntaxNode | null {
  const found = ctx.names.lookup(fn.text, fn);
  if (found?.scope.kind !== 'module' || found.bindings.length !== 1) return null;
  const def = found.bindings[0].node;
  if (def.type !== 'class_definition') return null;
  const holder = def.parent?.type === 'decorated_definition' ? def.parent : def;
  return holder.parent?.type === 'module' ? def : null;
}

function whyClassUnknown(cls: SyntaxNode, ctx: FileContext, depth: number): string | null {
  const name = cls.childForFieldName('name')!.text;
  if (depth > 8) return `cannot tell what ${name} holds`;
  if (HANDLE_ATTRIBUTE.test(cls.text)) return `${name} keeps a file or connection in an attribute`;
  for (const base of cls.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (base.type === 'keyword_argument' || base.type === 'comment') continue;
    const q = ctx.names.qualifiedName(base);
    if (q) {
      if (!KNOWN_BASES.test(q)) return `${name} subclasses ${q}, from outside the file`;
      continue;
    }
    if (base.type === 'identifier' && base.text === 'object') continue;
    if (base.type === 'identifier' && isImported(base, ctx)) return `${name} subclasses ${base.text}, from outside the file`;
    const local = base.type === 'identifier' ? moduleClass(base, ctx) : null;
    if (!local || local.id === cls.id) return `cannot tell what ${name}'s base ${oneLine(base)} holds`;
    const why = whyClassUnknown(local, ctx, depth + 1);
    if (why) return why;
  }
  return null;
}

function oneLine(node: SyntaxNode): string {
  const text = node.text.replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
