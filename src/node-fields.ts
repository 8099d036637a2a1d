import Parser = require('tree-sitter');
import type { SyntaxNode, Tree } from 'tree-sitter';

/**
 * When the Node binding hands out a node, it copies tree-sitter's node handle into the object's
 * indexed fields: [0, 1] the id (a pointer, low and high 32 bits), [2] the start byte (two bytes
 * per UTF-16 unit), [3] the start row, [4] the start column in bytes. Yet its `id`, `startIndex`
 * and `startPosition` getters copy the handle back and cross into native code to read it again
 * (0.25-0.35 µs a call against 0.04-0.15 µs, about 400 calls per dense file). The getters below
 * read the copies. They are installed only if they agree with the binding's own on every node of
 * a sample tree, so a binding with another layout keeps its getters.
 */
type Fields = SyntaxNode & { [i: number]: number };

const HIGH = 2 ** 32;

const fast: Record<FieldGetter, (this: Fields) => unknown> = {
  id(this: Fields): number {
    return this[0] + this[1] * HIGH;
  },
  startIndex(this: Fields): number {
    return this[2] / 2;
  },
  startPosition(this: Fields): { row: number; column: number } {
    return { row: this[3], column: this[4] / 2 };
  },
};

export type FieldGetter = 'id' | 'startIndex' | 'startPosition';
const GETTERS: FieldGetter[] = ['id', 'startIndex', 'startPosition'];

const proto = (Parser as unknown as { SyntaxNode: { prototype: object } }).SyntaxNode.prototype;

/** The binding's own getters, kept for the check (and for tests). */
export const bindingGetters = Object.fromEntries(GETTERS.map((name) => [name, Object.getOwnPropertyDescriptor(proto, name)!.get!])) as Record<FieldGetter, (this: SyntaxNode) => unknown>;

/** Wide characters on more than one line: starts in bytes and in UTF-16 units differ there. */
export const FIELDS_SAMPLE = 'w = "\u00e9\u{1F600}"; x = [w]\nif w:\n    y = ("\u{1F600}", x)\n';

/** Whether the fast getter gives what the binding's own does, for one node. */
export function agrees(node: SyntaxNode, name: FieldGetter): boolean {
  const mine = fast[name].call(node as Fields);
  const theirs = bindingGetters[name].call(node);
  if (typeof mine === 'number') return mine === theirs;
  const [a, b] = [mine as Parser.Point, theirs as Parser.Point];
  return a.row === b.row && a.column === b.column;
}

/** Installs the getters when they agree with the binding's on every node of `sample`; returns whether it did. */
export function useNodeFields(sample: Tree): boolean {
  const cursor = sample.walk();
  for (;;) {
    const node = cursor.currentNode;
    for (const name of GETTERS) if (!agrees(node, name)) return false;
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return install();
  }
}

function install(): boolean {
  for (const name of GETTERS) Object.defineProperty(proto, name, { get: fast[name], configurable: true, enumerable: false });
  return true;
}
