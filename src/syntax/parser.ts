import * as fs from 'fs';
import * as path from 'path';
import { Parser, Language, Query as WQuery } from 'web-tree-sitter';
import type * as W from 'web-tree-sitter';
import type { Point, Query, QueryMatch, SyntaxNode, Tree } from './types';
import type { Edit } from '../api/types';
import { statementsOf, identifiersNamed } from './find';
import { indentSubstitute } from './indent-substitute';

const PY2 = new Set(['print_statement', 'exec_statement']);

let parser: Parser | undefined;
let python: Language | undefined;
let loading: Promise<void> | undefined;
const queries = new Map<string, Query>();

/**
 * Work done by this thread so far: parses (fresh or incremental), scope analyses (`Names`), and
 * the engine's applied passes (edits applied to a file's text, each followed by one re-parse).
 * Plain counters, read by the run summary and `npm run bench` (parses per candidate file).
 */
export const work = { parses: 0, analyses: 0, passes: 0 };

/**
 * The Python grammar: the copy the build puts in dist/ (what a user installs), else the one of the
 * tree-sitter-python package (a checkout run from src/, as jest does).
 */
function grammarFile(): string {
  const shipped = path.join(__dirname, '..', '..', 'tree-sitter-python.wasm');
  return fs.existsSync(shipped) ? shipped : require.resolve('tree-sitter-python/tree-sitter-python.wasm');
}

/**
 * Loads tree-sitter (WebAssembly) and the Python grammar that the tree-sitter-python package
 * ships, from the installed packages. Once per thread, before the first parse or query; both are
 * synchronous afterwards.
 */
export function ready(): Promise<void> {
  loading ??= (async () => {
    await Parser.init();
    // Bytes, not a path: Language.load reads a path with a dynamic import(), which jest's module
    // sandbox refuses.
    const language = await Language.load(fs.readFileSync(grammarFile()));
    const p = new Parser();
    p.setLanguage(language);
    [python, parser] = [language, p];
  })();
  return loading;
}

/** Whether ready() was called: process-wide V8 flags for WebAssembly count only before that. */
export const parserStarted = (): boolean => loading !== undefined;

function loaded(): { parser: Parser; python: Language } {
  if (!parser || !python) throw new Error('the Python parser is not loaded: call and await ready() first');
  return { parser, python };
}

/** The grammar, once ready() is done (for its ABI version and the like). */
export function language(): Language {
  return loaded().python;
}

/**
 * A tree of `text`. Trees live in the WebAssembly heap, which no collector sees: whoever parses
 * calls `tree.delete()` when done (its nodes are unusable after that).
 */
export function parse(text: string, old?: Tree): Tree {
  const early = old || handed.size === 0 ? undefined : handed.get(text);
  if (early) {
    handed.delete(text);
    return early;
  }
  // A tree of a stand-in was read from other text: nothing of it can be reused.
  const tree = parseText(text, old && !standIns.has(old) ? old : undefined);
  if (!tree.rootNode.hasError) return tree;
  const standIn = indentSubstitute(text);
  if (standIn === null) return tree;
  const other = parseText(standIn);
  // Nodes read their text through the tree's textCallback (web-tree-sitter's, undeclared): made
  // the original's, node.text is the file's. Without it, the stand-in cannot be used.
  const reader = other as unknown as { textCallback?: unknown };
  if (other.rootNode.hasError || typeof reader.textCallback !== 'function') {
    other.delete();
    return tree;
  }
  tree.delete();
  reader.textCallback = (index: number) => text.slice(index);
  standIns.add(other);
  return other;
}

/** Trees parsed ahead of their use, by their text (see handOver). */
const handed = new Map<string, Tree>();

/**
 * Keeps `tree`, a tree of `text`, for the next parse of the same text instead of deleting it:
 * the cross-file scan parses modules that the run processes afterwards (the stdlib: 5 of its 8
 * parses, test_socket.py alone 35 ms). Whoever hands trees over drops the ones not taken
 * (dropHandedOver) when they will not be asked for any more.
 */
export function handOver(text: string, tree: Tree): void {
  handed.get(text)?.delete();
  handed.set(text, tree);
}

/** Deletes the trees handed over and not taken. */
export function dropHandedOver(): void {
  for (const tree of handed.values()) tree.delete();
  handed.clear();
}

/** Trees made from indentSubstitute's stand-in for a text tree-sitter wrongly rejected. */
const standIns = new WeakSet<Tree>();

/**
 * Whether `tree` was parsed from a same-length stand-in (see indentSubstitute) because tree-sitter
 * rejected the text itself: only Python can then say whether the text is valid.
 */
export function fromStandIn(tree: Tree): boolean {
  return standIns.has(tree);
}

function parseText(text: string, old?: Tree): Tree {
  work.parses++;
  const tree = loaded().parser.parse(text, old as W.Tree | undefined);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree as unknown as Tree;
}

/** `fn` of the tree of `text`; the tree is deleted afterwards, also when `fn` throws. */
export function withTree<T>(text: string, fn: (tree: Tree) => T): T {
  const tree = parse(text);
  try {
    return fn(tree);
  } finally {
    tree.delete();
  }
}

/** The position of the first syntax problem in `text` (see firstSyntaxError), or null. */
export function syntaxErrorIn(text: string): Point | null {
  return withTree(text, (tree) => firstSyntaxError(tree.rootNode, text)?.startPosition ?? null);
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
export function query(source: string): Query {
  let q = queries.get(source);
  if (!q) {
    q = new WQuery(loaded().python, source) as unknown as Query;
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
export function matchesAround(q: Query, root: SyntaxNode, text: string, words: Iterable<string>): QueryMatch[] {
  const found = new Map<string, QueryMatch>();
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
export function inMatchOrder(matches: QueryMatch[]): QueryMatch[] {
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
