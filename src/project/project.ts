import * as fs from 'fs';
import * as path from 'path';
import { handOver, parse } from '../syntax/parser';
import { Names, indexImports, type ImportIndex } from '../python/names';
import { ProcessStarts, STARTER_WORDS, startsProcessesIn } from '../python/starts';
import { decode } from '../python/source';
import type { Found } from '../api/types';
import { WordScan } from '../syntax/words';
import { detached } from '../syntax/memory';
import { type AttributeUse, type ModuleStarts, attributeUse, moduleStarts, moduleStartsIn, usesDefaultStarts, usesStarts } from './module-starts';

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
  const stem = joined(base, imported.name);
  return [`${stem}.py`, stem.endsWith(path.sep) ? `${stem}__init__.py` : `${stem}${path.sep}__init__.py`];
}

/**
 * path.join(base, ...dotted.split('.')) for a normalised `base`, by concatenation when no part is
 * empty: the scan asks this for every import of every entry point (and again for each question),
 * and path.join, which normalises, took a sixth of the scan's time on the stdlib.
 */
export function joined(base: string, dotted: string): string {
  if (dotted === '' || dotted.startsWith('.') || dotted.endsWith('.') || dotted.includes('..')) return path.join(base, ...dotted.split('.'));
  const rest = dotted.split('.').join(path.sep);
  return base.endsWith(path.sep) ? base + rest : base + path.sep + rest;
}

interface Imported {
  /** Dotted name after the leading dots. */
  name: string;
  /** Leading dots of a relative import; 0 for an absolute one. */
  dots: number;
  /** The names a from-import takes from it; undefined when the module itself is imported. */
  names?: string[];
}

/**
 * Imports as one string, a line each (leading dots, the name, then a tab and the names taken,
 * comma-separated, for a from-import): the scan keeps those of every entry point of the run, and
 * an object per import took about 1 KB an entry point (25 copies of the stdlib: 23,500 of them).
 */
function packed(imported: Imported[]): string {
  const lines = new Set(imported.map((m) => `${'.'.repeat(m.dots)}${m.name}${m.names ? `\t${m.names.join(',')}` : ''}`));
  return detached([...lines].join('\n'));
}

function unpacked(imported: string): Imported[] {
  if (imported === '') return [];
  return imported.split('\n').map((line) => {
    const [head, tail] = line.split('\t');
    const dots = /^\.*/.exec(head)![0].length;
    return { name: head.slice(dots), dots, ...(tail === undefined ? {} : { names: tail === '' ? [] : tail.split(',') }) };
  });
}

/** Attribute names an importer reads and calls, copied off its text (see detached). */
/**
 * How an entry point uses attributes, read again from its file when asked: only entry points that
 * import process code are asked, and keeping it for every entry point took about 9 KB each (25
 * copies of the stdlib: 23,500 entry points, some 200 MB).
 */
function useOf(file: string): AttributeUse {
  const text = readText(file);
  return text === null ? { read: new Set(), called: new Set() } : attributeUse(text);
}

/**
 * What the scan asks of one module: whether it starts processes, which of its names do, and its
 * functions that start processes when called. Each question used to parse the module again (the
 * stdlib: 19 parses for 12 modules, test/test_socket.py three times); now the first one parses
 * it and answers every question it can from that tree, each with an analysis of its own as before.
 */
interface ModuleAnswers {
  starts?: boolean;
  /** null: the module cannot be read (any use counts). */
  byName?: ModuleStarts | null;
  functions?: string[];
}

/** `keep`: the run processes the module afterwards; its tree is handed over rather than deleted (see handOver). */
function answerFrom(text: string | null, a: ModuleAnswers, need: keyof ModuleAnswers, keep: boolean): void {
  if (text === null) {
    a.starts ??= false;
    a.byName ??= null;
    a.functions ??= [];
    return;
  }
  // Without the words, neither a start nor a starting function: no parse for those.
  if (!STARTER_WORDS.test(text)) {
    a.starts ??= false;
    a.functions ??= [];
    if (need !== 'byName') return;
  }
  const tree = parse(text);
  try {
    const root = tree.rootNode;
    let names: Names | undefined;
    let imports: ImportIndex | undefined;
    const analysis = () => new ProcessStarts((names ??= new Names(root, text)), text, (imports ??= indexImports(root, text)));
    a.starts ??= startsProcessesIn(text, analysis);
    // What of it starts processes when an importer uses it: module-level functions (`run_pool`),
    // classes when making one does (`Runner`), methods of the others (`Runner.go`). The scan keeps
    // them for the run: copies that hold no file's text (see memory.ts).
    if (a.functions === undefined) {
      const starts = analysis();
      a.functions = [...starts.startingFunctions(), ...starts.startingClassMembers()].map(detached);
    }
    // A module that starts processes is asked next how its importer uses it.
    if (a.byName === undefined && (need === 'byName' || a.starts)) a.byName = moduleStartsIn(root, text, new Set(), () => (names ??= new Names(root, text)), imports);
  } finally {
    if (keep) handOver(text, tree);
    else tree.delete();
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
  const add = (dotted: string, names?: string[]) => {
    const dots = /^\.*/.exec(dotted)![0].length;
    const name = dotted.slice(dots).replace(/^\./, '');
    if (name) out.push({ name, dots, names });
  };
  for (const m of importLines(text)) {
    if (m[1]) for (const part of m[1].split(',')) add(part.trim().split(/\s+/)[0]);
    if (m[2] !== undefined) {
      const sep = /\.$/.test(m[2]) ? '' : '.';
      const names = (m[3] ?? m[4] ?? '').split(',').map((n) => n.trim().split(/\s+/)[0]).filter((n) => n.length > 0);
      add(m[2], names);
      for (const name of names) add(`${m[2]}${sep}${name}`);
    }
  }
  return out;
}

/** The words `note` asks about: screening scans for them with the transforms' (see WordScan). */
export const PROJECT_WORDS = ['multiprocess', 'ProcessPoolExecutor', '__main__'] as const;

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
  private readonly entries: { file: Found; imported: string }[] = [];
  /** What the scan asked of a module so far, by real path (see ModuleAnswers). */
  private readonly modules = new Map<string, ModuleAnswers>();
  /** Every Python file of the run, for the middle module of two import hops. */
  private readonly allByName = new Map<string, Found[]>();
  private readonly allByPath = new Map<string, Found>();
  /** What a module reaches of the starts of the modules it imports (null: nothing), by real path. */
  private readonly hops = new Map<string, ModuleStarts | null>();
  /** Entry points whose process-starting code other entry points of the run import. */
  readonly importedScripts = new Set<string>();
  /** Real paths of the files the run processes after the scan: the trees it makes of them are handed over (see handOver). */
  processedLater: ReadonlySet<string> = new Set();
  /** Scripts (outside any package) that are not entry points: module-level calls into process code make them one. */
  private readonly scripts: { file: Found; imported: string }[] = [];

  /**
   * Records a file; true when it is an entry point whose facts wait for the scan's result.
   * `asEntry` false: a file of the project the run does not process, known as a module only.
   * `scan` looks for PROJECT_WORDS (among others: screening shares its scan); a loop passes one.
   */
  note(file: Found, text: string, asEntry = true, scan = new WordScan(PROJECT_WORDS)): boolean {
    if (/\.py$/.test(file.real)) this.add(file, this.allByName, this.allByPath);
    if (scan.mentions(text, 'multiprocess', 'ProcessPoolExecutor')) this.add(file, this.byName, this.byPath);
    // An entry point may import multiprocessing itself (for a Queue, cpu_count, or nothing) and
    // still start its processes only through a module of the run.
    if (scan.mentions(text, '__main__') || /(^|[\\/])__main__\.py$/.test(file.real)) {
      if (asEntry) {
        const imported = packed(importedByText(text));
        this.entries.push({ file, imported });
      }
      return true;
    }
    if (asEntry && !isPackage(path.dirname(file.real), this.packages)) {
      const imported = importedByText(text).filter((m) => m.dots === 0);
      if (imported.length > 0) {
        this.scripts.push({ file, imported: packed(imported.map((m) => ({ name: m.name, dots: 0 }))) });
        return true;
      }
    }
    return false;
  }

  private add(file: Found, byName: Map<string, Found[]>, byPath: Map<string, Found>): void {
    // A module outside any package is importable only from its own folder: found by path alone.
    if (isPackage(path.dirname(file.real), this.packages)) {
      const name = qualifiedModuleName(file.real, this.packages);
      byName.set(name, [...(byName.get(name) ?? []), file]);
    }
    byPath.set(file.real, file);
  }

  /**
   * For each entry point and script: the functions, classes and methods of the run's modules it
   * imports that start processes when called, by dotted name as it imports them
   * (`helpers.run_pool`, `helpers.Runner.go`; relative imports keep their dots: `.helpers.run_pool`,
   * as the file's own names give them). Called at module level, they are process code that spawn
   * children would run again on import. `known`: modules already judged not to start processes
   * are not parsed.
   */
  processCalls(known: ReadonlyMap<string, boolean> = new Map()): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const functions = new Map<string, string[]>();
    const startingFunctions = (file: Found) => {
      let names = functions.get(file.real);
      if (names === undefined) {
        names = known.get(file.real) === false ? [] : this.answer(file.real, 'functions').functions!;
        functions.set(file.real, names);
      }
      return names;
    };
    for (const { file, imported } of [...this.entries, ...this.scripts]) {
      const calls = new Set<string>();
      for (const m of unpacked(imported)) {
        const prefix = `${'.'.repeat(m.dots)}${m.name}`;
        for (const f of this.importedFiles(file, [m])) for (const fn of startingFunctions(f)) calls.add(`${prefix}.${fn}`);
      }
      if (calls.size > 0) out.set(file.real, [...calls]);
    }
    return out;
  }

  /**
   * Real paths of the modules whose verdict the scan may need: those an entry point seems to
   * import. Processing them can give it (`startsProcessesIn`), which saves the scan parsing them.
   */
  modulesToJudge(): Set<string> {
    const out = new Set<string>();
    for (const { file, imported } of this.entries) for (const f of this.importedFiles(file, unpacked(imported))) out.add(f.real);
    return out;
  }

  /** The modules of the run an entry point imports: relative ones in its package, absolute ones beside it or by full name. */
  private importedFiles(file: Found, imported: Imported[], byPath = this.byPath, byName = this.byName): Found[] {
    const out: Found[] = [];
    for (const m of imported) {
      const near = candidatePaths(file.real, m).map((p) => byPath.get(p)).filter((f): f is Found => f !== undefined);
      const found = near.length > 0 || m.dots > 0 ? near : (byName.get(m.name) ?? []);
      for (const f of found) if (f.real !== file.real) out.push(f);
    }
    return out;
  }

  /**
   * Entry points that import one of `modules` (real paths), directly or through modules that
   * import one and use its process code (the default set at the entry point reaches it too).
   */
  entryPointsImporting(given: ReadonlySet<string>): Set<string> {
    const out = new Set<string>();
    if (given.size === 0) return out;
    const modules = new Set(given);
    // Read again each time, not kept: a middle can be any file of the run, and keeping every
    // file's imports and attribute use took 25 stdlib copies from 237 to 659 MB once a widely
    // imported module kept its method. The attribute use is read only for a file that imports one.
    const usesOne = (a: Found) => {
      const text = readText(a.real);
      if (text === null) return false;
      const hits = (m: Imported) => this.importedFiles(a, [m]).filter((k) => k.real !== a.real && modules.has(k.real));
      const imported = importedByText(text).filter((m) => hits(m).length > 0);
      if (imported.length === 0) return false;
      const use = attributeUse(text);
      return imported.some((m) => hits(m).some((k) => this.usesStartsOf(k, m.names, use)));
    };
    // Modules of the run whose process code runs that of `given`: two rounds, so two modules deep.
    for (let round = 0; round < 2; round++) for (const f of this.byPath.values()) if (!modules.has(f.real) && usesOne(f)) modules.add(f.real);
    const middles = new Map<string, boolean>();
    const throughMiddle = (a: Found) => {
      let v = middles.get(a.real);
      if (v === undefined) middles.set(a.real, (v = usesOne(a)));
      return v;
    };
    for (const entry of this.entries) {
      const { file } = entry;
      const imported = unpacked(entry.imported);
      if (this.importedFiles(file, imported).some((f) => modules.has(f.real))) out.add(file.real);
      else if (this.importedFiles(file, imported, this.allByPath, this.allByName).some(throughMiddle)) out.add(file.real);
    }
    return out;
  }

  /** Entry points that import one of `given` (real paths), directly or through one module of the run, whatever they use of it. */
  entryPointsReaching(given: ReadonlySet<string>): Set<string> {
    const out = new Set<string>();
    if (given.size === 0) return out;
    const imports = new Map<string, Found[]>();
    const importsOf = (f: Found) => {
      let found = imports.get(f.real);
      if (found === undefined) {
        const text = readText(f.real);
        found = text === null ? [] : this.importedFiles(f, importedByText(text), this.allByPath, this.allByName);
        imports.set(f.real, found);
      }
      return found;
    };
    for (const { file, imported } of this.entries) {
      const first = this.importedFiles(file, unpacked(imported), this.allByPath, this.allByName);
      if (first.some((f) => given.has(f.real) || importsOf(f).some((g) => given.has(g.real)))) out.add(file.real);
    }
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
        v = this.answer(file.real, 'starts').starts!;
        verdicts.set(file.real, v);
      }
      return v;
    };
    const entries = new Set(this.entries.map((e) => e.file.real));
    for (const entry of this.entries) {
      const { file } = entry;
      const imported = unpacked(entry.imported);
      let read: AttributeUse | undefined;
      const use = () => (read ??= useOf(file.real));
      // Counted when it uses what starts there: not for a module's constants or its other classes.
      for (const m of imported) {
        for (const f of this.importedFiles(file, [m])) {
          // Only starts a default set here reaches: not torch's own-method helpers (accelerate's notebook_launcher).
          if (!startsProcesses(f) || !this.usesStartsOf(f, m.names, use(), true)) continue;
          result.add(file.real);
          if (entries.has(f.real)) this.importedScripts.add(f.real);
        }
      }
      const second = (m: Imported) =>
        this.importedFiles(file, [m], this.allByPath, this.allByName).some((f) => {
          const hop = this.startsThroughImports(f, startsProcesses);
          return hop !== null && usesStarts(hop, m.names, use());
        });
      if (!result.has(file.real) && imported.some(second)) result.add(file.real);
    }
    return result;
  }

  /**
   * A module that imports process code of the run and uses it, the middle of two import hops:
   * which of its names reach those starts (the imported names, and its code that uses them).
   */
  private startsThroughImports(file: Found, startsProcesses: (f: Found) => boolean): ModuleStarts | null {
    let v = this.hops.get(file.real);
    if (v === undefined) {
      this.hops.set(file.real, null);
      const text = readText(file.real);
      // Read off the text only for a module that imports process code (most do not).
      let read: AttributeUse | undefined;
      const use = () => (read ??= attributeUse(text!));
      const seeds = new Set<string>();
      for (const m of text === null ? [] : importedByText(text)) {
        for (const f of this.importedFiles(file, [m])) {
          if (f.real === file.real || !startsProcesses(f)) continue;
          // `from m import a, b`: the names that start; `import m`: the module, when its use does.
          // Only what a default set by the entry point reaches (see usesDefaultStarts): this serves set_start_method alone.
          if (m.names) for (const n of m.names) if (this.usesStartsOf(f, [n], use(), true)) seeds.add(n);
          // (`import a.b` binds a, `from a import b` binds b: both are read the same way here.)
          if (!m.names && this.usesStartsOf(f, undefined, use(), true)) for (const n of [m.name.split('.')[0], m.name.split('.').pop()!]) seeds.add(n);
        }
      }
      v = seeds.size === 0 ? null : moduleStarts(text!, seeds);
      this.hops.set(file.real, v);
    }
    return v;
  }

  /** Whether an importer's use of a module that starts processes reaches a start (true when the module cannot be read again). */
  private usesStartsOf(file: Found, names: string[] | undefined, use: AttributeUse, defaultOnly = false): boolean {
    const facts = this.answer(file.real, 'byName').byName!;
    return facts === null || (defaultOnly ? usesDefaultStarts(facts, names, use) : usesStarts(facts, names, use));
  }

  /** A module's answers, with `need` among them (read and parsed again when it is not). */
  private answer(real: string, need: keyof ModuleAnswers): ModuleAnswers {
    let a = this.modules.get(real);
    if (a === undefined) this.modules.set(real, (a = {}));
    if (a[need] === undefined) answerFrom(readText(real), a, need, this.processedLater.has(real));
    return a;
  }
}
