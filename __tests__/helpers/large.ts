/**
 * A module of more than 32 KB (older tree-sitter bindings failed past that size), made rather than
 * committed: `count` small helpers, then `tail`.
 */
export function largeModule(tail: string, count = 700): string {
  const helpers = Array.from({ length: count }, (_, i) => `def helper_${i}(x):\n    """Helper number ${i}."""\n    return x + ${i}\n\n\n`).join('');
  return `"""A large module: more than 32 KB, so the parser buffer must grow."""\nimport multiprocessing as mp\n\n\n${helpers}${tail}`;
}
