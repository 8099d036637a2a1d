/**
 * The programmatic API: `import { ready, transformSource, run } from "mp-codemod"`. The parser is
 * WebAssembly and loads asynchronously: `await ready()` once before the synchronous functions
 * (transformSource, processFile); `run` awaits it itself.
 */
export { ready } from './parser';
export { transformSource, defaultOptions, type SourceResult } from './pipeline';
export { run, processFile, type FileResult, type RunOptions, type Summary } from './runner';
export { builtinTransforms } from '../transforms';
export { CODES } from './codes';
export type { Diagnostic, Edit, FileContext, FileFacts, Fix, Method, Options, Safety, Severity, Transform } from './types';
