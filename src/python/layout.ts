import type { SyntaxNode } from '../syntax/types';
import type { Edit } from '../api/types';
import type { Style } from './style';
import { leadingWhitespace, lineStartOf } from './style';
import { cutItem, splitString } from './string-split';

/** Black's and ruff's default limit, used when the project sets none. */
export const DEFAULT_LINE_LENGTH = 88;

/** A tab counts as 4 columns (ruff's default indent-width); every other character as one. */
const TAB_WIDTH = 4;

export function width(line: string): number {
  let n = 0;
  for (const c of line) n += c === '\t' ? TAB_WIDTH : 1;
  return n;
}

/** The index of the line break that ends the line holding `index` (or the end of the text). */
function lineEndOf(text: string, index: number): number {
  for (let i = index; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** How many lines past 88 make a habit rather than an outlier (a URL, a long message). */
const HABIT = 3;

/**
 * The limit for a file whose project sets none: 88, unless the file's own code is written to a
 * longer one (three or more lines past 88, comment lines aside); then its longest line plus one
 * indentation level, which a move into main() adds: moved code keeps its lines, and new text
 * stays within the file's width. One or two long lines (a URL, a message) do not raise the limit.
 */
export function fileLineLength(source: string): number {
  const long: number[] = [];
  for (const line of source.split(/\r\n|\r|\n/)) {
    const w = width(line);
    if (w > DEFAULT_LINE_LENGTH && !/^\s*#/.test(line)) long.push(w);
  }
  if (long.length < HABIT) return DEFAULT_LINE_LENGTH;
  return Math.max(...long) + TAB_WIDTH;
}

const widest = (text: string) => Math.max(0, ...text.split(/\r\n|\r|\n/).map(width));

/**
 * Whether `edits` make the lines from `from` to `to` wider than `limit`, and wider than they were:
 * a line the tool creates or lengthens past the limit. Lines already too long and not lengthened are left be.
 */
export function tooLongAfter(source: string, edits: readonly Edit[], from: number, to: number, limit: number): boolean {
  const start = lineStartOf(source, from);
  const end = lineEndOf(source, to);
  let text = '';
  let at = start;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.start < start || e.end > end) continue;
    text += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  text += source.slice(at, end);
  const after = widest(text);
  return after > limit && after > widest(source.slice(start, end));
}

/** A bracketed, comma-separated list: a call's arguments, a from-import's names. */
export interface List {
  open: SyntaxNode;
  /** The items (no comments). */
  items: SyntaxNode[];
  close: SyntaxNode;
}

const isFirstOnLine = (source: string, node: SyntaxNode) => source.slice(lineStartOf(source, node.startIndex), node.startIndex).trim() === '';

/**
 * Adds `text` as the last item of `list`, in the list's own layout:
 * - one item a line: a new line with the same indentation, keeping the list's trailing-comma habit;
 * - hanging indent or aligned continuation, several items a line: appended to the last line,
 *   or on a new line aligned with it when that line would get too long;
 * - all on one line with its brackets: appended there (the caller wraps the line with wrapLine
 *   if it gets too long); a magic trailing comma (`f(a,)`) explodes the list, as black does;
 * - all items on one line between brackets on lines of their own: appended, or exploded one
 *   item a line when the line would get longer than `limit`.
 * Lines the list does not share are never touched.
 */
export function addItem(source: string, style: Style, list: List, text: string, limit: number): Edit[] {
  const { open, items, close } = list;
  if (items.length === 0) return [{ start: open.endIndex, end: open.endIndex, text }];
  const last = items[items.length - 1];
  const between = source.slice(last.endIndex, close.startIndex);
  const trailing = /^[ \t]*,/.exec(between);
  const oneRow = items[0].startPosition.row === last.endPosition.row;
  const lastOwnLine = isFirstOnLine(source, last) && last.startPosition.row > open.startPosition.row;
  if (lastOwnLine && !(oneRow && items.length > 1)) {
    return onNewLine(source, style, list, text, leadingWhitespace(source, last.startIndex), trailing !== null, limit);
  }
  const after = trailing ? last.endIndex + trailing[0].length : last.endIndex;
  const inline = [{ start: after, end: after, text: trailing ? ` ${text},` : `, ${text}` }];
  if (trailing && oneRow && open.startPosition.row === close.startPosition.row) return explode(source, style, list, text, limit);
  // On one line with its brackets: the caller's wrapLine wraps the whole line if need be.
  if (open.startPosition.row === close.startPosition.row) return inline;
  // A file written wider than 88 columns still gets no line wider than the list's own widest.
  const own = Math.max(DEFAULT_LINE_LENGTH, widest(source.slice(lineStartOf(source, open.startIndex), lineEndOf(source, close.startIndex))));
  limit = Math.min(limit, own);
  if (!tooLongAfter(source, inline, last.startIndex, after, limit)) return inline;
  if (oneRow) {
    const wrapped = wrap(source, style, list, text, limit);
    if (wrapped) return wrapped;
  }
  // Several items a line over several lines: a new line aligned with the last line's first item.
  const row = items.filter((i) => i.startPosition.row === last.startPosition.row)[0];
  if (!isFirstOnLine(source, row) || row.startPosition.row === open.startPosition.row) return inline;
  return onNewLine(source, style, list, text, leadingWhitespace(source, row.startIndex), trailing !== null, limit);
}

/**
 * A keyword item whose value is a conditional expression (`k="spawn" if n > 0 else None`) too long
 * for its line at `indent`: the value in parentheses on a line of its own, as black does.
 */
function fitItem(text: string, indent: string, style: Style, limit: number): string {
  const m = /^(\w+)=(.+ if .+ else .+)$/.exec(text);
  if (!m || width(`${indent}${text},`) <= limit) return text;
  const nl = style.newline;
  const inner = indent + style.indent;
  // Still too long inside the parentheses: one clause a line (the first ` if `, the last ` else `).
  const clauses = /^(.*?) (if .*) (else .*)$/.exec(m[2]);
  let body = m[2];
  if (width(inner + m[2]) > limit && clauses) {
    const lines = clauses.slice(1);
    // The `if` clause still too long: black splits it next at its comparison (`if n` / `> 0`).
    const compared = / (> 0)$/.exec(lines[1]);
    if (compared && width(inner + lines[1]) > limit) lines.splice(1, 1, lines[1].slice(0, compared.index), compared[1]);
    body = lines.join(`${nl}${inner}`);
  }
  return `${m[1]}=(${nl}${inner}${body}${nl}${indent})`;
}

/** `text` on a line of its own after the last item, indented by `indent`. */
function onNewLine(source: string, style: Style, list: List, item: string, indent: string, trailing: boolean, limit: number): Edit[] {
  const { items, close } = list;
  const nl = style.newline;
  const text = fitItem(item, indent, style, limit);
  const last = items[items.length - 1];
  if (!trailing && commaTooLong(source, list, text, indent, limit)) {
    // A comma would take the last keyword's line past the limit: the new item goes above it instead.
    const at = lineStartOf(source, last.startIndex);
    return [{ start: at, end: at, text: `${indent}${text},${nl}` }];
  }
  if (isFirstOnLine(source, close) && !source.slice(last.endIndex, close.startIndex).includes('\\')) {
    // The closing bracket on its own line: the new item goes just above it.
    const at = lineStartOf(source, close.startIndex);
    const line = { start: at, end: at, text: `${indent}${text}${trailing ? ',' : ''}${nl}` };
    return trailing ? [line] : [{ start: last.endIndex, end: last.endIndex, text: ',' }, line];
  }
  if (trailing) {
    const at = last.endIndex + /^[ \t]*,/.exec(source.slice(last.endIndex))![0].length;
    return [{ start: at, end: at, text: `${nl}${indent}${text},` }];
  }
  return [{ start: last.endIndex, end: last.endIndex, text: `,${nl}${indent}${text}` }];
}

/**
 * Whether the comma that `item` needs after the list's last item would take that item's line past
 * `limit` (nothing there to break), when the last item is a keyword argument on a line of its own
 * at `indent`, led by no comment, so that a keyword `item` can go above it without changing the call.
 */
function commaTooLong(source: string, list: List, item: string, indent: string, limit: number): boolean {
  const { open, items, close } = list;
  const last = items[items.length - 1];
  if (!/^\w+=/.test(item) || last.type !== 'keyword_argument' || !isFirstOnLine(source, last) || leadingWhitespace(source, last.startIndex) !== indent) return false;
  const before = items.length > 1 ? items[items.length - 2].endIndex : open.endIndex;
  if (source.slice(before, last.startIndex).replace(/^[ \t]*,/, '').trim() !== '') return false;
  // What stays after the comma on that line: the rest of it, unless the closing bracket moves below.
  const rest = isFirstOnLine(source, close) ? source.slice(last.endIndex, lineEndOf(source, last.endIndex)) : '';
  return width(`${source.slice(lineStartOf(source, last.endIndex), last.endIndex)},${rest}`) > limit;
}

/**
 * Black's wrap of a list whose items share one line, with `text` added (or none): the items on one
 * indented line between the brackets when they fit and there is no magic trailing comma, else one
 * item a line with a trailing comma. Null when something other than blanks lies between the items.
 */
export function wrap(source: string, style: Style, list: List, text: string | null, limit: number): Edit[] | null {
  const { open, items, close } = list;
  if (items.length === 0) return null;
  const first = items[0];
  const last = items[items.length - 1];
  if (first.startPosition.row !== last.endPosition.row) return null;
  if (source.slice(open.endIndex, first.startIndex).trim() !== '') return null;
  const tail = source.slice(last.endIndex, close.startIndex);
  if (!/^[ \t]*,?[ \t\r\n]*$/.test(tail)) return null;
  const nl = style.newline;
  const indent = leadingWhitespace(source, open.startIndex);
  const inner = indent + style.indent;
  const body = source.slice(first.startIndex, last.endIndex) + (text === null ? '' : `, ${text}`);
  if (!tail.includes(',') && width(inner + body) <= limit) {
    return [
      { start: open.endIndex, end: first.startIndex, text: `${nl}${inner}` },
      { start: last.endIndex, end: close.startIndex, text: `${text === null ? '' : `, ${text}`}${nl}${indent}` },
    ];
  }
  return explode(source, style, list, text, limit);
}

/** One item a line, with a trailing comma (black's layout for a magic trailing comma or a body too long). */
function explode(source: string, style: Style, list: List, text: string | null, limit: number): Edit[] {
  const { open, items, close } = list;
  const nl = style.newline;
  const indent = leadingWhitespace(source, open.startIndex);
  const inner = indent + style.indent;
  const last = items[items.length - 1];
  const edits: Edit[] = [{ start: open.endIndex, end: items[0].startIndex, text: `${nl}${inner}` }];
  for (let i = 1; i < items.length; i++) edits.push({ start: items[i - 1].endIndex, end: items[i].startIndex, text: `,${nl}${inner}` });
  edits.push({ start: last.endIndex, end: close.startIndex, text: `,${text === null ? '' : `${nl}${inner}${fitItem(text, inner, style, limit)},`}${nl}${indent}` });
  return edits;
}

const BRACKETS = new Set([
  'argument_list', 'list', 'tuple', 'set', 'dictionary', 'parenthesized_expression',
  'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression',
]);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
/** Where black puts invisible parentheses around an implicit tuple (`return a, b`). */
const TUPLE_HOLDERS = new Set(['return_statement', 'assignment', 'augmented_assignment', 'expression_statement']);
const STATEMENT_PARENTS = new Set(['block', 'module']);

/** The text of `source[start, end)` with the edits that lie inside it applied. */
function applied(source: string, edits: readonly Edit[], start: number, end: number): string {
  let text = '';
  let at = start;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.start < start || e.end > end || (e.start === e.end && (e.start === start || e.start === end))) continue;
    text += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return text + source.slice(at, end);
}

/**
 * The bracket black's right-hand split would break a line at: the outermost bracket holding
 * `node` that opens and closes on `node`'s line, or an implicit tuple that black wraps in
 * parentheses. Null when there is none.
 */
function outerBracket(node: SyntaxNode): SyntaxNode | null {
  const row = node.startPosition.row;
  let found: SyntaxNode | null = null;
  for (let n: SyntaxNode | null = node; n && !STATEMENT_PARENTS.has(n.type); n = n.parent) {
    if (n.startPosition.row !== row || n.endPosition.row !== row) {
      // The line is the body of brackets around it (`f(` above, `)` below): black explodes those.
      if (BRACKETS.has(n.type) && isBodyLine(n, row)) found = n;
      break;
    }
    if (BRACKETS.has(n.type)) found = n;
    if (n.type === 'expression_list' && n.parent && TUPLE_HOLDERS.has(n.parent.type)) found = n;
    // Brackets inside an f-string's replacement field: a line break there is an error before 3.12.
    if (n.type === 'string') found = null;
  }
  return found;
}

function isBodyLine(bracket: SyntaxNode, row: number): boolean {
  const items = bracket.namedChildren.filter((c) => c.type !== 'comment');
  return bracket.startPosition.row < row && bracket.endPosition.row > row && items.length > 0 && items.every((i) => i.startPosition.row === row && i.endPosition.row === row);
}

/**
 * When `edits` (one fix's) make `node`'s line longer than `limit`, the same edits with the line
 * wrapped as black would: at the outermost bracket of the line, its content on one indented
 * line if it fits (and has no magic trailing comma), else one item a line with a trailing comma
 * (a comprehension: one clause a line). Otherwise, or when the line has no such bracket, `edits`.
 * Only the blanks and commas between items are edited, so other fixes inside the items still
 * apply in the same pass (and diagnostics inside them keep their positions); the price: a line
 * that only several fixes together make too long is not wrapped.
 */
export function wrapLine(source: string, style: Style, node: SyntaxNode, edits: Edit[], limit: number): Edit[] {
  if (!tooLongAfter(source, edits, node.startIndex, node.endIndex, limit)) return edits;
  return breakLine(source, style, node, edits, limit);
}

const CLOSERS = new Set([')', ']', '}']);

/**
 * Black's wrap of a line that moves into a block indented by `shift` more, when that indentation
 * alone takes it past `limit`: edits against the unmoved source (the caller indents the lines
 * they create like the rest). Null when the line fits, was past the limit already (the user's
 * own), or has no bracket closing on it to break at.
 */
export function wrapIndented(source: string, style: Style, root: SyntaxNode, lineStart: number, shift: string, limit: number): Edit[] | null {
  const end = lineEndOf(source, lineStart);
  const line = source.slice(lineStart, end);
  if (width(line) > limit || width(shift + line) <= limit) return null;
  // Only a statement on a line of its own: breaking one line of a longer statement is a reformat.
  const first = lineStart + line.length - line.trimStart().length;
  let stmt = root.descendantForIndex(first, first + 1);
  while (stmt && stmt.parent && !STATEMENT_PARENTS.has(stmt.parent.type)) stmt = stmt.parent;
  // Else a plain string on the line cut into pieces (black's preview string processing), if one can be.
  const cut = () => splitString(root, source, lineStart, end, shift, limit, style.newline, style.indent === '\t');
  if (!stmt || stmt.startIndex !== first || stmt.startPosition.row !== stmt.endPosition.row) return cut();
  const bracket = lastBracket(source, root, lineStart, end);
  const edits = bracket ? breakLine(source, style, bracket, [], limit - width(shift), true) : [];
  return edits.length > 0 ? edits : cut();
}

/** `global a, b, c` at `indent`, as several statements when one would be longer than `limit`. */
export function globalLines(names: string[], indent: string, nl: string, limit: number): string {
  const lines: string[] = [];
  let line = '';
  for (const n of names) {
    const longer = line ? `${line}, ${n}` : `${indent}global ${n}`;
    if (line && width(longer) > limit) {
      lines.push(line);
      line = `${indent}global ${n}`;
    } else line = longer;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${l}${nl}`).join('');
}

/**
 * The last bracket closing in `source[from, to)` (not a comment's or a string's): black's
 * right-hand split breaks there. Null when that bracket is one this module does not break (a
 * subscript): breaking an earlier, inner one instead is not what black does
 * (`x[i*n:(i+1)*n] = y` split inside `(i+1)`).
 */
function lastBracket(source: string, root: SyntaxNode, from: number, to: number): SyntaxNode | null {
  for (let i = to - 1; i >= from; i--) {
    if (!CLOSERS.has(source[i])) continue;
    const leaf = root.descendantForIndex(i, i + 1);
    if (!leaf || !CLOSERS.has(leaf.type) || !leaf.parent || inString(leaf)) continue;
    return BRACKETS.has(leaf.parent.type) ? leaf.parent : null;
  }
  return null;
}

/** Inside an f-string's replacement field: a line break there is an error before Python 3.12. */
function inString(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'string') return true;
  return false;
}

/** The value an assignment or return statement hands over, else null. */
function valueOf(stmt: SyntaxNode): SyntaxNode | null {
  if (stmt.type === 'return_statement') return stmt.namedChildren.find((c) => c.type !== 'comment') ?? null;
  const inner = stmt.type === 'expression_statement' ? stmt.namedChild(0) : null;
  return inner && (inner.type === 'assignment' || inner.type === 'augmented_assignment') ? inner.childForFieldName('right') : null;
}

/**
 * One wrap for a one-line statement that several fixes lengthen together (`edits`, from all of
 * them): a conditional expression assigned or returned gets black's parentheses, one clause a
 * line when it is still too long; any other line breaks at its last bracket. `edits` as they
 * are when the line fits or cannot be wrapped.
 */
export function wrapStatement(source: string, style: Style, root: SyntaxNode, stmt: SyntaxNode, edits: Edit[], limit: number): Edit[] {
  if (!tooLongAfter(source, edits, stmt.startIndex, stmt.endIndex, limit)) return edits;
  const value = valueOf(stmt);
  if (value?.type === 'conditional_expression') {
    const across = (a: number, b: number) => edits.some((e) => e.start < b && e.end > a && (e.start < a || e.end > b));
    const at = (i: number) => edits.some((e) => e.start === i && e.end === i);
    if (across(value.startIndex, value.endIndex) || at(value.startIndex) || at(value.endIndex)) return edits;
    const nl = style.newline;
    const indent = leadingWhitespace(source, stmt.startIndex);
    const inner = indent + style.indent;
    const out = [
      ...edits,
      { start: value.startIndex, end: value.startIndex, text: `(${nl}${inner}` },
      { start: value.endIndex, end: value.endIndex, text: `${nl}${indent})` },
    ];
    if (width(inner + applied(source, edits, value.startIndex, value.endIndex)) <= limit) return out.sort((a, b) => a.start - b.start);
    for (const token of value.children.filter((c) => c.type === 'if' || c.type === 'else')) {
      const before = token.previousSibling!;
      if (across(before.endIndex, token.startIndex)) return edits;
      out.push({ start: before.endIndex, end: token.startIndex, text: `${nl}${inner}` });
    }
    return out.sort((a, b) => a.start - b.start);
  }
  const bracket = lastBracket(source, root, stmt.startIndex, stmt.endIndex);
  return bracket ? breakLine(source, style, bracket, edits, limit) : edits;
}

/**
 * wrapLine's wrap, whether or not the line is too long (`edits` as they are when it cannot be wrapped).
 * `cut`: a plain string item still too long on its own line is cut too (see cutItem; moved lines only).
 */
function breakLine(source: string, style: Style, node: SyntaxNode, edits: Edit[], limit: number, cut = false): Edit[] {
  const bracket = outerBracket(node);
  if (!bracket) return edits;
  const implicit = bracket.type === 'expression_list';
  const children = bracket.namedChildren.filter((c) => c.type !== 'comment');
  const comprehension = COMPREHENSIONS.has(bracket.type);
  const openEnd = implicit ? children[0].startIndex : bracket.startIndex + 1;
  const closeStart = implicit ? children[children.length - 1].endIndex : bracket.endIndex - 1;
  // A fix's insertion right after the last item (a new argument) or into empty brackets joins the tail.
  const tailEdit = edits.find((e) => e.start === e.end && e.start === (children.length ? children[children.length - 1].endIndex : openEnd));
  const others = edits.filter((e) => e !== tailEdit);
  const inGap = others.some((e) => e.end > openEnd - (implicit ? 1 : 0) && e.start < closeStart + (implicit ? 1 : 0) && !children.some((c) => e.start >= c.startIndex && e.end <= c.endIndex && !(e.start === e.end && e.start === c.startIndex)));
  if (inGap) return edits;
  const texts = children.map((c) => applied(source, others, c.startIndex, c.endIndex));
  let extra = tailEdit?.text ?? '';
  if (children.length > 0 && extra && !extra.startsWith(', ')) return edits;
  if (children.length > 0) extra = extra.slice(2);
  if (extra) texts.push(extra);
  if (texts.length === 0) return edits;
  const nl = style.newline;
  const indent = leadingWhitespace(source, bracket.startIndex);
  const inner = indent + style.indent;
  const magic = !implicit && !comprehension && children.length > 0 && source.slice(children[children.length - 1].endIndex, closeStart).includes(',');
  const between = (i: number) => applied(source, others, children[i - 1].endIndex, children[i].startIndex);
  const body = children.length === 0 ? extra : applied(source, others, children[0].startIndex, children[children.length - 1].endIndex) + (extra ? `, ${extra}` : '');
  const [lp, rp] = implicit ? ['(', ')'] : ['', ''];
  const out: Edit[] = others.filter((e) => e.end <= openEnd - (implicit ? 1 : 0) || e.start >= closeStart + (implicit ? 1 : 0) || children.some((c) => e.start >= c.startIndex && e.end <= c.endIndex));
  const first = children[0];
  const last = children[children.length - 1];
  // A string item left too long on its line: cut (only items untouched by `others`; moved lines have none).
  const cutAt = (item: SyntaxNode, tail: string) => {
    const e = cut && !others.some((o) => o.end > item.startIndex && o.start < item.endIndex) ? cutItem(item, inner, tail, limit, nl) : null;
    if (e) out.push(e);
  };
  if ((!magic && width(inner + body) <= limit) || texts.length === 1) {
    if (!first) return [...out, { start: openEnd, end: closeStart, text: `${nl}${inner}${extra}${nl}${indent}` }];
    out.push({ start: openEnd, end: first.startIndex, text: `${lp}${nl}${inner}` });
    out.push({ start: last.endIndex, end: closeStart, text: `${extra ? `, ${extra}` : ''}${nl}${indent}${rp}` });
    if (texts.length === 1) cutAt(first, '');
    return out.sort((a, b) => a.start - b.start);
  }
  if (children.some((_, i) => i > 0 && /[\r\n#]/.test(between(i)))) return edits;
  const sep = comprehension ? '' : ',';
  out.push({ start: openEnd, end: first.startIndex, text: `${lp}${nl}${inner}` });
  for (let i = 1; i < children.length; i++) out.push({ start: children[i - 1].endIndex, end: children[i].startIndex, text: `${sep}${nl}${inner}` });
  out.push({ start: last.endIndex, end: closeStart, text: `${sep}${extra ? `${nl}${inner}${fitItem(extra, inner, style, limit)}${sep}` : ''}${nl}${indent}${rp}` });
  for (const c of children) cutAt(c, sep);
  return out.sort((a, b) => a.start - b.start);
}
