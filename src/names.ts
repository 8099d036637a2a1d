import type { SyntaxNode } from 'tree-sitter';

/**
 * Python scopes, just enough to tell what a name refers to: which imports bind it,
 * and whether a parameter, local or later assignment shadows the import.
 */

export interface Binding {
  name: string;
  /** Qualified target of an import (`multiprocessing`, `multiprocessing.Pool`); null for every other binding. */
  target: string | null;
  /** The import statement, or the node that binds the name otherwise. */
  node: SyntaxNode;
  /** Bound inside `except ImportError:` (an import fallback). */
  fallback: boolean;
}

type ScopeKind = 'module' | 'function' | 'class' | 'comprehension';

export interface Scope {
  node: SyntaxNode;
  kind: ScopeKind;
  parent: Scope | null;
  bindings: Map<string, Binding[]>;
  globals: Set<string>;
  nonlocals: Set<string>;
  /** Modules imported with `from M import *`. */
  stars: string[];
}

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const TARGET_CONTAINERS = new Set([
  'pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression',
  'list_splat_pattern', 'list_splat', 'as_pattern_target', 'expression_list',
]);

export class Names {
  readonly module: Scope;
  private readonly scopes = new Map<number, Scope>();

  constructor(root: SyntaxNode) {
    this.module = this.newScope(root, 'module', null);
    this.visitChildren(root, this.module);
  }

  /** The scope a node's value is evaluated in. */
  scopeOf(node: SyntaxNode): Scope {
    let child = node;
    for (let p = node.parent; p; child = p, p = p.parent) {
      const scope = this.scopes.get(p.id);
      if (!scope) continue;
      if (scope.kind === 'module' || scope.kind === 'comprehension') return scope;
      if (fieldIs(p, 'body', child)) return scope;
      // Parameter names belong to the function; defaults and annotations to the scope around it.
      if (fieldIs(p, 'parameters', child) && isParameterName(node)) return scope;
    }
    return this.module;
  }

  /** The bindings a name has where `at` reads it, following Python's rules (class scopes are not seen from functions). */
  lookup(name: string, at: SyntaxNode): { scope: Scope; bindings: Binding[] } | null {
    let scope: Scope | null = this.scopeOf(at);
    let first = true;
    while (scope) {
      if (scope.kind === 'class' && !first) {
        scope = scope.parent;
        continue;
      }
      first = false;
      if (scope.globals.has(name)) scope = this.module;
      if (scope.nonlocals.has(name)) {
        scope = scope.parent;
        continue;
      }
      const bindings = scope.bindings.get(name);
      if (bindings) return { scope, bindings };
      if (scope.kind === 'module') return scope.stars.length > 0 ? { scope, bindings: [] } : null;
      scope = scope.parent;
    }
    return null;
  }

  /** The import a name refers to at `at`, when that is certain: every binding agrees, apart from import fallbacks. */
  importTarget(name: string, at: SyntaxNode): string | null {
    const found = this.lookup(name, at);
    if (!found) return null;
    const { scope, bindings } = found;
    if (bindings.length === 0) return scope.stars.length === 1 ? `${scope.stars[0]}.${name}` : null;
    let target: string | null = null;
    for (const b of bindings) {
      if (b.target === null) {
        if (b.fallback) continue;
        return null;
      }
      if (target !== null && target !== b.target) return null;
      target = b.target;
    }
    return target;
  }

  /** `mp.pool.Pool` → `multiprocessing.pool.Pool` when `mp` is `import multiprocessing as mp`. */
  qualifiedName(expr: SyntaxNode): string | null {
    if (expr.type === 'identifier') return this.importTarget(expr.text, expr);
    if (expr.type === 'attribute') {
      const object = expr.childForFieldName('object');
      const attr = expr.childForFieldName('attribute');
      if (!object || !attr) return null;
      const base = this.qualifiedName(object);
      return base === null ? null : `${base}.${attr.text}`;
    }
    return null;
  }

  /** True when `name` is bound anywhere visible from `at`, or anywhere at module level. */
  isTaken(name: string, at: SyntaxNode): boolean {
    return this.lookup(name, at) !== null || this.module.bindings.has(name);
  }

  private newScope(node: SyntaxNode, kind: ScopeKind, parent: Scope | null): Scope {
    const scope: Scope = { node, kind, parent, bindings: new Map(), globals: new Set(), nonlocals: new Set(), stars: [] };
    this.scopes.set(node.id, scope);
    return scope;
  }

  private bind(scope: Scope, name: string, target: string | null, node: SyntaxNode): void {
    const owner = scope.globals.has(name) ? this.module : scope;
    const list = owner.bindings.get(name) ?? [];
    list.push({ name, target, node, fallback: inImportFallback(node) });
    owner.bindings.set(name, list);
  }

  private bindTargets(target: SyntaxNode, scope: Scope): void {
    if (target.type === 'identifier') this.bind(scope, target.text, null, target);
    else if (TARGET_CONTAINERS.has(target.type)) for (const c of target.namedChildren) this.bindTargets(c, scope);
  }

  private visitChildren(node: SyntaxNode, scope: Scope): void {
    for (const child of node.namedChildren) this.visit(child, scope);
  }

  private visit(node: SyntaxNode, scope: Scope): void {
    switch (node.type) {
      case 'function_definition':
      case 'lambda': {
        const name = node.childForFieldName('name');
        if (name) this.bind(scope, name.text, null, node);
        const inner = this.newScope(node, 'function', scope);
        const params = node.childForFieldName('parameters');
        if (params) this.visitParameters(params, scope, inner);
        for (const field of ['return_type', 'type_parameters']) {
          const n = node.childForFieldName(field);
          if (n) this.visit(n, scope);
        }
        const body = node.childForFieldName('body');
        if (body) this.visit(body, inner);
        return;
      }
      case 'class_definition': {
        const name = node.childForFieldName('name');
        if (name) this.bind(scope, name.text, null, node);
        const bases = node.childForFieldName('superclasses');
        if (bases) this.visit(bases, scope);
        const body = node.childForFieldName('body');
        if (body) this.visit(body, this.newScope(node, 'class', scope));
        return;
      }
      case 'import_statement':
        for (const item of node.childrenForFieldName('name')) {
          if (item.type === 'aliased_import') {
            const alias = item.childForFieldName('alias');
            const dotted = item.childForFieldName('name');
            if (alias && dotted) this.bind(scope, alias.text, dotted.text, node);
          } else {
            const top = item.text.split('.')[0];
            this.bind(scope, top, top, node);
          }
        }
        return;
      case 'import_from_statement': {
        const moduleNode = node.childForFieldName('module_name');
        const module = moduleNode && moduleNode.type === 'dotted_name' ? moduleNode.text : null;
        if (node.namedChildren.some((c) => c.type === 'wildcard_import')) {
          if (module) scope.stars.push(module);
          return;
        }
        for (const item of node.childrenForFieldName('name')) {
          const dotted = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
          const alias = item.type === 'aliased_import' ? item.childForFieldName('alias') : item;
          if (dotted && alias) this.bind(scope, alias.text, module ? `${module}.${dotted.text}` : null, node);
        }
        return;
      }
      case 'global_statement':
        for (const c of node.namedChildren) scope.globals.add(c.text);
        return;
      case 'nonlocal_statement':
        for (const c of node.namedChildren) scope.nonlocals.add(c.text);
        return;
      case 'assignment':
      case 'augmented_assignment':
      case 'for_statement':
      case 'for_in_clause': {
        const left = node.childForFieldName('left');
        if (left) this.bindTargets(left, scope);
        this.visitChildren(node, scope);
        return;
      }
      case 'as_pattern_target':
        for (const c of node.namedChildren) this.bindTargets(c, scope);
        return;
      case 'named_expression': {
        const name = node.childForFieldName('name');
        let owner = scope;
        while (owner.kind === 'comprehension' && owner.parent) owner = owner.parent;
        if (name) this.bind(owner, name.text, null, node);
        this.visitChildren(node, scope);
        return;
      }
      default:
        if (COMPREHENSIONS.has(node.type)) {
          this.visitChildren(node, this.newScope(node, 'comprehension', scope));
          return;
        }
        this.visitChildren(node, scope);
    }
  }

  private visitParameters(params: SyntaxNode, outer: Scope, inner: Scope): void {
    for (const p of params.namedChildren) {
      if (p.type === 'identifier') {
        this.bind(inner, p.text, null, p);
        continue;
      }
      const name = p.childForFieldName('name') ?? p.namedChildren.find((c) => c.type === 'identifier');
      if (name) this.bind(inner, name.text, null, p);
      for (const field of ['value', 'type']) {
        const n = p.childForFieldName(field);
        if (n) this.visit(n, outer);
      }
    }
  }
}

function fieldIs(parent: SyntaxNode, field: string, child: SyntaxNode): boolean {
  const n = parent.childForFieldName(field);
  return n !== null && n.id === child.id;
}

function isParameterName(node: SyntaxNode): boolean {
  if (node.type !== 'identifier') return false;
  const p = node.parent;
  if (!p) return false;
  if (p.type === 'parameters' || p.type === 'lambda_parameters') return true;
  const name = p.childForFieldName('name');
  if (name && name.id === node.id) return true;
  if (p.type === 'typed_parameter') return p.namedChildren[0]?.id === node.id;
  return p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern';
}

const IMPORT_ERRORS = /\b(ImportError|ModuleNotFoundError)\b/;

function inImportFallback(node: SyntaxNode): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'except_clause') {
      const value = p.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment');
      return value !== undefined && IMPORT_ERRORS.test(value.text);
    }
    if (p.type === 'function_definition' || p.type === 'class_definition' || p.type === 'module') return false;
  }
  return false;
}
