import Parser = require('tree-sitter');
import type { SyntaxNode } from 'tree-sitter';

/**
 * When the Node binding hands out a node, it copies tree-sitter's node handle into the object's
 * indexed fields: [0, 1] the id (a pointer, low and high 32 bits), [2] the start byte (two bytes
 * per UTF-16 unit), [3] the start row, [4] the start column in bytes. Yet its `id`, `startIndex`
 * and `startPosition` getters copy the handle back and cross into native code to read it again
 * (0.25-0.35 µs a call against 0.04-0.1 µs, about 400 calls per dense file). The getters below
 * read the copies. They are installed only if they agree with the binding's own on every node of
 * a sample, so a binding with another layout keeps its getters.
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

/** Whether the fast getter gives what the binding's own does, for one node. */
export function agrees(node: SyntaxNode, name: FieldGetter): boolean {
  return JSON.stringify(fast[name].call(node as Fields)) === JSON.stringify(bindingGetters[name].call(node));
}

/** Installs the getters when they agree with the binding's on every node of `sample`; returns whether it did. */
export function useNodeFields(sample: string, language: unknown): boolean {
  const parser = new Parser();
  parser.setLanguage(language as Parser.Language);
  const cursor = parser.parse(sample).walk();
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
