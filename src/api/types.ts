import type { SyntaxNode, QueryMatch } from '../syntax/types';
import type { Style } from '../python/style';
import type { Names, ImportIndex } from '../python/names';
import type { Imports } from '../python/imports';
import type { ProcessStarts } from '../python/starts';
import type { Code } from './codes';

/** A replacement of `text[start, end)`; offsets are JS string indexes of the text the fix was computed on. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export type Safety = 'safe' | 'unsafe';
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: Code;
  message: string;
  hint?: string;
  severity: Severity;
  /** 1-based line, 1-based column (in characters) of the file as it was read; in a notebook, of the cell's source. */
  line: number;
  /** Notebooks: the 1-based number of the cell. */
  cell?: number;
  column: number;
  transform: string;
}

/** A diagnostic before it is placed: an offset into the text the transform saw. */
export interface RawDiagnostic {
  code: Code;
  message: string;
  hint?: string;
  severity?: Severity;
  start: number;
}

export interface Fix {
  message: string;
  /** Defaults to the transform's safety. Unsafe fixes apply only with --unsafe-fixes. */
  safety?: Safety;
  edits: Edit[];
  /** Reported instead when the fix is not applied because it is unsafe. */
  diagnostic?: RawDiagnostic;
  /**
   * The mechanism the fix belongs to (defaults to its transform's); null for a fix that is right
   * whichever mechanism the file gets. A fix of a mechanism the plan leaves out is dropped.
   */
  mechanism?: Mechanism | null;
  /** Imported names this fix may leave unused; removed after the transform if nothing reads them. */
  prune?: { module: string; name: string }[];
}

export type Method = 'spawn' | 'forkserver';

/**
 * How a file moves off fork: `global` sets the start method once in the entry point's guard,
 * `local` gives each call an explicit context. A file gets one of them, never both.
 */
export type Mechanism = 'global' | 'local';
/** `auto`: global where an entry point can take it, local elsewhere; the others force one where the file can take it. */
export type Strategy = 'auto' | 'global' | 'local';

/** The engine's decision for one file, made before its fixes are kept. */
export interface Plan {
  /** Fixes of these mechanisms are kept; both while the engine is still finding out. */
  mechanisms: ReadonlySet<Mechanism>;
}

export interface Options {
  method: Method;
  unsafeFixes: boolean;
  freezeSupport: boolean;
  allEntryPoints: boolean;
  /** Which mechanism files get (see Mechanism); default auto. */
  strategy?: Strategy;
  /** The project's line length: lines the tool creates or lengthens past it are wrapped (default 88). */
  lineLength?: number;
  /** Blank lines between the imports and the code after them, when the project's isort settings fix it (ruff's `lines-after-imports`). */
  linesAfterImports?: number;
  /** Parse every file for every transform (to check that prefilters never reject a file they should not). */
  noPrefilter?: boolean;
  /**
   * The oldest Python the code must run on, as a minor version of 3 (8 for 3.8); the oldest
   * supported when unknown. Decides, for example, which quotes may go inside an f-string.
   */
  targetMinor?: number;
  /**
   * Compiles a text with the user's Python: a problem, or null when it compiles or cannot be
   * checked. Injected by the run layer (the compile gate); the engine never starts a Python itself.
   */
  compile?: (source: string, path: string) => { message: string; line?: number } | null;
  /** Ids of every transform the tool knows (built-in), so that pragmas naming one not run are not unknown. */
  knownTransforms?: string[];
}

/** What the runner knows about the file from the file system (transforms never look themselves). */
export interface FileFacts {
  /** Its folder holds an __init__.py: a module of a package, not a script. */
  inPackage: boolean;
  /** A Jupyter notebook's code cells, as one module: its __main__ is the kernel. */
  notebook?: boolean;
  /** It imports a module of the scanned project that starts processes (computed by the runner). */
  importsProcessCode?: boolean;
  /** It imports a module of the run that keeps its own start method (MP312, MP314): a default set here would reach it. */
  importsForkModule?: boolean;
  /** Other entry points of the run import its process-starting code: they run it under their own default. */
  importedForProcesses?: boolean;
  /** Functions, classes and methods of the run's modules it imports that start processes when called, by qualified name (`helpers.run_pool`, `helpers.Runner.go`, `.helpers.run_pool`). */
  processCalls?: readonly string[];
}

export interface FileContext {
  /** The text being transformed (after earlier transforms). */
  source: string;
  root: SyntaxNode;
  /** Path as given to the tool, for messages and rules that depend on the file name. */
  path: string;
  options: Options;
  style: Style;
  facts: FileFacts;
  names: Names;
  /** The file's imports without the scope walk (cheap pre-checks). */
  importIndex: ImportIndex;
  imports: Imports;
  starts: ProcessStarts;
  /** The mechanisms this run keeps fixes of: a transform may skip work the plan will drop. */
  plan: Plan;
  report(node: SyntaxNode | number, code: Code, message: string, hint?: string, severity?: Severity): void;
}

/** What a function prefilter sees of a file besides its text. */
export interface PrefilterFile {
  path: string;
  facts: FileFacts;
  options: Options;
  /** Whether `text` contains any of `words` (as `includes`), from one scan shared by every prefilter (see Transform.words). */
  mentions(text: string, ...words: string[]): boolean;
}

export interface Transform {
  id: string;
  description: string;
  safety: Safety;
  /** Why the transform is safe, or what could go wrong when it is not. */
  safetyNote: string;
  /** The migration mechanism its fixes implement, if any: the engine keeps one per file. */
  mechanism?: Mechanism;
  /** False: not run on notebook cells (a notebook has no entry point to guard or to set a default in). */
  notebooks?: boolean;
  /**
   * The transforms (ids) whose edits this one must see before it decides. Every transform of a
   * run contributes its fixes to one pass over the same text; when a transform it reads changes
   * the file in that pass (or waits for a later one), this one runs in the next pass instead, on
   * the changed text. [] for a transform that decides from the text as it is. Without `reads`, a
   * transform is taken to read every transform before it and to be read by every one after it.
   */
  reads?: readonly string[];
  /** Reads the cross-file facts (FileFacts.importsProcessCode...): the runner scans the project only when a transform asks. */
  crossFile?: boolean;
  /**
   * The words its prefilter asks `file.mentions` about: the engine looks for the words of every
   * transform of the run in one pass over a text. A word left out is still found, by a scan of its own.
   */
  words?: readonly string[];
  /**
   * A file whose text does not pass is never parsed for this transform. Must never reject a file
   * the transform would change or report on. A function also sees the file's path, facts and options.
   */
  prefilter: RegExp | ((text: string, file: PrefilterFile) => boolean);
  /** A tree-sitter query (S-expression) over tree-sitter-python; compiled once per process. */
  query: string;
  /**
   * Names that every match the transform acts on contains (as an identifier): the query then runs
   * only around them instead of over the whole tree. Null, or no `anchors`, runs it everywhere.
   * Must never leave out a match the transform would change or report on.
   */
  anchors?(ctx: FileContext): Iterable<string> | null;
  fix(match: QueryMatch, ctx: FileContext): Fix | Fix[] | null | undefined;
  /** Sees all of a pass's fixes of one file at once, and may combine them (one shared edit for many sites). */
  finish?(fixes: Fix[], ctx: FileContext): Fix[];
}

export interface AppliedFix {
  transform: string;
  message: string;
  line: number;
}

/** A file of the run. */
export interface Found {
  /** As shown to the user: relative to the working directory when inside it. */
  path: string;
  /** The real path (symlinks resolved); the file that is read and written. */
  real: string;
}
