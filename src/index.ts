/**
 * The programmatic API: `import { ready, transformSource, run } from "mp-codemod"`. The parser is
 * WebAssembly and loads asynchronously: `await ready()` once before the synchronous functions
 * (transformSource, processFile); `run` awaits it itself.
 */
import * as path from 'path';
import { defaultOptions } from './engine/pipeline';
import { run as runFiles, processFile as processOne, type FileResult, type RunOptions, type Summary } from './run/runner';
import { builtinTransforms } from '../transforms';
import { setCatalogue } from './run/catalogue';
import { codeFilter } from './api/codes';
import type { Found } from './run/walk';

export { ready } from './syntax/parser';
export { transformSource, defaultOptions, type SourceResult } from './engine/pipeline';
export type { FileResult, RunOptions, Summary } from './run/runner';
export { builtinTransforms } from '../transforms';
export { CODES, type Code } from './api/codes';
export type { Diagnostic, Edit, FileContext, FileFacts, Fix, Method, Options, PrefilterFile, Safety, Severity, Transform } from './api/types';

setCatalogue(builtinTransforms, require.resolve('../transforms'));

/**
 * Every run option has a default, as the CLI's: all built-in transforms, a dry run with diffs,
 * spawn, the nearest pyproject.toml of each file, .gitignore honoured, the working directory.
 */
export function runOptions(given: Partial<RunOptions> = {}): RunOptions {
  const set = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<RunOptions>;
  const opts: RunOptions = {
    ...defaultOptions,
    transforms: builtinTransforms,
    write: false,
    diffs: true,
    config: 'discover',
    cwd: process.cwd(),
    gitignore: true,
    include: [],
    exclude: [],
    knownTransforms: builtinTransforms.map((t) => t.id),
    ...set,
  };
  // The built-ins can run in worker threads, which load them by id.
  if (!set.transforms && !set.transformSpecs) opts.transformSpecs = builtinTransforms.map((t) => t.id);
  if (!set.keepCode && (opts.select || opts.ignore)) opts.keepCode = codeFilter(opts.select ?? [], opts.ignore ?? []);
  return opts;
}

/** Finds and processes the files under `paths` (default: the working directory). */
export function run(paths: string[] = ['.'], options: Partial<RunOptions> = {}): Promise<Summary> {
  return runFiles(paths, runOptions(options));
}

/** One file, start to end, with `run`'s defaults for the options not given. */
export function processFile(file: Found | string, options: Partial<RunOptions> = {}): FileResult {
  return processOne(typeof file === 'string' ? { path: file, real: path.resolve(file) } : file, runOptions(options));
}
