/**
 * A same-length stand-in for Python text that tree-sitter-python rejects although Python accepts
 * it. Its external scanner emits a DEDENT inside brackets when a line ends where no closing
 * bracket may follow (`if (a and`) and the next line is indented less than the block:
 *
 *     def f():
 *         if (a and
 *       b):
 *             pass
 *
 * The stand-in changes only indentation, character for character, so every offset and row stays
 * that of the original: the leading spaces and tabs of lines inside brackets become tabs (the
 * scanner counts a tab as 8 columns, Python ignores them there), and, in a file whose block
 * indentation is tabs only, those tabs become spaces (their order is kept, and a continuation
 * line then outranks any block of fewer than 8 levels per leading character). Null when no line
 * starts inside brackets. Strings, comments and backslash continuations are skipped as Python
 * reads them; with the compile gate on, Python then judges the original (pipeline.ts).
 */
export function indentSubstitute(text: string): string | null {
  // Runs of leading whitespace, in text order: inside brackets (to tabs) or block indentation.
  const runs: { from: number; to: number; inBrackets: boolean }[] = [];
  let blockTabsOnly = true;
  let continued = false; // the line follows a backslash continuation
  let depth = 0;
  let lineStart = true;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (lineStart) {
      lineStart = false;
      let j = i;
      while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
      const blank = j === n || text[j] === '\n' || text[j] === '\r' || text[j] === '#';
      if (j > i && depth > 0) runs.push({ from: i, to: j, inBrackets: true });
      else if (j > i && !continued && !blank) {
        runs.push({ from: i, to: j, inBrackets: false });
        if (text.slice(i, j).includes(' ')) blockTabsOnly = false;
      }
      continued = false;
      i = j;
      continue;
    }
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      i++;
    } else if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '\\') {
      const after = text[i + 1] === '\r' ? i + 2 : i + 1;
      continued = text[after] === '\n';
      i = continued ? after : i + 2;
    } else if (c === '"' || c === "'") {
      i = stringEnd(text, i);
    } else {
      if (c === '(' || c === '[' || c === '{') depth++;
      else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
      i++;
    }
  }
  if (!runs.some((r) => r.inBrackets)) return null;
  const parts: string[] = [];
  let copied = 0;
  for (const run of runs) {
    const ch = run.inBrackets ? '\t' : blockTabsOnly ? ' ' : null;
    if (ch === null) continue;
    parts.push(text.slice(copied, run.from), ch.repeat(run.to - run.from));
    copied = run.to;
  }
  const out = parts.join('') + text.slice(copied);
  return out === text ? null : out;
}

/** The offset after the string literal whose quote is at `i` (or the end of the line, if it is not closed). */
function stringEnd(text: string, i: number): number {
  const q = text[i];
  const triple = text[i + 1] === q && text[i + 2] === q;
  let j = triple ? i + 3 : i + 1;
  while (j < text.length) {
    const c = text[j];
    if (c === '\\') j += 2;
    else if (triple && c === q && text[j + 1] === q && text[j + 2] === q) return j + 3;
    else if (!triple && c === q) return j + 1;
    else if (!triple && c === '\n') return j;
    else j++;
  }
  return text.length;
}
