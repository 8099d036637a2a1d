import type { Transform } from '../src/types';
import spawnContext from './spawn-context';
import guardMain from './guard-main';
import setStartMethod from './set-start-method';
import diagnostics from './diagnostics';

/**
 * Every built-in transform, in the order they run; each sees the previous one's output.
 * Diagnostics go first, so they describe the code as it was (and decide whether it is migrated).
 */
export const builtinTransforms: readonly Transform[] = [diagnostics, guardMain, setStartMethod, spawnContext];
