import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker, type MessagePort } from 'worker_threads';
import { processSafely, processSafelyAsking, type FileResult, type KeepReason, type RunOptions } from './files';
import type { Found } from './walk';
import { interrupted } from './interrupt';
import { catalogueModule } from './catalogue';
import type { CompileGate } from './compile';
import type { ProjectFacts } from '../project/facts';
import { detachedAll } from '../syntax/memory';

/** Below this many candidates, starting threads costs more than it saves. */
const MIN_PARALLEL = 16;
const WORKER = path.join(__dirname, 'worker.js');

export interface WorkerInit {
  specs: string[];
  /** The module that exports the built-in transforms (see catalogue.ts). */
  catalogue: string;
  cwd: string;
  options: Omit<RunOptions, 'transforms' | 'keepCode' | 'projectFacts' | 'judge' | 'gate' | 'cache'>;
  projectFacts?: ProjectFacts;
  judge: string[] | 'all';
  /** The thread's port to the compile gate, when there is one. */
  compilePort?: MessagePort;
}

/**
 * What the main thread sends a worker: a file to process, the modules whose processing should
 * also judge them for the cross-file scan, or the scan's result once known.
 */
export type WorkerMessage = { file: Found; bytes?: Uint8Array } | { judge: string[] } | { projectFacts: ProjectFacts };

/**
 * The most bytes of candidates the queue keeps from screening, so that a file is read once; past
 * it, a candidate is read again when processed (a big run must not hold every candidate's text).
 */
// 8 MB, not 32: 25 copies of the stdlib (2,700 candidates) peaked at 258 MB with 32 and 242 MB
// with 8, for the same CPU time (a candidate read again comes from the page cache).
const HELD_BYTES = 8 * 1024 * 1024;

/** A file left unchanged (MP312), choosing its start method (MP314) or with a DataLoader left on the default (MP317): a default set by an importer would reach it. */
export const keepsItsOwnMethod = (r: FileResult): boolean => r.keepsItsMethod !== undefined;

/** A worker's answer for one file: its result, and the parses and scope analyses it took. */
export interface WorkerAnswer {
  result: FileResult;
  parses: number;
  analyses: number;
}

/** --jobs when not given: the number of cores. */
export function defaultJobs(): number {
  return os.availableParallelism?.() ?? os.cpus().length;
}

/** Files handed to a thread ahead of time, so that it does not wait while the main thread is busy with a file of its own. */
const PREFETCH = 2;

/**
 * The candidates, processed as they come: worker threads start on them while the main thread is
 * still screening, and the main thread joins in when it is done (`finish`). `--jobs N` means the
 * main thread and N-1 threads. The queue is kept largest first, so that no thread is left with a
 * big file at the end.
 */
export class Pool {
  private readonly queue: { file: Found; size: number; bytes?: Buffer }[] = [];
  private held = 0;
  /** Of the files processed so far: the verdicts of those judged, and those keeping their own start method (real paths). */
  private readonly judged = new Map<string, boolean>();
  private readonly keepers = new Map<string, KeepReason>();
  /** Files processed by every thread; parses and analyses of the worker threads (the main thread's are in its own counters). */
  private readonly threadWork = { processed: 0, parses: 0, analyses: 0 };
  private readonly threads: { worker: Worker; inFlight: Found[]; feed: () => void }[] = [];
  private readonly threadCount: number;
  private added = 0;
  private started = false;
  private finished = false;
  private running = 0;
  private allExited: () => void = () => {};
  private readonly exited = new Promise<void>((resolve) => (this.allExited = resolve));
  /** Resolves drain() once the threads hold no file (set while it waits). */
  private settled: (() => void) | null = null;
  private projectFacts: ProjectFacts | undefined;
  private judge: string[] | 'all';

  /** `sink` takes each result as it comes, with the file it is of; the pool keeps none. */
  constructor(
    private readonly opts: RunOptions,
    private readonly sink: (r: FileResult, file: Found) => void,
  ) {
    const jobs = Math.max(1, opts.jobs ?? defaultJobs());
    // Threads run the compiled worker; from the TypeScript sources (tests) there is none: in-band.
    this.threadCount = opts.transformSpecs && fs.existsSync(WORKER) ? jobs - 1 : 0;
    this.projectFacts = opts.projectFacts;
    this.judge = opts.judge === 'all' ? 'all' : [...(opts.judge ?? [])];
  }

  /** What screening read of a candidate, while the budget allows it (then `add` it with them); else undefined. */
  keep(bytes: Buffer): Buffer | undefined {
    if (this.held + bytes.length > HELD_BYTES) return undefined;
    this.held += bytes.length;
    return bytes;
  }

  /**
   * A candidate: a thread may start on it at once (its facts must not wait on the cross-file scan).
   * `bytes`: what `keep` kept of it, processed instead of reading the file again.
   */
  add(file: Found, size: number, bytes?: Buffer): void {
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1].size < size) i--;
    this.queue.splice(i, 0, bytes ? { file, size, bytes } : { file, size });
    this.added++;
    if (!this.started && this.added >= MIN_PARALLEL) this.startThreads();
    for (const t of this.threads) t.feed();
  }

  /** Modules to judge for the cross-file scan (RunOptions.judge), from now on. */
  setJudge(real: Set<string>): void {
    const judge = [...real];
    this.judge = judge;
    for (const t of this.threads) t.worker.postMessage({ judge } satisfies WorkerMessage);
  }

  /** The verdicts of the files processed so far that were judged, by real path. */
  verdicts(): ReadonlyMap<string, boolean> {
    return this.judged;
  }

  /** Files processed so far that keep their own start method (keepsItsOwnMethod), by real path. */
  keepingTheirMethod(): ReadonlyMap<string, KeepReason> {
    return this.keepers;
  }

  /** Files processed so far, and the parses and scope analyses of the worker threads. */
  work(): { processed: number; parses: number; analyses: number } {
    return { ...this.threadWork };
  }

  private done(r: FileResult, file: Found): void {
    if (r.startsProcesses !== undefined) this.judged.set(file.real, r.startsProcesses);
    if (r.keepsItsMethod) this.keepers.set(file.real, r.keepsItsMethod);
    this.sink(r, file);
  }

  /** The cross-file scan's result: sent to the threads before any file that needs it. */
  setProjectFacts(facts: ProjectFacts): void {
    this.projectFacts = facts;
    for (const t of this.threads) t.worker.postMessage({ projectFacts: facts } satisfies WorkerMessage);
  }

  /** No more candidates: the main thread processes with the threads until the queue is empty. */
  async finish(opts: RunOptions): Promise<void> {
    this.finished = true;
    await this.drain(opts);
    if (this.running > 0) await this.exited;
  }

  /** The main thread processes with the threads until the queue is empty (the threads may still hold some). */
  async drain(opts: RunOptions): Promise<void> {
    if (!this.started && this.added >= MIN_PARALLEL) this.startThreads();
    for (const t of this.threads) t.feed();
    // The compile gate is asked without blocking: this thread goes on while Python compiles, and
    // a file is done (reported, written, its verdicts taken) once Python answered for it.
    const gate = opts.gate;
    const ask = gate?.ask ? gate.ask.bind(gate) : null;
    const asking = new Set<Promise<void>>();
    for (let q = this.take(); q && !interrupted(); q = this.take()) {
      const { file } = q;
      // Detached: a diagnostic's message can hold the whole text it was cut from (see memory.ts).
      const r = ask ? processSafelyAsking(file, opts, q.bytes, ask) : processSafely(file, opts, q.bytes);
      if (r instanceof Promise) {
        const p: Promise<void> = r.then((settled) => {
          asking.delete(p);
          this.done(detachedAll(settled), file);
        });
        asking.add(p);
      } else this.done(detachedAll(r), file);
      this.threadWork.processed++;
      opts.onProgress?.(0, 0);
      // Lets the threads' messages (and signal handlers) in between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(asking);
    // The caller reads the results next: the files the threads still hold must be among them,
    // or a module's verdict would depend on which thread took it (MP316 came and went).
    if (this.threads.some((t) => t.inFlight.length > 0)) await new Promise<void>((resolve) => (this.settled = resolve));
  }

  private checkSettled(): void {
    if (this.settled && this.threads.every((t) => t.inFlight.length === 0)) {
      const settled = this.settled;
      this.settled = null;
      settled();
    }
  }

  private take(): { file: Found; bytes?: Buffer } | undefined {
    const q = this.queue.shift();
    if (q?.bytes) this.held -= q.bytes.length;
    return q;
  }

  private startThreads(): void {
    if (this.threadCount === 0) return;
    this.started = true;
    for (let i = 0; i < this.threadCount; i++) this.startThread();
  }

  private startThread(): void {
    const { transforms: _t, keepCode: _k, projectFacts: _p, judge: _j, cache: _c, gate, onProgress, ...rest } = this.opts;
    const compilePort = gate && 'port' in gate ? (gate as CompileGate).port() : undefined;
    const init: WorkerInit = { specs: this.opts.transformSpecs!, catalogue: catalogueModule(), cwd: this.opts.cwd, options: rest, projectFacts: this.projectFacts, judge: this.judge, compilePort };
    // A smaller young generation than V8's default: the same speed here, some 15 MB less per thread.
    const worker = new Worker(WORKER, { workerData: init, transferList: compilePort ? [compilePort] : [], resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    // Files posted and not answered yet, in order: answers come back in the order of the posts.
    const inFlight: Found[] = [];
    this.running++;
    const feed = () => {
      while (inFlight.length < PREFETCH && this.queue.length > 0 && !interrupted()) {
        const { file, bytes } = this.take()!;
        inFlight.push(file);
        worker.postMessage((bytes ? { file, bytes } : { file }) satisfies WorkerMessage);
      }
      // Idle threads wait for more files until the main thread has screened them all.
      if (inFlight.length === 0 && (this.finished || interrupted())) void worker.terminate();
    };
    const thread = { worker, inFlight, feed };
    this.threads.push(thread);
    worker.on('message', ({ result, parses, analyses }: WorkerAnswer) => {
      const file = inFlight.shift()!;
      this.threadWork.processed++;
      this.threadWork.parses += parses;
      this.threadWork.analyses += analyses;
      this.done(result, file);
      onProgress?.(0, 0);
      feed();
      this.checkSettled();
    });
    // A crash loses only the file in hand: it is reported; the others go back to the queue, and a
    // new thread starts if there is work left.
    const fail = (why: string) => {
      const current = inFlight.shift();
      this.threads.splice(this.threads.indexOf(thread), 1);
      if (!current) return this.checkSettled();
      this.done({ path: current.path, status: 'error', reason: `internal error: worker ${why}`, fixes: [], diagnostics: [] }, current);
      this.queue.unshift(...inFlight.splice(0).map((file) => ({ file, size: Infinity })));
      if ((this.queue.length > 0 || !this.finished) && !interrupted()) this.startThread();
      this.checkSettled();
    };
    worker.on('error', (e) => fail(`crashed (${e.message})`));
    worker.on('exit', (code) => {
      if (this.threads.includes(thread)) fail(`exited (${code})`);
      if (--this.running === 0) this.allExited();
    });
    feed();
  }
}
