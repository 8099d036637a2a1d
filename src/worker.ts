import { parentPort, workerData } from 'worker_threads';
import { processSafely } from './runner';
import { selectTransforms } from './select';
import { codeFilter } from './codes';
import { CRASH_TEST_MARK, type WorkerAnswer, type WorkerInit, type WorkerMessage } from './pool';
import { ready, work } from './parser';
import { CompileClient } from './compile';

// A worker thread: the same processFile as in-band runs, one file per message.
const init = workerData as WorkerInit;
const optionsOf = () => ({
  ...init.options,
  transforms: selectTransforms(init.specs, init.cwd),
  keepCode: codeFilter(init.options.select ?? [], init.options.ignore ?? []),
  importsProcessCode: new Set(init.importsProcessCode),
  importsForkModule: new Set(init.importsForkModule),
  judge: init.judge === 'all' ? ('all' as const) : new Set(init.judge),
  gate: init.compilePort ? new CompileClient(init.compilePort) : undefined,
});
let opts: ReturnType<typeof optionsOf>;

// Messages that come while the parser loads wait, in order. (A failure to load fails the thread,
// which the pool reports.)
let waiting: WorkerMessage[] | null = [];
void ready().then(() => {
  // After the parser: loading a transform compiles its query.
  opts = optionsOf();
  const early = waiting!;
  waiting = null;
  early.forEach(handle);
});

parentPort!.on('message', (message: WorkerMessage) => (waiting ? waiting.push(message) : handle(message)));

function handle(message: WorkerMessage): void {
  if ('importsProcessCode' in message) {
    opts.importsProcessCode = new Set(message.importsProcessCode);
    opts.importsForkModule = new Set(message.importsForkModule);
    return;
  }
  if ('judge' in message) {
    opts.judge = new Set(message.judge);
    return;
  }
  const { file } = message;
  if (file.path.includes(CRASH_TEST_MARK)) process.exit(70);
  const before = { ...work };
  const result = processSafely(file, opts);
  parentPort!.postMessage({ result, parses: work.parses - before.parses, analyses: work.analyses - before.analyses } satisfies WorkerAnswer);
}
