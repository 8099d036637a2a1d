import * as fs from 'fs';
import * as path from 'path';
import { parse } from './parser';
import type { Tree } from './syntax/types';
import { Names, indexImports } from './names';
import { ProcessStarts } from './starts';
import { decode } from './source';
import type { Found } from './walk';
import { mentions } from './words';
import { detached } from './memory';

function readText(file: string): string | null {
  try {
    return decode(fs.readFileSync(file)).text;
  } catch {
    return null;
  }
}

/** Whether a folder is a package (holds __init__.py); cached per run by the scan. */
function isPackage(dir: string, cache: Map<string, boolean>): boolean {
  let known = cache.get(dir);
  if (known === undefined) cache.set(dir, (known = fs.existsSync(path.join(dir, '__init__.py'))));
  return known;
}

/**
 * The name a module is imported by from outside its package: its folders up to the top-most
 * package, then its own name (`fairseq/distributed/utils.py` is fairseq.distributed.utils, never
 * plain `utils`).
 */
function qualifiedModuleName(real: string, packages: Map<string, boolean>): string {
  const parts = [path.basename(real).replace(/\.pyw?$/, '')];
  if (parts[0] === '__init__') parts.pop();
  for (let dir = path.dirname(real); isPackage(dir, packages); dir = path.dirname(dir)) {
    parts.unshift(path.basename(dir));
    if (path.dirname(dir) === dir) break;
  }
  return parts.join('.');
}

/** The files an import may name, from the importing file: `.mod` in its package, `mod` beside it or by its full name. */
function candidatePaths(fromFile: string, imported: Imported): string[] {
  let base = path.dirname(fromFile);
  for (let i = 1; i < imported.dots; i++) base = path.dirname(base);
  const stem = path.join(base, ...imported.name.split('.'));
  return [`${stem}.py`, path.join(stem, '__init__.py')];
}

interface Imported {
  /** Dotted name after the leading dots. */
  name: string;
  /** Leading dots of a relative import; 0 for an absolute one. */
  dots: number;
}

/** Names a direct start call ends with; resolving only those calls keeps this cheap. */
const STARTERS = 'Process|Pool|Manager|SyncManager|BaseManager|SharedMemoryManager|ProcessPoolExecutor|spawn|start_processes';
const STARTER_NAMES = new RegExp(`(^|\\.)(${STARTERS})$`);
/** Text without any of those names cannot start processes: no need to parse it. */
const STARTER_WORDS = new RegExp(`\\b(${STARTERS})\\b`);

/**
 * Whether a module's code starts processes anywhere (in a function or at module level): the
 * verdict the scan needs of a module an entry point imports. `starts` is made on demand, from
 * the tree of `text`, so that a caller that already has them pays for nothing else.
 */
export function startsProcessesIn(text: string, starts: () => ProcessStarts): boolean {
  if (!STARTER_WORDS.test(text)) return false;
  const s = starts();
  return s.possibleStarts().some((c) => STARTER_NAMES.test(c.childForFieldName('function')?.text ?? '') && s.isStart(c));
}

function parseAndJudge(text: string): boolean {
  // Parsed only when the words are there; the tree is freed in any case.
  let tree: Tree | undefined;
  try {
    return startsProcessesIn(text, () => {
      tree = parse(text);
      const root = tree.rootNode;
      return new ProcessStarts(new Names(root, text), text, indexImports(root, text));
    });
  } finally {
    tree?.delete();
  }
}

/**
 * An import statement, from the start of its line (a parenthesised list may go on over lines):
 * sticky, so it is tried only where it is put.
 */
const IMPORT_LINE = /^[ \t]*(?:import[ \t]+([\w., \t]+)|from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(?:\(([\w,\s]+)|([\w, \t]+)))/my;

/** Line breaks as `^` sees them in a multiline expression. */
const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * The matches of IMPORT_LINE in `text`, tried only on lines that say `import`: most of an entry
 * point's text is not imports. Each scan back to a line's start stops at the previous occurrence,
 * so a long line with many of them is still read once.
 */
function* importLines(text: string): Generator<RegExpExecArray> {
  let floor = 0;
  let first = true;
  for (let i = text.indexOf('import'); i !== -1; i = text.indexOf('import', i + 6)) {
    let start = i;
    while (start > floor && !isLineBreak(text.charCodeAt(start - 1))) start--;
    const sameLine = !first && start === floor;
    first = false;
    floor = i;
    if (sameLine) continue;
    IMPORT_LINE.lastIndex = start;
    const m = IMPORT_LINE.exec(text);
    if (m) yield m;
  }
}

/** Dotted names a text imports, read with a regular expression (a cheap first pass; relative imports keep their dots). */
function importedByText(text: string): Imported[] {
  const out: Imported[] = [];
  const add = (dotted: string) => {
    const dots = /^\.*/.exec(dotted)![0].length;
    const name = dotted.slice(dots).replace(/^\./, '');
    if (name) out.push({ name, dots });
  };
  for (const m of importLines(text)) {
    if (m[1]) for (const part of m[1].split(',')) add(part.trim().split(/\s+/)[0]);
    if (m[2] !== undefined) {
      add(m[2]);
      const sep = /\.$/.test(m[2]) ? '' : '.';
      for (const name of (m[3] ?? m[4] ?? '').split(',')) add(`${m[2]}${sep}${name.trim().split(/\s+/)[0]}`);
    }
  }
  return out;
}

/**
 * Files of the run that are entry points (they mention __main__) and import, directly, a module
 * of the run that starts processes anywhere: they need set_start_method as much as a file that
 * uses multiprocessing itself. Screening shows each file's text here once (`note`); only the
 * modules such entry points seem to import are parsed, once each.
 */
export class ProjectScan {
  private readonly byName = new Map<string, Found[]>();
  private readonly byPath = new Map<string, Found>();
  private readonly packages = new Map<string, boolean>();
  /**
   * Entry points and what they import, one string each (`..name` lines: leading dots, then the
   * name): a run over a big tree holds one entry per file that mentions __main__, 23,500 of them
   * in 25 copies of the stdlib, where an object per import took 20 MB and these take 5.
   */
  private readonly entries: { file: Found; imported: string }[] = [];

  /** Records a file; true when it is an entry point whose facts wait for the scan's result. */
  note(file: Found, text: string): boolean {
    if (mentions(text, 'multiprocess', 'ProcessPoolExecutor')) {
      // A module outside any package is importable only from its own folder: found by path alone.
      if (isPackage(path.dirname(file.real), this.packages)) {
        const name = qualifiedModuleName(file.real, this.packages);
        this.byName.set(name, [...(this.byName.get(name) ?? []), file]);
      }
      this.byPath.set(file.real, file);
    }
    // An entry point may import multiprocessing itself (for a Queue, cpu_count, or nothing) and
    // still start its processes only through a module of the run.
    if (mentions(text, '__main__') || /(^|[\\/])__main__\.py$/.test(file.real)) {
      const lines = new Set(importedByText(text).map((m) => '.'.repeat(m.dots) + m.name));
      this.entries.push({ file, imported: detached([...lines].join('\n')) });
      return true;
    }
    return false;
  }

  /**
   * Real paths of the modules whose verdict the scan may need: those an entry point seems to
   * import. Processing them can give it (`startsProcessesIn`), which saves the scan parsing them.
   */
  modulesToJudge(): Set<string> {
    const out = new Set<string>();
    for (const { file, imported } of this.entries) for (const f of this.importedFiles(file, imported)) out.add(f.real);
    return out;
  }

  /** The modules of the run an entry point imports: relative ones in its package, absolute ones beside it or by full name. */
  private importedFiles(file: Found, imported: string): Found[] {
    const out: Found[] = [];
    for (const line of imported === '' ? [] : imported.split('\n')) {
      const dots = /^\.*/.exec(line)![0].length;
      const m: Imported = { name: line.slice(dots), dots };
      const near = candidatePaths(file.real, m).map((p) => this.byPath.get(p)).filter((f): f is Found => f !== undefined);
      const found = near.length > 0 || m.dots > 0 ? near : (this.byName.get(m.name) ?? []);
      for (const f of found) if (f.real !== file.real) out.push(f);
    }
    return out;
  }

  /** Entry points that import one of `modules` (real paths). */
  entryPointsImporting(modules: ReadonlySet<string>): Set<string> {
    const out = new Set<string>();
    if (modules.size === 0) return out;
    for (const { file, imported } of this.entries) if (this.importedFiles(file, imported).some((f) => modules.has(f.real))) out.add(file.real);
    return out;
  }

  /** `known`: verdicts already given by processing, by real path; the other modules are parsed here. */
  entryPointsImportingProcessCode(known: ReadonlyMap<string, boolean> = new Map()): Set<string> {
    const result = new Set<string>();
    if (this.byPath.size === 0) return result;
    const verdicts = new Map(known);
    const startsProcesses = (file: Found) => {
      let v = verdicts.get(file.real);
      if (v === undefined) {
        const text = readText(file.real);
        v = text !== null && parseAndJudge(text);
        verdicts.set(file.real, v);
      }
      return v;
    };
    for (const { file, imported } of this.entries) {
      if (this.importedFiles(file, imported).some(startsProcesses)) result.add(file.real);
    }
    return result;
  }
}
