import * as path from 'path';
import { catalogue } from './catalogue';
import { UsageError } from '../api/usage';
import { query } from '../syntax/parser';
import type { Transform } from '../api/types';

/** The transforms to run, in registry order; a value with a slash or .js is a user's module path. */
export function selectTransforms(requested: string[] | undefined, cwd: string): Transform[] {
  const builtinTransforms = catalogue();
  if (!requested || requested.length === 0) return [...builtinTransforms];
  const chosen: Transform[] = [];
  for (const name of requested.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean)) {
    if (/[\\/]|\.[cm]?js$/.test(name)) {
      chosen.push(loadTransform(path.resolve(cwd, name), name));
      continue;
    }
    const builtin = builtinTransforms.find((t) => t.id === name);
    if (!builtin) throw new UsageError(`unknown transform "${name}" (known: ${builtinTransforms.map((t) => t.id).join(', ')})`);
    chosen.push(builtin);
  }
  // Built-ins keep their documented order; user modules run after them, in the order given.
  const order = (t: Transform) => {
    const i = builtinTransforms.indexOf(t);
    return i === -1 ? builtinTransforms.length : i;
  };
  return chosen.filter((t, i) => chosen.indexOf(t) === i).sort((a, b) => order(a) - order(b));
}

function loadTransform(file: string, given: string): Transform {
  let mod: unknown;
  try {
    mod = require(file); // a user's module, by the path given to -t
  } catch (e) {
    throw new UsageError(`cannot load transform ${given}: ${(e as Error).message.split('\n')[0]}`);
  }
  const t = ((mod as { default?: unknown }).default ?? mod) as Partial<Transform>;
  const missing = (['id', 'query', 'fix', 'prefilter'] as const).filter((k) => !t || t[k] === undefined);
  if (missing.length > 0) throw new UsageError(`transform ${given} lacks ${missing.join(', ')}`);
  if (!(t.prefilter instanceof RegExp) && typeof t.prefilter !== 'function') throw new UsageError(`transform ${given}: prefilter must be a RegExp or a function`);
  if (typeof t.fix !== 'function') throw new UsageError(`transform ${given}: fix must be a function`);
  if (t.words !== undefined && !(Array.isArray(t.words) && t.words.every((w) => typeof w === 'string'))) throw new UsageError(`transform ${given}: words must be a list of strings`);
  try {
    query(String(t.query));
  } catch (e) {
    throw new UsageError(`transform ${given}: bad query: ${(e as Error).message.split('\n')[0]}`);
  }
  return Object.assign({ description: '', safety: 'safe', safetyNote: '' }, t as Transform);
}
