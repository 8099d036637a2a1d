import * as fs from 'fs';
import * as path from 'path';
import { parse as parseToml } from 'smol-toml';
import { UsageError } from '../api/usage';
import { globMatcher, type Found } from './walk';
import { selectTransforms } from './select';
import { checkCodes, codeFilter } from '../api/codes';
import type { Method, Strategy } from '../api/types';
import type { RunOptions } from './files';
import { DEFAULT_MAX_FILE_SIZE, isFileSize } from './file-size';
import { DEFAULT_LINE_LENGTH } from '../python/layout';

/** What `[tool.mp-codemod]` may set; CLI flags override each key. */
export interface Settings {
  method: Method;
  strategy: Strategy;
  transforms: string[];
  select: string[];
  ignore: string[];
  include: string[];
  exclude: string[];
  unsafeFixes: boolean;
  freezeSupport: boolean;
  allEntryPoints: boolean;
  /** The limit for lines the tool creates or lengthens; else the project's ruff/black/flake8 setting, else 88. */
  lineLength: number;
  /** A shell command formatting the new text of changed files (stdin to stdout), e.g. `ruff format -`. */
  formatCommand?: string;
  /** The interpreter of the compile gate: a command on PATH, or a path (relative to the pyproject.toml's folder). */
  python: string;
  /** The oldest Python 3 minor version the code must run on (--target-version; else requires-python). */
  targetMinor: number;
  /** Glob → codes never reported for the files it matches (relative to the pyproject.toml's folder). */
  perFileIgnores: Record<string, string[]>;
  /** Globs left out on top of `exclude` (or of --exclude). */
  extendExclude: string[];
  /** Files larger than this many MB (10^6 bytes) are skipped unparsed; 0: no limit. */
  maxFileSize: number;
}

export interface FoundConfig {
  file: string;
  settings: Partial<Settings>;
}

/**
 * What settings and project facts were read from disk, kept for one run: run() makes one (each
 * worker thread too), so a second run() in the same process reads pyproject.toml files again.
 */
export class RunCache {
  readonly configs = new Map<string, FoundConfig | null>();
  readonly requires = new Map<string, number | undefined>();
  readonly lineLengths = new Map<string, number | null>();
  readonly importGaps = new Map<string, number | null>();
  readonly packageDirs = new Map<string, boolean>();
  /** Merged options by the options object they came from, then by config file and line length. */
  readonly options = new WeakMap<RunOptions, Map<string, RunOptions>>();
  readonly perFile = new WeakMap<RunOptions, Map<string, RunOptions>>();
}

/** Options made outside run() (the API's own calls) keep a cache of their own, for as long as they live. */
const outsideRuns = new WeakMap<RunOptions, RunCache>();

export function cacheOf(opts: RunOptions): RunCache {
  if (opts.cache) return opts.cache;
  let cache = outsideRuns.get(opts);
  if (!cache) outsideRuns.set(opts, (cache = new RunCache()));
  return cache;
}

/** Whether a file's folder is a package (has an __init__.py); read once per run and folder. */
export function inPackage(file: string, opts: RunOptions): boolean {
  const dirs = cacheOf(opts).packageDirs;
  const dir = path.dirname(file);
  let known = dirs.get(dir);
  if (known === undefined) {
    known = fs.existsSync(path.join(dir, '__init__.py'));
    dirs.set(dir, known);
  }
  return known;
}

const KEYS: Record<string, { key: keyof Settings; kind: 'method' | 'strategy' | 'list' | 'bool' | 'length' | 'string' | 'codes' | 'table' | 'size' }> = {
  method: { key: 'method', kind: 'method' },
  strategy: { key: 'strategy', kind: 'strategy' },
  transforms: { key: 'transforms', kind: 'list' },
  select: { key: 'select', kind: 'codes' },
  ignore: { key: 'ignore', kind: 'codes' },
  include: { key: 'include', kind: 'list' },
  exclude: { key: 'exclude', kind: 'list' },
  'extend-exclude': { key: 'extendExclude', kind: 'list' },
  'per-file-ignores': { key: 'perFileIgnores', kind: 'table' },
  'unsafe-fixes': { key: 'unsafeFixes', kind: 'bool' },
  'freeze-support': { key: 'freezeSupport', kind: 'bool' },
  'all-entry-points': { key: 'allEntryPoints', kind: 'bool' },
  'line-length': { key: 'lineLength', kind: 'length' },
  'format-command': { key: 'formatCommand', kind: 'string' },
  python: { key: 'python', kind: 'string' },
  'max-file-size': { key: 'maxFileSize', kind: 'size' },
};

const isLength = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** Reads `[tool.mp-codemod]` of a pyproject.toml; null when it has no such table. Errors name the file and key. */
export function readConfig(file: string): FoundConfig | null {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    // smol-toml's TomlError carries the position; its message repeats it over several lines.
    const { line, column } = e as { line?: number; column?: number };
    const first = ((e as Error).message ?? String(e)).split('\n')[0].replace(/^Invalid TOML document: /, '');
    throw new UsageError(`${file}${line ? `:${line}:${column ?? 1}` : ''}: invalid TOML: ${first}`);
  }
  const table = (doc.tool as Record<string, unknown> | undefined)?.['mp-codemod'];
  if (table === undefined) return null;
  if (typeof table !== 'object' || table === null || Array.isArray(table)) throw new UsageError(`${file}: [tool.mp-codemod] must be a table`);
  const settings: Partial<Settings> = {};
  for (const [name, value] of Object.entries(table)) {
    const spec = KEYS[name];
    const where = `${file}: [tool.mp-codemod] ${name}`;
    if (!spec) throw new UsageError(`${where}: unknown key (known: ${Object.keys(KEYS).join(', ')})`);
    if (spec.kind === 'method') {
      if (value !== 'spawn' && value !== 'forkserver') throw new UsageError(`${where}: must be "spawn" or "forkserver"`);
      settings.method = value;
    } else if (spec.kind === 'strategy') {
      if (value !== 'auto' && value !== 'global' && value !== 'local') throw new UsageError(`${where}: must be "auto", "global" or "local"`);
      settings.strategy = value;
    } else if (spec.kind === 'string') {
      if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${where}: must be ${spec.key === 'formatCommand' ? 'a command (a non-empty string)' : 'a non-empty string'}`);
      // The interpreter: a path names a file beside the pyproject.toml; a bare name is looked up on PATH.
      (settings as Record<string, unknown>)[spec.key] = spec.key === 'python' && /[\\/]/.test(value) ? path.resolve(path.dirname(file), value) : value;
    } else if (spec.kind === 'length') {
      if (!isLength(value)) throw new UsageError(`${where}: must be a positive whole number`);
      settings.lineLength = value;
    } else if (spec.kind === 'size') {
      if (!isFileSize(value)) throw new UsageError(`${where}: must be a number of MB from 0 (0: no limit)`);
      settings.maxFileSize = value;
    } else if (spec.kind === 'bool') {
      if (typeof value !== 'boolean') throw new UsageError(`${where}: must be true or false`);
      (settings as Record<string, unknown>)[spec.key] = value;
    } else if (spec.kind === 'table') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${where}: must be a table of glob = ["CODE", ...]`);
      for (const [glob, codes] of Object.entries(value)) {
        if (!isStrings(codes)) throw new UsageError(`${where}: "${glob}" must be a list of strings`);
        checkCodes(codes, `${where} "${glob}"`);
      }
      settings.perFileIgnores = value as Record<string, string[]>;
    } else {
      if (!isStrings(value)) throw new UsageError(`${where}: must be a list of strings`);
      if (spec.kind === 'codes') checkCodes(value, where);
      // Transform ids are checked here too, so a typo is one usage error, not one error per file.
      if (spec.key === 'transforms') {
        try {
          selectTransforms(value, path.dirname(file));
        } catch (e) {
          throw new UsageError(`${where}: ${(e as Error).message}`);
        }
      }
      (settings as Record<string, unknown>)[spec.key] = value;
    }
  }
  return { file, settings };
}

function readToml(file: string): Record<string, unknown> {
  try {
    return parseToml(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    const first = ((e as Error).message ?? String(e)).split('\n')[0];
    throw new UsageError(`${file}: invalid TOML: ${first}`);
  }
}

/** `max-line-length` of the [flake8] (or [pycodestyle]) section of an INI file. */
function iniLineLength(file: string): number | null {
  let section = '';
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) section = header[1].trim();
    const value = /^\s*max[-_]line[-_]length\s*[=:]\s*(\d+)\s*$/.exec(line);
    if (value && (section === 'flake8' || section === 'pycodestyle')) return Number(value[1]);
  }
  return null;
}

const BLACK_DEFAULT = 88;

/** A pre-commit configuration that runs black and not ruff's formatter. */
function formatsWithBlack(file: string | null): boolean {
  if (file === null) return false;
  const text = fs.readFileSync(file, 'utf8');
  return /^[ \t-]*id:[ \t]*["']?black["']?[ \t]*(#.*)?$/m.test(text) && !/^[ \t-]*id:[ \t]*["']?ruff-format["']?/m.test(text);
}

/**
 * The line length a folder's own files set, first found of: pyproject.toml's [tool.mp-codemod],
 * black's (its [tool.black] setting, else 88) when .pre-commit-config.yaml runs black and not
 * ruff-format, ruff.toml/.ruff.toml, pyproject.toml's [tool.ruff] and [tool.black], then .flake8, setup.cfg
 * and tox.ini's [flake8] max-line-length. Null when none of them sets one.
 */
export function folderLineLength(dir: string): number | null {
  const at = (name: string) => {
    const file = path.join(dir, name);
    return fs.existsSync(file) ? file : null;
  };
  const pyproject = at('pyproject.toml');
  const tool = pyproject ? ((readToml(pyproject).tool ?? {}) as Record<string, Record<string, unknown> | undefined>) : {};
  const own = tool['mp-codemod']?.['line-length'];
  if (isLength(own)) return own;
  // The formatter's limit before a linter's: the project's hooks rewrap a line past it, whatever
  // the linter allows (dask lints with ruff at 120 and formats with black at its default 88).
  if (formatsWithBlack(at('.pre-commit-config.yaml'))) {
    const black = tool.black?.['line-length'];
    return isLength(black) ? black : BLACK_DEFAULT;
  }
  for (const name of ['.ruff.toml', 'ruff.toml']) {
    const file = at(name);
    const value = file ? readToml(file)['line-length'] : undefined;
    if (isLength(value)) return value;
  }
  for (const key of ['ruff', 'black']) {
    const value = tool[key]?.['line-length'];
    if (isLength(value)) return value;
  }
  for (const name of ['.flake8', 'setup.cfg', 'tox.ini']) {
    const file = at(name);
    const value = file ? iniLineLength(file) : null;
    if (value) return value;
  }
  return null;
}

/**
 * isort's blank lines after the imports as a folder's files set them: ruff's `lines-after-imports`
 * (ruff.toml/.ruff.toml, or pyproject.toml's [tool.ruff.lint.isort] / [tool.ruff.isort]), else
 * [tool.isort] `lines_after_imports`. Null when none does (or -1: the tool's default).
 */
export function folderLinesAfterImports(dir: string): number | null {
  const read = (name: string) => {
    const file = path.join(dir, name);
    return fs.existsSync(file) ? readToml(file) : null;
  };
  const gap = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 4 ? v : null);
  type Table = Record<string, Record<string, unknown> | undefined>;
  for (const name of ['.ruff.toml', 'ruff.toml']) {
    const ruff = read(name) as Table | null;
    if (ruff) return gap(ruff.lint?.isort && (ruff.lint.isort as Record<string, unknown>)['lines-after-imports']) ?? gap(ruff.isort?.['lines-after-imports']);
  }
  const tool = ((read('pyproject.toml')?.tool ?? {}) as Record<string, Table | undefined>);
  const ruff = tool.ruff;
  const lint = ruff?.lint as Table | undefined;
  return gap(lint?.isort?.['lines-after-imports']) ?? gap(ruff?.isort?.['lines-after-imports']) ?? gap((tool.isort as Record<string, unknown> | undefined)?.['lines_after_imports']);
}

/** The first setting `read` finds in `dir` or a folder above it; cached per run and folder in `cache`. */
function nearestAbove(dir: string, cache: Map<string, number | null>, read: (dir: string) => number | null): number | null {
  const known = cache.get(dir);
  if (known !== undefined) return known;
  let found = read(dir);
  if (found === null) {
    const parent = path.dirname(dir);
    found = parent === dir ? null : nearestAbove(parent, cache, read);
  }
  cache.set(dir, found);
  return found;
}

/** The blank lines after the imports for one file: the --config file's folder, or the nearest project setting; none with --isolated. */
function linesAfterImportsOf(file: Found, opts: RunOptions): number | undefined {
  if (!opts.config) return undefined;
  if (opts.config !== 'discover') return folderLinesAfterImports(path.dirname(opts.config)) ?? undefined;
  return nearestAbove(path.dirname(file.real), cacheOf(opts).importGaps, folderLinesAfterImports) ?? undefined;
}

/** The line length for one file: the command line's, the --config file's, or the nearest project setting. */
function lineLengthOf(file: Found, opts: RunOptions): number | undefined {
  if (opts.cli?.lineLength !== undefined) return opts.cli.lineLength;
  if (!opts.config) return opts.lineLength;
  if (opts.config !== 'discover') return folderLineLength(path.dirname(opts.config)) ?? opts.lineLength;
  return nearestAbove(path.dirname(file.real), cacheOf(opts).lineLengths, folderLineLength) ?? opts.lineLength;
}

/** The nearest pyproject.toml with a [tool.mp-codemod] table, walking up from `dir`; cached per folder. */
export function findConfig(dir: string, cache: Map<string, FoundConfig | null>): FoundConfig | null {
  const known = cache.get(dir);
  if (known !== undefined) return known;
  const candidate = path.join(dir, 'pyproject.toml');
  let found: FoundConfig | null = fs.existsSync(candidate) ? readConfig(candidate) : null;
  if (!found) {
    const parent = path.dirname(dir);
    found = parent === dir ? null : findConfig(parent, cache);
  }
  cache.set(dir, found);
  return found;
}

function configOf(file: Found, opts: RunOptions): FoundConfig | null {
  if (!opts.config) return null;
  const configCache = cacheOf(opts).configs;
  if (opts.config !== 'discover') {
    if (!configCache.has(opts.config)) configCache.set(opts.config, readConfig(opts.config));
    return configCache.get(opts.config)!;
  }
  return findConfig(path.dirname(file.real), configCache);
}

/**
 * The options for one file: the run's, then its pyproject.toml's [tool.mp-codemod], then the
 * command line's; the line length from the nearest project setting (see folderLineLength).
 */
export function optionsFor(file: Found, opts: RunOptions): RunOptions {
  const lineLength = lineLengthOf(file, opts);
  const linesAfterImports = linesAfterImportsOf(file, opts);
  const found = configOf(file, opts);
  const optionsCache = cacheOf(opts).options;
  let byConfig = optionsCache.get(opts);
  if (!byConfig) optionsCache.set(opts, (byConfig = new Map()));
  const key = `${found?.file ?? ''}\0${lineLength ?? ''}\0${linesAfterImports ?? ''}`;
  const known = byConfig.get(key);
  if (known) return found ? withPerFileIgnores(file, found, known) : known;
  if (!found) {
    const plain = lineLength === opts.lineLength && linesAfterImports === undefined ? opts : { ...opts, lineLength, ...(linesAfterImports !== undefined ? { linesAfterImports } : {}) };
    byConfig.set(key, plain);
    return plain;
  }
  const s: Partial<Settings> = { ...found.settings, ...opts.cli };
  const select = s.select ?? opts.select ?? [];
  const ignore = s.ignore ?? opts.ignore ?? [];
  const specs = s.transforms ?? opts.transformSpecs;
  const merged: RunOptions = {
    ...opts,
    method: s.method ?? opts.method,
    strategy: s.strategy ?? opts.strategy,
    unsafeFixes: s.unsafeFixes ?? opts.unsafeFixes,
    freezeSupport: s.freezeSupport ?? opts.freezeSupport,
    allEntryPoints: s.allEntryPoints ?? opts.allEntryPoints,
    lineLength,
    ...(linesAfterImports !== undefined ? { linesAfterImports } : {}),
    formatCommand: s.formatCommand ?? opts.formatCommand,
    python: s.python ?? opts.python,
    maxFileSize: s.maxFileSize ?? opts.maxFileSize,
    transforms: s.transforms ? selectTransforms(s.transforms, path.dirname(found.file)) : opts.transforms,
    transformSpecs: specs,
    select,
    ignore,
    keepCode: codeFilter(select, ignore),
    include: s.include ?? opts.include,
    exclude: s.exclude ?? opts.exclude,
  };
  byConfig.set(key, merged);
  return withPerFileIgnores(file, found, merged);
}

/** The options with the codes `per-file-ignores` drops for this file added to `ignore`. */
function withPerFileIgnores(file: Found, found: FoundConfig, opts: RunOptions): RunOptions {
  const table = found.settings.perFileIgnores;
  if (!table) return opts;
  const rel = path.relative(path.dirname(found.file), file.real).split(path.sep).join('/');
  const extra = Object.entries(table).filter(([glob]) => globMatcher([glob])(rel)).flatMap(([, codes]) => codes);
  if (extra.length === 0) return opts;
  const perFileCache = cacheOf(opts).perFile;
  let known = perFileCache.get(opts);
  if (!known) perFileCache.set(opts, (known = new Map()));
  const key = extra.join(',');
  let out = known.get(key);
  if (!out) {
    const ignore = [...(opts.ignore ?? []), ...extra];
    known.set(key, (out = { ...opts, ignore, keepCode: codeFilter(opts.select ?? [], ignore) }));
  }
  return out;
}

/** The interpreter of the compile gate for a file's options: python3 unless set, none when turned off. */
export const pythonOf = (opts: RunOptions): string | null => (opts.python === false ? null : (opts.python ?? 'python3'));

/**
 * The oldest Python 3 minor version a file must run on: --target-version, else the
 * `requires-python` of the nearest pyproject.toml that has one; undefined when neither says.
 */
export function targetFor(file: Found, opts: RunOptions): number | undefined {
  if (opts.cli?.targetMinor !== undefined) return opts.cli.targetMinor;
  if (opts.config === false) return undefined;
  if (typeof opts.config === 'string' && opts.config !== 'discover') return requiresPythonOf(opts.config);
  return nearestRequires(path.dirname(file.real), cacheOf(opts).requires);
}

function nearestRequires(dir: string, requiresCache: Map<string, number | undefined>): number | undefined {
  if (requiresCache.has(dir)) return requiresCache.get(dir);
  const candidate = path.join(dir, 'pyproject.toml');
  let found = fs.existsSync(candidate) ? requiresPythonOf(candidate) : undefined;
  if (found === undefined && path.dirname(dir) !== dir) found = nearestRequires(path.dirname(dir), requiresCache);
  requiresCache.set(dir, found);
  return found;
}

function requiresPythonOf(file: string): number | undefined {
  try {
    const doc = parseToml(fs.readFileSync(file, 'utf8')) as { project?: { 'requires-python'?: unknown } };
    const spec = doc.project?.['requires-python'];
    return typeof spec === 'string' ? lowestMinor(spec) : undefined;
  } catch {
    return undefined; // a broken pyproject.toml is reported by readConfig when it matters
  }
}

/** The lowest 3.x a PEP 440 specifier set allows (">=3.9,<4" → 9), from its lower bounds; undefined when it has none. */
export function lowestMinor(spec: string): number | undefined {
  let lowest: number | undefined;
  for (const clause of spec.split(',')) {
    const m = /^\s*(>=|~=|===?|>|\^|~)?\s*3\.(\d+)(\.\d+)?/.exec(clause);
    if (!m) continue;
    const minor = Number(m[2]) + (m[1] === '>' && !m[3] ? 1 : 0);
    lowest = lowest === undefined ? minor : Math.max(lowest, minor);
  }
  return lowest;
}

/** Include/exclude patterns of a file's [tool.mp-codemod], matched relative to the pyproject.toml's folder. */
export function keptByConfig(file: Found, opts: RunOptions): boolean {
  const found = configOf(file, opts);
  if (!found) return true;
  const rel = path.relative(path.dirname(found.file), file.real).split(path.sep).join('/');
  if (rel.startsWith('..')) return true;
  const exclude = [...(opts.cli?.exclude ?? found.settings.exclude ?? []), ...(found.settings.extendExclude ?? [])];
  const include = opts.cli?.include ?? found.settings.include ?? [];
  if (exclude.length > 0 && globMatcher(exclude)(rel)) return false;
  return include.length === 0 || globMatcher(include)(rel);
}

/** The effective settings for a path, for --show-config, keyed as [tool.mp-codemod] spells them. */
export function effectiveSettings(file: Found, opts: RunOptions): { config: string | null; settings: Record<string, unknown> } {
  const found = configOf(file, opts);
  const o = optionsFor(file, opts);
  const values: Settings = {
    method: o.method,
    strategy: o.strategy ?? 'auto',
    transforms: o.transforms.map((t) => t.id),
    select: o.select ?? [],
    ignore: o.ignore ?? [],
    include: o.include,
    exclude: o.exclude,
    extendExclude: found?.settings.extendExclude ?? [],
    perFileIgnores: found?.settings.perFileIgnores ?? {},
    unsafeFixes: o.unsafeFixes,
    freezeSupport: o.freezeSupport,
    allEntryPoints: o.allEntryPoints,
    lineLength: o.lineLength ?? DEFAULT_LINE_LENGTH,
    formatCommand: o.formatCommand,
    python: pythonOf(o) ?? 'off',
    targetMinor: targetFor(file, o) ?? 8,
    maxFileSize: o.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
  };
  const settings: Record<string, unknown> = Object.fromEntries(Object.entries(KEYS).map(([name, spec]) => [name, values[spec.key]]));
  // Not a key of the table (requires-python or --target-version decide it), but what the gate uses.
  settings['target-version'] = `py3${values.targetMinor}`;
  return { config: found?.file ?? null, settings };
}
