import type { SyntaxNode } from '../syntax/types';

/**
 * The start-method argument of `set_start_method(...)` / `get_context(...)`: the first positional
 * argument or `method=`, with redundant parentheses taken off (`(("fork"))`); null when there is none.
 */
export function methodArgument(call: SyntaxNode): SyntaxNode | null {
  const items = call.childForFieldName('arguments')?.namedChildren.filter((n) => n.type !== 'comment') ?? [];
  let arg: SyntaxNode | null | undefined = items[0]?.type === 'keyword_argument' ? undefined : items[0];
  if (!arg) arg = items.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'method')?.childForFieldName('value');
  while (arg?.type === 'parenthesized_expression' && arg.namedChildCount === 1) arg = arg.namedChild(0);
  return arg ?? null;
}

/** A literal "fork" (either quote), the method the migration is about. */
export const isForkLiteral = (arg: SyntaxNode | null): arg is SyntaxNode => arg?.type === 'string' && /^['"]fork['"]$/.test(arg.text);
