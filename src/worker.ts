import { parentPort, workerData } from 'worker_threads';
import { processSafely } from './runner';
import { selectTransforms } from './select';
import { codeFilter } from './codes';
import { CRASH_TEST_MARK, type WorkerInit, type WorkerMessage } from './pool';
import { releaseMemory } from './memory';
import { CompileClient } from './compile';

// A worker thread: the same processFile as in-band runs, one file per message.
const init = workerData as WorkerInit;
const opts = {
  ...init.options,
  transforms: selectTransforms(init.specs, init.cwd),
  keepCode: codeFilter(init.options.select ?? [], init.options.ignore ?? []),
  importsProcessCode: new Set(init.importsProcessCode),
  judge: init.judge === 'all' ? ('all' as const) : new Set(init.judge),
  gate: init.compilePort ? new CompileClient(init.compilePort) : undefined,
};

parentPort!.on('message', (message: WorkerMessage) => {
  if ('importsProcessCode' in message) {
    opts.importsProcessCode = new Set(message.importsProcessCode);
    return;
  }
  if ('judge' in message) {
    opts.judge = new Set(message.judge);
    return;
  }
  const { file } = message;
  if (file.path.includes(CRASH_TEST_MARK)) process.exit(70);
  parentPort!.postMessage(processSafely(file, opts));
  void releaseMemory();
});
