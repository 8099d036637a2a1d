import type { Transform } from '../api/types';

// The transforms a run can choose from by id. The program's entry points (the CLI, the package's
// index) set it, because only they may import transforms/; a worker thread sets it from the
// module path it is given, since functions do not cross threads.
let builtins: readonly Transform[] | null = null;
let modulePath: string | null = null;

/** `module` exports `builtinTransforms`; worker threads load it from that path. */
export function setCatalogue(list: readonly Transform[], module: string): void {
  builtins = list;
  modulePath = module;
}

export function loadCatalogue(module: string): void {
  // By path: a worker thread gets the module's path, since functions do not cross threads.
  setCatalogue((require(module) as { builtinTransforms: readonly Transform[] }).builtinTransforms, module);
}

export function catalogue(): readonly Transform[] {
  if (!builtins) throw new Error('no transforms: the entry point must call setCatalogue() first');
  return builtins;
}

export function catalogueModule(): string {
  if (!modulePath) throw new Error('no transforms: the entry point must call setCatalogue() first');
  return modulePath;
}
