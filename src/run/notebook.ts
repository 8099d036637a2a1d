/**
 * Jupyter notebooks: the code cells become one virtual module (imports in one cell serve the
 * next), magics and shell lines are masked as comments, and the result is split back into
 * cells. The JSON keeps its layout: same indentation and key order, same final newline.
 */

const SEPARATOR = '# mp-codemod: cell ';
const MAGIC = /^\s*[%!]/;

interface Cell {
  cell_type: string;
  source: string | string[];
  [key: string]: unknown;
}

export interface Notebook {
  json: { cells: Cell[]; [key: string]: unknown };
  indent: number | string;
  finalNewline: boolean;
}

export interface VirtualModule {
  text: string;
  /** Code cell index (in the notebook's cells) of each virtual line, and its line inside the cell (1-based). */
  lineMap: { cell: number; line: number }[];
  /** Per code cell: the original lines that were masked, by line index in the cell. */
  masked: Map<number, Map<number, string>>;
  /** Cells kept out entirely (cell magics such as %%bash). */
  opaque: Set<number>;
}

export class NotebookError extends Error {}

export function readNotebook(text: string): Notebook {
  let json: Notebook['json'];
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new NotebookError(`not valid notebook JSON (${(e as Error).message})`);
  }
  if (!json || !Array.isArray(json.cells)) throw new NotebookError('not a notebook (no "cells" list)');
  const indentMatch = /^\{\r?\n([ \t]+)"/.exec(text);
  return { json, indent: indentMatch ? (indentMatch[1].includes('\t') ? '\t' : indentMatch[1].length) : 1, finalNewline: /\n$/.test(text) };
}

const sourceOf = (cell: Cell) => (Array.isArray(cell.source) ? cell.source.join('') : cell.source);

export function toModule(nb: Notebook): VirtualModule {
  const parts: string[] = [];
  const lineMap: VirtualModule['lineMap'] = [];
  const masked = new Map<number, Map<number, string>>();
  const opaque = new Set<number>();
  nb.json.cells.forEach((cell, index) => {
    if (cell.cell_type !== 'code') return;
    parts.push(`${SEPARATOR}${index}\n`);
    lineMap.push({ cell: index, line: 0 });
    const source = sourceOf(cell);
    const lines = source.split('\n');
    const isOpaque = /^\s*%%/.test(source);
    if (isOpaque) opaque.add(index);
    const hidden = new Map<number, string>();
    lines.forEach((line, i) => {
      const mask = isOpaque || MAGIC.test(line);
      if (mask) hidden.set(i, line);
      parts.push(`${mask ? `# ${line.replace(/\r/g, '')}` : line}\n`);
      lineMap.push({ cell: index, line: i + 1 });
    });
    masked.set(index, hidden);
  });
  return { text: parts.join(''), lineMap, masked, opaque };
}

/** Puts the transformed module back into the cells; null when the cell structure did not survive. */
export function fromModule(nb: Notebook, mod: VirtualModule, output: string): Notebook | null {
  const chunks = output.split(new RegExp(`^${SEPARATOR.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)\\n`, 'm'));
  // chunks: [before-first, index, body, index, body, ...]
  if (chunks[0].trim() !== '') return null;
  const cells = nb.json.cells.map((c) => ({ ...c }));
  for (let k = 1; k < chunks.length; k += 2) {
    const index = Number(chunks[k]);
    const cell = cells[index];
    if (!cell || cell.cell_type !== 'code') return null;
    if (mod.opaque.has(index)) continue;
    let body = chunks[k + 1].replace(/\n$/, '');
    const lines = body.split('\n');
    for (const [i, original] of mod.masked.get(index) ?? []) {
      if (lines[i] !== `# ${original.replace(/\r/g, '')}`) return null;
      lines[i] = original;
    }
    body = lines.join('\n');
    if (body === sourceOf(nb.json.cells[index])) continue;
    cell.source = Array.isArray(nb.json.cells[index].source) ? body.split(/(?<=\n)/) : body;
  }
  return { ...nb, json: { ...nb.json, cells } };
}

export function writeNotebook(nb: Notebook): string {
  return JSON.stringify(nb.json, null, nb.indent) + (nb.finalNewline ? '\n' : '');
}

/**
 * The notebook's text with only the changed cells' `source` values rewritten in place: every
 * other byte (escapes such as \u00e9, line endings, key order, spacing) stays. Falls back to
 * writeNotebook when the text cannot be scanned as expected.
 */
export function patchNotebook(text: string, before: Notebook, after: Notebook): string {
  const spans = sourceSpans(text);
  if (!spans || spans.length !== before.json.cells.length) return writeNotebook(after);
  let out = '';
  let at = 0;
  before.json.cells.forEach((cell, i) => {
    const span = spans[i];
    const next = after.json.cells[i];
    if (!span || next.source === cell.source) return;
    out += text.slice(at, span.start) + sourceValue(text.slice(span.start, span.end), next.source);
    at = span.end;
  });
  return out + text.slice(at);
}

/** A cell's new `source` written the way the old value was: string or list, its indentation and line ends, \u escapes or not. */
function sourceValue(old: string, source: string | string[]): string {
  // A \u escape of a non-ASCII character (\u0080 and up).
  const escapes = /\\u(?:00[89a-fA-F][0-9a-fA-F]|0[1-9a-fA-F][0-9a-fA-F]{2}|[1-9a-fA-F][0-9a-fA-F]{3})/.test(old);
  const quote = (s: string) => {
    const json = JSON.stringify(s);
    return escapes ? json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
  };
  if (!Array.isArray(source)) return quote(source);
  const layout = /^\[(\r?\n)([ \t]*)"[\s\S]*?(\r?\n)([ \t]*)\]$/.exec(old);
  if (!layout) return `[${source.map(quote).join(/^\[\s*"[^]*",\s/.test(old) ? ', ' : ',')}]`;
  const [, nl, item, , close] = layout;
  return `[${nl}${source.map((l) => item + quote(l)).join(`,${nl}`)}${nl}${close}]`;
}

/** Where each cell's `source` value lies in the notebook's JSON text (null: not found as expected). */
function sourceSpans(text: string): ({ start: number; end: number } | null)[] | null {
  try {
    const top = members(text, skipSpace(text, 0));
    const cells = top.find((m) => m.key === 'cells');
    if (!cells || text[cells.start] !== '[') return null;
    return elements(text, cells.start).map((cell) => {
      if (text[cell.start] !== '{') return null;
      const source = members(text, cell.start).find((m) => m.key === 'source');
      return source ? { start: source.start, end: source.end } : null;
    });
  } catch {
    return null;
  }
}

const skipSpace = (t: string, i: number) => {
  while (i < t.length && (t[i] === ' ' || t[i] === '\t' || t[i] === '\n' || t[i] === '\r')) i++;
  return i;
};

function skipString(t: string, i: number): number {
  for (i++; t[i] !== '"'; i++) {
    if (i >= t.length) throw new Error('unterminated string');
    if (t[i] === '\\') i++;
  }
  return i + 1;
}

/** The end of the JSON value that starts at `i`. */
function skipValue(t: string, i: number): number {
  if (t[i] === '"') return skipString(t, i);
  if (t[i] === '{' || t[i] === '[') {
    let depth = 0;
    for (; i < t.length; i++) {
      const c = t[i];
      if (c === '"') i = skipString(t, i) - 1;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
    }
    throw new Error('unterminated value');
  }
  while (i < t.length && !/[,}\]\s]/.test(t[i])) i++;
  return i;
}

/** The members of the object at `i`: key and value span. */
function members(t: string, i: number): { key: string; start: number; end: number }[] {
  const out: { key: string; start: number; end: number }[] = [];
  for (i = skipSpace(t, i + 1); t[i] !== '}'; i = skipSpace(t, i + 1)) {
    const keyEnd = skipString(t, i);
    const key = JSON.parse(t.slice(i, keyEnd)) as string;
    const start = skipSpace(t, skipSpace(t, keyEnd) + 1);
    const end = skipValue(t, start);
    out.push({ key, start, end });
    i = skipSpace(t, end);
    if (t[i] === '}') break;
  }
  return out;
}

/** The elements of the array at `i`. */
function elements(t: string, i: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (i = skipSpace(t, i + 1); t[i] !== ']'; i = skipSpace(t, i + 1)) {
    const end = skipValue(t, i);
    out.push({ start: i, end });
    i = skipSpace(t, end);
    if (t[i] === ']') break;
  }
  return out;
}
