import * as fs from 'fs';
import * as path from 'path';
import type { SyntaxNode, Tree } from '../src/syntax/types';
import { Parser } from 'web-tree-sitter';
import { parse, parseEdited, describeForReuse, query, matchesAround, inMatchOrder } from '../src/syntax/parser';
import { statementsOf, identifiersNamed, callOf } from '../src/syntax/find';
import { applyFixes } from '../src/engine/edits';
import type { Edit } from '../src/api/types';

const FIXTURES = path.join(__dirname, '..', '__testfixtures__');
const inputs = fs
  .readdirSync(FIXTURES)
  .flatMap((dir) => fs.readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith('.input.py')).map((f) => path.join(FIXTURES, dir, f)));

/** Every node with its type, offsets and positions, as a walk of the whole tree sees it. */
function signature(tree: Tree): string {
  const c = tree.walk();
  const out: string[] = [];
  for (;;) {
    out.push(`${c.nodeType}${c.startIndex},${c.endIndex}@${c.startPosition.row}:${c.startPosition.column}-${c.endPosition.row}:${c.endPosition.column}`);
    if (c.gotoFirstChild()) continue;
    while (!c.gotoNextSibling()) if (!c.gotoParent()) return out.join(' ');
  }
}

describe('statementsOf', () => {
  it('finds import statements in every scope, and not the word in strings or comments', () => {
    const text = 'import os\n# import sys\ns = "import re"\ndef f():\n    from a import b\n    if x:\n        import c as d\n';
    const root = parse(text).rootNode;
    const found = statementsOf(root, text, 'import', new Set(['import_statement', 'import_from_statement']));
    expect(found.map((n) => n.text)).toEqual(['import os', 'from a import b', 'import c as d']);
  });

  it('agrees with a walk of the whole tree on every fixture', () => {
    const types = new Set(['import_statement', 'import_from_statement']);
    for (const file of inputs) {
      const text = fs.readFileSync(file, 'utf8');
      const root = parse(text).rootNode;
      const walked = root.descendantsOfType([...types]).map((n) => n.id);
      expect([file, statementsOf(root, text, 'import', types).map((n) => n.id)]).toEqual([file, walked]);
    }
  });
});

describe('identifiersNamed', () => {
  it('returns identifiers only, next to any characters', () => {
    const text = 'mp = 1\nx = "mp"  # mp\ny = émp + mp.mp + f(mp=2)\n';
    const root = parse(text).rootNode;
    const found = identifiersNamed(root, text, ['mp']);
    expect(found.map((n) => [n.startPosition.row, n.startPosition.column])).toEqual([
      [0, 0],
      [2, 10],
      [2, 13],
      [2, 20],
    ]);
    expect(identifiersNamed(root, text, [])).toEqual([]);
  });

  it('callOf finds the call a callee name belongs to', () => {
    const text = 'os.fork()\nprint(os.fork)\nfork.x.y(1)\n';
    const root = parse(text).rootNode;
    const calls = identifiersNamed(root, text, ['fork']).map((id) => callOf(id)?.text ?? null);
    expect(calls).toEqual(['os.fork()', null, 'fork.x.y(1)']);
  });
});

describe('matchesAround', () => {
  const source = `
    (call function: [(identifier) (attribute)] @fn arguments: (argument_list) @args) @call
    (class_definition superclasses: (argument_list) @bases)
  `;
  const contains = (m: { captures: { node: SyntaxNode }[] }, ids: SyntaxNode[]) =>
    ids.some((id) => m.captures.some((c) => c.node.startIndex <= id.startIndex && id.endIndex <= c.node.endIndex));
  const key = (m: { pattern: number; captures: { node: SyntaxNode }[] }) => `${m.pattern}:${m.captures.map((c) => c.node.id).join(',')}`;

  it('finds every match holding an anchor, in the order of a whole-tree search', () => {
    const q = query(source);
    let checked = 0;
    for (const file of inputs) {
      const text = fs.readFileSync(file, 'utf8');
      const root = parse(text).rootNode;
      const words = ['mp', 'multiprocessing', 'Process', 'Pool'];
      const ids = identifiersNamed(root, text, words);
      const around = matchesAround(q, root, text, words);
      const wanted = inMatchOrder(q.matches(root)).filter((m) => contains(m, ids)).map(key);
      // Around also returns matches that start above an anchor without capturing it; never fewer.
      expect([file, around.map(key).filter((k) => wanted.includes(k))]).toEqual([file, wanted]);
      checked += wanted.length;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('returns nothing without anchors', () => {
    const text = 'import multiprocessing\nmultiprocessing.Pool(2)\n';
    expect(matchesAround(query(source), parse(text).rootNode, text, [])).toEqual([]);
  });
});

describe('parseEdited', () => {
  const cases: [string, string, (text: string) => Edit[]][] = [
    ['insert at the top and in the middle', 'import os\n\n\ndef f():\n    return 1\n\n\nx = f()\n', (t) => [
      { start: 0, end: 0, text: 'import multiprocessing\n' },
      { start: t.indexOf('return'), end: t.indexOf('return'), text: 'y = 2\n    ' },
    ]],
    ['replace across lines', 'a = (1,\n     2)\nb = 3\n', (t) => [{ start: t.indexOf('(1'), end: t.indexOf('b'), text: '[\n    1,\n]\n' }]],
    ['delete with CRLF', 'import a\r\nimport b\r\n\r\nprint(a, b)\r\n', (t) => [{ start: t.indexOf('import b'), end: t.indexOf('\r\n\r\n') + 2, text: '' }]],
    ['text outside the BMP', 's = "😀😀"\nt = 1\n', (t) => [{ start: t.indexOf('t ='), end: t.indexOf('t =') + 1, text: 'u_😀_name = "😀"\nt' }]],
  ];

  it.each(cases)('gives the tree of a fresh parse: %s', (_name, before, makeEdits) => {
    const outcome = applyFixes(before, [{ message: 'x', edits: makeEdits(before) }]);
    expect(outcome.applied).toHaveLength(1);
    const edited = parseEdited(parse(before), before, outcome.edits, outcome.output);
    expect(signature(edited)).toBe(signature(parse(outcome.output)));
  });

  it('gives the tree of a fresh parse for every fixture pair', () => {
    const { diffLines } = require('diff') as typeof import('diff');
    for (const file of inputs) {
      const before = fs.readFileSync(file, 'utf8');
      const outFile = file.replace(/\.input\.py$/, '.output.py');
      if (!fs.existsSync(outFile)) continue;
      const after = fs.readFileSync(outFile, 'utf8');
      // The line diff between the pair, as edits of the input.
      const edits: Edit[] = [];
      let at = 0;
      for (const part of diffLines(before, after)) {
        if (part.removed) {
          edits.push({ start: at, end: at + part.value.length, text: '' });
          at += part.value.length;
        } else if (part.added) {
          const last = edits[edits.length - 1];
          if (last && last.end === at) last.text += part.value;
          else edits.push({ start: at, end: at, text: part.value });
        } else at += part.value.length;
      }
      if (edits.length === 0) continue;
      const outcome = applyFixes(before, [{ message: 'pair', edits }]);
      expect(outcome.output).toBe(after);
      expect([file, signature(parseEdited(parse(before), before, outcome.edits, after))]).toEqual([file, signature(parse(after))]);
    }
  });

  /** Applies sorted, non-overlapping edits. */
  const apply = (text: string, edits: readonly Edit[]) => {
    let out = '';
    let at = 0;
    for (const e of edits) {
      out += text.slice(at, e.start) + e.text;
      at = e.end;
    }
    return out + text.slice(at);
  };

  it('tells tree-sitter the same change, however the edits slide and merge', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const pieces = ['\n', '\r\n', '    ', 'x', 'import os\n', ')\n', '\n\n', '😀', 'a = 1\n'];
    for (let round = 0; round < 500; round++) {
      const before = Array.from({ length: 12 }, () => pieces[random(pieces.length)]).join('');
      const edits: Edit[] = [];
      for (let at = random(4); at <= before.length; at += 1 + random(6)) {
        const end = random(3) === 0 ? Math.min(before.length, at + random(3)) : at;
        edits.push({ start: at, end, text: random(4) === 0 ? '' : pieces[random(pieces.length)] });
        at = end;
      }
      const told = describeForReuse(before, edits);
      expect(apply(before, told)).toBe(apply(before, edits));
      told.forEach((e, i) => expect(i === 0 || e.start > told[i - 1].end).toBe(true));
    }
  });

  it('re-reads only around a new import line, not the rest of the file', () => {
    const functions = Array.from({ length: 60 }, (_, i) => `def f${i}(items):\n    return [x * ${i} for x in items]\n`).join('\n\n');
    const before = `from multiprocessing import Process\n\n\n${functions}`;
    const at = before.indexOf('\n') + 1;
    const outcome = applyFixes(before, [{ message: 'import', edits: [{ start: at, end: at, text: 'import multiprocessing\n' }] }]);
    const tree = parse(before);
    // tree-sitter logs each character its lexer reads; count them during the re-parse alone.
    const original = Parser.prototype.parse;
    let read = 0;
    Parser.prototype.parse = function (this: Parser, ...args: Parameters<Parser['parse']>) {
      this.setLogger((message: string) => {
        if (/^(consume|skip) /.test(message)) read++;
      });
      try {
        return original.apply(this, args);
      } finally {
        this.setLogger(null);
      }
    } as Parser['parse'];
    let edited: Tree;
    try {
      edited = parseEdited(tree, before, outcome.edits, outcome.output);
    } finally {
      Parser.prototype.parse = original;
    }
    expect(signature(edited)).toBe(signature(parse(outcome.output)));
    expect(read).toBeGreaterThan(0);
    // Told as made, the lexer reads 1.8 times the file; told this way, the two changed lines and
    // the first token of each function (to re-check it) are all it reads.
    expect(read).toBeLessThan(outcome.output.length / 3);
  });
});
