/**
 * A seeded generator of varied multiprocessing scripts and modules, for the fuzz test: import
 * styles, factories, f-strings, guards, main() functions, module-level code, encodings, line
 * endings, indentation, comments. Every file it makes compiles with Python 3.8 and later.
 *
 * Left out on purpose (the migration policy is being redesigned, issue 22): one-line guards
 * (`if __name__ == "__main__": main()`), an explicit fork in the guard, and module-level calls of
 * functions that start processes.
 */

export interface Generated {
  name: string;
  bytes: Buffer;
  /** What the file was made of, to name it in a failure. */
  recipe: string[];
}

/** mulberry32: small, fast, good enough to vary files. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Imports = { mp: string; from: string[]; lines: string[] };

export function generate(seed: number, count: number): Generated[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;
  const out: Generated[] = [];
  for (let i = 0; i < count; i++) {
    const recipe: string[] = [];
    const note = (s: string) => recipe.push(s);
    const indentUnit = pick(['    ', '    ', '  ', '\t']);
    note(`indent ${JSON.stringify(indentUnit)}`);
    const q = pick(['"', "'"]);
    const ind = (n: number) => indentUnit.repeat(n);

    // Imports.
    const style = pick(['plain', 'alias', 'from', 'mixed'] as const);
    note(`imports ${style}`);
    const imp: Imports = { mp: 'multiprocessing', from: [], lines: [] };
    if (style === 'plain') imp.lines.push('import multiprocessing');
    if (style === 'alias' || style === 'mixed') {
      imp.mp = 'mp';
      imp.lines.push('import multiprocessing as mp');
    }
    if (style === 'from' || style === 'mixed') {
      imp.from = ['Pool', 'Process', 'Queue'].filter(() => chance(0.7));
      if (imp.from.length === 0) imp.from = ['Process'];
      imp.lines.push(`from multiprocessing import ${imp.from.join(', ')}`);
      if (style === 'from') imp.mp = '';
    }
    if (chance(0.3)) imp.lines.push('import os');
    if (chance(0.2)) imp.lines.push('import sys');
    const factory = (name: string) => (imp.from.includes(name) ? name : imp.mp ? `${imp.mp}.${name}` : null);

    const lines: string[] = [];
    const nonAscii = chance(0.3);
    const encoding = nonAscii ? pick(['utf-8', 'latin-1', 'bom'] as const) : chance(0.1) ? 'bom' : 'utf-8';
    note(`encoding ${encoding}`);
    if (encoding === 'latin-1') lines.push(pick(['# -*- coding: latin-1 -*-', '# coding: latin-1']));
    if (chance(0.4)) lines.push(`"""Module ${i}${nonAscii ? ' caf\u00e9' : ''}.${chance(0.3) ? '\n\nUsage: run it.\n' : ''}"""`);
    if (chance(0.15)) lines.push('from __future__ import annotations');
    lines.push(...imp.lines, '');
    if (nonAscii) lines.push(`LABEL = ${q}na\u00efve \u00e9t\u00e9${q}`);
    if (chance(0.3)) lines.push(`COUNT = ${Math.floor(rnd() * 10)}`);
    if (chance(0.2)) lines.push('LIMIT: int = 3');
    lines.push('', '');
    lines.push('def work(x):', `${ind(1)}${chance(0.3) ? '# the task\n' + ind(1) : ''}return x * 2`, '', '');
    if (chance(0.3)) lines.push('def helper(a,', `        b=1):`, `${ind(1)}return (a +`, `${ind(2)}b)`, '', '');

    // The process code, as lines at indentation 0 (indented where it goes).
    const body: string[] = [];
    const uses = new Set<string>();
    const n = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < n; k++) {
      const kind = pick(['pool', 'process', 'queue', 'fstring', 'context', 'executor', 'lock'] as const);
      const pool = factory('Pool');
      const proc = factory('Process');
      const queue = factory('Queue');
      if (kind === 'pool' && pool) {
        body.push(`with ${pool}(2) as p${k}:`, `${ind(1)}print(p${k}.map(work, [1, 2]))`);
        uses.add('pool');
      } else if (kind === 'process' && proc) {
        body.push(`t${k} = ${proc}(target=work, args=(${k},))`, `t${k}.start()`, `t${k}.join()`);
        uses.add('process');
      } else if (kind === 'queue' && queue) {
        body.push(`q${k} = ${queue}()`, `q${k}.put(${k})`, `print(q${k}.get())`);
      } else if (kind === 'fstring' && imp.mp) {
        const fq = pick(['"', "'"]);
        const inner = pick(['Lock', 'Queue', 'Event']);
        body.push(`print(f${fq}{${imp.mp}.${inner}()}${fq} is not None)`);
        uses.add('fstring');
      } else if (kind === 'context' && imp.mp) {
        body.push(pick([`ctx${k} = ${imp.mp}.get_context()`, `ctx${k} = ${imp.mp}.get_context(${q}spawn${q})`, `ctx${k} = ${imp.mp}.get_context(None)`]), `print(ctx${k}.get_start_method())`);
      } else if (kind === 'lock' && imp.mp) {
        body.push(`lock${k} = ${imp.mp} . Lock()`, `with lock${k}:`, `${ind(1)}pass`);
      } else {
        body.push(`print(${k})`);
      }
      if (chance(0.2)) body.push(`# step ${k}`);
    }
    note(`body ${body.length} lines, uses ${[...uses].join('+') || 'none'}`);

    // Where it goes.
    const where = pick(['guard', 'main', 'module', 'module-then-guard'] as const);
    note(`placement ${where}`);
    // A backslash after the colon makes the body part of the header's line: one line only.
    const guardLine = `if __name__ == ${q}__main__${q}:${where !== 'guard' && chance(0.15) ? ' \\' : ''}`;
    const block = (lines: string[], depth: number) => lines.map((l) => (l.startsWith('#') ? `${ind(depth)}${l}` : ind(depth) + l));
    if (where === 'guard') {
      lines.push(guardLine, ...block(body, 1));
    } else if (where === 'main') {
      lines.push('def main():', ...block(body, 1), '', '', guardLine, `${ind(1)}main()`);
    } else if (where === 'module') {
      lines.push(...body);
    } else {
      lines.push(...body, '', guardLine, `${ind(1)}print("done")`);
    }
    if (chance(0.2)) lines.push('# end');

    // Line endings and the end of the file.
    const eol = pick(['\n', '\n', '\n', '\r\n', '\r'] as const);
    note(`eol ${JSON.stringify(eol)}`);
    let text = lines.join('\n').replace(/\n/g, eol);
    if (!chance(0.15)) text += eol;
    else note('no final newline');
    if (chance(0.1)) {
      text = text.replace(/(\S)(\r\n|\n|\r)/, `$1   $2`);
      note('trailing spaces');
    }
    const bytes = encoding === 'latin-1' ? Buffer.from(text, 'latin1') : encoding === 'bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8');
    out.push({ name: `f${String(i).padStart(3, '0')}.py`, bytes, recipe });
  }
  return out;
}
