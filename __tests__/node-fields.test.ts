import * as fs from 'fs';
import * as path from 'path';
import type { SyntaxNode } from 'tree-sitter';
import { parse } from '../src/parser';
import { agrees, bindingGetters, type FieldGetter } from '../src/node-fields';

const FIXTURES = path.join(__dirname, '..', '__testfixtures__');
const GETTERS: FieldGetter[] = ['id', 'startIndex', 'startPosition'];

function everyNode(text: string): SyntaxNode[] {
  const cursor = parse(text).walk();
  const nodes: SyntaxNode[] = [];
  for (;;) {
    nodes.push(cursor.currentNode);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return nodes;
  }
}

describe('node fields read without the binding', () => {
  test('are installed in place of the binding getters', () => {
    parse('x = 1\n');
    const node = Object.getPrototypeOf(parse('x = 1\n').rootNode);
    for (const name of GETTERS) {
      let proto = node;
      while (proto && !Object.getOwnPropertyDescriptor(proto, name)) proto = Object.getPrototypeOf(proto);
      expect(Object.getOwnPropertyDescriptor(proto, name)!.get).not.toBe(bindingGetters[name]);
    }
  });

  const disagreements = (text: string) => {
    const nodes = everyNode(text);
    expect(nodes.length).toBeGreaterThan(1);
    return nodes.flatMap((n) => GETTERS.filter((g) => !agrees(n, g)).map((g) => `${g} of ${n.type} at ${n.startIndex}`));
  };

  test('agree with the binding on every node of text with wide characters', () => {
    expect(disagreements('é = "😀 ü"\nif é:\n    print("\\u00e9", é)  # ✓ ÿ\n\tz = [é for é in "αβγ"]\r\n')).toEqual([]);
  });

  test('agree with the binding on every node of every fixture input', () => {
    const inputs = fs.readdirSync(FIXTURES).flatMap((dir) => fs.readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith('.input.py')).map((f) => path.join(FIXTURES, dir, f)));
    expect(inputs.length).toBeGreaterThan(50);
    const found = inputs.flatMap((f) => disagreements(fs.readFileSync(f, 'utf8')).map((d) => `${path.basename(f)}: ${d}`));
    expect(found).toEqual([]);
  });
});
