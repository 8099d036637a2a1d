import type { SyntaxNode } from './types';

/** Before Python 3.12 an f-string's expressions cannot hold its own quote character. */
const SAME_QUOTES_FROM = 12;

/**
 * The quote to write a string literal with at `node`: `preferred`, or the other quote when
 * `node` sits in an f-string (before 3.12) whose quote is `preferred`; null when both are taken
 * by nested f-strings. Triple-quoted f-strings take no quote: one quote inside them is fine.
 */
export function quoteAt(node: SyntaxNode, preferred: '"' | "'", targetMinor: number | undefined): '"' | "'" | null {
  if ((targetMinor ?? 8) >= SAME_QUOTES_FROM) return preferred;
  const taken = new Set<string>();
  for (let n = node.parent; n; n = n.parent) {
    if (n.type !== 'interpolation') continue;
    const start = n.parent?.type === 'string' ? n.parent.child(0) : null;
    if (start?.type !== 'string_start') continue;
    const quote = start.text.slice(-1);
    if (!start.text.endsWith(quote.repeat(3))) taken.add(quote);
  }
  if (!taken.has(preferred)) return preferred;
  const other = preferred === '"' ? "'" : '"';
  return taken.has(other) ? null : other;
}
