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

export async function processAll(files: Found[], opts: RunOptions): Promise<FileResult[]> {
  const jobs = Math.max(1, Math.min(opts.jobs ?? os.availableParallelism?.() ?? os.cpus().length, files.length));
  // Threads run the compiled worker; from the TypeScript sources (tests) there is none: in-band.
  if (jobs <= 1 || files.length < MIN_PARALLEL || !opts.transformSpecs || !fs.existsSync(WORKER)) {
    const { processSafely } = require('./runner') as typeof import('./runner');
    const results: FileResult[] = [];
    for (const f of files) {
      if (interrupted()) break;
      results.push(processSafely(f, opts));
      opts.onProgress?.(0, 0);
      await releaseMemory();
    }
    return results;
  }
  const { transforms: _t, keepCode: _k, importsProcessCode, onProgress, ...rest } = opts;
  const init: WorkerInit = { specs: opts.transformSpecs, cwd: opts.cwd, options: rest, importsProcessCode: [...(importsProcessCode ?? [])] };
  return new Promise((resolve) => {
    const results: FileResult[] = [];
    let next = 0;
    let running = 0;
    const start = () => {
      const worker = new Worker(WORKER, { workerData: init });
      let current: Found | null = null;
      running++;
      const feed = () => {
        if (next >= files.length || interrupted()) {
          current = null;
          void worker.terminate();
          return;
        }
        current = files[next++];
        worker.postMessage(current);
      };
      worker.on('message', (r: FileResult) => {
        results.push(r);
        onProgress?.(0, 0);
        feed();
      });
      // A crash loses only the file in hand: it is reported, and a new thread takes the rest.
      const fail = (why: string) => {
        if (current) {
          results.push({ path: current.path, status: 'error', reason: `internal error: worker ${why}`, fixes: [], diagnostics: [] });
          current = null;
          if (next < files.length && !interrupted()) start();
        }
      };
      worker.on('error', (e) => fail(`crashed (${e.message})`));
      worker.on('exit', (code) => {
        fail(`exited (${code})`);
        running--;
        if (running === 0) resolve(results);
      });
      feed();
    };
    for (let i = 0; i < jobs; i++) start();
  });
}
