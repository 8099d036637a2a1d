// Notes on memory and V8 that other modules point to, and detached().
//
// Trees live in the WebAssembly heap of web-tree-sitter, which the garbage collector does not
// see: whoever parses deletes the tree when done (pipeline.ts frees every tree of a file, also
// when a transform throws). Nothing else needs collecting by hand: the native binding's trees
// needed forced collections and turns of the event loop for their finalizers; these do not.
//
// V8 drops a hidden class (a "map") once no object has it any more, and with it the optimised
// code built for it; the same holds for the optimised code of a function made per call (an arrow
// passed to find or map inside a function): V8 keeps it only while some function made from that
// source is alive. So after a full collection that finds a file's objects dead, the next file
// compiles the same hot functions again. Hot paths use module-level functions, classes (one
// shape whichever field is set first) and plain loops instead.
//
// A substring of 13 characters or more is, in V8, a slice of the string it was cut from, and keeps
// all of it alive: a module name read from an import line kept the whole file's text for the rest
// of the run. The cross-file scan's notes hold detached copies (3,000 entry points of 26 KB, one
// job: peak RSS 276 MB before, 124 MB after). The results of files processed on the main thread
// did keep texts: a diagnostic's message built around a name cut from the text held all of it (25
// copies of the stdlib: 39 MB of texts alive at the end). Those results are detached when kept;
// a worker thread's come through postMessage, which copies every string.

/** A copy of `s` that shares no memory with the string it was cut from. */
export function detached(s: string): string {
  // Joining makes a new flat string; the slice then refers to that one alone.
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** A copy of `value` (plain objects, arrays, strings and scalars) whose strings share no memory with others. */
export function detachedAll<T>(value: T): T {
  if (typeof value === 'string') return detached(value) as T;
  if (Array.isArray(value)) return value.map(detachedAll) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = detachedAll(v);
    return out as T;
  }
  return value;
}
