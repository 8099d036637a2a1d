// One file, start to finish: read and decode, screen, the engine, the compile gate, the diff
// or the write. Files, notebooks, --stdin and worker threads all go through processFile;
// runner.ts walks and schedules.
import * as fs from 'fs';
import * as path from 'path';
import { transformSource, needsParse, wordsOf, type SourceResult } from '../engine/pipeline';
import { optionsFor, pythonOf, targetFor, inPackage, type RunCache, type Settings } from './config';
import { anyRejected, compileCheck, Provisional, Replay, type Question, type Verdict } from './compile';
import { decode, encode, SourceError, type Decoded } from '../python/source';
import { atomicWrite, WriteError } from './write';
import type { Found, WalkOptions } from './walk';
import { unifiedDiff } from './diff';
import { WordScan } from '../syntax/words';
import { runFormatter } from './format';
import { limitBytes, overLimit } from './file-size';
import { work } from '../syntax/parser';
import * as nb from './notebook';
import { PROJECT_WORDS, type ProjectScan } from '../project/project';
import { factsOfFile, type ProjectFacts } from '../project/facts';
import type { AppliedFix, Diagnostic, Options, Transform } from '../api/types';

export type Status = 'changed' | 'unchanged' | 'skipped' | 'error';

export interface FileResult {
  path: string;
  status: Status;
  /** Why the file was skipped or failed. */
  reason?: string;
  /** Skipped because of a problem with the input (exit code 1), not on purpose. */
  problem?: boolean;
  /** Line of a syntax error in the input. */
  line?: number;
  /** Transforms that still had deferred fixes after the last pass (the output is valid, maybe incomplete). */
  unconverged?: string[];
  fixes: AppliedFix[];
  diagnostics: Diagnostic[];
  /** Unified diff of a changed file. */
  diff?: string;
  /** 1-based line of the first change in a changed file (in a notebook, of the cell's source). */
  firstChange?: number;
  /** The file's encoding when it is not UTF-8: the diff must be written in it for `git apply`. */
  diffEncoding?: string;
  /** The new text of a changed file, the whole .ipynb for a notebook (kept only with keepText: --interactive, --stdin). */
  after?: string;
  /** The same in the file's encoding, as it would be written (kept only with keepText). */
  afterBytes?: Buffer;
  /** The real path written to (kept only with keepText: --interactive writes what it accepts there). */
  real?: string;
  written?: boolean;
  /** For the cross-file scan, when asked (RunOptions.judge): the file starts processes anywhere. Not reported. */
  startsProcesses?: boolean;
  /**
   * For the cross-file scan: the file keeps its own start method ('method': left unchanged, MP312,
   * or choosing it at run time, MP314; 'loaders': a DataLoader left on the default because its
   * dataset may not pickle, MP317, or keeps a cache of loaded items, MP319), whatever --select/--ignore let the report show. Not reported.
   */
  keepsItsMethod?: KeepReason;
  /** The parses, scope analyses and applied passes processing the file took (for `npm run bench`). Not reported. */
  work?: FileWork;
}

export interface FileWork {
  parses: number;
  analyses: number;
  /** Passes that applied edits (each re-parsed once), over every plan the engine tried. */
  passes?: number;
}

/** The engine's work on changed files: how many parses, analyses and passes one takes, against how many transforms changed it. */
export interface ChangedWork {
  files: number;
  parses: number;
  analyses: number;
  passes: number;
  /** Changed files by the number of transforms that changed them. */
  byTransforms: Record<number, number>;
  /** Changed files by the number of applied passes. */
  byPasses: Record<number, number>;
  /** Changed files by parses beyond one plus one per applied pass (0 as designed; -1 when the cross-file scan handed its tree over). */
  extraParses: Record<number, number>;
}

export interface RunOptions extends Options, WalkOptions {
  transforms: readonly Transform[];
  /** How worker threads load the transforms (ids and module paths, as -t takes them); in-band when absent. */
  transformSpecs?: string[];
  /** Threads for parsing candidates; 1 runs in-band. */
  jobs?: number;
  /** The --select/--ignore lists, for worker threads (keepCode is a function). */
  select?: string[];
  ignore?: string[];
  write: boolean;
  /** Compute diffs of changed files. */
  diffs: boolean;
  /** Keep the new text of changed files in the results (for --interactive). */
  keepText?: boolean;
  /** Settings given on the command line: they win over [tool.mp-codemod]. */
  cli?: Partial<Settings>;
  /** Called as files are done (screened or processed), with the count done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Process only one of N deterministic shards (by a hash of each path, so shards stay stable as files come and go). */
  shard?: { index: number; count: number };
  /** `format-command` of the file's [tool.mp-codemod]: run on the new text of changed files only. */
  formatCommand?: string;
  /** Where settings come from: the nearest pyproject.toml of each file ('discover'), one file, or none. */
  config?: 'discover' | string | false;
  /** Which diagnostic codes to report (--select/--ignore); all when absent. */
  keepCode?: (code: string) => boolean;
  /** The cross-file scan's result (filled by run() once the scan ends). */
  projectFacts?: ProjectFacts;
  /**
   * Real paths of modules whose processing also tells whether they start processes (filled by
   * run()); 'all' while screening goes on, when it is not known yet which.
   */
  judge?: Set<string> | 'all';
  /** The compile gate's interpreter (python3 when absent); false turns the gate off. */
  python?: string | false;
  /** Files larger than this many MB are skipped unread and unparsed (0: no limit; absent: the default, 10). */
  maxFileSize?: number;
  /** Settings and facts read from disk during this run (made by run(); see RunCache). */
  cache?: RunCache;
  /** The compile gate of this thread (made by run(); absent: outputs are not compiled). */
  gate?: { check(source: string, file: string, python: string): Verdict; warm?(python: string): void; ask?(questions: Question[]): Promise<Verdict[]> };
}

export interface Summary {
  /**
   * The results worth reporting, by path: every file but the unchanged ones with nothing to say
   * (no diagnostic, fix or reason), which are only counted, and named in `unchangedPaths`.
   */
  files: FileResult[];
  /** The paths of the unchanged files left out of `files`, sorted (the strings the walk made: no copy per file). */
  unchangedPaths?: string[];
  scanned: number;
  changed: number;
  unchanged: number;
  skipped: number;
  errors: number;
  diagnostics: number;
  seconds: number;
  /** Why the compile gate was off for this run (no Python, or it failed), once per interpreter. */
  compileOff?: string[];
  /**
   * The engine's work, over all threads: files processed (candidates), parses, scope analyses;
   * `inFiles`, those of processing files (the rest is the cross-file scan's); `changed`, per changed file.
   */
  work?: { processed: number; parses: number; analyses: number; inFiles?: FileWork; changed?: ChangedWork };
}

const result = (path: string, status: Status, extra: Partial<FileResult> = {}): FileResult => ({
  path, status, fixes: [], diagnostics: [], ...extra,
});

type Read = { bytes: Buffer; decoded: ReturnType<typeof decode> };

function readSource(file: Found, opts: RunOptions): Read | FileResult {
  let bytes: Buffer;
  try {
    // Sized first: a file over the limit is never read.
    const size = limitBytes(opts) === null ? 0 : fs.statSync(file.real).size;
    const over = overLimit(size, opts);
    if (over) return result(file.path, 'skipped', { reason: over, problem: true });
    bytes = fs.readFileSync(file.real);
  } catch (e) {
    return result(file.path, 'error', { reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
  }
  return decodeSource(file, bytes, opts);
}

function decodeSource(file: Found, bytes: Buffer, opts: RunOptions): Read | FileResult {
  const over = overLimit(bytes.length, opts);
  if (over) return result(file.path, 'skipped', { reason: over, problem: true });
  try {
    return { bytes, decoded: decode(bytes) };
  } catch (e) {
    if (e instanceof SourceError) return result(file.path, 'skipped', { reason: e.message, problem: true });
    throw e;
  }
}

export interface Candidate {
  size: number;
  /** What screening read: processFile takes them rather than reading the file again. */
  bytes: Buffer;
  /** An entry point: whether it imports the run's process code is known only after the scan. */
  waits: boolean;
  /** Whether a transform needs to parse it (a candidate of processFile); else it is unchanged. */
  parse: boolean;
}

/** The engine's options for one file: its target version, and the compile gate bound to its interpreter. */
function engineOptions(file: Found, opts: RunOptions): RunOptions {
  const python = pythonOf(opts);
  const targetMinor = targetFor(file, opts);
  return { ...opts, targetMinor, compile: opts.gate && python ? compileCheck(opts.gate, python) : undefined };
}

const factsOf = (file: Found, opts: RunOptions) => ({
  inPackage: inPackage(file.real, opts),
  ...factsOfFile(file.real, opts.projectFacts),
});

/** One scan of each text for every word screening asks about: the transforms', the engine's and the cross-file scan's. */
const screenings = new WeakMap<readonly Transform[], WordScan>();
function screeningScan(transforms: readonly Transform[]): WordScan {
  let scan = screenings.get(transforms);
  if (!scan) screenings.set(transforms, (scan = new WordScan([...wordsOf(transforms), ...PROJECT_WORDS])));
  return scan;
}

/**
 * The cheap first look at a file: its result when it cannot be read, else its size and bytes,
 * whether a transform needs to parse it (a candidate of processFile; if not, it is unchanged)
 * and whether its facts wait for the cross-file scan.
 */
export function screenFile(file: Found, runOpts: RunOptions, project?: ProjectScan | null): FileResult | Candidate {
  const opts = optionsFor(file, runOpts);
  const read = readSource(file, opts);
  if (!('decoded' in read)) return read;
  const scan = screeningScan(opts.transforms);
  const waits = project?.note(file, read.decoded.text, true, scan) ?? false;
  const parse = needsParse(read.decoded.text, opts.transforms, opts, file.path, factsOf(file, opts), scan);
  scan.forget();
  const python = parse ? pythonOf(opts) : null;
  if (python) opts.gate?.warm?.(python);
  return { size: read.bytes.length, bytes: read.bytes, waits, parse };
}

/** Writes a changed file atomically; a refused write turns the result into an error. */
function writeChanged(changed: FileResult, file: Found, data: Buffer, original: Buffer): FileResult {
  try {
    atomicWrite(file.real, data, original);
    return { ...changed, written: true };
  } catch (e) {
    if (e instanceof WriteError) return { ...changed, status: 'error', reason: e.message };
    throw e;
  }
}

/** A notebook gets the transforms that declare they apply to cells (see Transform.notebooks). */
function processNotebook(file: Found, opts: RunOptions, bytes: Buffer, text: string): Held | FileResult {
  let book;
  try {
    book = nb.readNotebook(text);
  } catch (e) {
    if (e instanceof nb.NotebookError) return result(file.path, 'skipped', { reason: e.message, problem: true });
    throw e;
  }
  const mod = nb.toModule(book);
  const transforms = opts.transforms.filter((t) => t.notebooks !== false);
  const out = transformSource(mod.text, transforms, opts, file.path, { inPackage: false, notebook: true });
  const place = (line: number) => mod.lineMap[line - 1] ?? { cell: -1, line };
  const keep = opts.keepCode ?? (() => true);
  const diagnostics = out.diagnostics.filter((d) => keep(d.code)).map((d) => ({ ...d, cell: place(d.line).cell + 1, line: place(d.line).line }));
  const base = { fixes: out.fixes.map((f) => ({ ...f, line: place(f.line).line })), diagnostics };
  if (out.skipped) return result(file.path, 'skipped', { reason: out.skipped });
  if (out.syntaxError) {
    const at = place(out.syntaxError.line);
    return result(file.path, 'skipped', { reason: `syntax error in cell ${at.cell + 1}`, line: at.line, problem: true });
  }
  if (out.error) return result(file.path, 'error', { ...base, reason: `${out.error.transform}: ${out.error.message}` });
  if (out.output === mod.text) return result(file.path, 'unchanged', base);
  const after = nb.fromModule(book, mod, out.output);
  if (!after) return result(file.path, 'error', { ...base, reason: 'the cells could not be put back together; left unchanged' });
  const changed = result(file.path, 'changed', base);
  if (base.fixes.length > 0) changed.firstChange = Math.min(...base.fixes.map((f) => f.line));
  const written = nb.patchNotebook(text, book, after);
  // A diff of the .ipynb file itself, so that `git apply` takes it like any other file's.
  if (opts.diffs) changed.diff = unifiedDiff(file.path, text, written);
  const newBytes = Buffer.from(written, 'utf8');
  if (opts.keepText) Object.assign(changed, { after: written, afterBytes: newBytes, real: file.real });
  return opts.write ? { result: changed, write: () => writeChanged(changed, file, newBytes, bytes) } : changed;
}

/**
 * One file, start to end: files of a run, notebooks, --stdin (which passes the bytes it read as
 * `given`, and a `file` named by --stdin-filename) and --interactive all finish here. Never throws
 * for problems with the file itself.
 */
export type KeepReason = 'method' | 'loaders';

export function processFile(file: Found, runOpts: RunOptions, given?: Buffer): FileResult {
  return finished(processHeld(file, runOpts, given));
}

/** A result whose write is held back (see processHeld), with the bytes it was made from. */
interface Held {
  result: FileResult;
  write?: () => FileResult;
  bytes?: Buffer;
}

const finished = (h: Held | FileResult): FileResult => ('result' in h ? (h.write ? h.write() : h.result) : h);

/** processFile, but a changed file is written only when the caller says so (`write`). */
function processHeld(file: Found, runOpts: RunOptions, given?: Buffer): Held | FileResult {
  const opts = engineOptions(file, optionsFor(file, runOpts));
  const read = given ? decodeSource(file, given, opts) : readSource(file, opts);
  if (!('decoded' in read)) return read;
  if (file.path.endsWith('.ipynb')) return { bytes: read.bytes, ...asHeld(processNotebook(file, opts, read.bytes, read.decoded.text)) };
  const { bytes, decoded } = read;
  const judge = opts.judge === 'all' || (opts.judge?.has(file.real) ?? false);
  const out = transformSource(decoded.text, opts.transforms, opts, file.path, factsOf(file, opts), judge);
  const held = asHeld(resultOf(file, opts, out, decoded, bytes));
  // The verdicts go on whatever the write makes of the result.
  const judged = held.result;
  if (out.startsProcesses !== undefined) judged.startsProcesses = out.startsProcesses;
  if (out.diagnostics.some((d) => d.code === 'MP312' || d.code === 'MP314')) judged.keepsItsMethod = 'method';
  // A spawn default set by an importer would pickle that dataset (and its cache, MP319) all the same.
  else if (out.diagnostics.some((d) => d.code === 'MP317' || d.code === 'MP319')) judged.keepsItsMethod = 'loaders';
  return { ...held, bytes };
}

const asHeld = (r: Held | FileResult): Held => ('result' in r ? r : { result: r });

/**
 * processFile with the compile gate's questions put to Python by `ask`, without blocking: Python
 * compiles while this thread goes on (with the next file, or Node's start-up for --stdin). The
 * file is processed as if Python accepted every output, and written (with `write`) once it did;
 * when it rejects one, the file is processed again with the answers (`opts.gate` for any question
 * they do not cover), so the result is the one a synchronous gate gives. A result without
 * questions (unchanged) is returned as is.
 */
export function processAsking(file: Found, opts: RunOptions, given: Buffer | undefined, ask: Ask): FileResult | Promise<FileResult> {
  return asking(file, opts, given, ask, (run) => run());
}

/** processAsking with processSafely's handling of unexpected exceptions, and the work counted. */
export function processSafelyAsking(file: Found, opts: RunOptions, given: Buffer | undefined, ask: Ask): FileResult | Promise<FileResult> {
  let earlier: FileWork | undefined;
  return asking(file, opts, given, ask, (run) => {
    const r = safely(file, run, earlier);
    earlier = r.work;
    return r;
  });
}

type Ask = (questions: Question[]) => Promise<Verdict[]>;

function asking(file: Found, opts: RunOptions, given: Buffer | undefined, ask: Ask, wrap: (run: () => FileResult) => FileResult): FileResult | Promise<FileResult> {
  const gate = opts.gate;
  if (!gate) return wrap(() => processFile(file, opts, given));
  const provisional = new Provisional();
  let held: Held | undefined;
  const first = wrap(() => {
    const h = processHeld(file, { ...opts, gate: provisional }, given);
    held = asHeld(h);
    return held.result;
  });
  const write = held?.write;
  const settle = () => (write ? wrap(write) : first);
  if (!held || provisional.asked.length === 0) return settle();
  const bytes = held.bytes ?? given;
  return ask(provisional.asked).then((answers) => (anyRejected(answers) ? wrap(() => processFile(file, { ...opts, gate: new Replay(answers, gate) }, bytes)) : settle()));
}

/** The compile gate's interpreter for a file (null: no gate), as processFile would pick it. */
export function interpreterFor(file: Found, opts: RunOptions): string | null {
  return pythonOf(optionsFor(file, opts));
}

/** The result of a file transformSource has seen. */
function resultOf(file: Found, opts: RunOptions, out: SourceResult, decoded: Decoded, bytes: Buffer): Held | FileResult {
  const keep = opts.keepCode ?? (() => true);
  const base = { fixes: out.fixes, diagnostics: out.diagnostics.filter((d) => keep(d.code)), ...(out.unconverged.length > 0 ? { unconverged: out.unconverged } : {}) };
  if (out.skipped) return result(file.path, 'skipped', { reason: out.skipped });
  if (out.syntaxError) {
    return result(file.path, 'skipped', { reason: 'syntax error', line: out.syntaxError.line, problem: true });
  }
  if (out.error) return result(file.path, 'error', { ...base, reason: `${out.error.transform}: ${out.error.message}` });
  if (out.output === decoded.text) return result(file.path, 'unchanged', base);
  let output = out.output;
  if (opts.formatCommand) {
    const formatted = runFormatter(opts.formatCommand, output, path.dirname(file.real));
    if ('error' in formatted) return result(file.path, 'error', { ...base, reason: formatted.error });
    output = formatted.text;
    if (output === decoded.text) return result(file.path, 'unchanged', base);
  }

  let newBytes: Buffer;
  try {
    newBytes = encode(output, decoded);
  } catch (e) {
    if (e instanceof SourceError) return result(file.path, 'error', { ...base, reason: e.message });
    throw e;
  }
  const changed = result(file.path, 'changed', base);
  changed.firstChange = firstChangedLine(decoded.text, output);
  if (opts.diffs) {
    // The BOM is a byte of the first line for `git apply`; a non-UTF-8 file's diff is written in its encoding.
    const bom = decoded.bom ? '\ufeff' : '';
    changed.diff = unifiedDiff(file.path, bom + decoded.text, bom + output);
    if (decoded.encoding !== 'utf-8') changed.diffEncoding = decoded.encoding;
  }
  if (opts.keepText) Object.assign(changed, { after: output, afterBytes: newBytes, real: file.real });
  return opts.write ? { result: changed, write: () => writeChanged(changed, file, newBytes, bytes) } : changed;
}

/** The 1-based line of `before` where `after` first differs from it. */
export function firstChangedLine(before: string, after: string): number {
  let i = 0;
  while (i < before.length && i < after.length && before.charCodeAt(i) === after.charCodeAt(i)) i++;
  let line = 1;
  for (let j = before.lastIndexOf('\n', i - 1); j >= 0; j = before.lastIndexOf('\n', j - 1)) line++;
  return line;
}

/** processFile that turns an unexpected exception into an error result for that file. */
export function processSafely(file: Found, opts: RunOptions, given?: Buffer): FileResult {
  return safely(file, () => processFile(file, opts, given));
}

/** `run`, with an unexpected exception turned into an error result for `file`; the work it took (after `earlier`) is counted on the result. */
function safely(file: Found, run: () => FileResult, earlier: FileWork = { parses: 0, analyses: 0, passes: 0 }): FileResult {
  const parses = work.parses - earlier.parses;
  const analyses = work.analyses - earlier.analyses;
  const passes = work.passes - (earlier.passes ?? 0);
  try {
    const r = run();
    r.work = { parses: work.parses - parses, analyses: work.analyses - analyses, passes: work.passes - passes };
    return r;
  } catch (e) {
    // Pathological nesting (thousands of levels) exhausts the stack of the analyses: skip, with a reason.
    if (e instanceof RangeError && /call stack/i.test(e.message)) return result(file.path, 'skipped', { reason: 'nested too deeply to analyse', problem: true });
    return result(file.path, 'error', { reason: `internal error: ${(e as Error).message}` });
  }
}

/** Whether a result says more than its path and `unchanged`. */

export { result as fileResult };
