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
