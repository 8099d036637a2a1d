import { blocksMigration } from '../api/codes';
import type { SourceResult } from './pipeline';
import type { Diagnostic, Options, Plan } from '../api/types';

const BOTH: Plan = { mechanisms: new Set(['global', 'local']) };
const GLOBAL: Plan = { mechanisms: new Set(['global']) };
const LOCAL: Plan = { mechanisms: new Set(['local']) };

/**
 * One mechanism per file, and no edits to a file spawn would still break.
 *
 * The chain first runs keeping both mechanisms, which tells what each would do. A file that
 * gets both is run again with the global one alone (set_start_method in its guard covers every
 * call), and, when that cannot apply there (the default is fixed at import time), with the
 * local one alone. Most files need one run.
 */
export function planned(input: string, options: Options, run: (plan: Plan) => SourceResult): SourceResult {
  let result: SourceResult;
  if (options.strategy === 'local') {
    result = run(LOCAL);
  } else {
    result = run(BOTH);
    if (result.mechanisms.length > 1) {
      const global = run(GLOBAL);
      result = global.mechanisms.includes('global') || global.error ? global : run(LOCAL);
    }
  }
  return gated(input, result);
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
