// Notes on memory and V8 that other modules point to; no code.
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
