import type { Tree } from '../syntax/types';
import { query, matchesAround, inMatchOrder } from '../syntax/parser';
import { chooseFixes, joinEdits, sortEdits } from './edits';
import { makeContext } from './context';
import { touches, names, type Pragma } from '../python/pragmas';
import type { Edit, FileFacts, Fix, Options, Plan, PrefilterFile, RawDiagnostic, Transform } from '../api/types';

/** A transform applies fixes in at most this many passes of one file (the later ones: fixes it deferred because they overlapped). */
export const MAX_PASSES = 5;

/** A query for the module alone: searching the rest of the tree for another module is wasted. */
const MODULE_ONLY = /^\s*\(module\)\s*@[\w.-]+\s*$/;

export class TransformFailure extends Error {
  constructor(readonly transform: string, message: string) {
    super(message);
  }
}

// Module level, not arrows made per file: see memory.ts.
export function passes(t: Transform, text: string, info: PrefilterFile): boolean {
  return info.options.noPrefilter ? true : typeof t.prefilter === 'function' ? t.prefilter(text, info) : t.prefilter.test(text);
}

/** A transform's part in one run of the engine. */
export interface Step {
  transform: Transform;
  /** Its prefilter passed, on the first text it was asked to decide on. */
  started: boolean;
  /** The passes it applied fixes in. */
  runs: number;
  /** Imported names its applied fixes may leave unused. */
  prune: { module: string; name: string }[];
}

/** What one pass found: the fixes it takes, by transform, and their edits (sorted); the transforms that run again in the next pass. */
export interface Pass {
  taken: { step: Step; fixes: Fix[] }[];
  edits: Edit[];
  diagnostics: { transform: string; diagnostic: RawDiagnostic }[];
  blocked: { pragma: Pragma; name: string }[];
  next: Step[];
  /** Transforms still deferring fixes after MAX_PASSES passes. */
  unconverged: Step[];
}

/**
 * Whether `later` must see the edits of `earlier` (see Transform.reads): it says so, or either
 * of them does not say what it reads.
 */
const mustSee = (later: Transform, earlier: Transform) => later.reads === undefined || earlier.reads === undefined || later.reads.includes(earlier.id);

/**
 * One pass: every pending transform that can decide on this text finds its fixes and
 * diagnostics in it, all from the same tree and analyses, and the fixes are applied together. A
 * transform waits for the next pass when one it reads changes the text in this pass (or waits
 * itself), or when its fixes touch those of a transform before it.
 */
export function onePass(pending: Step[], text: string, tree: Tree, info: PrefilterFile, path: string, options: Options, facts: FileFacts, plan: Plan, pragmas: Pragma[]): Pass {
  const pass: Pass = { taken: [], edits: [], diagnostics: [], blocked: [], next: [], unconverged: [] };
  // Transforms that change the text in this pass, or wait for a later one.
  const moving: Transform[] = [];
  const wait = (step: Step) => {
    pass.next.push(step);
    moving.push(step.transform);
  };
  for (const step of pending) {
    const t = step.transform;
    if (moving.some((m) => mustSee(t, m))) {
      wait(step);
      continue;
    }
    // Asked once, on the first text the transform decides on (what a chain of transforms would give it).
    if (!step.started && !passes(t, text, info)) continue;
    step.started = true;
    const { fixes, diagnostics, blocked } = collect(t, text, tree, path, options, facts, plan, pragmas);
    const own = chooseFixes(text, fixes);
    if (own.invalid.length > 0) throw new TransformFailure(t.id, `invalid fix: ${own.invalid[0].reason}`);
    // Its fixes touch another transform's: it decides again on the text those make.
    if (own.applied.length > 0 && !joinEdits(pass.edits, own.edits)) {
      wait(step);
      continue;
    }
    pass.blocked.push(...blocked);
    for (const diagnostic of diagnostics) pass.diagnostics.push({ transform: t.id, diagnostic });
    if (step.runs === MAX_PASSES - 1) for (const fix of own.conflicting) if (fix.diagnostic) pass.diagnostics.push({ transform: t.id, diagnostic: fix.diagnostic });
    if (own.applied.length === 0) continue;
    step.runs++;
    pass.taken.push({ step, fixes: own.applied });
    moving.push(t);
    // Transforms are idempotent (every fixture proves it), so another pass is only needed for
    // fixes deferred because they overlapped one of its own applied now.
    if (own.conflicting.length === 0) continue;
    if (step.runs < MAX_PASSES) pass.next.push(step);
    else pass.unconverged.push(step);
  }
  pass.edits = sortEdits(pass.edits);
  return pass;
}

export const mechanismOf = (fix: Fix, transform: Transform) => (fix.mechanism === undefined ? (transform.mechanism ?? null) : fix.mechanism);

export function collect(transform: Transform, text: string, tree: Tree, path: string, options: Options, facts: FileFacts, plan: Plan, pragmas: Pragma[]) {
  const fixes: Fix[] = [];
  const blocked: { pragma: Pragma; name: string }[] = [];
  const diagnostics: RawDiagnostic[] = [];
  const ctx = makeContext(text, tree, path, options, facts, plan, diagnostics);
  let q;
  try {
    q = query(transform.query);
  } catch (e) {
    throw new TransformFailure(transform.id, `bad query: ${(e as Error).message}`);
  }
  let anchors;
  try {
    anchors = options.noPrefilter ? null : (transform.anchors?.(ctx) ?? null);
  } catch (e) {
    throw new TransformFailure(transform.id, `failed: ${(e as Error)?.message ?? String(e)}`);
  }
  const matches = anchors === null ? inMatchOrder(q.matches(tree.rootNode, MODULE_ONLY.test(transform.query) ? { maxStartDepth: 0 } : {})) : matchesAround(q, tree.rootNode, text, anchors);
  const found: Fix[] = [];
  try {
    for (const match of matches) {
      const out = transform.fix(match, ctx);
      if (out) found.push(...(Array.isArray(out) ? out : [out]));
    }
  } catch (e) {
    throw new TransformFailure(transform.id, `failed: ${(e as Error)?.message ?? String(e)}`);
  }
  for (const fix of found) {
    const mechanism = mechanismOf(fix, transform);
    if (mechanism !== null && !plan.mechanisms.has(mechanism)) continue;
    const safety = fix.safety ?? transform.safety;
    if (safety === 'unsafe' && !options.unsafeFixes) {
      if (fix.diagnostic) diagnostics.push({ ...fix.diagnostic, hint: withUnsafeNote(fix.diagnostic.hint) });
      continue;
    }
    const by = pragmas.length > 0 ? blockingPragma(fix, transform.id, pragmas) : null;
    if (by) {
      blocked.push(by);
      continue;
    }
    fixes.push(fix);
  }
  // Combined only once the fixes that will not apply (plan, safety, pragmas) are out.
  if (!transform.finish || fixes.length === 0) return { fixes, diagnostics, blocked };
  try {
    return { fixes: transform.finish(fixes, ctx), diagnostics, blocked };
  } catch (e) {
    throw new TransformFailure(transform.id, `failed: ${(e as Error)?.message ?? String(e)}`);
  }
}

/** The pragma (and its name) that keeps a fix from editing its statement, if any. */
function blockingPragma(fix: Fix, transform: string, pragmas: Pragma[]): { pragma: Pragma; name: string } | null {
  for (const p of pragmas) {
    if (!fix.edits.some((e) => touches(e, p))) continue;
    if (p.names === null) return { pragma: p, name: '*' };
    const name = p.names.find((n) => names(n, fix.diagnostic?.code, transform));
    if (name) return { pragma: p, name };
  }
  return null;
}

const withUnsafeNote = (hint?: string) => `${hint ? `${hint} ` : ''}(an unsafe fix is available with --unsafe-fixes)`;
