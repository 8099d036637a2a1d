import type { SyntaxNode } from '../syntax/types';
import type { Edit } from '../api/types';

/** A tab counts as 4 columns, as in layout.ts (a cycle-free copy: layout.ts imports this module). */
const columns = (text: string) => [...text].reduce((n, c) => n + (c === '\t' ? 4 : 1), 0);

/** Black's StringSplitter: no piece shorter than this, quotes included. */
const MIN_PIECE = 6;

/** Brackets whose inside continues lines implicitly: a line break there needs no backslash. */
const BRACKETS = new Set([
  'argument_list', 'list', 'tuple', 'set', 'dictionary', 'parenthesized_expression',
  'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression',
]);
const STATEMENT_PARENTS = new Set(['block', 'module']);

/**
 * A plain string literal: no prefix (not f, r, b or u), one line, no escape sequence and no
 * backslash at all, so that cutting it at a space cannot change its value.
 */
function isPlain(node: SyntaxNode): boolean {
  if (node.type !== 'string') return false;
  const text = node.text;
  const quote = text[0];
  if ((quote !== '"' && quote !== "'") || text.startsWith(quote.repeat(3)) || text.length < 2 || text[text.length - 1] !== quote) return false;
  if (/[\\\r\n]/.test(text)) return false;
  return node.namedChildren.every((c) => c.type === 'string_start' || c.type === 'string_content' || c.type === 'string_end');
}

/** Inside brackets (a line break there is free) and not inside another string (an f-string's field). */
function insideBrackets(node: SyntaxNode): boolean {
  for (let n = node.parent; n && !STATEMENT_PARENTS.has(n.type); n = n.parent) {
    if (n.type === 'string') return false;
    if (BRACKETS.has(n.type)) return true;
  }
  return false;
}

/** Black's choice of where to cut `rest` (quotes included): the last space at or before `max` leaving two pieces of MIN_PIECE. */
function breakIndex(rest: string, max: number): number | null {
  for (let i = Math.min(max, rest.length - 1); i > 0; i--) {
    if (rest[i] === ' ' && i >= MIN_PIECE && rest.length - i >= MIN_PIECE) return i;
  }
  return null;
}

/**
 * `literal` (a plain string with its quotes) cut into pieces at spaces, each starting with the
 * space, as black's preview string processing cuts it: every piece as long as fits in `room`
 * columns, the last one followed by `tail` within the same room. Null when no cut fits.
 */
export function cutString(literal: string, room: number, tail: string): string[] | null {
  const quote = literal[0];
  const pieces: string[] = [];
  let rest = literal;
  while (columns(rest + tail) > room) {
    // The piece and its closing quote in `room` columns: at most room - 1 characters of `rest`.
    const at = breakIndex(rest, room - 1);
    if (at === null) return null;
    pieces.push(rest.slice(0, at) + quote);
    rest = quote + rest.slice(at);
  }
  pieces.push(rest);
  return pieces.length > 1 ? pieces : null;
}

/**
 * A line moving into a block indented `shift` more, too long only because of that: a plain string
 * literal on it, inside brackets, cut into implicitly concatenated pieces, one a line, each
 * aligned with the string's first column (black's preview string processing). Edits against the
 * unmoved source, line breaks as `nl` (the caller indents the lines they create); `tabs` when the
 * file indents with tabs. Null when no
 * string on the line can be cut so that every line fits in `limit`.
 */
export function splitString(root: SyntaxNode, source: string, lineStart: number, lineEnd: number, shift: string, limit: number, nl: string, tabs = false): Edit[] | null {
  const line = source.slice(lineStart, lineEnd);
  const lead = line.length - line.trimStart().length;
  const strings: SyntaxNode[] = [];
  const visit = (n: SyntaxNode) => {
    if (n.endIndex <= lineStart || n.startIndex >= lineEnd) return;
    if (n.type === 'string') {
      if (n.startIndex >= lineStart && n.endIndex <= lineEnd) strings.push(n);
      return;
    }
    for (const c of n.children) visit(c);
  };
  visit(root);
  // The last string first: the line passes the limit at its end.
  for (const s of strings.reverse()) {
    if (!isPlain(s) || !insideBrackets(s)) continue;
    const before = source.slice(lineStart, s.startIndex);
    // Aligned below the string: the same blanks, then a space for each character up to it (no tab there).
    const between = before.slice(lead);
    if (between.includes('\t')) continue;
    const column = columns(shift + before);
    const pieces = cutString(s.text, limit - column, source.slice(s.endIndex, lineEnd));
    if (!pieces) continue;
    // A file indented with tabs gets a tab for each 4 columns, then spaces (as its indentation reads).
    const indent = tabs ? '\t'.repeat(Math.floor(columns(before) / 4)) + ' '.repeat(columns(before) % 4) : before.slice(0, lead) + ' '.repeat([...between].length);
    return [{ start: s.startIndex, end: s.endIndex, text: pieces.join(`${nl}${indent}`) }];
  }
  return null;
}

/**
 * A plain string item that a wrap puts on a line of its own at `indent`, still too long there with
 * `tail` after it: cut into pieces one a line at the same indentation (black's preview string
 * processing, after its split at the brackets). Null when the item is no such string or has no cut.
 */
export function cutItem(item: SyntaxNode, indent: string, tail: string, limit: number, nl: string): Edit | null {
  if (!isPlain(item) || !insideBrackets(item) || columns(indent + item.text + tail) <= limit) return null;
  const pieces = cutString(item.text, limit - columns(indent), tail);
  // Inside the quotes: the wrap's own edits end and start at the item's ends, and must not touch this one.
  return pieces && { start: item.startIndex + 1, end: item.endIndex - 1, text: pieces.join(`${nl}${indent}`).slice(1, -1) };
}
