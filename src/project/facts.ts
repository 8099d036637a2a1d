import type { FileFacts } from '../api/types';

/**
 * What the cross-file scan found, by real path: computed once per run, then handed to each file's
 * processing as data (worker threads get a structured clone; Sets and Maps survive it).
 */
export interface ProjectFacts {
  /** Entry points that import process-starting modules of the run. */
  importsProcessCode: ReadonlySet<string>;
  /** Entry points that import a module of the run left on its own start method. */
  importsForkModule: ReadonlySet<string>;
  /** Entry points whose process-starting code other entry points of the run import. */
  importedScripts: ReadonlySet<string>;
  /** Entry points and scripts that import functions, classes or methods of the run that start processes, with their dotted names. */
  processCalls: ReadonlyMap<string, readonly string[]>;
}

/** One file's share of the facts (none before the scan ends, or without one). */
export function factsOfFile(real: string, facts: ProjectFacts | undefined): Pick<FileFacts, 'importsProcessCode' | 'importsForkModule' | 'importedForProcesses' | 'processCalls'> {
  return {
    importsProcessCode: facts?.importsProcessCode.has(real) ?? false,
    importsForkModule: facts?.importsForkModule.has(real) ?? false,
    importedForProcesses: facts?.importedScripts.has(real) ?? false,
    processCalls: facts?.processCalls.get(real),
  };
}
