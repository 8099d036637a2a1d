import type { SyntaxNode } from '../syntax/types';

/** How inserted code should look so that it matches the file around it. */
export interface Style {
  newline: string;
  indent: string;
  quote: '"' | "'";
}

export function detectNewline(text: string): string {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  if (crlf === 0 && lf === 0 && text.includes('\r')) return '\r';
  return crlf > lf ? '\r\n' : '\n';
}

/** The most common step between a block and the statement that opens it; four spaces when there is none. */
export function detectIndent(text: string, root: SyntaxNode): string {
  const counts = new Map<string, number>();
  for (const block of root.descendantsOfType('block')) {
    const first = block.firstNamedChild;
    const owner = block.parent;
    if (!first || !owner || first.startPosition.row === owner.startPosition.row) continue;
    const inner = leadingWhitespace(text, first.startIndex);
    const outer = leadingWhitespace(text, owner.startIndex);
    if (!inner.startsWith(outer) || inner.length === outer.length) continue;
    const step = inner.slice(outer.length);
    counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  let best = '    ';
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount) {
      best = step;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The file's dominant quote for short strings: quotes that open a string (not preceded by a
 * word character or another quote, not a triple quote), counted in the text; a tie is double.
 */
export function detectQuote(text: string): '"' | "'" {
  const single = text.match(/(?<![\w'"\\])'(?!'')/g)?.length ?? 0;
  const double = text.match(/(?<![\w'"\\])"(?!"")/g)?.length ?? 0;
  return single > double ? "'" : '"';
}

/** The whitespace between the start of the line holding `index` and the first non-blank character. */
export function leadingWhitespace(text: string, index: number): string {
  const lineStart = lineStartOf(text, index);
  let end = lineStart;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(lineStart, end);
}

/** The start of the line holding `index` (after the previous \n or \r). Scans back, not the whole text. */
export function lineStartOf(text: string, index: number): number {
  let i = Math.min(index, text.length) - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    // The \r of a \r\n ending at `index` belongs to the same line as its \n.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) break;
    i--;
  }
  return i + 1;
}

/**
 * Each part is detected on first use: most runs need the quote only, and indentation costs a walk.
 * A class, not an object literal with getters made per file (see memory.ts).
 */
class DetectedStyle implements Style {
  private detectedNewline?: string;
  private detectedIndent?: string;
  private detectedQuote?: '"' | "'";

  constructor(
    private readonly text: string,
    private readonly root: SyntaxNode,
  ) {}

  get newline(): string {
    return (this.detectedNewline ??= detectNewline(this.text));
  }

  get indent(): string {
    return (this.detectedIndent ??= detectIndent(this.text, this.root));
  }

  get quote(): '"' | "'" {
    return (this.detectedQuote ??= detectQuote(this.text));
  }
}

export function detectStyle(text: string, root: SyntaxNode): Style {
  return new DetectedStyle(text, root);
}
