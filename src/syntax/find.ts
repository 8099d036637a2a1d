import type { SyntaxNode } from './types';

/**
 * Finding nodes from the text instead of walking the tree. Every walk of a whole tree crosses
 * into native code once per node, which costs more than the parse on big files; most of what the
 * transforms look for is spelled out in the text (a keyword, an imported name), so a regular
 * expression says where to look and only those spots are turned into nodes.
 */

/** Statements that start with a keyword token: the keyword's parent, for each occurrence of the word. */
export function statementsOf(root: SyntaxNode, text: string, keyword: string, types: ReadonlySet<string>): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const seen = new Set<number>();
  const re = new RegExp(`\\b${keyword}\\b`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const token = root.descendantForIndex(m.index, m.index + keyword.length);
    // A keyword token has the keyword as its type; the same word in a string or name does not.
    if (token?.type !== keyword) continue;
    const stmt = token.parent;
    if (stmt && types.has(stmt.type) && !seen.has(stmt.id)) {
      seen.add(stmt.id);
      out.push(stmt);
    }
  }
  return out;
}

/**
 * A check of an occurrence from the text alone. It takes the text rather than closing over it so
 * that callers can pass one function for every file: V8 drops the optimised code of a closure
 * made per file at the collection between files, and compiles it again for the next.
 */
export type Accept = (text: string, start: number, end: number) => boolean;

/**
 * Identifiers spelled as one of `words`, in document order. Words in strings and comments are
 * not identifiers and are left out.
 */
export function identifiersNamed(
  root: SyntaxNode,
  text: string,
  words: Iterable<string>,
  /** A check of the text around each occurrence, before it is turned into a node. */
  accept?: Accept,
): SyntaxNode[] {
  const re = wordsPattern(words);
  if (!re) return [];
  const out: SyntaxNode[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (accept && !accept(text, m.index, m.index + m[0].length)) continue;
    const node = root.descendantForIndex(m.index, m.index + m[0].length);
    if (node?.type === 'identifier' && node.startIndex === m.index && node.endIndex === m.index + m[0].length) out.push(node);
  }
  return out;
}

/** The top-level statement that holds `node`: one call into the binding instead of a walk up the parents. */
export function topLevelOf(root: SyntaxNode, node: SyntaxNode): SyntaxNode | null {
  const start = node.startIndex;
  // The first child that ends after the node's start is the one that holds it.
  const top = root.firstNamedChildForIndex(start);
  if (top && top.startIndex <= start && node.endIndex <= top.endIndex) return top;
  let n = node;
  while (n.parent && n.parent.id !== root.id) n = n.parent;
  return n.id === root.id ? null : n;
}

/** The innermost call whose callee contains `node` (`os.fork` in `os.fork()`), or null. */
export function callOf(node: SyntaxNode): SyntaxNode | null {
  let child = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (p.type === 'call') return p.childForFieldName('function')?.id === child.id ? p : null;
    if (p.type !== 'attribute') return null;
  }
  return null;
}

/** Calls whose callee mentions one of `words` (`os.fork()` for `fork`), in document order. */
export function callsNaming(root: SyntaxNode, text: string, words: Iterable<string>, accept?: Accept): SyntaxNode[] {
  const calls = new Map<number, SyntaxNode>();
  for (const id of identifiersNamed(root, text, words, accept)) {
    const call = callOf(id);
    if (call) calls.set(call.id, call);
  }
  return [...calls.values()].sort((a, b) => a.startIndex - b.startIndex);
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Pattern sources by word list: the same lists come back for every file. */
const sources = new Map<string, string>();

/** A global regular expression matching any of `words` as a whole word, or null for none. */
export function wordsPattern(words: Iterable<string>): RegExp | null {
  const list = [...new Set(words)].filter((w) => w.length > 0);
  if (list.length === 0) return null;
  const key = list.join('\n');
  let source = sources.get(key);
  if (source === undefined) {
    if (sources.size >= 256) sources.clear();
    source = `\\b(?:${list.map(escape).join('|')})\\b`;
    sources.set(key, source);
  }
  // A fresh object each time: a global expression carries its position, and callers may nest.
  return new RegExp(source, 'g');
}

/** The next character of code from `i` on: spaces, line breaks, continuations and comments skipped. */
export function nextCodeChar(text: string, i: number): string {
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\f' || c === '\r' || c === '\n' || c === '\\') i++;
    else if (c === '#') {
      const eol = text.indexOf('\n', i);
      if (eol === -1) return '';
      i = eol + 1;
    } else return c;
  }
  return '';
}

const DEFINED = /\b(?:def|class)[ \t]+$/;

/** Whether the word at `start` is the name a def or class statement defines. */
export function isDefinedName(text: string, start: number): boolean {
  return DEFINED.test(text.slice(Math.max(0, start - 16), start));
}
