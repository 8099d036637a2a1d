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
// were measured too (1,500 changed files of 28 KB: 166 and 168 MB): their strings keep no text.

/** A copy of `s` that shares no memory with the string it was cut from. */
export function detached(s: string): string {
  // Joining makes a new flat string; the slice then refers to that one alone.
  return s.length < 13 ? s : (' ' + s).slice(1);
}
