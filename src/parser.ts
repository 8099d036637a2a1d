import Parser = require('tree-sitter');
import Python = require('tree-sitter-python');
import type { SyntaxNode, Tree } from 'tree-sitter';
import { noteParsed } from './memory';

let parser: Parser | undefined;
const queries = new Map<string, Parser.Query>();

// Big files need a larger buffer than the default, or the binding rejects them.
const bufferSizeFor = (text: string) => Math.max(32 * 1024, text.length * 2 + 1024);

export function parse(text: string): Tree {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Python as unknown as Parser.Language);
  }
  noteParsed(text.length);
  return parser.parse(text, undefined, { bufferSize: bufferSizeFor(text) });
}

/** Compiled once per process and cached by source. */
export function query(source: string): Parser.Query {
  let q = queries.get(source);
  if (!q) {
    q = new Parser.Query(Python as unknown as Parser.Language, source);
    queries.set(source, q);
  }
  return q;
}

/**
 * The first syntax problem in the tree, or null. tree-sitter-python still accepts
 * Python 2 `print x` and `exec x` statements, which Python 3 rejects, so those count too.
 */
export function firstSyntaxError(root: SyntaxNode): SyntaxNode | null {
  if (!root.hasError) {
    const py2 = root.descendantsOfType(['print_statement', 'exec_statement']);
    return py2.length > 0 ? py2[0] : null;
  }
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'ERROR' || node.isMissing) return node;
    if (!node.hasError) continue;
    for (let i = node.childCount - 1; i >= 0; i--) stack.push(node.child(i)!);
  }
  return root;
}
