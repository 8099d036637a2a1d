// The parser binding's types, named in one place so the rest of the code does not depend on which
// binding produces them.
import type * as W from 'web-tree-sitter';

export type { Point, Language } from 'web-tree-sitter';

/**
 * web-tree-sitter's classes, seen with the array types the native binding declared: its d.ts
 * types `children`, `namedChildren` and `descendantsOfType` as arrays of `Node | null`, yet it
 * never puts null in them (a child or descendant always exists). Everything else is as declared,
 * so single nodes that may be missing (`parent`, `child(i)`, `childForFieldName`) stay nullable.
 */
export interface SyntaxNode extends ViewOf<W.Node> {}
export interface Tree extends ViewOf<W.Tree> {}
export interface TreeCursor extends ViewOf<W.TreeCursor> {}
export interface Query extends ViewOf<W.Query> {}
export interface QueryMatch extends ViewOf<W.QueryMatch> {}
export interface QueryCapture extends ViewOf<W.QueryCapture> {}

type ViewOf<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: { [I in keyof A]: View<A[I]> }) => View<R> : View<T[K]> };

type View<T> = T extends W.Node
  ? SyntaxNode
  : T extends W.Tree
    ? Tree
    : T extends W.TreeCursor
      ? TreeCursor
      : T extends W.QueryMatch
        ? QueryMatch
        : T extends W.QueryCapture
          ? QueryCapture
          : T extends readonly (infer E)[]
            ? View<NonNullable<E>>[]
            : T;
