import type { SyntaxNode } from '../syntax/types';
import type { FileContext } from '../api/types';
import { callsNaming } from '../syntax/find';
import { moduleClass, whyDatasetUnknown } from './dataset-origin';
import { DATALOADERS } from './starts';
import { datasetItemCache, type ItemCache } from './dataset-cache';

/**
 * torch DataLoader calls as projects write them: the class itself, a class of the file that
 * subclasses it (yolov5's `InfiniteDataLoader`), or a name bound once to a choice between those
 * (`loader = DataLoader if image_weights else InfiniteDataLoader`).
 */

export { DATALOADERS } from './starts';

/** A class a DataLoader call may make: torch's own, or a subclass defined in this file. */
export type LoaderClass = { torch: true } | { subclass: SyntaxNode };

/** The classes the callee `fn` may name when every one is a DataLoader, else null. */
export function loaderClasses(fn: SyntaxNode, ctx: FileContext, depth = 0): LoaderClass[] | null {
  if (depth > 4) return null;
  const q = ctx.names.qualifiedName(fn);
  if (q) return DATALOADERS.has(q) ? [{ torch: true }] : null;
  if (fn.type === 'parenthesized_expression' && fn.namedChildren.length === 1) return loaderClasses(fn.namedChildren[0], ctx, depth + 1);
  if (fn.type === 'conditional_expression') {
    const [body, , otherwise] = fn.namedChildren.filter((n) => n.type !== 'comment');
    const a = body ? loaderClasses(body, ctx, depth + 1) : null;
    const b = otherwise ? loaderClasses(otherwise, ctx, depth + 1) : null;
    return a && b ? [...a, ...b] : null;
  }
  if (fn.type !== 'identifier') return null;
  const cls = moduleClass(fn, ctx);
  if (cls) return subclassesLoader(cls, ctx, depth) ? [{ subclass: cls }] : null;
  const value = onlyValue(fn, ctx);
  return value?.type === 'conditional_expression' ? loaderClasses(value, ctx, depth + 1) : null;
}

/** The value of `name = value`, the one binding `name` has where it is read. */
function onlyValue(name: SyntaxNode, ctx: FileContext): SyntaxNode | null {
  const bindings = ctx.names.lookup(name.text, name)?.bindings ?? [];
  if (bindings.length !== 1 || bindings[0].target !== null) return null;
  const node = bindings[0].node;
  const holder = node.parent;
  if (holder?.type !== 'assignment' || holder.childForFieldName('left')?.id !== node.id) return null;
  return holder.childForFieldName('right');
}

function subclassesLoader(cls: SyntaxNode, ctx: FileContext, depth: number): boolean {
  for (const base of cls.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (base.type === 'keyword_argument' || base.type === 'comment') continue;
    const q = ctx.names.qualifiedName(base);
    if (q && DATALOADERS.has(q)) return true;
    const local = !q && base.type === 'identifier' ? moduleClass(base, ctx) : null;
    if (local && local.id !== cls.id && depth < 4 && subclassesLoader(local, ctx, depth + 1)) return true;
  }
  return false;
}

/**
 * Whether every class takes `multiprocessing_context=`: torch's, and subclasses without an
 * `__init__` of their own or whose `__init__` takes `**kwargs` (and hands them on).
 */
export function takesContext(classes: LoaderClass[]): boolean {
  return classes.every((c) => {
    if ('torch' in c) return true;
    const init = c.subclass.childForFieldName('body')?.namedChildren.find((m) => definitionOf(m)?.childForFieldName('name')?.text === '__init__');
    if (!init) return true;
    const params = definitionOf(init)!.childForFieldName('parameters')?.namedChildren ?? [];
    return params.some((p) => p.type === 'dictionary_splat_pattern');
  });
}

function definitionOf(node: SyntaxNode): SyntaxNode | null {
  if (node.type === 'function_definition') return node;
  if (node.type === 'decorated_definition') return node.childForFieldName('definition');
  return null;
}

/** Names of this file that may call a DataLoader without naming torch: its subclasses, and names bound to a choice of them. */
export function loaderNames(ctx: FileContext): string[] {
  if (!/\bDataLoader\b/.test(ctx.source)) return [];
  const out = new Set<string>();
  for (const [name, bindings] of ctx.names.module.bindings) {
    const def = bindings.length === 1 ? bindings[0].node : null;
    if (def?.type === 'class_definition' && subclassesLoader(def, ctx, 0)) out.add(name);
  }
  if (out.size === 0 && !/\bDataLoader\s+if\b|\belse\s+DataLoader\b/.test(ctx.source)) return [...out];
  for (const cond of ctx.root.descendantsOfType('conditional_expression')) {
    const holder = cond.parent;
    const left = holder?.type === 'assignment' && holder.childForFieldName('right')?.id === cond.id ? holder.childForFieldName('left') : null;
    if (left?.type === 'identifier' && loaderClasses(cond, ctx)) out.add(left.text);
  }
  return [...out];
}

/** The worker count a DataLoader call is given (`num_workers=` or its sixth argument), or null for none. */
export function workersOf(call: SyntaxNode): SyntaxNode | null {
  const items = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment');
  const keyword = items.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'num_workers');
  return keyword?.childForFieldName('value') ?? items.filter((a) => a.type !== 'keyword_argument')[5] ?? null;
}

/** Whether the count may be more than 0 (not a literal 0). */
export const mayHaveWorkers = (workers: SyntaxNode) => !(workers.type === 'integer' && Number(workers.text.replace(/_/g, '')) <= 0);

/** The dataset a DataLoader call is given: `dataset=` or its first argument. */
export function datasetOf(call: SyntaxNode): SyntaxNode | null {
  const items = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment');
  const keyword = items.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'dataset');
  return keyword?.childForFieldName('value') ?? items.find((a) => a.type !== 'keyword_argument') ?? null;
}

/** MP319's message: one text, so that the transforms that report it for one call agree. */
export const cacheMessage = (cache: ItemCache) =>
  `this DataLoader's dataset (${cache.cls}) keeps a cache of loaded items in memory, self.${cache.attribute}, filled in the parent (line ${cache.fill.startPosition.row + 1}): fork workers share it, under spawn each worker holds a pickled copy; left on the default`;

/** DataLoader calls of the file with workers whose dataset keeps a cache of loaded items (MP319). */
export function cachingLoaders(ctx: FileContext): { call: SyntaxNode; cache: ItemCache }[] {
  if (!/\bDataLoader\b/.test(ctx.source) || !/\[\s*None\s*\]/.test(ctx.source)) return [];
  const out: { call: SyntaxNode; cache: ItemCache }[] = [];
  for (const call of callsNaming(ctx.root, ctx.source, ['DataLoader', ...loaderNames(ctx)])) {
    const fn = call.childForFieldName('function')!;
    if (!loaderClasses(fn, ctx)) continue;
    const workers = workersOf(call);
    const dataset = datasetOf(call);
    if (!workers || !mayHaveWorkers(workers) || !dataset) continue;
    const cache = datasetItemCache(dataset, ctx);
    if (cache) out.push({ call, cache });
  }
  return out;
}

/** Why the tool cannot show that the dataset of a DataLoader call pickles (null: it can). */
export function loaderDatasetDoubt(call: SyntaxNode, ctx: FileContext): string | null {
  const dataset = datasetOf(call);
  if (!dataset || dataset.type === 'list_splat' || dataset.type === 'dictionary_splat') return 'the dataset is not passed plainly';
  return whyDatasetUnknown(dataset, ctx);
}

/** MP317's message: one text, so that the transforms that report it for one call agree. */
export const loaderDoubtMessage = (why: string) =>
  `the tool cannot show this DataLoader's dataset pickles (${why}); a start method of its own would pickle it for every worker, so it is left on the default`;

/**
 * The DataLoader calls of the file that may start workers and whose dataset the tool cannot show
 * pickles. A spawn default set by set_start_method pickles the dataset for every worker as surely
 * as a context of the loader's own does.
 */
export function doubtfulLoaders(ctx: FileContext): { call: SyntaxNode; why: string }[] {
  const out: { call: SyntaxNode; why: string }[] = [];
  for (const call of callsNaming(ctx.root, ctx.source, ['DataLoader'])) {
    const fn = call.childForFieldName('function')!;
    if (call.childForFieldName('arguments')?.type !== 'argument_list' || !DATALOADERS.has(ctx.names.qualifiedName(fn) ?? '') || !ctx.starts.isStart(call)) continue;
    const why = loaderDatasetDoubt(call, ctx);
    if (why !== null) out.push({ call, why });
  }
  return out;
}
