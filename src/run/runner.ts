import { Pool } from './pool';
import { interrupted } from './interrupt';
import { keptByConfig, optionsFor, RunCache } from './config';
import { limitBytes } from './file-size';
import { CompileGate } from './compile';
import { discover, type Found } from './walk';
import { ProjectScan } from '../project/project';
import type { ProjectFacts } from '../project/facts';
import { otherProjectFiles, noteFiles } from './project-files';
import { dropHandedOver, ready, work } from '../syntax/parser';
import { fileResult as result, processSafely, screenFile, type Candidate, type ChangedWork, type FileResult, type FileWork, type KeepReason, type RunOptions, type Status, type Summary } from './files';

export { processFile, processAsking, interpreterFor, processSafely, screenFile, firstChangedLine, fileResult } from './files';
// For the CLI, which loads the run layer through this module only (see cli.ts runLayer).
export { OneShotGate, EarlyPython } from './compile';
export { RunCache, effectiveSettings } from './config';
export type { Candidate, FileResult, RunOptions, Status, Summary } from './files';

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
  /** The engine's work on the files processed, and on the changed ones (see Summary.work). */
  readonly inFiles: FileWork = { parses: 0, analyses: 0 };
  readonly changedWork: ChangedWork = { files: 0, parses: 0, analyses: 0, passes: 0, byTransforms: {}, byPasses: {}, extraParses: {} };

  /** `always`: kept even when it has nothing to say. */
  add(r: FileResult, shown: string = r.path, always = false): void {
    this.counts[r.status]++;
    this.diagnostics += r.diagnostics.length;
    if (r.work) this.countWork(r, r.work);
    if (always || worthKeeping(r)) this.kept.push(r);
    else this.unchangedPaths.push(shown);
  }

  private countWork(r: FileResult, w: FileWork): void {
    this.inFiles.parses += w.parses;
    this.inFiles.analyses += w.analyses;
    delete r.work;
    if (r.status !== 'changed') return;
    const c = this.changedWork;
    const transforms = new Set(r.fixes.map((f) => f.transform)).size;
    c.files++;
    c.parses += w.parses;
    c.analyses += w.analyses;
    const passes = w.passes ?? 0;
    c.passes += passes;
    c.byTransforms[transforms] = (c.byTransforms[transforms] ?? 0) + 1;
    c.byPasses[passes] = (c.byPasses[passes] ?? 0) + 1;
    const extra = w.parses - 1 - passes;
    c.extraParses[extra] = (c.extraParses[extra] ?? 0) + 1;
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
  // One compile gate for the run, shared by every thread; its Python starts when screening finds the first candidate (see CompileGate.warm).
  const gate = opts.python === false || opts.gate ? null : new CompileGate();
  opts = { ...opts, cache: new RunCache(), ...(gate ? { gate } : {}) };
  try {
    const summary = await runWith(paths, opts, started);
    const off = gate?.offReasons() ?? [];
    return off.length > 0 ? { ...summary, compileOff: off } : summary;
  } finally {
    // Trees the cross-file scan handed over for files a worker thread processed, or none did.
    dropHandedOver();
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
  const otherEntries = project ? noteFiles(others, project, (f) => limitBytes(optionsFor(f, opts))) : new Set<string>();
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
    // The files processed before the scan tell it whether they start processes (from the tree and
    // analyses they have anyway): the scan then parses only the modules it was not told about. Not
    // only those entry points import: the scan also asks about the modules imported by those
    // (stdlib, 1 job: 138 parses and 130 analyses before, 132 and 124 after; realworld 394 and
    // 345, 385 and 343). The files processed after it need no verdict.
    const judge = project.modulesToJudge();
    project.processedLater = new Set(waiting.map((w) => w.file.real));
    opts = { ...opts, judge: 'all' };
    const outside = judgeOutside(others.filter((f) => judge.has(f.real) && !otherEntries.has(f.real)), opts);
    await pool.drain({ ...opts, onProgress: tick });
    const known = new Map(outside.verdicts);
    for (const [real, verdict] of pool.verdicts()) known.set(real, verdict);
    opts = { ...opts, judge: new Set() };
    pool.setJudge(new Set());
    // Entry points that import this run's process code become candidates of set-start-method.
    const flagged = project.entryPointsImportingProcessCode(known);
    // Modules left on their own start method: a default set by their importers would reach them.
    const keepers = new Map([...pool.keepingTheirMethod(), ...outside.keepers]);
    // A DataLoader's dataset reaches it through objects the scan cannot follow: any import counts.
    const loaders = new Set([...keepers].filter(([, why]) => why === 'loaders').map(([real]) => real));
    const forkImporters = new Set([...project.entryPointsImporting(new Set(keepers.keys())), ...project.entryPointsReaching(loaders)]);
    // Scripts and entry points that call such functions: guard-main moves module-level calls.
    const calls = project.processCalls(known);
    const facts: ProjectFacts = { importsProcessCode: flagged, importsForkModule: forkImporters, importedScripts: project.importedScripts, processCalls: calls };
    opts = { ...opts, projectFacts: facts };
    pool.setProjectFacts(facts);
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
  for (const r of summary.files) {
    delete r.startsProcesses;
    delete r.keepsItsMethod;
  }
  summary.work = {
    processed: threads.processed,
    parses: work.parses - workBefore.parses + threads.parses,
    analyses: work.analyses - workBefore.analyses + threads.analyses,
    inFiles: tally.inFiles,
    changed: tally.changedWork,
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
function judgeOutside(modules: Found[], opts: RunOptions): { verdicts: Map<string, boolean>; keepers: Map<string, KeepReason> } {
  const verdicts = new Map<string, boolean>();
  const keepers = new Map<string, KeepReason>();
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
    if (r.keepsItsMethod) keepers.set(file.real, r.keepsItsMethod);
  }
  return { verdicts, keepers };
}


/** FNV-1a over the path's characters, mod n. */
export function shardOf(p: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < p.length; i++) {
    h ^= p.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % n;
}
