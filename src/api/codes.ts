import type { Severity } from './types';
import { UsageError } from './usage';

/** Every diagnostic code, its default severity and a one-line summary (the README table is tested against this). */
export interface CodeInfo {
  severity: Severity;
  summary: string;
  /** Spawn would break a file that has it: the file gets no edits (MP312 says so). */
  blocks?: boolean;
}

const REGISTRY = {
  MP101: { severity: 'error', summary: 'a lambda is handed to a process or pool, or held by the dataset of a DataLoader with workers: spawn cannot pickle it', blocks: true },
  MP102: { severity: 'error', summary: 'a nested function is handed to a process or pool (it captures nothing: --unsafe-fixes moves it to module level)', blocks: true },
  MP103: { severity: 'error', summary: 'a closure is handed to a process or pool: spawn cannot pickle it (over plain arguments: --unsafe-fixes lifts it and binds them with functools.partial)', blocks: true },
  MP104: { severity: 'error', summary: 'a class defined inside a function, or created at run time (DEAP creator.create in main()), is handed to a process or pool', blocks: true },
  MP105: { severity: 'error', summary: 'a bound method of an object holding a lock, open file or connection is handed to a process or pool', blocks: true },
  MP106: { severity: 'error', summary: 'a worker defined in a notebook cell: spawn children cannot import the notebook', blocks: true },
  MP108: { severity: 'error', summary: 'an object spawn cannot pickle (a generator, an open file, a connection, a threading lock, an LSUN dataset...) is given to a process, kept by a Process subclass or used as the dataset of a DataLoader with workers, when the file shows it', blocks: true },
  MP201: { severity: 'error', summary: 'a worker reads a global that is only set at run time (in the __main__ guard, main() or via global)', blocks: true },
  MP202: { severity: 'error', summary: 'a module-level Queue, Lock or Manager is used as a global by workers: each spawn child makes its own (--unsafe-fixes passes it from the parent when it can)', blocks: true },
  MP203: { severity: 'error', summary: 'a Queue is passed through Pool.map/apply arguments', blocks: true },
  MP204: { severity: 'error', summary: 'logging or warnings filters are configured only in the parent while workers log or warn: spawn children start with the defaults, so their output changes', blocks: true },
  MP205: { severity: 'error', summary: 'a process given a lock, queue or manager proxy is started and never joined: under spawn the parent may exit before the child rebuilds them (--unsafe-fixes joins it)', blocks: true },
  MP206: { severity: 'error', summary: 'an attribute of an imported module is set at run time in the parent (mod.attr = value) before processes start: spawn children import the module afresh and see its original value', blocks: true },
  MP301: { severity: 'warning', summary: 'an explicit fork start method is kept' },
  MP302: { severity: 'warning', summary: 'set_start_method outside an entry point\'s __main__ guard, or with force=True over another call' },
  MP303: { severity: 'warning', summary: 'os.fork()/os.forkpty() used directly' },
  MP304: { severity: 'warning', summary: 'a library module starts processes when it is imported' },
  MP305: { severity: 'warning', summary: 'a default-context factory is passed as a value' },
  MP306: { severity: 'warning', summary: 'billiard/multiprocess factories keep their own (fork) default' },
  MP307: { severity: 'warning', summary: 'a context argument may hide in *args/**kwargs; not rewritten' },
  MP308: { severity: 'warning', summary: 'a name the rewrite needs is taken in that scope; not rewritten' },
  MP309: { severity: 'warning', summary: 'isinstance(x, multiprocessing.Process) is false for processes made from a context' },
  MP310: { severity: 'error', summary: 'module-level process code that guard-main could not move safely', blocks: true },
  MP311: { severity: 'warning', summary: 'a call fixes the default start method at import time, so set_start_method would raise (--unsafe-fixes moves objects only the parent reads into the guard)' },
  MP312: { severity: 'warning', summary: 'the file is left unchanged: spawn would break it until the errors reported in it are fixed' },
  MP315: { severity: 'warning', summary: 'a rewrite inside an f-string that uses both quotes (before Python 3.12); not rewritten' },
  MP314: { severity: 'warning', summary: 'the file chooses its start method at run time (get_context(variable)); its calls are left alone' },
  MP316: { severity: 'warning', summary: 'an entry point imports a module left on its own start method; no set_start_method for it' },
  MP317: { severity: 'warning', summary: 'a DataLoader whose dataset comes from elsewhere: spawn would pickle it, which the tool cannot check; left on the default start method' },
  MP318: { severity: 'warning', summary: 'a library module is left on the default start method: the entry points that run it choose the method' },
  MP319: { severity: 'warning', summary: 'a DataLoader whose dataset keeps a cache of loaded items filled in the parent: spawn would copy it into every worker; left on the default start method' },
  MP320: { severity: 'warning', summary: 'a default-context call in a function that is given its context as a parameter and starts processes from it: left alone, the caller chooses the method' },
  MP401: { severity: 'warning', summary: 'a large object (a loaded DataFrame or array, a whole file read) is pickled for every task' },
  MP501: { severity: 'warning', summary: 'a `# mp-codemod: ignore` pragma (or a name in it) suppresses nothing' },
  MP502: { severity: 'warning', summary: 'a pragma names an unknown code or transform' },
  // Seen only by `mp-codemod verify`, when the program runs under spawn.
  MP107: { severity: 'error', summary: 'a worker defined where spawn children cannot import it (inside the __main__ guard, -c or stdin)' },
  MP313: { severity: 'error', summary: 'a lock or queue made in a fork context is shared with a process of another context' },
} satisfies Record<string, CodeInfo>;

/** A diagnostic code: only the registry's, so that an unknown one is a type error. */
export type Code = keyof typeof REGISTRY;

export const CODES: Readonly<Record<Code, CodeInfo>> = REGISTRY;

/** Whether a string (from a JavaScript transform, a pragma, a command line) is a code of the registry. */
export const isCode = (code: string): code is Code => Object.prototype.hasOwnProperty.call(CODES, code);

export const blocksMigration = (code: Code): boolean => CODES[code].blocks === true;

export function severityOf(code: Code): Severity {
  return CODES[code].severity;
}

/** `--select`/`--ignore` values are codes or prefixes (`MP1`, `MP20`). */
export function codeFilter(select: string[], ignore: string[]): (code: string) => boolean {
  const matches = (code: string, list: string[]) => list.some((p) => code.startsWith(p.trim().toUpperCase()));
  return (code) => (select.length === 0 || matches(code, select)) && !matches(code, ignore);
}

/** A code list (`--select`, `select`, `per-file-ignores`...) names only codes or prefixes of codes: else a usage error naming `where`. */
export function checkCodes(list: readonly string[], where: string): void {
  for (const given of list) {
    const p = given.trim().toUpperCase();
    if (p.length >= 2 && Object.keys(CODES).some((c) => c.startsWith(p))) continue;
    throw new UsageError(`${where}: unknown code "${given}" (give codes or their prefixes: MP1, MP20, MP201; \`mp-codemod explain\` lists them)`);
  }
}
