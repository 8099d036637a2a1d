import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { FileResult, RunOptions } from './runner';
import type { Found } from './walk';
import { releaseMemory } from './memory';
import { interrupted } from './interrupt';

/** Below this many candidates, starting threads costs more than it saves. */
const MIN_PARALLEL = 16;
const WORKER = path.join(__dirname, 'worker.js');

export interface WorkerInit {
  specs: string[];
  cwd: string;
  options: Omit<RunOptions, 'transforms' | 'keepCode' | 'importsProcessCode'>;
  importsProcessCode: string[];
}

/** Exposed for tests: a worker given this file name crashes the thread (to prove a crash is contained). */
export const CRASH_TEST_MARK = '__mp_codemod_crash_worker__';

/** Files handed to a thread ahead of time, so that it does not wait while the main thread is busy with a file of its own. */
const PREFETCH = 2;

async function processInBand(take: () => Found | undefined, opts: RunOptions, results: FileResult[]): Promise<void> {
  const { processSafely } = require('./runner') as typeof import('./runner');
  for (let f = take(); f && !interrupted(); f = take()) {
    results.push(processSafely(f, opts));
    opts.onProgress?.(0, 0);
    // Also lets the threads' messages in between files.
    await releaseMemory();
  }
}

/**
 * Processes the candidates: in-band, or with `jobs - 1` worker threads beside the main thread,
 * which takes files from the same queue (one thread fewer to start and to keep in memory).
 */
export async function processAll(files: Found[], opts: RunOptions): Promise<FileResult[]> {
  const jobs = Math.max(1, Math.min(opts.jobs ?? os.availableParallelism?.() ?? os.cpus().length, files.length));
  const results: FileResult[] = [];
  const queue = [...files];
  // Threads run the compiled worker; from the TypeScript sources (tests) there is none: in-band.
  if (jobs <= 1 || files.length < MIN_PARALLEL || !opts.transformSpecs || !fs.existsSync(WORKER)) {
    await processInBand(() => queue.shift(), opts, results);
    return results;
  }
  const { transforms: _t, keepCode: _k, importsProcessCode, onProgress, ...rest } = opts;
  const init: WorkerInit = { specs: opts.transformSpecs, cwd: opts.cwd, options: rest, importsProcessCode: [...(importsProcessCode ?? [])] };
  let running = 0;
  let allExited: () => void = () => {};
  const exited = new Promise<void>((resolve) => (allExited = resolve));
  const start = () => {
    // A smaller young generation than V8's default: the same speed here, some 15 MB less per thread.
    const worker = new Worker(WORKER, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    // Files posted and not answered yet, in order: answers come back in the order of the posts.
    const inFlight: Found[] = [];
    running++;
    const feed = () => {
      while (inFlight.length < PREFETCH && queue.length > 0 && !interrupted()) {
        const f = queue.shift()!;
        inFlight.push(f);
        worker.postMessage(f);
      }
      if (inFlight.length === 0) void worker.terminate();
    };
    worker.on('message', (r: FileResult) => {
      inFlight.shift();
      results.push(r);
      onProgress?.(0, 0);
      feed();
    });
    // A crash loses only the file in hand: it is reported; the others go back to the queue, and a
    // new thread starts if there is work left.
    const fail = (why: string) => {
      const current = inFlight.shift();
      if (!current) return;
      results.push({ path: current.path, status: 'error', reason: `internal error: worker ${why}`, fixes: [], diagnostics: [] });
      queue.unshift(...inFlight.splice(0));
      if (queue.length > 0 && !interrupted()) start();
    };
    worker.on('error', (e) => fail(`crashed (${e.message})`));
    worker.on('exit', (code) => {
      fail(`exited (${code})`);
      if (--running === 0) allExited();
    });
    feed();
  };
  for (let i = 0; i < jobs - 1; i++) start();
  // The crash test's file must reach a thread.
  const take = () => {
    const i = queue.findIndex((f) => !f.path.includes(CRASH_TEST_MARK));
    return i === -1 ? undefined : queue.splice(i, 1)[0];
  };
  await processInBand(take, { ...opts, onProgress }, results);
  await exited;
  return results;
}
