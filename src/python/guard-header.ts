import type { SyntaxNode } from '../syntax/types';
import type { Edit } from '../api/types';
import { leadingWhitespace, lineStartOf } from './style';

/** Only line continuations between a header's colon and its body: `if ...: \` + newline + body. */
const CONTINUATIONS = /^(?:[ \t\f]*\\(?:\r\n|\n|\r))+[ \t\f]*$/;

/**
 * Whether a compound statement's body sits on its header's logical line: on the same line
 * (`if x: main()`), or after backslash continuations. Such a body is one simple statement line,
 * and a line inserted before it would join the header.
 */
export function bodyOnHeaderLine(source: string, header: SyntaxNode, body: SyntaxNode): boolean {
  if (body.startPosition.row === header.startPosition.row) return true;
  const colon = header.children.find((c) => c.type === ':');
  return colon !== undefined && CONTINUATIONS.test(source.slice(colon.endIndex, body.startIndex));
}

/**
 * The edit that ends the header's line at its colon when backslashes carry it to a body indented
 * deeper than the header (`if ...: \` + newline + `    main()`), so the body becomes a block that
 * lines can be inserted into; null when there is nothing to undo or the body is not indented.
 */
export function splitContinuedHeader(source: string, header: SyntaxNode, body: SyntaxNode, newline: string): Edit | null {
  if (body.startPosition.row === header.startPosition.row || !bodyOnHeaderLine(source, header, body)) return null;
  const inner = leadingWhitespace(source, body.startIndex);
  const outer = leadingWhitespace(source, header.startIndex);
  if (!inner.startsWith(outer) || inner.length === outer.length) return null;
  const colon = header.children.find((c) => c.type === ':')!;
  return { start: colon.endIndex, end: lineStartOf(source, body.startIndex), text: newline };
}
