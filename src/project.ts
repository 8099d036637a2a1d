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

/** Every dotted name a file may be imported as: its path below each ancestor folder. */
function moduleNames(real: string): string[] {
  const parts = real.replace(/\.pyw?$/, '').split(path.sep).filter(Boolean);
  if (parts[parts.length - 1] === '__init__') parts.pop();
  const names: string[] = [];
  for (let i = parts.length - 1; i >= 0 && i >= parts.length - 8; i--) names.push(parts.slice(i).join('.'));
  return names;
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

/** Dotted names a text imports, read with a regular expression (a cheap first pass; relative imports included). */
function importedByText(text: string): string[] {
  const out: string[] = [];
  for (const m of importLines(text)) {
    if (m[1]) for (const part of m[1].split(',')) out.push(part.trim().split(/\s+/)[0]);
    if (m[2] !== undefined) {
      out.push(m[2]);
      for (const name of (m[3] ?? m[4] ?? '').split(',')) out.push(`${m[2]}.${name.trim().split(/\s+/)[0]}`);
    }
  }
  return out.map((n) => n.replace(/^\.+/, '')).filter(Boolean);
}

/**
 * Files of the run that are entry points (they mention __main__) and import, directly, a module
 * of the run that starts processes anywhere: they need set_start_method as much as a file that
 * uses multiprocessing itself. Screening shows each file's text here once (`note`); only the
 * modules such entry points seem to import are parsed, once each.
 */
export class ProjectScan {
  private readonly byName = new Map<string, Found[]>();
  private readonly entries: { file: Found; imported: string[] }[] = [];

  /** Records a file; true when it is an entry point whose facts wait for the scan's result. */
  note(file: Found, text: string): boolean {
    if (mentions(text, 'multiprocess', 'ProcessPoolExecutor')) {
      for (const name of moduleNames(file.real)) this.byName.set(name, [...(this.byName.get(name) ?? []), file]);
    } else if (mentions(text, '__main__')) {
      this.entries.push({ file, imported: importedByText(text).map(detached) });
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
    for (const { file, imported } of this.entries) {
      for (const m of imported) for (const f of this.byName.get(m) ?? []) if (f.real !== file.real) out.add(f.real);
    }
    return out;
  }

  /** `known`: verdicts already given by processing, by real path; the other modules are parsed here. */
  entryPointsImportingProcessCode(known: ReadonlyMap<string, boolean> = new Map()): Set<string> {
    const result = new Set<string>();
    if (this.byName.size === 0) return result;
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
      if (imported.some((m) => (this.byName.get(m) ?? []).some((f) => f.real !== file.real && startsProcesses(f)))) result.add(file.real);
    }
    return result;
  }
}
