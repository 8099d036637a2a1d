import type { SyntaxNode, QueryMatch } from './syntax/types';
import type { Style } from './style';
import type { Names, ImportIndex } from './names';
import type { Imports } from './imports';
import type { ProcessStarts } from './starts';

/** A replacement of `text[start, end)`; offsets are JS string indexes of the text the fix was computed on. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export type Safety = 'safe' | 'unsafe';
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: string;
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
  code: string;
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
  /** Imported names this fix may leave unused; removed after the transform if nothing reads them. */
  prune?: { module: string; name: string }[];
}

export type Method = 'spawn' | 'forkserver';

export interface Options {
  method: Method;
  unsafeFixes: boolean;
  freezeSupport: boolean;
  allEntryPoints: boolean;
  /** Parse every file for every transform (to check that prefilters never reject a file they should not). */
  noPrefilter?: boolean;
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
  report(node: SyntaxNode | number, code: string, message: string, hint?: string, severity?: Severity): void;
}

export interface Transform {
  id: string;
  description: string;
  safety: Safety;
  /** Why the transform is safe, or what could go wrong when it is not. */
  safetyNote: string;
  /**
   * A file whose text does not pass is never parsed for this transform. Must never reject a file
   * the transform would change or report on. A function also sees the file's path, facts and options.
   */
  prefilter: RegExp | ((text: string, file: { path: string; facts: FileFacts; options: Options }) => boolean);
  /** A tree-sitter query (S-expression) over tree-sitter-python; compiled once per process. */
  query: string;
  /**
   * Names that every match the transform acts on contains (as an identifier): the query then runs
   * only around them instead of over the whole tree. Null, or no `anchors`, runs it everywhere.
   * Must never leave out a match the transform would change or report on.
   */
  anchors?(ctx: FileContext): Iterable<string> | null;
  fix(match: QueryMatch, ctx: FileContext): Fix | Fix[] | null | undefined;
}

export interface AppliedFix {
  transform: string;
  message: string;
  line: number;
}
