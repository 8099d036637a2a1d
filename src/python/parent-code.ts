import type { SyntaxNode } from '../syntax/types';
import type { FileContext } from '../api/types';
import { callsNaming, identifiersNamed } from '../syntax/find';

/**
 * Code that runs in the parent only, on the way to starting processes: what it sets up there
 * (logging, warnings filters, patched module attributes) forked children inherit and spawned
 * ones do not.
 */

const isInside = (node: SyntaxNode, outer: SyntaxNode) => node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;

/** The outermost function around a node, else null. */
function outermostFunction(node: SyntaxNode): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') found = p;
  return found;
}

/** unittest's and pytest's set-up methods: they run before each test method of their class. */
const SET_UPS = new Set(['setUp', 'setUpClass', 'setup_method', 'setup_class', 'asyncSetUp']);

/**
 * Whether `node` runs in the parent on the way to starting processes: in the guard or a function
 * whose run starts them, in a function such a scope calls (`setup(); main()`), or in the set-up
 * method of a test class one of whose methods starts them. One test's own warnings filter next to
 * another test's DataLoader reaches no worker.
 */
export function reachesStarts(node: SyntaxNode, ctx: FileContext, guard: SyntaxNode | null): boolean {
  const scope = guard !== null && isInside(node, guard) ? guard : outermostFunction(node);
  if (scope === null) return false;
  if (ctx.starts.firstStart(scope) !== null) return true;
  const name = scope.type === 'function_definition' ? scope.childForFieldName('name')?.text : undefined;
  if (name === undefined) return false;
  const cls = scope.parent?.parent?.type === 'class_definition' ? scope.parent.parent : null;
  if (cls && SET_UPS.has(name)) {
    return cls.childForFieldName('body')!.namedChildren.some((m) => {
      const def = m.type === 'decorated_definition' ? m.childForFieldName('definition') : m;
      return def?.type === 'function_definition' && def.id !== scope.id && ctx.starts.firstStart(def) !== null;
    });
  }
  const calls = callsNaming(ctx.root, ctx.source, [name]).filter((c) => c.childForFieldName('function')?.text === name && !isInside(c, scope));
  const callers = [guard, ...ctx.root.namedChildren.filter((n) => n.type === 'function_definition')];
  return callers.some((s) => s !== null && calls.some((c) => isInside(c, s)) && ctx.starts.firstStart(s) !== null);
}

/** Imported names that stand for modules: a module's last part is lower case (`saving_lib`, `np`), a class's is not. */
function moduleNames(ctx: FileContext): string[] {
  const out: string[] = [];
  for (const [name, targets] of ctx.importIndex.names) {
    // Children get their own sys streams and arguments whatever the method.
    if (name === 'sys') continue;
    if (targets.every((t) => /^\.*([\w.]*\.)?[a-z_][a-z0-9_]*$/.test(t))) out.push(name);
  }
  return out;
}

/**
 * Assignments to an attribute of an imported module (`saving_lib._MEMORY_UPPER_BOUND = 0`) in the
 * parent's code on the way to starting processes, outside the workers: forked children inherit
 * the patched module, spawned ones import it afresh and see its original value.
 */
export function patchedModuleAttributes(ctx: FileContext, guard: SyntaxNode | null, workers: readonly SyntaxNode[]): SyntaxNode[] {
  const names = moduleNames(ctx);
  if (names.length === 0) return [];
  const out: SyntaxNode[] = [];
  for (const id of identifiersNamed(ctx.root, ctx.source, names)) {
    const attribute = id.parent;
    if (attribute?.type !== 'attribute' || attribute.childForFieldName('object')?.id !== id.id) continue;
    const assignment = attribute.parent;
    if ((assignment?.type !== 'assignment' && assignment?.type !== 'augmented_assignment') || assignment.childForFieldName('left')?.id !== attribute.id) continue;
    // The name must be the module itself here, not a local or parameter of the same name.
    const found = ctx.names.lookup(id.text, id);
    if (!found || found.scope !== ctx.names.module) continue;
    if (workers.some((w) => isInside(assignment, w))) continue;
    if (reachesStarts(assignment, ctx, guard)) out.push(assignment);
  }
  return out;
}
