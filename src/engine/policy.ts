import { blocksMigration } from '../api/codes';
import type { SourceResult } from './pipeline';
import type { Diagnostic, Mechanism, Options, Plan, RawDiagnostic } from '../api/types';

const BOTH: Plan = { mechanisms: new Set(['global', 'local']) };
const GLOBAL: Plan = { mechanisms: new Set(['global']) };
const LOCAL: Plan = { mechanisms: new Set(['local']) };
const NEITHER: Plan = { mechanisms: new Set() };

/** A diagnostic the engine adds to a run of the chain, at an offset of the input, as if `transform` made it. */
export interface Note {
  diagnostic: RawDiagnostic;
  transform: string;
}

/** What the planner asks of one run of the chain. */
export interface RunRequest {
  /** Tell whether the input is a library module (SourceResult.library). */
  classify?: boolean;
  notes?: Note[];
}

/**
 * One mechanism per file, and no edits to a file spawn would still break.
 *
 * The chain first runs keeping both mechanisms, which tells what each would do. A file that
 * gets both is run again with the global one alone (set_start_method in its guard covers every
 * call), and, when that cannot apply there (the default is fixed at import time), with the
 * local one alone. Under `auto`, a library module (see isLibraryModule) that would get explicit
 * contexts is run again with neither: the entry points that import it choose its method.
 * Most files need one run.
 *
 * `chain`: the mechanisms the selected transforms can apply (`-t spawn-context` alone: local only).
 */
export function planned(input: string, options: Options, chain: ReadonlySet<Mechanism>, run: (plan: Plan, request?: RunRequest) => SourceResult): SourceResult {
  let result: SourceResult;
  const auto = (options.strategy ?? 'auto') === 'auto' && chain.has('global') && chain.has('local');
  if (options.strategy === 'local') {
    result = run(LOCAL);
  } else {
    result = run(BOTH, { classify: auto });
    if (result.mechanisms.length > 1) {
      const global = run(GLOBAL);
      result = global.mechanisms.includes('global') || global.error ? global : run(LOCAL);
    }
  }
  const checked = gated(input, result);
  // Held back (MP312) as before: its importers then keep their default too (MP316).
  if (!auto || !result.library || !result.firstLocal || checked !== result) return checked;
  return leftOnDefault(input, result.firstLocal, run);
}

/** A library module keeps the default start method of the programs that import it; MP318 says so, where its first context would have gone. */
function leftOnDefault(input: string, first: { at: number; transform: string }, run: (plan: Plan, request?: RunRequest) => SourceResult): SourceResult {
  const note: Note = {
    transform: first.transform,
    diagnostic: {
      code: 'MP318',
      start: first.at,
      message: "library module left on the default start method: an explicit spawn context here would make every caller's unguarded main script re-run in the children; the entry points that run it choose the method",
      hint: 'call multiprocessing.set_start_method("spawn") first in the __main__ guard of each program that uses it (entry points of this run get it); --strategy local gives it explicit contexts anyway',
    },
  };
  return gated(input, run(NEITHER, { notes: [note] }));
}

/** A file with an error that spawn turns into a failure keeps its text; MP312 says why. */
function gated(input: string, result: SourceResult): SourceResult {
  if (result.output === input || result.error || result.syntaxError || result.skipped) return result;
  const blockers = result.diagnostics.filter((d) => d.severity === 'error' && blocksMigration(d.code));
  if (blockers.length === 0) return result;
  const first = blockers[0];
  const where = [...new Set(blockers.map((d) => `${d.code} at line ${d.line}`))].slice(0, 3).join(', ');
  const note: Diagnostic = {
    code: 'MP312',
    message: `file left unchanged: spawn would break it (${where})`,
    hint: 'fix the errors reported here, then run mp-codemod again; or mark a line "# mp-codemod: ignore[CODE]" once you know it is safe',
    severity: 'warning',
    line: first.line,
    column: first.column,
    transform: first.transform,
  };
  const diagnostics = [...result.diagnostics, note].sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
  return { ...result, output: input, fixes: [], mechanisms: [], unconverged: [], diagnostics };
}
