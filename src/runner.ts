import * as fs from 'fs';
import * as path from 'path';
import { transformSource, needsParse, type SourceResult } from './pipeline';
import { Pool } from './pool';
import { interrupted } from './interrupt';
import { optionsFor, keptByConfig, pythonOf, targetFor, inPackage, RunCache, type Settings } from './config';
import { CompileGate, compileCheck, type Verdict } from './compile';
import { decode, encode, SourceError, type Decoded } from './source';
import { atomicWrite, WriteError } from './write';
import { discover, type Found, type WalkOptions } from './walk';
import { unifiedDiff } from './report/diff';
import { forgetText } from './words';
import { runFormatter } from './format';
import { ProjectScan } from './project';
import { otherProjectFiles, noteFiles } from './project-files';
import { keepsItsOwnMethod } from './pool';
import { ready, work } from './parser';
import type { AppliedFix, Diagnostic, Options, Transform } from './types';

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
  written?: boolean;
  /** For the cross-file scan, when asked (RunOptions.judge): the file starts processes anywhere. Not reported. */
  startsProcesses?: boolean;
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
  /** Real paths of entry points that import process-starting modules of the run (filled by run()). */
  importsProcessCode?: Set<string>;
  /** Entry points that import a module of the run left on its own start method (computed by the runner). */
  importsForkModule?: Set<string>;
  /** Entry points whose process-starting code other entry points of the run import (by real path). */
  importedScripts?: Set<string>;
  /** Entry points and scripts that import functions of the run that start processes, with those functions (filled by run()). */
  processCalls?: Map<string, readonly string[]>;
  /**
   * Real paths of modules whose processing also tells whether they start processes (filled by
   * run()); 'all' while screening goes on, when it is not known yet which.
   */
  judge?: Set<string> | 'all';
  /** The compile gate's interpreter (python3 when absent); false turns the gate off. */
  python?: string | false;
  /** Settings and facts read from disk during this run (made by run(); see RunCache). */
  cache?: RunCache;
  /** The compile gate of this thread (made by run(); absent: outputs are not compiled). */
  gate?: { check(source: string, file: string, python: string): Verdict };
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
  /** The engine's work, over all threads: files processed (candidates), parses, scope analyses. */
  work?: { processed: number; parses: number; analyses: number };
}

const result = (path: string, status: Status, extra: Partial<FileResult> = {}): FileResult => ({
  path, status, fixes: [], diagnostics: [], ...extra,
});

type Read = { bytes: Buffer; decoded: ReturnType<typeof decode> };

function readSource(file: Found): Read | FileResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file.real);
  } catch (e) {
    return result(file.path, 'error', { reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
  }
  return decodeSource(file, bytes);
}

function decodeSource(file: Found, bytes: Buffer): Read | FileResult {
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
  importsProcessCode: opts.importsProcessCode?.has(file.real) ?? false,
  importsForkModule: opts.importsForkModule?.has(file.real) ?? false,
  importedForProcesses: opts.importedScripts?.has(file.real) ?? false,
  processCalls: opts.processCalls?.get(file.real),
});

/**
 * The cheap first look at a file: its result when it cannot be read, else its size and bytes,
 * whether a transform needs to parse it (a candidate of processFile; if not, it is unchanged)
 * and whether its facts wait for the cross-file scan.
 */
export function screenFile(file: Found, runOpts: RunOptions, project?: ProjectScan | null): FileResult | Candidate {
  const opts = optionsFor(file, runOpts);
  const read = readSource(file);
  if (!('decoded' in read)) return read;
  const waits = project?.note(file, read.decoded.text) ?? false;
  const parse = needsParse(read.decoded.text, opts.transforms, opts, file.path, factsOf(file, opts));
  forgetText();
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
function processNotebook(file: Found, opts: RunOptions, bytes: Buffer, text: string): FileResult {
  const nb = require('./notebook') as typeof import('./notebook');
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
  if (opts.keepText) Object.assign(changed, { after: written, afterBytes: newBytes });
  return opts.write ? writeChanged(changed, file, newBytes, bytes) : changed;
}

/**
 * One file, start to end: files of a run, notebooks, --stdin (which passes the bytes it read as
 * `given`, and a `file` named by --stdin-filename) and --interactive all finish here. Never throws
 * for problems with the file itself.
 */
export function processFile(file: Found, runOpts: RunOptions, given?: Buffer): FileResult {
  const opts = engineOptions(file, optionsFor(file, runOpts));
  const read = given ? decodeSource(file, given) : readSource(file);
  if (!('decoded' in read)) return read;
  if (file.path.endsWith('.ipynb')) return processNotebook(file, opts, read.bytes, read.decoded.text);
  const { bytes, decoded } = read;
  const judge = opts.judge === 'all' || (opts.judge?.has(file.real) ?? false);
  const out = transformSource(decoded.text, opts.transforms, opts, file.path, factsOf(file, opts), judge);
  const judged = resultOf(file, opts, out, decoded, bytes);
  if (out.startsProcesses !== undefined) judged.startsProcesses = out.startsProcesses;
  return judged;
}

/** The result of a file transformSource has seen. */
function resultOf(file: Found, opts: RunOptions, out: SourceResult, decoded: Decoded, bytes: Buffer): FileResult {
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
  if (opts.keepText) Object.assign(changed, { after: output, afterBytes: newBytes });
  return opts.write ? writeChanged(changed, file, newBytes, bytes) : changed;
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
  try {
    return processFile(file, opts, given);
  } catch (e) {
    // Pathological nesting (thousands of levels) exhausts the stack of the analyses: skip, with a reason.
    if (e instanceof RangeError && /call stack/i.test(e.message)) return result(file.path, 'skipped', { reason: 'nested too deeply to analyse', problem: true });
    return result(file.path, 'error', { reason: `internal error: ${(e as Error).message}` });
  }
}

/** Whether a result says more than its path and `unchanged`. */
const worthKeeping = (r: FileResult) =>
  r.status !== 'unchanged' || r.diagnostics.length > 0 || r.fixes.length > 0 || r.reason !== undefined || r.unconverged !== undefined;

/**
 * The results of a run as they come: counted, and kept only when worth reporting, so that memory
 * does not grow with the number of unchanged files (the path of one is the walk's own string).
 */
export class Tally {
  readonly kept: FileResult[] = [];
  readonly unchangedPaths: string[] = [];
  readonly counts: Record<Status, number> = { changed: 0, unchanged: 0, skipped: 0, error: 0 };
  diagnostics = 0;

  /** `always`: kept even when it has nothing to say. */
  add(r: FileResult, shown: string = r.path, always = false): void {
    this.counts[r.status]++;
    this.diagnostics += r.diagnostics.length;
    if (always || worthKeeping(r)) this.kept.push(r);
    else this.unchangedPaths.push(shown);
  }

  /** An unchanged file with nothing to say, by the path the walk gave it. */
  unchanged(shown: string): void {
    this.counts.unchanged++;
    this.unchangedPaths.push(shown);
  }

  summary(seconds: number): Summary {
    const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    this.kept.sort((a, b) => byPath(a.path, b.path));
    this.unchangedPaths.sort(byPath);
    const c = this.counts;
    return {
      files: this.kept,
      unchangedPaths: this.unchangedPaths,
      scanned: c.changed + c.unchanged + c.skipped + c.error,
      changed: c.changed,
      unchanged: c.unchanged,
      skipped: c.skipped,
      errors: c.error,
      diagnostics: this.diagnostics,
      seconds,
    };
  }
}

/** The summary of results already in hand (--stdin's one file), every one of them in `files`. */
export function summarise(files: FileResult[], seconds: number): Summary {
  const tally = new Tally();
  for (const f of files) tally.add(f, f.path, true);
  return tally.summary(seconds);
}

/**
 * Finds the files under `paths` and processes each; the caller prints and picks the exit code.
 * Files are screened on the main thread (read + prefilter); candidates are parsed in worker
 * threads when there are enough of them, else in-band through the same processFile.
 */
export async function run(paths: string[], opts: RunOptions): Promise<Summary> {
  const started = process.hrtime.bigint();
  await ready();
  // One compile gate for the run, shared by every thread; its Python starts with the first changed file.
  const gate = opts.python === false || opts.gate ? null : new CompileGate();
  opts = { ...opts, cache: new RunCache(), ...(gate ? { gate } : {}) };
  try {
    const summary = await runWith(paths, opts, started);
    const off = gate?.offReasons() ?? [];
    return off.length > 0 ? { ...summary, compileOff: off } : summary;
  } finally {
    await gate?.close();
  }
}

async function runWith(paths: string[], opts: RunOptions, started: bigint): Promise<Summary> {
  const found = discover(paths, opts);
  const problems = found.problems;
  let files = opts.config ? found.files.filter((f) => keptByConfig(f, opts)) : found.files;
  const walked = files;
  if (opts.shard) files = files.filter((f) => shardOf(f.path, opts.shard!.count) === opts.shard!.index - 1);
  const project = opts.transforms.some((t) => t.crossFile) ? new ProjectScan() : null;
  // The project's other files give the cross-file facts too (a run on part of it, a shard or a
  // pre-commit batch, must agree with a run on all of it); they are read here, never reported.
  const others = project ? otherProjectFiles(paths, walked, files, opts, (f) => !opts.config || keptByConfig(f, opts)) : [];
  const otherEntries = project ? noteFiles(others, project) : new Set<string>();
  const tally = new Tally();
  for (const p of problems) tally.add(result(p.path, p.message.startsWith('cannot') ? 'error' : 'skipped', { reason: p.message, problem: true }));
  let done = 0;
  const tick = () => opts.onProgress?.(++done, files.length);
  const workBefore = { ...work };
  // Candidates not processed yet (for an interrupt); results of processed files go to the tally.
  const pending = new Set<Found>();
  const sink = (r: FileResult, file: Found) => {
    pending.delete(file);
    tally.add(r, file.path);
  };
  // Threads start on candidates while the rest is screened; the biggest go first, and which of
  // them the cross-file scan will ask about is not known yet: they are all judged.
  const pool = new Pool({ ...opts, onProgress: tick, judge: project ? 'all' : undefined }, sink);
  const waiting: { file: Found; size: number; bytes?: Buffer }[] = [];
  // Entry points screened out: the cross-file scan may make them candidates.
  let entriesOut: Found[] = [];
  let turned = process.hrtime.bigint();
  for (const file of files) {
    // A thread asks for its next files by answering: let its messages in every few milliseconds,
    // or it idles until screening ends (stdlib, 2 jobs: its first answer came after screening).
    if (process.hrtime.bigint() - turned > YIELD_EVERY_NS) {
      await new Promise((resolve) => setImmediate(resolve));
      turned = process.hrtime.bigint();
    }
    let screened: FileResult | Candidate;
    try {
      screened = screenFile(file, opts, project);
    } catch (e) {
      screened = result(file.path, 'error', { reason: `internal error: ${(e as Error).message}` });
    }
    if ('status' in screened) {
      tally.add(screened, file.path);
      tick();
    } else if (!screened.parse) {
      if (screened.waits) entriesOut.push(file);
      else {
        tally.unchanged(file.path);
        tick();
      }
    } else {
      pending.add(file);
      const bytes = pool.keep(screened.bytes);
      if (screened.waits) waiting.push({ file, size: screened.size, bytes });
      else pool.add(file, screened.size, bytes);
    }
  }
  if (project) {
    // The modules entry points import are processed first, and their processing tells the scan
    // whether they start processes: the scan then parses only those it was not told about.
    const judge = project.modulesToJudge();
    opts = { ...opts, judge };
    pool.setJudge(judge);
    const outside = judgeOutside(others.filter((f) => judge.has(f.real) && !otherEntries.has(f.real)), opts);
    await pool.drain({ ...opts, onProgress: tick });
    const known = new Map(outside.verdicts);
    for (const [real, verdict] of pool.verdicts()) known.set(real, verdict);
    // Entry points that import this run's process code become candidates of set-start-method.
    const flagged = project.entryPointsImportingProcessCode(known);
    // Modules left on their own start method: a default set by their importers would reach them.
    const keepers = new Set([...pool.keepingTheirMethod(), ...outside.keepers]);
    const forkImporters = project.entryPointsImporting(keepers);
    // Scripts and entry points that call such functions: guard-main moves module-level calls.
    const calls = project.processCalls(known);
    opts = { ...opts, importsProcessCode: flagged, importsForkModule: forkImporters, importedScripts: project.importedScripts, processCalls: calls };
    pool.setImportsProcessCode(flagged, forkImporters, project.importedScripts, calls);
    const back = (f: Found) => flagged.has(f.real) || calls.has(f.real);
    for (const file of entriesOut) {
      if (!back(file)) continue;
      pending.add(file);
      pool.add(file, 0);
    }
    entriesOut = entriesOut.filter((f) => !back(f));
  }
  for (const w of waiting) pool.add(w.file, w.size, w.bytes);
  for (const file of entriesOut) {
    tally.unchanged(file.path);
    tick();
  }
  entriesOut = [];
  await pool.finish({ ...opts, onProgress: tick });
  if (interrupted()) for (const f of pending) tally.add(result(f.path, 'skipped', { reason: 'interrupted before it was processed', problem: true }));
  const threads = pool.work();
  const summary = tally.summary(Number(process.hrtime.bigint() - started) / 1e9);
  for (const r of summary.files) delete r.startsProcesses;
  summary.work = {
    processed: threads.processed,
    parses: work.parses - workBefore.parses + threads.parses,
    analyses: work.analyses - workBefore.analyses + threads.analyses,
  };
  return summary;
}

const YIELD_EVERY_NS = 5_000_000n;

/**
 * Modules of the project outside the run that its entry points import, processed as a whole run
 * would process them (same options, nothing written or reported): whether they start processes,
 * and which keep their own start method. Modules a whole run would not process (screened out,
 * or entry points themselves) are left to the scan, as in a whole run.
 */
function judgeOutside(modules: Found[], opts: RunOptions): { verdicts: Map<string, boolean>; keepers: Set<string> } {
  const verdicts = new Map<string, boolean>();
  const keepers = new Set<string>();
  const quiet = { ...opts, write: false, diffs: false, keepText: false };
  for (const file of modules) {
    if (interrupted()) break;
    let screened: FileResult | Candidate;
    try {
      screened = screenFile(file, quiet);
    } catch {
      continue;
    }
    if ('status' in screened || !screened.parse) continue;
    const r = processSafely(file, quiet);
    if (r.startsProcesses !== undefined) verdicts.set(file.real, r.startsProcesses);
    if (keepsItsOwnMethod(r)) keepers.add(file.real);
  }
  return { verdicts, keepers };
}

export { result as fileResult };

/** FNV-1a over the path's characters, mod n. */
export function shardOf(p: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < p.length; i++) {
    h ^= p.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % n;
}
