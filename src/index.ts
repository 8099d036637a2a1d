/** The programmatic API: `import { transformSource, run } from "mp-codemod"`. */
export { transformSource, defaultOptions, type SourceResult } from './pipeline';
export { run, processFile, type FileResult, type RunOptions, type Summary } from './runner';
export { builtinTransforms } from '../transforms';
export { CODES } from './codes';
export type { Diagnostic, Edit, FileContext, FileFacts, Fix, Method, Options, Safety, Severity, Transform } from './types';
