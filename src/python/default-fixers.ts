import type { SyntaxNode } from '../syntax/types';
import type { FileContext } from '../api/types';
import { callsNaming, topLevelOf } from '../syntax/find';

const MP = ['multiprocessing', 'torch.multiprocessing'];
const isCode = (n: SyntaxNode) => n.type !== 'comment';

// Loops, not arrows made per call, in the functions below: see memory.ts.

/** Whether `call` calls multiprocessing's (or torch's copy's) function of one of `names`. */
export function qualifiedCall(call: SyntaxNode, ctx: FileContext, names: string[]): boolean {
  const q = ctx.names.qualifiedName(call.childForFieldName('function')!);
  if (q === null) return false;
  for (const m of MP) for (const name of names) if (q === `${m}.${name}`) return true;
  return false;
}

/** Calls of `names` (qualified as multiprocessing's), in document order, from where the text spells them. */
export function callsNamed(ctx: FileContext, names: string[]): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const call of callsNaming(ctx.root, ctx.source, names)) if (qualifiedCall(call, ctx, names)) out.push(call);
  return out;
}

/** Factories that fix the default context when called (a Queue, a Lock... is made in it). */
export const DEFAULT_FIXERS = ['Queue', 'JoinableQueue', 'SimpleQueue', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier', 'Value', 'Array', 'Manager'];

const DEFINITIONS = ['function_definition', 'class_definition', 'decorated_definition'];

/**
 * Calls at import time that fix the default context, after which set_start_method raises
 * "context has already been set" (outside `guard`, the module's __main__ guard); in document order.
 */
export function fixesDefaultEarly(ctx: FileContext, guard: SyntaxNode | null): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const call of callsNamed(ctx, ['get_context', 'get_start_method', ...DEFAULT_FIXERS])) {
    const stmt = topLevelOf(ctx.root, call);
    if (!stmt || (guard && stmt.id === guard.id)) continue;
    if (DEFINITIONS.includes(stmt.type)) continue;
    if (call.parent && hasLambdaAbove(call, stmt)) continue;
    const noArgs = (call.childForFieldName('arguments')?.namedChildren.filter(isCode).length ?? 0) === 0;
    if (qualifiedCall(call, ctx, ['get_context']) && noArgs) out.push(call);
    else if (qualifiedCall(call, ctx, ['get_start_method']) && !hasKeyword(call, 'allow_none')) out.push(call);
    else if (qualifiedCall(call, ctx, DEFAULT_FIXERS)) out.push(call);
  }
  return out.sort((a, b) => a.startIndex - b.startIndex);
}

function hasKeyword(call: SyntaxNode, name: string): boolean {
  return call.childForFieldName('arguments')?.namedChildren.some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name) ?? false;
}

function hasLambdaAbove(node: SyntaxNode, stmt: SyntaxNode): boolean {
  for (let p = node.parent; p && p.id !== stmt.id; p = p.parent) if (p.type === 'lambda') return true;
  return false;
}
