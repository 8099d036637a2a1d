import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic } from '../../api/types';
import { isCode, type Code } from '../../api/codes';

/** One line the Python helper wrote (python/mp_codemod_verify/sitecustomize.py). */
export interface VerifyRecord {
  kind: 'failure' | 'fork' | 'child-sync';
  code: Code;
  where: 'parent' | 'child';
  /** `Type: message` of the exception, for failures. */
  error?: string;
  /** [file, line, function, module], outermost first. */
  stack: Frame[];
  /** Where the process object was made, for failures while starting it. */
  origin?: Frame[];
  pid: number;
}

export type Frame = [string, number, string, string | null];

export interface Site {
  file: string;
  line: number;
}

export function readRecords(file: string): VerifyRecord[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: VerifyRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as VerifyRecord;
      if (typeof r.code === 'string' && isCode(r.code) && Array.isArray(r.stack)) out.push(r);
    } catch {
      // a line cut short by a killed process
    }
  }
  return out;
}

/** Inside the project: under its root, not an installed package, not the helper. */
function inProject(file: string, root: string): boolean {
  if (!path.isAbsolute(file)) return false;
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  return !/[\\/](site-packages|dist-packages|node_modules|mp_codemod_verify)[\\/]/.test(file) && fs.existsSync(file);
}

const innermost = (frames: Frame[] | undefined, root: string): Site | null => {
  for (let i = (frames ?? []).length - 1; i >= 0; i--) {
    const [file, line] = frames![i];
    if (inProject(file, root)) return { file, line };
  }
  return null;
};

/** "Can't get attribute 'work' on <module '__mp_main__' from '/p/app.py'>": where `work` is defined. */
function definitionSite(error: string | undefined, root: string): Site | null {
  const m = /Can't get attribute '([\w.]+)' on <module '[^']*' from '([^']+)'>/.exec(error ?? '');
  if (!m || !inProject(m[2], root)) return null;
  const name = m[1].split('.')[0].replace(/[^\w]/g, '');
  const lines = fs.readFileSync(m[2], 'utf8').split(/\r?\n/);
  const def = new RegExp(`^\\s*(?:async\\s+def|def|class)\\s+${name}\\b|^\\s*${name}\\s*=`);
  const i = lines.findIndex((l) => def.test(l));
  return i >= 0 ? { file: m[2], line: i + 1 } : null;
}

/**
 * The line to change for a record: the innermost project frame of where the process was made
 * (a lambda or closure is handed over there), else of the stack; for "Can't get attribute",
 * the definition the child could not find.
 */
export function siteOf(r: VerifyRecord, root: string): Site | null {
  const inside = r.code === 'MP107' ? definitionSite(r.error, root) ?? innermost(r.origin, root) ?? innermost(r.stack, root) : innermost(r.origin, root) ?? innermost(r.stack, root);
  return inside ?? outside(r.origin) ?? outside(r.stack);
}

/** Run from a subfolder, the code may sit above the root: the innermost frame that is not a library's. */
function outside(frames: Frame[] | undefined): Site | null {
  for (let i = (frames ?? []).length - 1; i >= 0; i--) {
    const [file, line] = frames![i];
    if (path.isAbsolute(file) && !/[\\/](site-packages|dist-packages|node_modules|mp_codemod_verify|lib[\\/]python\d[\d.]*)[\\/]/.test(file) && fs.existsSync(file)) return { file, line };
  }
  return null;
}

const MESSAGES: Partial<Record<Code, { message: string; hint: string }>> = {
  MP101: { message: 'a lambda handed to a process or pool cannot be pickled for spawn', hint: 'define the function at module level' },
  MP102: { message: 'a nested function handed to a process or pool cannot be pickled for spawn', hint: 'define it at module level (mp-codemod --unsafe-fixes moves it there)' },
  MP103: { message: 'a closure handed to a process or pool cannot be pickled for spawn', hint: 'move it to module level and pass the captured values as arguments (functools.partial)' },
  MP104: { message: 'a class defined inside a function cannot be pickled for spawn', hint: 'define the class at module level' },
  MP105: { message: 'a bound method handed to a process cannot be pickled for spawn (its object holds a lock, file or socket)', hint: 'hand over a module-level function and the data it needs, or implement __getstate__' },
  MP107: { message: 'a spawn child cannot find the worker: it is defined where the child does not import it', hint: 'define the worker at module level, outside the __main__ guard' },
  MP108: { message: 'an argument of a process cannot be pickled for spawn', hint: 'pass what the child needs to rebuild it (a path, an address), not the object' },
  MP202: { message: 'a module-level lock, event or queue is made again in each spawn child: likely hang', hint: 'pass it in args= (Process) or initargs= (Pool) (mp-codemod --unsafe-fixes does when only workers and the guard read it)' },
  MP301: { message: 'a process was started with fork (an explicit fork context or start method)', hint: 'use the target method, or mark the line # mp-codemod: keep-fork' },
  MP302: { message: 'set_start_method raised "context has already been set" (a spawn child re-runs module-level code)', hint: 'call it once, first in the __main__ guard; elsewhere use ctx = get_context("spawn")' },
  MP303: { message: 'os.fork() was called', hint: 'subprocess, or multiprocessing with a spawn context' },
  MP304: { message: 'a module starts processes when it is imported: every spawn child that imports it starts them again', hint: 'move that code into a function' },
  MP310: { message: 'processes start at module level of the main script: spawn children re-run it (no __main__ guard)', hint: 'move the code under if __name__ == "__main__": (mp-codemod --write does)' },
  MP313: { message: 'a lock or queue made in a fork context is shared with a spawn process', hint: 'make both from one context (ctx.Lock(), ctx.Process)' },
};

export interface Finding extends Diagnostic {
  /** Relative to the root when inside it. */
  path: string;
}

/**
 * One diagnostic per code and site. Sync objects made by children count only when the command
 * hung (`hung`), and not where a failure was already found (a Pool makes locks before it fails).
 */
export function findings(records: VerifyRecord[], root: string, hung: boolean): Finding[] {
  const seen = new Map<string, Finding>();
  const failureSites = new Set<string>();
  const ordered = [...records.filter((r) => r.kind !== 'child-sync'), ...(hung ? records.filter((r) => r.kind === 'child-sync') : [])];
  for (const r of ordered) {
    const site = siteOf(r, root);
    const file = site ? path.relative(root, site.file) : '<unknown>';
    const line = site?.line ?? 1;
    const where = `${file}:${line}`;
    if (r.kind === 'child-sync' && failureSites.has(where)) continue;
    if (r.kind === 'failure') failureSites.add(where);
    const key = `${r.code} ${where}`;
    if (seen.has(key)) continue;
    const text = MESSAGES[r.code] ?? { message: r.error ?? r.code, hint: '' };
    const detail = r.error ? ` (${r.where}: ${r.error.split('\n').map((s) => s.trim()).filter(Boolean).join(' ').slice(0, 200)})` : '';
    seen.set(key, {
      path: file,
      code: r.code,
      message: text.message + detail,
      ...(text.hint ? { hint: text.hint } : {}),
      severity: r.kind === 'fork' ? 'warning' : 'error',
      line,
      column: 1,
      transform: 'verify',
    });
  }
  return [...seen.values()].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.code.localeCompare(b.code));
}
