import type { SyntaxNode } from '../syntax/types';
import type { FileContext } from '../api/types';

/**
 * What makes objects spawn cannot pickle, by qualified name, and what the object is. Spawn sends
 * a Process (its arguments and attributes) and a DataLoader's dataset through multiprocessing's
 * ForkingPickler; fork children inherited them. Each stdlib entry was checked with Python 3.11
 * (pickle.dumps and ForkingPickler.dumps both raise TypeError).
 *
 * Not here: sockets and multiprocessing's own locks and queues. ForkingPickler has reducers for
 * them when a Process is started, so they do pass to a spawned child.
 */
const MADE_BY: Readonly<Record<string, string>> = {
  // "cannot pickle '_io.TextIOWrapper' object" (or the buffered reader or writer under it).
  'builtins.open': 'an open file',
  'io.open': 'an open file',
  'codecs.open': 'an open file',
  'gzip.open': 'an open file',
  'bz2.open': 'an open file',
  'lzma.open': 'an open file',
  'tempfile.TemporaryFile': 'an open file',
  'tempfile.NamedTemporaryFile': 'an open file',
  'zipfile.ZipFile': 'an open zip archive',
  'tarfile.open': 'an open tar archive',
  // "cannot pickle 'mmap.mmap' object"
  'mmap.mmap': 'a memory map',
  // "cannot pickle 'sqlite3.Connection' object"
  'sqlite3.connect': 'an sqlite3 connection',
  // "cannot pickle '_thread.lock' object" ('_thread.RLock'): each holds a lock of the thread module.
  'threading.Lock': 'a threading lock',
  'threading.RLock': 'a threading lock',
  'threading.Condition': 'a threading condition',
  'threading.Event': 'a threading event',
  'threading.Semaphore': 'a threading semaphore',
  'threading.BoundedSemaphore': 'a threading semaphore',
  'threading.Barrier': 'a threading barrier',
  'threading.Thread': 'a thread',
  'threading.Timer': 'a thread',
  'queue.Queue': 'a thread queue',
  'queue.LifoQueue': 'a thread queue',
  'queue.PriorityQueue': 'a thread queue',
  'subprocess.Popen': 'a subprocess handle',
  // "cannot pickle 'Environment' object" (pytorch/vision#689).
  'lmdb.open': 'an lmdb environment',
  'lmdb.Environment': 'an lmdb environment',
  // h5py refuses: "h5py objects cannot be pickled".
  'h5py.File': 'an open HDF5 file',
  // LSUNClass opens its lmdb environment in __init__, and LSUN holds LSUNClass datasets
  // (torchvision/datasets/lsun.py; pytorch/vision#689, pytorch/examples#526).
  'torchvision.datasets.LSUN': 'an LSUN dataset, which holds an lmdb environment',
  'torchvision.datasets.LSUNClass': 'an LSUN dataset, which holds an lmdb environment',
  'torchvision.datasets.lsun.LSUN': 'an LSUN dataset, which holds an lmdb environment',
  'torchvision.datasets.lsun.LSUNClass': 'an LSUN dataset, which holds an lmdb environment',
};

/** What the object `fn(...)` makes is ("an open file"), when spawn cannot pickle it; else null. */
export function unpicklableMaker(fn: SyntaxNode, ctx: FileContext): string | null {
  // The builtin open: the name is bound nowhere in the file.
  if (fn.type === 'identifier' && fn.text === 'open' && ctx.names.lookup('open', fn) === null) return MADE_BY['builtins.open'];
  const q = ctx.names.qualifiedName(fn);
  return q !== null && Object.prototype.hasOwnProperty.call(MADE_BY, q) ? MADE_BY[q] : null;
}
