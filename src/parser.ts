import Parser = require('tree-sitter');
import Python = require('tree-sitter-python');
import type { Point, SyntaxNode, Tree } from 'tree-sitter';
import type { Edit } from './types';
import { noteParsed, holdForever, beforeFirstCollection } from './memory';
import { VARIED_MODULE } from './sample';
import { statementsOf, identifiersNamed } from './find';
import { useNodeFields, FIELDS_SAMPLE } from './node-fields';

const PY2 = new Set(['print_statement', 'exec_statement']);

let parser: Parser | undefined;
const queries = new Map<string, Parser.Query>();

// Big files need a larger buffer than the default, or the binding rejects them.
const bufferSizeFor = (text: string) => Math.max(32 * 1024, text.length * 2 + 1024);

export function parse(text: string, old?: Tree): Tree {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Python as unknown as Parser.Language);
    useNodeFields(parser.parse(FIELDS_SAMPLE));
  }
  noteParsed(text.length);
  const tree = parser.parse(text, old, { bufferSize: bufferSizeFor(text) });
  // The binding registers every node it hands out with its tree (a weak reference each, checked
  // on every later hand-out and rewritten on every edit), only so that one node stays one object
  // and survives edits. Nodes here are compared by id and dropped before their tree is edited,
  // so this tree keeps no register: a tenth of a dense run's time.
  const unregistered = tree as unknown as { _cacheNode(): void; _cacheNodes(): void };
  unregistered._cacheNode = skip;
  unregistered._cacheNodes = skip;
  return tree;
}

const skip = () => {};

/**
 * Each kind of node is its own class in the binding, with its own hidden class in V8. A kind that
 * no live node has loses it at the next collection, and the optimised code built for it goes
 * too (see memory.ts). One node of most kinds, from a varied module, is held for good, and a
 * cursor (its class gains a property when made): made before the first collection, so runs too
 * small to collect (--stdin) do not pay for it.
 */
beforeFirstCollection(holdNodeClasses);

function holdNodeClasses(): void {
  const cursor = parse(VARIED_MODULE).walk();
  const nodes: SyntaxNode[] = [];
  for (;;) {
    nodes.push(cursor.currentNode);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return holdForever([nodes, cursor]);
  }
}

/**
 * Parses the text that `edits` (sorted, in the coordinates of `before`) made from `before`,
 * reusing the unchanged parts of `tree`, the tree of `before`. Much faster than a fresh parse
 * for the small edits transforms make, and the same tree. `tree` is edited in place.
 */
export function parseEdited(tree: Tree, before: string, edits: readonly Edit[], after: string): Tree {
  const lines = lineStarts(before);
  const told = describeForReuse(before, edits);
  // Last edit first: the offsets and positions of the edits before it stay valid.
  for (let i = told.length - 1; i >= 0; i--) {
    const e = told[i];
    const startPosition = pointAt(lines, e.start);
    tree.edit({
      startIndex: e.start,
      oldEndIndex: e.end,
      newEndIndex: e.start + e.text.length,
      startPosition,
      oldEndPosition: pointAt(lines, e.end),
      newEndPosition: pointAfter(startPosition, e.text),
    });
  }
  return parse(after, tree);
}

// Measured on the dense corpus: one character of margin still left many long re-reads, two
// removed them, three and four did no better.
const REUSE_MARGIN = 2;

/**
 * The same change, told to tree-sitter so that it reuses more of the old tree. Told as it was
 * made, an insertion at the start of a line (a new import, a new statement) falls in the
 * look-ahead of the Python scanner's line-break token before it; tree-sitter's log then shows it
 * refusing the next statement for a different scanner state and re-reading the rest of the file,
 * which is slower than a fresh parse. Told as an insertion before that line break, widened by a
 * few characters on each side, the change is re-read where it is (first 400 dense files: 3.8 M
 * characters re-read before, 0.76 M after). Widened edits that meet are told as one.
 */
export function describeForReuse(before: string, edits: readonly Edit[]): Edit[] {
  const slid: Edit[] = [];
  let floor = 0;
  for (const edit of edits) {
    let { start, end, text } = edit;
    // Slide a pure insertion left while the text it ends with is also the text before it.
    while (start === end && text.length > 0 && start > floor && before.charCodeAt(start - 1) === text.charCodeAt(text.length - 1)) {
      text = text[text.length - 1] + text.slice(0, -1);
      start--;
      end--;
    }
    slid.push({ start, end, text });
    floor = edit.end;
  }
  const out: Edit[] = [];
  let group: Edit[] = [];
  let from = 0;
  let to = 0;
  const flush = () => {
    if (group.length === 0) return;
    let text = '';
    let at = from;
    for (const e of group) {
      text += before.slice(at, e.start) + e.text;
      at = e.end;
    }
    out.push({ start: from, end: to, text: text + before.slice(at, to) });
  };
  for (const e of slid) {
    const lo = Math.max(0, e.start - REUSE_MARGIN);
    const hi = Math.min(before.length, e.end + REUSE_MARGIN);
    if (group.length > 0 && lo <= to) {
      group.push(e);
      to = Math.max(to, hi);
      continue;
    }
    flush();
    group = [e];
    from = lo;
    to = hi;
  }
  flush();
  return out;
}

/** Offsets where rows start: tree-sitter counts rows by line feeds only. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function pointAt(starts: number[], offset: number): Point {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, column: offset - starts[lo] };
}

function pointAfter(start: Point, inserted: string): Point {
  const last = inserted.lastIndexOf('\n');
  if (last === -1) return { row: start.row, column: start.column + inserted.length };
  let rows = 0;
  for (let i = inserted.indexOf('\n'); i !== -1; i = inserted.indexOf('\n', i + 1)) rows++;
  return { row: start.row + rows, column: inserted.length - last - 1 };
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
export function firstSyntaxError(root: SyntaxNode, text: string): SyntaxNode | null {
  if (!root.hasError) {
    const py2 = [...statementsOf(root, text, 'print', PY2), ...statementsOf(root, text, 'exec', PY2)];
    return py2.length > 0 ? py2.reduce((a, b) => (b.startIndex < a.startIndex ? b : a)) : null;
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

/**
 * The matches of `q` that start at an ancestor of one of the identifiers spelled as `words` (so
 * every match that contains one), in matchOrder. The query runs once on each such ancestor, for
 * the matches that start right there.
 */
export function matchesAround(q: Parser.Query, root: SyntaxNode, text: string, words: Iterable<string>): Parser.QueryMatch[] {
  const found = new Map<string, Parser.QueryMatch>();
  const visited = new Set<number>();
  for (const id of identifiersNamed(root, text, words)) {
    for (let at: SyntaxNode | null = id; at; at = at.parent) {
      if (visited.has(at.id)) break; // and so were all its ancestors
      visited.add(at.id);
      for (const match of q.matches(at, { maxStartDepth: 0 })) {
        found.set(`${match.pattern}:${match.captures.map((c) => c.node.id).join(',')}`, match);
      }
    }
  }
  return inMatchOrder([...found.values()]);
}

/**
 * A fixed order for matches, however they were found: by position, outer before inner, then by
 * pattern. (tree-sitter's own order depends on how far each match got; fixes that start at the
 * same place are applied in this order.)
 */
export function inMatchOrder(matches: Parser.QueryMatch[]): Parser.QueryMatch[] {
  const keyed = matches.map((match) => {
    let start = Infinity;
    let end = -Infinity;
    for (const c of match.captures) {
      start = Math.min(start, c.node.startIndex);
      end = Math.max(end, c.node.endIndex);
    }
    return { match, start, end };
  });
  keyed.sort((a, b) => a.start - b.start || b.end - a.end || a.match.pattern - b.match.pattern);
  return keyed.map((k) => k.match);
}
