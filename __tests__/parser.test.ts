import * as fs from 'fs';
import * as path from 'path';
import MagicString from 'magic-string';
import { Node, Parser, Tree, TreeCursor, LANGUAGE_VERSION, MIN_COMPATIBLE_VERSION } from 'web-tree-sitter';
import { parse, language, syntaxErrorIn, fromStandIn, handOver, dropHandedOver, work } from '../src/syntax/parser';
import { indentSubstitute } from '../src/syntax/indent-substitute';
import { transformSource } from '../src/engine/pipeline';
import { builtinTransforms } from '../transforms';
import type { Transform } from '../src/api/types';

describe('the WebAssembly parser', () => {
  it('loads the grammar tree-sitter-python ships, of an ABI version web-tree-sitter reads', () => {
    const python = language();
    expect(python.name).toBe('python');
    expect(python.abiVersion).toBeGreaterThanOrEqual(MIN_COMPATIBLE_VERSION);
    expect(python.abiVersion).toBeLessThanOrEqual(LANGUAGE_VERSION);
    // From the installed package, not from anywhere else.
    expect(fs.existsSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'))).toBe(true);
    const tree = parse('import multiprocessing as mp\n\nif __name__ == "__main__":\n    mp.Process(target=print).start()\n');
    expect(tree.rootNode.hasError).toBe(false);
    expect(tree.rootNode.namedChildren.map((n) => n.type)).toEqual(['import_statement', 'if_statement']);
    tree.delete();
  });

  it('has the versions package.json pins', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    const installed = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')).version;
    // web-tree-sitter exports no ./package.json; its main file sits beside it.
    expect(pkg.dependencies['web-tree-sitter']).toBe(installed(path.join(path.dirname(require.resolve('web-tree-sitter')), 'package.json')));
    expect(pkg.devDependencies['tree-sitter-python']).toBe(installed(require.resolve('tree-sitter-python/package.json')));
    expect(pkg.dependencies['tree-sitter-python']).toBeUndefined(); // its install script builds a binding we never use
    expect(pkg.dependencies['tree-sitter']).toBeUndefined();
  });

  // magic-string takes JS string (UTF-16) indices; tree-sitter counts bytes of its own encoding.
  it('gives JS string indices and UTF-16 columns, also after characters outside the BMP', () => {
    // Built piece by piece, so that where each identifier starts is known without tree-sitter.
    const pieces = ['@s', ' = "😀é😀"; ', '@alpha', ' = 1\n', '@t', ' = ("\u{1F600}", ', '@alpha', ')  # 😀\n', '@x𝔘y', ' =\t[', '@beta', ' for ', '@beta', ' in "αβγ😀"]\r\n', '@gamma', ' = ', '@x𝔘y', '\n'];
    let text = '';
    let upper = '';
    const expected: [string, number][] = [];
    for (const p of pieces) {
      const id = p.startsWith('@') ? p.slice(1) : null;
      if (id) expected.push([id, text.length]);
      text += id ?? p;
      upper += id ? id.toUpperCase() : p;
    }
    const tree = parse(text);
    expect(tree.rootNode.hasError).toBe(false);
    const ids = tree.rootNode.descendantsOfType('identifier');
    expect(ids.map((n) => [text.slice(n.startIndex, n.endIndex), n.startIndex])).toEqual(expected);
    for (const n of ids) {
      const lineStart = text.lastIndexOf('\n', n.startIndex - 1) + 1;
      expect(n.startPosition.column).toBe(n.startIndex - lineStart);
    }
    const s = new MagicString(text);
    for (const n of ids) s.update(n.startIndex, n.endIndex, n.text.toUpperCase());
    expect(s.toString()).toBe(upper);
    tree.delete();
  });

  it('parses input over 32 KB', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `value_${i} = "😀" * ${i}\n`).join('');
    expect(text.length).toBeGreaterThan(64 * 1024);
    expect(syntaxErrorIn(text)).toBeNull();
    expect(syntaxErrorIn(`${text}def f(:\n`)).toEqual({ row: 3000, column: 6 });
  });
});

// tree-sitter-python's scanner dedents inside brackets after a line that cannot be followed by a
// closing bracket, when the next line is indented less than the block; Python accepts these.
const LESS_INDENTED = [
  ['tabs', 'def f():\n\tif (a and\n  b):\n\t\tpass\n\treturn 1\n'],
  ['spaces', 'def f():\n    if (a and\n  b):\n        pass\n'],
  ['tabs, three levels deep', 'class A:\n\tdef m(self):\n\t\tif (a and\n  b):\n\t\t\tpass\n'],
  ['CRLF, a string and a comment in brackets', 'def f():\r\n    x = ("""(\r\n  """ +  # (\r\n  y)\r\n    if (x and\r\n  y):\r\n        pass\r\n'],
];

describe('indentation inside brackets that tree-sitter-python rejects', () => {
  it.each(LESS_INDENTED)('%s: parsed through a stand-in of the same length, nodes read the original', (_name, text) => {
    const tree = parse(text);
    expect(tree.rootNode.hasError).toBe(false);
    expect(fromStandIn(tree)).toBe(true);
    expect(tree.rootNode.text).toBe(text);
    for (const id of tree.rootNode.descendantsOfType('identifier')) expect(id.text).toBe(text.slice(id.startIndex, id.endIndex));
    expect(syntaxErrorIn(text)).toBeNull();
    tree.delete();
  });

  it.each(LESS_INDENTED)('%s: the stand-in differs only in leading spaces and tabs', (_name, text) => {
    const standIn = indentSubstitute(text)!;
    expect(standIn).not.toBeNull();
    expect(standIn.length).toBe(text.length);
    for (let i = 0; i < text.length; i++) if (standIn[i] !== text[i]) expect(`${text[i]}${standIn[i]}`).toMatch(/^[ \t]{2}$/);
    expect(standIn.split('\n').map((l) => l.trimStart())).toEqual(text.split('\n').map((l) => l.trimStart()));
  });

  it('keeps strings and lines outside brackets as they are', () => {
    const text = 'x = """(\n  a"""\ny = 1 + \\\n  2\nz = (1,\n  2)\n';
    expect(indentSubstitute(text)).toBe('x = """(\n  a"""\ny = 1 + \\\n  2\nz = (1,\n\t\t2)\n');
    expect(indentSubstitute('x = 1\n')).toBeNull();
  });

  it('does not hide real errors', () => {
    expect(syntaxErrorIn('def f():\n    if (a and\n  b:\n        pass\n')).not.toBeNull();
    const tree = parse('def f():\n    x = (1,\n  2\n');
    expect(fromStandIn(tree)).toBe(false);
    tree.delete();
  });
});

describe('trees and cursors', () => {
  /** Counts trees made (parsed or copied) and deleted, and cursors made and deleted, while `fn` runs. */
  function counted(fn: () => void): { trees: number; treesDeleted: number; cursors: number; cursorsDeleted: number } {
    const counts = { trees: 0, treesDeleted: 0, cursors: 0, cursorsDeleted: 0 };
    const parse0 = Parser.prototype.parse;
    const copy0 = Tree.prototype.copy;
    const delete0 = Tree.prototype.delete;
    const walk0 = Node.prototype.walk;
    const cursorDelete0 = TreeCursor.prototype.delete;
    Parser.prototype.parse = function (this: Parser, ...args: Parameters<Parser['parse']>) {
      const tree = parse0.apply(this, args);
      if (tree) counts.trees++;
      return tree;
    };
    Tree.prototype.copy = function (this: Tree) {
      counts.trees++;
      return copy0.call(this);
    };
    Tree.prototype.delete = function (this: Tree) {
      counts.treesDeleted++;
      return delete0.call(this);
    };
    Node.prototype.walk = function (this: Node) {
      counts.cursors++;
      return walk0.call(this);
    };
    TreeCursor.prototype.delete = function (this: TreeCursor) {
      counts.cursorsDeleted++;
      return cursorDelete0.call(this);
    };
    try {
      fn();
    } finally {
      Object.assign(Parser.prototype, { parse: parse0 });
      Object.assign(Tree.prototype, { copy: copy0, delete: delete0 });
      Object.assign(Node.prototype, { walk: walk0 });
      Object.assign(TreeCursor.prototype, { delete: cursorDelete0 });
    }
    return counts;
  }

  const SCRIPT = 'import multiprocessing as mp\n\n\ndef work(x):\n    return x\n\n\nmp.Process(target=work, args=(1,)).start()\nwith mp.Pool(2) as p:\n    p.map(work, [1, 2])\n';

  it('transformSource deletes every tree and cursor it makes', () => {
    let out = '';
    const counts = counted(() => (out = transformSource(SCRIPT, builtinTransforms).output));
    expect(out).not.toBe(SCRIPT);
    expect(counts.trees).toBeGreaterThan(1); // re-parses after edits
    expect(counts.treesDeleted).toBe(counts.trees);
    expect(counts.cursors).toBeGreaterThan(0);
    expect(counts.cursorsDeleted).toBe(counts.cursors);
  });

  it('transformSource deletes every tree of a file parsed through a stand-in', () => {
    const text = SCRIPT.replace('    return x\n', '    if (x and\n  x):\n        return x\n');
    let out = '';
    const counts = counted(() => (out = transformSource(text, builtinTransforms).output));
    expect(out).not.toBe(text);
    expect(counts.trees).toBeGreaterThan(2);
    expect(counts.treesDeleted).toBe(counts.trees);
  });

  it('transformSource deletes the trees of a file when a transform throws', () => {
    const boom: Transform = { id: 'boom', description: '', safety: 'safe', safetyNote: '', prefilter: /multiprocessing/, query: '(module) @m', fix: () => { throw new Error('boom'); } };
    let error: unknown;
    const counts = counted(() => (error = transformSource(SCRIPT, [...builtinTransforms, boom]).error));
    expect(error).toEqual({ transform: 'boom', message: 'failed: boom' });
    expect(counts.trees).toBeGreaterThan(1);
    expect(counts.treesDeleted).toBe(counts.trees);
  });
});

describe('trees handed over (the cross-file scan to the engine)', () => {
  test('the next parse of the same text takes the tree, once, without parsing; another text is parsed', () => {
    const text = 'import multiprocessing as mp\n\nmp.Pool(2)\n';
    const tree = parse(text);
    handOver(text, tree);
    const before = work.parses;
    const other = parse('x = 1\n');
    expect(other).not.toBe(tree);
    expect(parse(`${text}`)).toBe(tree);
    expect(work.parses).toBe(before + 1);
    const again = parse(text);
    expect(again).not.toBe(tree);
    expect(work.parses).toBe(before + 2);
    for (const t of [tree, other, again]) t.delete();
  });

  test('a stand-in tree is handed over as one; trees not taken are deleted with dropHandedOver', () => {
    const text = 'def g(a):\n    if (a and\n  a):\n        return a\n';
    const tree = parse(text);
    expect(fromStandIn(tree)).toBe(true);
    handOver(text, tree);
    const taken = parse(text);
    expect(taken).toBe(tree);
    expect(fromStandIn(taken)).toBe(true);
    handOver(text, taken);
    dropHandedOver();
    const fresh = parse(text);
    expect(fresh).not.toBe(tree);
    fresh.delete();
  });
});
