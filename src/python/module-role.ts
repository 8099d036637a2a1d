import type { FileContext } from '../api/types';
import type { SyntaxNode } from '../syntax/types';
import { mainGuards, startsAtImport } from './toplevel';
import { fixesDefaultEarly } from './default-fixers';

const PACKAGE_MAIN = /(^|[\\/])__main__\.pyw?$/;
/** pytest's and unittest's file names (`test_x.py`, `x_test.py`, tqdm's `tests_x.py`, `conftest.py`). */
const TEST_FILE = /(^|[\\/])(tests?(_[^\\/]*)?|[^\\/]*_tests?|conftest)\.pyw?$/;
const TEST_FRAMEWORK = /^(pytest|unittest)(\.|$)/;

/** A pytest or unittest module: its runner is the entry point, and the runner's main is guarded. */
export function isTestModule(ctx: FileContext): boolean {
  if (TEST_FILE.test(ctx.path)) return true;
  for (const targets of ctx.importIndex.names.values()) for (const t of targets) if (TEST_FRAMEWORK.test(t)) return true;
  return false;
}

/**
 * A module that others import and whose callers the tool cannot see: no `__main__` guard, not a
 * package's `__main__.py` or a notebook, no process started while it is imported, not a test
 * module. Its process calls run under the default its callers' entry points choose; an explicit
 * spawn context in it would make each caller's unguarded main script re-run in the children.
 *
 * Not one either: a module whose import fixes the default context (a module-level `Lock()`,
 * `get_start_method()`...). Left so, it would make `set_start_method` in every entry point that
 * imports it raise "context has already been set"; its calls keep explicit contexts.
 */
export function isLibraryModule(ctx: FileContext): boolean {
  if (ctx.facts.notebook || PACKAGE_MAIN.test(ctx.path)) return false;
  // A guard makes a script, unless the module is also importable from a package and starts
  // processes outside the guard: its functions are then an API others call (gensim
  // `scripts/segment_wiki.py` `segment_all_articles`), from scripts that may have no guard.
  const guard = mainGuards(ctx.root, ctx.source)[0];
  if (guard && !(ctx.facts.inPackage && startsOutside(ctx, guard))) return false;
  if (isTestModule(ctx)) return false;
  if (startsAtImport(ctx)) return false;
  return fixesDefaultEarly(ctx, null).length === 0;
}

/** Whether the module starts processes in a function or class (code others can call), not only in its guard. */
function startsOutside(ctx: FileContext, guard: SyntaxNode): boolean {
  return ctx.starts.possibleStarts().some((call) => (call.startIndex < guard.startIndex || call.startIndex >= guard.endIndex) && ctx.starts.isStart(call) && insideDefinition(call));
}

function insideDefinition(node: SyntaxNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'class_definition') return true;
  return false;
}
