import type { Transform } from '../src/api/types';
import spawnContext from './spawn-context';
import guardMain from './guard-main';
import setStartMethod from './set-start-method';
import diagnostics from './diagnostics';
import joinProcesses from './join-processes';

/**
 * Every built-in transform, in the order they run. Each decides on the text of a pass with the
 * others, and on the output of those it `reads`: diagnostics reads none, so it describes the code
 * as it was (and decides whether it is migrated); guard-main reads join-processes, so the joins
 * move with their code; set-start-method reads guard-main; spawn-context reads both.
 */
export const builtinTransforms: readonly Transform[] = [diagnostics, joinProcesses, guardMain, setStartMethod, spawnContext];
