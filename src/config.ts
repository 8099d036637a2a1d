import * as fs from 'fs';
import * as path from 'path';
import { parse as parseToml } from 'smol-toml';
import { UsageError } from './usage';
import type { Found } from './walk';
import { selectTransforms } from './select';
import { checkCodes, codeFilter } from './codes';
import type { Method } from './types';
import type { RunOptions } from './runner';

/** What `[tool.mp-codemod]` may set; CLI flags override each key. */
export interface Settings {
  method: Method;
  transforms: string[];
  select: string[];
  ignore: string[];
  include: string[];
  exclude: string[];
  unsafeFixes: boolean;
  freezeSupport: boolean;
  allEntryPoints: boolean;
  /** Glob → codes never reported for the files it matches (relative to the pyproject.toml's folder). */
  perFileIgnores: Record<string, string[]>;
  /** Globs left out on top of `exclude` (or of --exclude). */
  extendExclude: string[];
}

export interface FoundConfig {
  file: string;
  settings: Partial<Settings>;
}

const KEYS: Record<string, { key: keyof Settings; kind: 'method' | 'list' | 'bool' | 'codes' | 'table' }> = {
  method: { key: 'method', kind: 'method' },
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
};

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

const configCache = new Map<string, FoundConfig | null>();
const optionsCache = new WeakMap<RunOptions, Map<string, RunOptions>>();

function configOf(file: Found, opts: RunOptions): FoundConfig | null {
  if (!opts.config) return null;
  if (opts.config !== 'discover') {
    if (!configCache.has(opts.config)) configCache.set(opts.config, readConfig(opts.config));
    return configCache.get(opts.config)!;
  }
  return findConfig(path.dirname(file.real), configCache);
}

/** The options for one file: the run's, then its pyproject.toml's [tool.mp-codemod], then the command line's. */
export function optionsFor(file: Found, opts: RunOptions): RunOptions {
  const found = configOf(file, opts);
  if (!found) return opts;
  let byConfig = optionsCache.get(opts);
  if (!byConfig) optionsCache.set(opts, (byConfig = new Map()));
  const known = byConfig.get(found.file);
  if (known) return withPerFileIgnores(file, found, known);
  const s: Partial<Settings> = { ...found.settings, ...opts.cli };
  const select = s.select ?? opts.select ?? [];
  const ignore = s.ignore ?? opts.ignore ?? [];
  const specs = s.transforms ?? opts.transformSpecs;
  const merged: RunOptions = {
    ...opts,
    method: s.method ?? opts.method,
    unsafeFixes: s.unsafeFixes ?? opts.unsafeFixes,
    freezeSupport: s.freezeSupport ?? opts.freezeSupport,
    allEntryPoints: s.allEntryPoints ?? opts.allEntryPoints,
    transforms: s.transforms ? selectTransforms(s.transforms, path.dirname(found.file)) : opts.transforms,
    transformSpecs: specs,
    select,
    ignore,
    keepCode: codeFilter(select, ignore),
    include: s.include ?? opts.include,
    exclude: s.exclude ?? opts.exclude,
  };
  byConfig.set(found.file, merged);
  return withPerFileIgnores(file, found, merged);
}

const perFileCache = new WeakMap<RunOptions, Map<string, RunOptions>>();

/** The options with the codes `per-file-ignores` drops for this file added to `ignore`. */
function withPerFileIgnores(file: Found, found: FoundConfig, opts: RunOptions): RunOptions {
  const table = found.settings.perFileIgnores;
  if (!table) return opts;
  const rel = path.relative(path.dirname(found.file), file.real).split(path.sep).join('/');
  const { globMatcher } = require('./walk') as typeof import('./walk');
  const extra = Object.entries(table).filter(([glob]) => globMatcher([glob])(rel)).flatMap(([, codes]) => codes);
  if (extra.length === 0) return opts;
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

/** Include/exclude patterns of a file's [tool.mp-codemod], matched relative to the pyproject.toml's folder. */
export function keptByConfig(file: Found, opts: RunOptions): boolean {
  const found = configOf(file, opts);
  if (!found) return true;
  const rel = path.relative(path.dirname(found.file), file.real).split(path.sep).join('/');
  if (rel.startsWith('..')) return true;
  const exclude = [...(opts.cli?.exclude ?? found.settings.exclude ?? []), ...(found.settings.extendExclude ?? [])];
  const include = opts.cli?.include ?? found.settings.include ?? [];
  const { globMatcher } = require('./walk') as typeof import('./walk'); // not needed by --stdin
  if (exclude.length > 0 && globMatcher(exclude)(rel)) return false;
  return include.length === 0 || globMatcher(include)(rel);
}

/** The effective settings for a path, for --show-config, keyed as [tool.mp-codemod] spells them. */
export function effectiveSettings(file: Found, opts: RunOptions): { config: string | null; settings: Record<string, unknown> } {
  const found = configOf(file, opts);
  const o = optionsFor(file, opts);
  const values: Settings = {
    method: o.method,
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
  };
  const settings = Object.fromEntries(Object.entries(KEYS).map(([name, spec]) => [name, values[spec.key]]));
  return { config: found?.file ?? null, settings };
}
