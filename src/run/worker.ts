import { parentPort, workerData } from 'worker_threads';
import { processSafely } from './files';
import { selectTransforms } from './select';
import { codeFilter } from '../api/codes';
import type { WorkerAnswer, WorkerInit, WorkerMessage } from './pool';
import { ready, work } from '../syntax/parser';
import { loadCatalogue } from './catalogue';
import { CompileClient } from './compile';
import { RunCache } from './config';

// A worker thread: the same processFile as in-band runs, one file per message.
const init = workerData as WorkerInit;
const optionsOf = () => ({
  ...init.options,
  transforms: selectTransforms(init.specs, init.cwd),
  keepCode: codeFilter(init.options.select ?? [], init.options.ignore ?? []),
  projectFacts: init.projectFacts,
  judge: init.judge === 'all' ? ('all' as const) : new Set(init.judge),
  gate: init.compilePort ? new CompileClient(init.compilePort) : undefined,
  // A thread lives for one run: its cache is that run's.
  cache: new RunCache(),
});
let opts: ReturnType<typeof optionsOf>;

// Messages that come while the parser loads wait, in order. (A failure to load fails the thread,
// which the pool reports.)
let waiting: WorkerMessage[] | null = [];
void ready().then(() => {
  // After the parser: loading a transform compiles its query.
  loadCatalogue(init.catalogue);
  opts = optionsOf();
  const early = waiting!;
  waiting = null;
  early.forEach(handle);
});

parentPort!.on('message', (message: WorkerMessage) => (waiting ? waiting.push(message) : handle(message)));

function handle(message: WorkerMessage): void {
  // A new object, not a mutation: optionsFor caches per-file copies keyed by this one.
  if ('projectFacts' in message) {
    opts = { ...opts, projectFacts: message.projectFacts };
    return;
  }
  if ('judge' in message) {
    opts = { ...opts, judge: new Set(message.judge) };
    return;
  }
  // The bytes screening read arrive as a Uint8Array: a Buffer over the same memory.
  const bytes = message.bytes && Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
  const before = { ...work };
  const result = processSafely(message.file, opts, bytes);
  parentPort!.postMessage({ result, parses: work.parses - before.parses, analyses: work.analyses - before.analyses } satisfies WorkerAnswer);
}
