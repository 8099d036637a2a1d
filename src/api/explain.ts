import { CODES, isCode, type Code } from './codes';
import { UsageError } from './usage';

/** The long form of each diagnostic code, for `mp-codemod explain`, the README and SARIF help. */
export interface Explanation {
  /** Why the code matters once children are spawned (or forked from a server) instead of forked. */
  why: string;
  /** What to do about it. */
  fix: string;
  /** A short example: the flagged code, then the same code fixed. */
  before: string;
  after: string;
}

/** Where each code is documented (the README section `### MP101` has that anchor). */
export const helpUri = (code: string) => `https://www.npmjs.com/package/mp-codemod#${code.toLowerCase()}`;

export const EXPLANATIONS: Record<Code, Explanation> = {
  MP101: {
    why: 'Under fork the child inherits the parent\'s memory, so any callable works. Under spawn the target is pickled and sent to a fresh interpreter; pickle stores functions by qualified name, and a lambda\'s name (<lambda>) cannot be looked up, so starting the process or pool raises PicklingError. A DataLoader with workers pickles its dataset for each of them, so a lambda the dataset holds (`transforms.Lambda(lambda x: ...)`) fails the same way.',
    fix: 'Define the function at module level and pass it by name (functools.partial for bound arguments).',
    before: 'pool.map(lambda x: x * 2, data)',
    after: 'def double(x):\n    return x * 2\n\npool.map(double, data)',
  },
  MP102: {
    why: 'A function defined inside another function has a qualified name pickle cannot look up in the child (`outer.<locals>.inner`), so spawn cannot send it.',
    fix: 'Move it to module level. It captures nothing, so `--unsafe-fixes` moves it for you.',
    before: 'def main():\n    def work(x):\n        return x + 1\n    pool.map(work, data)',
    after: 'def work(x):\n    return x + 1\n\ndef main():\n    pool.map(work, data)',
  },
  MP103: {
    why: 'A closure reads variables of the function that made it. pickle cannot send a nested function, and its captured values would not exist in a spawned child anyway.',
    fix: 'Define the function at module level and pass the captured values as arguments (functools.partial).',
    before: 'def run(scale):\n    def work(x):\n        return x * scale\n    pool.map(work, data)',
    after: 'def work(x, scale):\n    return x * scale\n\ndef run(scale):\n    pool.map(functools.partial(work, scale=scale), data)',
  },
  MP104: {
    why: 'Instances are pickled by reference to their class. A class defined inside a function cannot be imported by the spawned child, so sending it or its instances fails. A class created while the parent runs (DEAP `creator.create(...)` in main() or the __main__ guard, a global made with `type(...)` there) exists in fork children, which inherit it, but not in spawn children, which only import the module.',
    fix: 'Define the class at module level (for DEAP, call creator.create at module level).',
    before: 'def main():\n    class Job:\n        def __call__(self, x): return x\n    pool.map(Job(), data)',
    after: 'class Job:\n    def __call__(self, x): return x\n\ndef main():\n    pool.map(Job(), data)',
  },
  MP105: {
    why: 'A bound method is pickled with its object. Objects holding a threading lock, an open file or a database connection cannot be pickled (the makers the tool knows are in src/python/unpicklable.ts; a socket does pass, multiprocessing has a reducer for it), so spawn fails where fork silently shared them.',
    fix: 'Hand over a module-level function and the plain data it needs, or give the class __getstate__/__setstate__ that drop and reopen the resource.',
    before: 'class Store:\n    def __init__(self):\n        self.lock = threading.Lock()\n    def load(self, key): ...\n\npool.map(store.load, keys)',
    after: 'def load(key):\n    return Store().load(key)\n\npool.map(load, keys)',
  },
  MP106: {
    why: 'A spawned child imports the parent\'s __main__ to find the worker. In a notebook __main__ is the kernel, which the child cannot import, so a worker defined in a cell is not found (AttributeError in the child).',
    fix: 'Move the worker to a .py module next to the notebook and import it.',
    before: '# cell 1\ndef square(x):\n    return x * x\n# cell 2\npool.map(square, range(4))',
    after: '# workers.py\ndef square(x):\n    return x * x\n# cell 1\nfrom workers import square\npool.map(square, range(4))',
  },
  MP201: {
    why: 'A spawned child imports the module afresh: code under `if __name__ == "__main__":`, in main() or behind `global` never runs there, so a global set that way still has its import-time value (or does not exist) in the worker.',
    fix: 'Pass the value as an argument, or set it in a Pool initializer (globals an initializer sets are fine).',
    before: 'CONFIG = None\n\ndef work(x):\n    return CONFIG["scale"] * x\n\nif __name__ == "__main__":\n    CONFIG = load()\n    pool.map(work, data)',
    after: 'CONFIG = None\n\ndef init(config):\n    global CONFIG\n    CONFIG = config\n\ndef work(x):\n    return CONFIG["scale"] * x\n\nif __name__ == "__main__":\n    with ctx.Pool(initializer=init, initargs=(load(),)) as pool:\n        pool.map(work, data)',
  },
  MP202: {
    why: 'Under fork the children share the parent\'s module-level Queue, Lock or Manager. A spawned child re-imports the module and makes its own, so messages and locks no longer reach the parent.',
    fix: 'Create it in the parent and pass it in args= (Process) or initargs= (Pool). `--unsafe-fixes` does it when every reader is a worker started from the guard (or the one function it calls) or the parent\'s code there: the object moves there, a Process target gets it as its first parameter, pool workers get it through an initializer that sets the global in each worker.',
    before: 'q = mp.Queue()\n\ndef work():\n    q.put(1)\n\nctx.Process(target=work).start()',
    after: 'def work(q):\n    q.put(1)\n\nq = ctx.Queue()\nctx.Process(target=work, args=(q,)).start()',
  },
  MP203: {
    why: 'A multiprocessing.Queue may only be shared by inheritance. Through Pool.map/apply arguments it is pickled, which raises RuntimeError ("Queue objects should only be shared between processes through inheritance"); under fork code often got away with globals instead.',
    fix: 'Use Manager().Queue(), whose proxy pickles, or hand the queue to the pool through initializer/initargs.',
    before: 'q = ctx.Queue()\npool.apply_async(work, (q,))',
    after: 'q = ctx.Manager().Queue()\npool.apply_async(work, (q,))',
  },
  MP204: {
    why: 'Forked children inherit the parent\'s logging handlers and warnings filters. Spawned children start with logging unconfigured, so their records go nowhere or to stderr with the default format, and with the default warnings filters, so warnings the parent silenced in its guard or main() show again in every worker. The program still runs, but its output changes, so the tool leaves such a file on its start method (MP312) until the configuration reaches the workers.',
    fix: 'Configure logging (or the warnings filter) in a Pool initializer (or at the top of the process target) too, or at module level; for logging, records can also go to the parent through a QueueHandler.',
    before: 'logging.basicConfig(level=logging.INFO)\npool = ctx.Pool()',
    after: 'def init():\n    logging.basicConfig(level=logging.INFO)\n\nlogging.basicConfig(level=logging.INFO)\npool = ctx.Pool(initializer=init)',
  },
  MP205: {
    why: 'A forked child inherits the parent\'s locks, queues and shared values. A spawned child rebuilds them from the parent\'s named semaphores (or reconnects to its manager), after it has started. A parent that never joins its processes reaches exit first: its exit handlers unlink the semaphores (and shut the manager down), and the children still starting die in `SemLock._rebuild` with FileNotFoundError.',
    fix: 'Keep each started process and join it at the end of the block that starts it (`--unsafe-fixes` does it), or make it a daemon when nothing needs it to finish.',
    before: 'for n in range(4):\n    ctx.Process(target=work, args=(n, barrier, lock)).start()',
    after: 'processes = []\nfor n in range(4):\n    process = ctx.Process(target=work, args=(n, barrier, lock))\n    process.start()\n    processes.append(process)\nfor process in processes:\n    process.join()',
  },
  MP206: {
    why: 'A forked child is a copy of the parent, with every module as the parent left it: a test that sets `config.LIMIT = 0` in setUp, or a main() that patches a library module, hands the patched module to its workers. A spawned child imports each module afresh and sees the value written in its source, so the workers take another path than the parent meant (or than the test tests).',
    fix: 'Set the attribute in the child too: in a Pool initializer (or at the top of the worker), or pass the value to the worker as an argument and set it there.',
    before: 'def main():\n    settings.LIMIT = 0\n    with ctx.Pool() as pool:\n        pool.map(work, items)',
    after: 'def init(limit):\n    settings.LIMIT = limit\n\ndef main():\n    settings.LIMIT = 0\n    with ctx.Pool(initializer=init, initargs=(0,)) as pool:\n        pool.map(work, items)',
  },
  MP301: {
    why: 'The code asks for fork explicitly, which the migration keeps. fork is unsafe once the parent has threads (locks held by other threads stay held in the child) and is unavailable on Windows and deprecated as a default on macOS and POSIX from Python 3.14.',
    fix: 'Use the target method (`--unsafe-fixes` rewrites it), or mark the line `# mp-codemod: keep-fork` when fork is really needed.',
    before: 'ctx = mp.get_context("fork")',
    after: 'ctx = mp.get_context("spawn")',
  },
  MP302: {
    why: 'set_start_method may be called once, before any process starts. In a library or outside the entry point\'s guard it runs at import time in every spawned child too, and with force=True it changes the method under code that already chose one.',
    fix: 'Call it once, first thing in the entry point\'s `if __name__ == "__main__":` guard; elsewhere use an explicit context.',
    before: '# lib.py\nmp.set_start_method("spawn", force=True)',
    after: '# lib.py\nctx = mp.get_context("spawn")',
  },
  MP303: {
    why: 'os.fork() copies the process whatever start method multiprocessing uses; it has the same thread-safety problems as the fork method and does not exist on Windows.',
    fix: 'Use subprocess for a new program, or multiprocessing with a spawn context.',
    before: 'pid = os.fork()\nif pid == 0:\n    work()\n    os._exit(0)',
    after: 'p = mp.get_context("spawn").Process(target=work)\np.start()\np.join()',
  },
  MP304: {
    why: 'A spawned child imports the modules its parent used. A module that starts processes at import time starts them again in every child, recursively, until multiprocessing raises "An attempt has been made to start a new process before the current process has finished its bootstrapping phase".',
    fix: 'Move that code into a function the entry point calls.',
    before: '# jobs.py\npool = ctx.Pool()\nresults = pool.map(work, data)',
    after: '# jobs.py\ndef run():\n    with ctx.Pool() as pool:\n        return pool.map(work, data)',
  },
  MP305: {
    why: 'A factory such as mp.Pool or mp.Queue passed as a value is called later, somewhere the migration cannot see, and then uses the default start method.',
    fix: 'Pass the factory of an explicit context: ctx.Pool from ctx = mp.get_context("spawn").',
    before: 'make_pool = mp.Pool',
    after: 'ctx = mp.get_context("spawn")\nmake_pool = ctx.Pool',
  },
  MP306: {
    why: 'billiard and multiprocess keep their own default start method (fork on Linux), which set_start_method in multiprocessing does not change.',
    fix: 'Ask the library for a context: billiard.get_context("spawn").Pool(...).',
    before: 'pool = billiard.Pool(4)',
    after: 'pool = billiard.get_context("spawn").Pool(4)',
  },
  MP307: {
    why: 'The call may receive mp_context=/ctx= through *args or **kwargs, or the subclass defines its own __init__; adding the argument could pass it twice, so the call is left with the default start method.',
    fix: 'Pass mp_context=/ctx= explicitly where the call is made.',
    before: 'ProcessPoolExecutor(**options)',
    after: 'ProcessPoolExecutor(mp_context=mp.get_context("spawn"), **options)',
  },
  MP308: {
    why: 'The rewrite needs a name (get_context, multiprocessing) that the scope already binds to something else, so the call keeps the default start method.',
    fix: 'Write the context by hand with a free name.',
    before: 'get_context = settings.get_context\npool = Pool(2)',
    after: 'import multiprocessing as _mp\nget_context = settings.get_context\npool = _mp.get_context("spawn").Pool(2)',
  },
  MP309: {
    why: 'Processes made from a context are instances of that context\'s Process class (SpawnProcess), not of multiprocessing.Process, so isinstance checks against it turn false after the migration.',
    fix: 'Check against multiprocessing.process.BaseProcess.',
    before: 'isinstance(p, mp.Process)',
    after: 'isinstance(p, mp.process.BaseProcess)',
  },
  MP310: {
    why: 'Module-level code that starts processes runs again in every spawned child. guard-main moves such code under an `if __name__ == "__main__":` guard, but here moving it would change what other code sees (the message says why).',
    fix: 'Move the code into main() by hand and call main() from the guard.',
    before: 'results = ctx.Pool().map(work, data)\nprint(results)',
    after: 'def main():\n    results = ctx.Pool().map(work, data)\n    print(results)\n\nif __name__ == "__main__":\n    main()',
  },
  MP311: {
    why: 'A call such as get_start_method() or a default-context factory at import time fixes the default start method, so a later set_start_method raises "context has already been set".',
    fix: 'Use an explicit context (get_context("spawn")), or get_start_method(allow_none=True), which does not fix it. The file gets explicit contexts meanwhile. A module-level Queue, Lock, Event... that only the parent\'s code in the guard (or the one function it calls) reads can be made there instead, after set_start_method: `--unsafe-fixes` moves it.',
    before: 'METHOD = mp.get_start_method()',
    after: 'METHOD = mp.get_start_method(allow_none=True)',
  },
  MP312: {
    why: 'The file has an error spawn turns into a failure (one of the codes reported with it). Migrating the rest would leave it failing on every platform, where the untouched file still works on Linux under fork, so the tool changes nothing in it.',
    fix: 'Fix the errors this diagnostic names, then run mp-codemod again. If you know one is safe, mark its line with # mp-codemod: ignore[CODE] and the file is migrated.',
    before: 'p = mp.Process(target=lambda: print("hi"))  # MP101, and the file is left as it is (MP312)',
    after: 'def hi():\n    print("hi")\n\np = mp.Process(target=hi)  # now migrated',
  },
  MP313: {
    why: 'A lock or queue made from a fork context carries a semaphore that a process started by spawn cannot rebuild: passing one to such a process raises "A SemLock created in a fork context is being shared with a process in a spawn context". Seen by `mp-codemod verify` at run time.',
    fix: 'Make the lock and the processes from one context: ctx = mp.get_context("spawn"); ctx.Lock(); ctx.Process(...).',
    before: 'lock = mp.get_context("fork").Lock()\nmp.get_context("spawn").Process(target=work, args=(lock,)).start()',
    after: 'ctx = mp.get_context("spawn")\nlock = ctx.Lock()\nctx.Process(target=work, args=(lock,)).start()',
  },
  MP314: {
    why: 'The file picks its start method at run time (get_context(method), a start_method parameter, a platform switch). Rewriting the calls beside that choice would override it on some paths, so they are left alone; whether every choice is spawn-safe is for you to check.',
    fix: 'Make sure each method the code can choose works; pass the chosen context to the calls that still use the default.',
    before: 'ctx = mp.get_context(method)\nq = mp.Queue()          # default context, not ctx',
    after: 'ctx = mp.get_context(method)\nq = ctx.Queue()',
  },
  MP315: {
    why: 'Before Python 3.12 an f-string cannot contain its own quote character, and this one already uses both, so `"spawn"` cannot be written inside it; the call is not rewritten.',
    fix: 'Make the context outside the f-string and use it inside.',
    before: 'print(f"{mp.Lock()!r} \'{name}\'")',
    after: 'ctx = mp.get_context("spawn")\nprint(f"{ctx.Lock()!r} \'{name}\'")',
  },
  MP107: {
    why: 'A spawned child imports the main module as __mp_main__ and looks the worker up by name. A function defined inside the __main__ guard, in python -c or on stdin does not exist there: "Can\'t get attribute \'work\' on <module \'__mp_main__\'>". Seen by `mp-codemod verify` at run time.',
    fix: 'Define the worker at module level, above the guard.',
    before: 'if __name__ == "__main__":\n    def work(x):\n        return x\n    pool.map(work, data)',
    after: 'def work(x):\n    return x\n\nif __name__ == "__main__":\n    pool.map(work, data)',
  },
  MP108: {
    why: 'Under fork a child inherits what the parent made; under spawn it is pickled: the arguments of a Process (args=, a Pool\'s initargs=), a Process subclass with its attributes, and the dataset of a DataLoader with workers, once per worker. An open file, a lock of the threading module, an sqlite3 connection, an lmdb environment (so torchvision\'s LSUN dataset), an open h5py file or a generator cannot be pickled: "TypeError: cannot pickle \'Environment\' object". Reported when the file shows the value may be one of those (a name is followed through each of its assignments, so one branch of an if is enough; the table is src/python/unpicklable.ts), and the file is then left unchanged; `mp-codemod verify` sees any argument at run time.',
    fix: 'Pass what the child needs to make the object again (a path, an address) and open it there: in the worker function, in run() of a Process subclass, or on first use in a dataset\'s __getitem__ (or in worker_init_fn).',
    before: 'mp.Process(target=work, args=(open("log.txt", "a"),)).start()',
    after: 'mp.Process(target=work, args=("log.txt",)).start()  # work() opens it',
  },
  MP316: {
    why: 'set_start_method changes the default for every module of the program. This entry point imports a module of the run that the tool left on its own start method (its code would break under spawn: MP312; it picks the method per platform: MP314; or a DataLoader there was left on the default because its dataset may not pickle, MP317, or keeps a cache of loaded items that spawn would copy into every worker, MP319), so a spawn default set here would reach that module and break it. For MP317 and MP319 any import counts, directly or through one module of the run: the dataset reaches the DataLoader through objects the tool cannot follow.',
    fix: 'Fix what holds the imported module back (its diagnostics say what), then run again. Meanwhile this file\'s own calls get explicit contexts, which leave the default alone.',
    before: 'from lib import switch   # lib/switch.py keeps fork on Linux (MP314)\n\nif __name__ == "__main__":\n    multiprocessing.set_start_method("spawn")   # would reach switch.run()',
    after: 'from lib import switch\n\nif __name__ == "__main__":\n    with multiprocessing.get_context("spawn").Pool(2) as pool:\n        ...',
  },
  MP317: {
    why: 'A DataLoader given a start method of its own pickles its dataset for every worker; under fork the workers inherited it. This dataset is not built in the file from a class the tool can read (it is a parameter, an attribute such as self.dataset, or made by code from another module), so it may hold an open file or a closure that spawn cannot pickle: "cannot pickle \'_io.FileIO\' object". The call is left on the default start method.',
    fix: 'Make sure the dataset pickles (open files lazily in each worker, no lambdas or closures), then pass multiprocessing_context="spawn" by hand.',
    before: 'def loader(dataset):\n    return DataLoader(dataset, num_workers=4)   # dataset made by the caller',
    after: 'def loader(dataset):\n    return DataLoader(dataset, num_workers=4, multiprocessing_context="spawn")   # once it pickles',
  },
  MP318: {
    why: 'Under spawn every child re-imports the main module of the program. This module has no __main__ guard, starts no process when imported and is not a test module: others import it, and the tool cannot see them all (its tutorials, its users\' scripts). An explicit spawn context here would start children that re-run each caller\'s main script, which breaks every caller without a guard, where fork worked. Left on the default, its calls follow the start method the program sets: the entry points of the run that import it get set_start_method in their guard.',
    fix: 'Call multiprocessing.set_start_method("spawn") first in the __main__ guard of each program that uses the module. To give the module explicit contexts anyway, run with --strategy local (or -t spawn-context alone).',
    before: '# lib/jobs.py\ndef run(items):\n    with multiprocessing.Pool(2) as pool:\n        return pool.map(square, items)',
    after: '# lib/jobs.py: unchanged\n# app.py, an entry point of the run that imports it\nif __name__ == "__main__":\n    multiprocessing.set_start_method("spawn")\n    print(jobs.run([1, 2]))',
  },
  MP319: {
    why: 'Under fork the DataLoader workers share the parent\'s memory copy-on-write, so a dataset that loaded its items into memory in the parent is held once. Under spawn (a start method of the DataLoader\'s own, or a spawn default set by the entry point) each worker is sent a pickled copy of the dataset, cache and all: the cache is held once per worker plus once in the parent, and every worker start pickles it. A run that fitted in memory can exhaust it (yolov5 `--cache ram` with 8 workers: 234 MB under fork, 1,086 MB under spawn, measured with a stand-in). Reported when the dataset is made from a class of the file that preallocates one slot per item (`self.ims = [None] * n`) and fills the slots in a loop in `__init__` or a method it calls. The DataLoader is left on the default, and so are the entry points that import the file (MP316); a script with such a DataLoader gets no set_start_method, and its other calls explicit contexts.',
    fix: 'Keep the cache out of what is pickled: load on first use in each worker, cache to files the workers read (yolov5 `--cache disk`), or put it in shared memory (multiprocessing.shared_memory, a NumPy memmap); or use fewer workers. Then pass multiprocessing_context="spawn" by hand (in a script, or set_start_method in its guard), once the copies fit or the cache is gone.',
    before: 'class Images(Dataset):\n    def __init__(self, files):\n        self.ims = [None] * len(files)\n        for i, f in enumerate(files):\n            self.ims[i] = load(f)   # filled in the parent\n\nloader = DataLoader(Images(files), num_workers=8)',
    after: 'class Images(Dataset):\n    def __init__(self, files):\n        self.files = files\n\n    def __getitem__(self, i):\n        return load(self.files[i])   # loaded in the worker\n\nloader = DataLoader(Images(files), num_workers=8, multiprocessing_context="spawn")',
  },
  MP320: {
    why: 'The function is handed a context (`mp_context`, `ctx`) and starts its processes from it, so its caller picks the start method. A call beside it that uses the default context (`Manager()`, `Queue()`) follows the program\'s default instead; a fixed spawn context there would override the caller\'s choice for that one object.',
    fix: 'Make the call from the context the function is given (`mp_context.Manager()`), so that everything the function starts follows the caller.',
    before: 'def run(mp_context, jobs):\n    manager = multiprocessing.Manager()\n    procs = [mp_context.Process(target=work, args=(manager.Queue(), j)) for j in jobs]',
    after: 'def run(mp_context, jobs):\n    manager = mp_context.Manager()\n    procs = [mp_context.Process(target=work, args=(manager.Queue(), j)) for j in jobs]',
  },
  MP401: {
    why: 'Under fork a large object loaded before the pool is shared copy-on-write. Under spawn every task that takes it as an argument pickles and sends it again, which can cost more than the work.',
    fix: 'Pass the path and load in the child, or load once per worker in a Pool initializer.',
    before: 'df = pd.read_csv("big.csv")\npool.starmap(summarise, [(df, k) for k in keys])',
    after: 'def init(path):\n    global DF\n    DF = pd.read_csv(path)\n\npool = ctx.Pool(initializer=init, initargs=("big.csv",))\npool.map(summarise, keys)',
  },
  MP501: {
    why: 'Not a spawn problem: a pragma that no longer suppresses anything (the code was fixed or moved) hides the next real finding on that statement, as ruff\'s RUF100 warns. Reported only when every transform ran.',
    fix: 'Remove the pragma, or the names in it that are unused (--unsafe-fixes does it).',
    before: 'pool = ctx.Pool(2)  # mp-codemod: ignore[MP101]',
    after: 'pool = ctx.Pool(2)',
  },
  MP502: {
    why: 'Not a spawn problem: a pragma naming something that is neither a diagnostic code (or prefix) nor a transform id suppresses nothing, usually because of a typo.',
    fix: 'Name diagnostic codes (MP301), prefixes (MP3) or transform ids (spawn-context).',
    before: 'ctx = mp.get_context("fork")  # mp-codemod: ignore[MP3O1]',
    after: 'ctx = mp.get_context("fork")  # mp-codemod: ignore[MP301]',
  },
};

const indent = (text: string, by = '    ') => text.split('\n').map((l) => (l ? by + l : l)).join('\n');

/** Prose wrapped at 88 columns, indented two spaces. */
function paragraph(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > 86) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return indent(lines.join('\n'), '  ');
}

/** `mp-codemod explain CODE`: the whole explanation as plain text. */
export function explainText(given: string): string {
  const code = given.trim().toUpperCase();
  if (!isCode(code)) throw new UsageError(`unknown code "${given}" (\`mp-codemod explain\` lists them)`);
  const info = CODES[code];
  const more = EXPLANATIONS[code];
  return [
    `${code} (${info.severity}): ${info.summary}`,
    '',
    'Why spawn breaks it:',
    paragraph(more.why),
    '',
    'Fix:',
    paragraph(more.fix),
    '',
    'Example, before:',
    indent(more.before),
    '',
    'After:',
    indent(more.after),
    '',
    `More: ${helpUri(code)}`,
    '',
  ].join('\n');
}

/** `mp-codemod explain` with no code: every code, its severity and summary. */
export function codeList(): string {
  return Object.entries(CODES).map(([code, info]) => `${code}\t${info.severity}\t${info.summary}\n`).join('');
}

/** The README section of one code (scripts/readme-codes.js writes them; a test compares). */
export function markdownSection(code: Code): string {
  const info = CODES[code];
  const more = EXPLANATIONS[code];
  return [`### ${code}`, '', `**${info.severity}**: ${info.summary}.`, '', more.why, '', `Fix: ${more.fix}`, '', '```python', '# before', more.before, '# after', more.after, '```', ''].join('\n');
}
