import * as v8 from 'v8';
import * as vm from 'vm';

// Parsed trees hold native memory the garbage collector does not see, so the JS heap stays small
// while the process grows; and their finalizers run only when the event loop turns. So after
// every million characters of parsed source (re-parses included), collect, and let the loop turn
// before the next file. Dense corpus, V8's own GC times (--trace-gc) and peak RSS, 1 / 2 jobs:
// every half million, 1.05 / 1.76 s and 138 / 180 MB; every million, 0.76 / 1.23 s and
// 153 / 191 MB; every two million, 0.62 / 1.04 s and 174 / 234 MB. (Stdlib, 2 jobs, whose big
// files weigh most: 190-200 MB every half million, 205-235 MB every million.)
const EVERY_CHARS = 1_000_000;
let gc: (() => void) | null | undefined;
let parsedSince = 0;

/** Run once, before the first collection: what must outlive it is made then (see the end of this file). */
const beforeFirst: (() => void)[] = [];

export function beforeFirstCollection(fn: () => void): void {
  beforeFirst.push(fn);
}

function collect(): void {
  if (gc === undefined) {
    beforeFirst.splice(0).forEach((fn) => fn());
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

export function noteParsed(chars: number): void {
  parsedSince += chars;
}

/** Between files: collect when due, then yield, so that the trees' finalizers (and signal handlers) run. */
export async function releaseMemory(): Promise<void> {
  if (parsedSince >= EVERY_CHARS) {
    parsedSince = 0;
    collect();
  }
  await new Promise((resolve) => setImmediate(resolve));
}

// V8 drops a hidden class (a "map") once no object has it any more, and with it the optimised
// code built for it. When the forced collection runs between files, every tree, node, scope and
// index of the file just done is garbage, so their classes went too, and each file paid to
// compile the same hot functions again. Holding the last file's objects across the collection
// keeps those classes alive (dense corpus: 1,624 optimised compiles -> 907, and 4.9 s -> 3.4 s
// of compile time on the compiler's thread).
const held: { last: unknown; always: unknown[] } = { last: null, always: [] };

// The same holds for the optimised code of a function made per call (an arrow passed to find or
// map inside a function): V8 keeps it only while some function made from that source is alive,
// so after each collection every file compiled it again (dense corpus: a second of compiling).
// Hot paths use module-level functions or plain loops instead.

/** Keeps `value` (the last file's tree and friends) alive until the next file replaces it. */
export function holdUntilNextFile(value: unknown): void {
  held.last = value;
}

/** Keeps `value` alive for good (one node of each kind: their classes outlive any file). */
export function holdForever(value: unknown): void {
  held.always.push(value);
}
