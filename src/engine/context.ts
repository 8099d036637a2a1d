import type { SyntaxNode, Tree } from '../syntax/types';
import { detectStyle } from '../python/style';
import { Names, indexImports, type ImportIndex } from '../python/names';
import { Imports } from '../python/imports';
import { ProcessStarts } from '../python/starts';
import type { Code } from '../api/codes';
import type { FileContext, FileFacts, Options, Plan, RawDiagnostic, Severity } from '../api/types';

/** A class, so that every tree's analyses have one shape whichever is made first (see memory.ts). */
class Analyses {
  names?: Names = undefined;
  importIndex?: ImportIndex = undefined;
  imports?: Imports = undefined;
  starts?: ProcessStarts = undefined;
  style?: ReturnType<typeof detectStyle> = undefined;
}

/** Analyses of a tree, shared by every transform and pass that sees the same tree (the text did not change). */
const analysesOf = new WeakMap<Tree, Analyses>();

/** Names and imports of a tree, through the same cache the transforms use. */
export function analysed(tree: Tree, text: string): { imports: Imports } {
  let a = analysesOf.get(tree);
  if (!a) analysesOf.set(tree, (a = new Analyses()));
  const cache = a;
  cache.style ??= detectStyle(text, tree.rootNode);
  cache.imports ??= new Imports(text, tree.rootNode, () => (cache.names ??= new Names(tree.rootNode, text)), cache.style);
  return { imports: cache.imports };
}

export function makeContext(text: string, tree: Tree, path: string, options: Options, facts: FileFacts, plan: Plan, out: RawDiagnostic[]): FileContext {
  let cache = analysesOf.get(tree);
  if (!cache) analysesOf.set(tree, (cache = new Analyses()));
  return new Context(text, tree.rootNode, path, options, facts, plan, cache, out);
}

/**
 * A transform's view of one tree; analyses are made on first use and shared through the tree's
 * cache. A class, not an object literal with getters: those getters would be new functions for
 * every file, and the code V8 optimises for them would be dropped with them.
 */
class Context implements FileContext {
  constructor(
    readonly source: string,
    readonly root: SyntaxNode,
    readonly path: string,
    readonly options: Options,
    readonly facts: FileFacts,
    readonly plan: Plan,
    private readonly cache: Analyses,
    private readonly out: RawDiagnostic[],
  ) {}

  get style() {
    return (this.cache.style ??= detectStyle(this.source, this.root));
  }

  get names() {
    return (this.cache.names ??= new Names(this.root, this.source));
  }

  get importIndex() {
    return (this.cache.importIndex ??= indexImports(this.root, this.source));
  }

  get imports() {
    return (this.cache.imports ??= new Imports(this.source, this.root, () => this.names, this.style));
  }

  get starts() {
    return (this.cache.starts ??= new ProcessStarts(this.names, this.source, this.importIndex, new Set(this.facts.processCalls)));
  }

  report(node: SyntaxNode | number, code: Code, message: string, hint?: string, severity?: Severity): void {
    this.out.push({ code, message, hint, severity, start: typeof node === 'number' ? node : node.startIndex });
  }
}
