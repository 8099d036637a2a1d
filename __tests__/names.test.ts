import type { SyntaxNode } from '../src/syntax/types';
import { parse } from '../src/syntax/parser';
import { Names } from '../src/python/names';

/** The names of `text`, and the identifier `word` at its n-th occurrence as a whole word (from 0). */
function setUp(text: string) {
  const root = parse(text).rootNode;
  const names = new Names(root, text);
  const at = (word: string, n = 0): SyntaxNode => {
    const starts = [...text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))].map((m) => m.index!);
    const node = root.descendantForIndex(starts[n], starts[n] + word.length)!;
    expect(node.type).toBe('identifier');
    return node;
  };
  return { names, at };
}

const NESTED = `def outer():
    def inner():
        import multiprocessing as mp
        return mp.Pool
    return inner


class Jobs:
    def run(self, n=len([x for x in range(3)])):
        import multiprocessing
        q = multiprocessing.Queue()
        return (lambda k: k + n)(q)
`;

describe('Names', () => {
  test('resolves an import made in a method of a class, on the first lookup', () => {
    const { names, at } = setUp(NESTED);
    expect(names.importTarget('multiprocessing', at('multiprocessing', 2))).toBe('multiprocessing');
  });

  test('resolves an import in a def whose body starts with another def (the block starts where it does)', () => {
    const { names, at } = setUp(NESTED);
    const found = names.lookup('mp', at('mp', 1))!;
    expect(found.bindings.map((b) => b.target)).toEqual(['multiprocessing']);
    expect(found.scope.node.type).toBe('function_definition');
    expect(found.scope.node.childForFieldName('name')!.text).toBe('inner');
  });

  test('gives each binding and scope the node it stands for, when asked', () => {
    const { names, at } = setUp(NESTED);
    const outer = names.module.bindings.get('outer')![0];
    expect([outer.node.type, outer.node.startIndex, outer.node.childForFieldName('name')!.text]).toEqual(['function_definition', 0, 'outer']);
    const jobs = names.module.bindings.get('Jobs')![0];
    expect([jobs.node.type, jobs.node.childForFieldName('name')!.text]).toEqual(['class_definition', 'Jobs']);
    // A parameter with a default: the binding is the whole parameter.
    const n = names.lookup('n', at('n', 1))!;
    expect(n.bindings[0].node.type).toBe('default_parameter');
    expect(n.scope.node.childForFieldName('name')!.text).toBe('run');
    const q = names.lookup('q', at('q', 1))!;
    expect([q.bindings[0].node.type, q.bindings[0].node.text]).toEqual(['identifier', 'q']);
    // The lambda's own scope, and the comprehension's.
    const k = names.lookup('k', at('k', 1))!;
    expect(k.scope.node.type).toBe('lambda');
    expect(names.scopeOf(at('x', 0)).node.type).toBe('list_comprehension');
  });

  test('tells a scope from another node that starts at the same place', () => {
    // The statement starts where its comprehension does; the comprehension itself is evaluated outside.
    const { names } = setUp('[x for x in range(3)]\n');
    const comprehension = names.module.node.descendantsOfType('list_comprehension')[0];
    expect(comprehension.parent!.startIndex).toBe(comprehension.startIndex);
    expect(names.scopeOf(comprehension).kind).toBe('module');
  });
});
