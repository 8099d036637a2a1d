import type { SyntaxNode } from '../syntax/types';
import type { Edit } from '../api/types';
import { CODES } from '../api/codes';

/**
 * `# mp-codemod: ignore` and `# mp-codemod: ignore[MP301,spawn-context]` comments. A pragma
 * covers the statement its line belongs to (the header only, for a compound statement): it
 * silences the diagnostics of that line and drops the fixes that would edit that statement.
 * Bare, it covers every code and transform; with names, the codes (or prefixes) and transform ids given.
 */
export interface Pragma {
  /** Offset of the comment's `#` in the text it was found in. */
  at: number;
  /** Offset and length of the pragma itself (`# mp-codemod: ignore[...]`), maybe after other comment text. */
  match: number;
  length: number;
  /** 0-based row of the comment. */
  row: number;
  /** The codes and transform ids named; null for a bare pragma. */
  names: string[] | null;
  /** The span of the statement it covers. */
  start: number;
  end: number;
}

const IGNORE = /#[ \t]*mp-codemod:[ \t]*ignore(?:\[([^\]\n]*)\])?/g;

/** The ignore pragmas in real comments of a parsed text (not in strings). */
export function findPragmas(text: string, root: SyntaxNode): Pragma[] {
  if (!text.includes('mp-codemod:')) return [];
  const out: Pragma[] = [];
  for (const m of text.matchAll(IGNORE)) {
    const at = m.index!;
    const node = root.descendantForIndex(at, at + 1);
    if (!node || node.type !== 'comment' || node.startIndex > at) continue;
    const row = node.startPosition.row;
    const names = m[1] === undefined ? null : m[1].split(',').map((n) => n.trim()).filter(Boolean);
    const [start, end] = statementSpan(root, row, text, at);
    out.push({ at: node.startIndex, match: at, length: m[0].length, row, names, start, end });
  }
  return out;
}

/** The simple statement covering `row`, or the header of the compound statement; else the line. */
function statementSpan(root: SyntaxNode, row: number, text: string, at: number): [number, number] {
  let node = root;
  for (;;) {
    const child = node.namedChildren.find((c) => c.type !== 'comment' && c.startPosition.row <= row && row <= c.endPosition.row);
    if (!child) break;
    const body = child.namedChildren.find((c) => c.type === 'block');
    if (child.type === 'block' || child.type.endsWith('_clause') || child.type === 'decorated_definition') {
      node = child;
      continue;
    }
    if (!body) return [child.startIndex, child.endIndex];
    if (row < body.startPosition.row) {
      // The header ends with its `:` (and a comment after it), before the body's first line.
      const kids = child.children;
      const before = kids[kids.findIndex((k) => k.id === body.id) - 1];
      return [child.startIndex, before ? before.endIndex : body.startIndex];
    }
    node = child;
  }
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return [lineStart, nl === -1 ? text.length : nl];
}

/** Whether a pragma name covers a code (by prefix) or a transform id. */
export const names = (name: string, code: string | undefined, transform: string) =>
  name === transform || (code !== undefined && /^MP\d*$/i.test(name) && code.startsWith(name.toUpperCase()));

/** Whether an edit touches the pragma's statement (an insertion counts only strictly inside it). */
export function touches(e: Edit, p: Pragma): boolean {
  return e.start === e.end ? p.start < e.start && e.start < p.end : e.start < p.end && e.end > p.start;
}

/** The pragma names that are neither a code (or prefix of one) nor a known transform id. */
export function unknownNames(p: Pragma, transformIds: readonly string[]): string[] {
  return (p.names ?? []).filter((n) => !(transformIds.includes(n) || (/^MP\d+$/i.test(n) && Object.keys(CODES).some((c) => c.startsWith(n.toUpperCase())))));
}

/**
 * The edit that drops a pragma's unused names, keeping `keep`; with nothing to keep, the pragma
 * goes, with the spaces before it, and its line when the pragma was all there was on it.
 */
export function pragmaEdit(text: string, p: Pragma, keep: string[]): Edit {
  if (keep.length > 0) return { start: p.match, end: p.match + p.length, text: `# mp-codemod: ignore[${keep.join(',')}]` };
  let start = p.match;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = p.match + p.length;
  const lineStart = start === 0 || text[start - 1] === '\n';
  const rest = /^[ \t]*(\r?\n|$)/.exec(text.slice(end));
  if (lineStart && rest) end += rest[0].length;
  else if (rest) end += rest[0].length - rest[1].length;
  return { start, end, text: '' };
}

/** `# mp-codemod: keep-fork`: the author wants fork for that code. */
export const KEEP_FORK = /#[ \t]*mp-codemod:[ \t]*keep-fork\b/;

/** The keep-fork comments of a file (not the words in a string or docstring that shows how to use them). */
export function keepForkComments(text: string, root: SyntaxNode): SyntaxNode[] {
  if (!text.includes('keep-fork')) return [];
  const out: SyntaxNode[] = [];
  for (const m of text.matchAll(new RegExp(KEEP_FORK.source, 'g'))) {
    const comment = root.descendantForIndex(m.index!, m.index! + 1);
    if (comment?.type === 'comment') out.push(comment);
  }
  return out;
}
