import type { Transform } from '../src/api/types';
import spawnContext from './spawn-context';
import guardMain from './guard-main';
import setStartMethod from './set-start-method';
import diagnostics from './diagnostics';
import joinProcesses from './join-processes';

/**
 * Every built-in transform, in the order they run; each sees the previous one's output.
 * Diagnostics go first, so they describe the code as it was (and decide whether it is migrated);
 * join-processes next, on the code as written, before guard-main moves it.
 */
export const builtinTransforms: readonly Transform[] = [diagnostics, joinProcesses, guardMain, setStartMethod, spawnContext];
