import type { SyntaxNode, TreeCursor } from '../syntax/types';
import { statementsOf } from '../syntax/find';
import { work } from '../syntax/parser';

/**
 * Python scopes, just enough to tell what a name refers to: which imports bind it,
 * and whether a parameter, local or later assignment shadows the import.
 */

/**
 * A node the walk passed: where it is and its type, the node itself made on first use. Handing
 * out a node costs the binding several times the rest of its visit, and most bindings and
 * scopes (the thirty defs of a dense file) are never asked for theirs.
 */
class Spot {
  private made: SyntaxNode | null;

  constructor(
    private readonly root: SyntaxNode,
    readonly start: number,
    readonly end: number,
    readonly type: string,
    node: SyntaxNode | null,
  ) {
    this.made = node;
  }

  get node(): SyntaxNode {
    return (this.made ??= nodeAt(this.root, this.start, this.end, this.type));
  }
}

/** What a Spot is made from: the tree's root, start, end and type, and the node if already made. */
type Place = [root: SyntaxNode, start: number, end: number, type: string, node: SyntaxNode | null];

/** The node of `type` that spans exactly start..end. */
function nodeAt(root: SyntaxNode, start: number, end: number, type: string): SyntaxNode {
  for (let n: SyntaxNode | null = root.descendantForIndex(start, end); n; n = n.parent) {
    if (n.type === type && n.startIndex === start && n.endIndex === end) return n;
  }
  throw new Error(`no ${type} at ${start}-${end}`);
}

/** A name bound in a scope; `node` is the import statement, or the node that binds the name otherwise. */
export class Binding extends Spot {
  constructor(
    readonly name: string,
    /**
     * Qualified target of an import (`multiprocessing`, `multiprocessing.Pool`), relative ones with
     * their dots (`.helpers.run_pool`, `from . import helpers`: `.helpers`); null for every other binding.
     */
    readonly target: string | null,
    /** Bound inside `except ImportError:` (an import fallback). */
    readonly fallback: boolean,
    ...place: Place
  ) {
    super(...place);
  }
}

type ScopeKind = 'module' | 'function' | 'class' | 'comprehension';

export class Scope extends Spot {
  readonly bindings = new Map<string, Binding[]>();
  readonly globals = new Set<string>();
  readonly nonlocals = new Set<string>();
  /** Modules imported with `from M import *`. */
  readonly stars: string[] = [];
  /** Function and class bodies are walked on first use: most lookups never enter most functions. */
  unwalked = false;

  constructor(
    readonly kind: ScopeKind,
    readonly parent: Scope | null,
    ...place: Place
  ) {
    super(...place);
  }
}

const GLOBALS = new Set(['global_statement']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const TARGET_CONTAINERS = new Set([
  'pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression',
  'list_splat_pattern', 'list_splat', 'as_pattern_target', 'expression_list',
]);

export class Names {
  readonly module: Scope;
  /** Scopes other than the module's, by start (no two start at one place); see `scopeFor`. */
  private readonly scopes = new Map<number, Scope>();
  private readonly rootId: number;
  /** The scope of every identifier seen while walking, by start offset: walking up parents is slow in the Node binding. */
  private readonly identifierScopes = new Map<number, Scope>();

  constructor(
    private readonly root: SyntaxNode,
    private readonly text: string,
  ) {
    work.analyses++;
    this.module = new Scope('module', null, root, 0, text.length, 'module', root);
    this.rootId = root.id;
    // Cursors live in the WebAssembly heap: deleted when done.
    const cursor = root.walk();
    try {
      this.walkChildren(cursor, this.module, false);
    } finally {
      cursor.delete();
    }
    // A `global` statement lets a function bind module names: those functions are walked now,
    // so that the module's bindings are complete.
    for (const g of statementsOf(root, text, 'global', GLOBALS)) this.ensureAround(g);
  }

  /** Walks the parameters and body of a function or class the first walk passed over. */
  private ensure(scope: Scope): void {
    if (!scope.unwalked) return;
    scope.unwalked = false;
    const c = scope.node.walk();
    try {
      if (!c.gotoFirstChild()) return;
      do {
        const field = c.currentFieldName;
        if (field === 'parameters' && scope.kind === 'function') this.walkParameters(c, scope.parent!, scope);
        else if (field === 'body') return this.walk(c, scope, false);
      } while (c.gotoNextSibling());
    } finally {
      c.delete();
    }
  }

  /** Walks every deferred scope around `node`, outermost first. */
  private ensureAround(node: SyntaxNode): void {
    const holders: SyntaxNode[] = [];
    for (let p = node.parent; p; p = p.parent) {
      if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'class_definition') holders.push(p);
    }
    // Looked up one by one: an inner scope exists only once the one around it is walked.
    for (const h of holders.reverse()) {
      const scope = this.scopeFor(h);
      if (scope) this.ensure(scope);
    }
  }

  /** The scope a node's value is evaluated in. */
  scopeOf(node: SyntaxNode): Scope {
    if (node.type === 'identifier') {
      const known = this.identifierScopes.get(node.startIndex);
      if (known) return known;
    }
    this.ensureAround(node);
    if (node.type === 'identifier') {
      const known = this.identifierScopes.get(node.startIndex);
      if (known) return known;
    }
    let child = node;
    for (let p = node.parent; p; child = p, p = p.parent) {
      const scope = p.id === this.rootId ? this.module : this.scopeFor(p);
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
      // A relative fallback is skipped like an unknown one: no absolute name ever equals it.
      if (b.target === null || (b.fallback && b.target.startsWith('.'))) {
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

  /** The star imports that may bind `name` at `at` when nothing else visible binds it (else none). */
  starsBinding(name: string, at: SyntaxNode): string[] {
    const found = this.lookup(name, at);
    return found && found.bindings.length === 0 && !this.module.bindings.has(name) ? found.scope.stars : [];
  }

  /** Why `name` cannot be used at `at`: "a star import (from m import *) may bind it here", or "it is taken here". */
  whyTaken(name: string, at: SyntaxNode): string {
    const stars = this.starsBinding(name, at);
    if (stars.length === 0) return `the name ${name} is taken here`;
    return `${stars.map((m) => `from ${m} import *`).join(', ')} may bind ${name} here`;
  }

  /** True when `name` is bound anywhere visible from `at`, or anywhere at module level. */
  isTaken(name: string, at: SyntaxNode): boolean {
    return this.lookup(name, at) !== null || this.module.bindings.has(name);
  }

  /** A scope for the node at the cursor, of type `type`. */
  private newScope(c: TreeCursor, type: string, kind: ScopeKind, parent: Scope): Scope {
    const start = c.startIndex;
    const scope = new Scope(kind, parent, this.root, start, c.endIndex, type, null);
    this.scopes.set(start, scope);
    return scope;
  }

  /** The scope a node opens, if it opens one (the module's aside). */
  private scopeFor(node: SyntaxNode): Scope | undefined {
    const scope = this.scopes.get(node.startIndex);
    // Other nodes may start where a scope does (the block that holds a def), never one of its type.
    return scope !== undefined && scope.type === node.type ? scope : undefined;
  }

  /** Binds `name` to the node at start..end of `type` (`node`, when it is already made). */
  private bind(scope: Scope, name: string, target: string | null, fallback: boolean, start: number, end: number, type: string, node: SyntaxNode | null): void {
    const owner = scope.globals.has(name) ? this.module : scope;
    const list = owner.bindings.get(name) ?? [];
    list.push(new Binding(name, target, fallback, this.root, start, end, type, node));
    owner.bindings.set(name, list);
  }

  private bindNode(scope: Scope, name: string, target: string | null, node: SyntaxNode, fallback: boolean): void {
    this.bind(scope, name, target, fallback, node.startIndex, node.endIndex, node.type, node);
  }

  /** Binds the identifier at the cursor. */
  private bindIdentifier(c: TreeCursor, scope: Scope, fallback: boolean): void {
    const start = c.startIndex;
    const end = c.endIndex;
    this.identifierScopes.set(start, scope);
    this.bind(scope, this.text.slice(start, end), null, fallback, start, end, 'identifier', null);
  }

  // The walk below uses a TreeCursor: in the Node binding, materialising every node (namedChildren,
  // parent) costs far more than moving a cursor. Nodes are only made for bindings and scopes.
  // Its loops are written out, not given callbacks made per node (see memory.ts).

  private walkChildren(c: TreeCursor, scope: Scope, fallback: boolean): void {
    if (!firstNamed(c)) return;
    do this.walk(c, scope, fallback);
    while (nextNamed(c));
    c.gotoParent();
  }

  private bindTargets(c: TreeCursor, scope: Scope, fallback: boolean): void {
    if (c.nodeType === 'identifier') {
      this.bindIdentifier(c, scope, fallback);
    } else if (TARGET_CONTAINERS.has(c.nodeType) && firstNamed(c)) {
      do this.bindTargets(c, scope, fallback);
      while (nextNamed(c));
      c.gotoParent();
    }
  }

  /**
   * The name and what is evaluated where a def, class or lambda stands (decorators aside:
   * they are siblings): the parts with a field up to the body, which is the last. Parameters
   * and body wait for `ensure`. Other children are keywords, punctuation and comments.
   */
  private walkDefinition(c: TreeCursor, scope: Scope, fallback: boolean, type: string, kind: 'function' | 'class'): void {
    const inner = this.newScope(c, type, kind, scope);
    inner.unwalked = true;
    if (!c.gotoFirstChild()) return;
    do {
      const field = c.currentFieldName;
      if (!field || field === 'parameters') continue;
      if (field === 'body') break;
      if (field === 'name') {
        const start = c.startIndex;
        this.identifierScopes.set(start, scope);
        this.bind(scope, this.text.slice(start, c.endIndex), null, fallback, inner.start, inner.end, type, null);
      } else this.walk(c, scope, fallback);
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  /** `fallback`: inside `except ImportError:` of the current function or module. */
  private walk(c: TreeCursor, scope: Scope, fallback: boolean): void {
    const type = c.nodeType;
    switch (type) {
      case 'identifier':
        this.identifierScopes.set(c.startIndex, scope);
        return;
      case 'function_definition':
      case 'lambda':
        return this.walkDefinition(c, scope, fallback, type, 'function');
      case 'class_definition':
        return this.walkDefinition(c, scope, fallback, type, 'class');
      case 'import_statement':
      case 'import_from_statement':
        this.bindImport(c.currentNode, scope, fallback);
        return;
      case 'global_statement':
      case 'nonlocal_statement': {
        const set = type === 'global_statement' ? scope.globals : scope.nonlocals;
        if (!firstNamed(c)) return;
        do set.add(c.nodeText);
        while (nextNamed(c));
        c.gotoParent();
        return;
      }
      case 'assignment':
      case 'augmented_assignment':
      case 'for_statement':
      case 'for_in_clause':
        if (!firstNamed(c)) return;
        do {
          if (c.currentFieldName === 'left') this.bindTargets(c, scope, fallback);
          this.walk(c, scope, fallback);
        } while (nextNamed(c));
        c.gotoParent();
        return;
      case 'as_pattern_target':
        if (!firstNamed(c)) return;
        do this.bindTargets(c, scope, fallback);
        while (nextNamed(c));
        c.gotoParent();
        return;
      case 'named_expression': {
        let owner = scope;
        while (owner.kind === 'comprehension' && owner.parent) owner = owner.parent;
        if (!firstNamed(c)) return;
        do {
          if (c.currentFieldName === 'name') this.bindTargets(c, owner, fallback);
          else this.walk(c, scope, fallback);
        } while (nextNamed(c));
        c.gotoParent();
        return;
      }
      case 'except_clause': {
        let handlesImport = false;
        if (!firstNamed(c)) return;
        do {
          const childType = c.nodeType;
          if (childType !== 'block' && childType !== 'comment' && !handlesImport) handlesImport = IMPORT_ERRORS.test(c.nodeText);
          this.walk(c, scope, fallback || (handlesImport && childType === 'block'));
        } while (nextNamed(c));
        c.gotoParent();
        return;
      }
      default:
        if (COMPREHENSIONS.has(type)) {
          this.walkChildren(c, this.newScope(c, type, 'comprehension', scope), fallback);
          return;
        }
        this.walkChildren(c, scope, fallback);
    }
  }

  private bindImport(node: SyntaxNode, scope: Scope, fallback: boolean): void {
    if (node.type === 'import_statement') {
      for (const item of node.childrenForFieldName('name')) {
        if (item.type === 'aliased_import') {
          const alias = item.childForFieldName('alias');
          const dotted = item.childForFieldName('name');
          if (alias && dotted) this.bindNode(scope, alias.text, dotted.text, node, fallback);
        } else {
          const top = item.text.split('.')[0];
          this.bindNode(scope, top, top, node, fallback);
        }
      }
      return;
    }
    const moduleNode = node.childForFieldName('module_name');
    const module = moduleNode && moduleNode.type === 'dotted_name' ? moduleNode.text : null;
    if (node.namedChildren.some((ch) => ch.type === 'wildcard_import')) {
      if (module) scope.stars.push(module);
      return;
    }
    const relative = moduleNode?.type === 'relative_import' ? moduleNode.text : null;
    for (const item of node.childrenForFieldName('name')) {
      const dotted = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
      const alias = item.type === 'aliased_import' ? item.childForFieldName('alias') : item;
      const from = module ?? relative;
      if (dotted && alias) this.bindNode(scope, alias.text, from === null ? null : joinImported(from, dotted.text), node, fallback);
    }
  }

  /** Parameter names belong to the function; defaults and annotations are evaluated outside it. */
  private walkParameters(c: TreeCursor, outer: Scope, inner: Scope): void {
    if (!firstNamed(c)) return;
    do {
      const paramType = c.nodeType;
      if (paramType === 'identifier') {
        this.bindIdentifier(c, inner, false);
        continue;
      }
      const paramStart = c.startIndex;
      const paramEnd = c.endIndex;
      if (!firstNamed(c)) continue;
      let named = false;
      do {
        const field = c.currentFieldName || null;
        const isName = field === 'name' || (!named && field === null && c.nodeType === 'identifier');
        if (isName && !named) {
          named = true;
          const start = c.startIndex;
          this.identifierScopes.set(start, inner);
          this.bind(inner, this.text.slice(start, c.endIndex), null, false, paramStart, paramEnd, paramType, null);
        } else if (field === 'value' || field === 'type') {
          this.walk(c, outer, false);
        }
      } while (nextNamed(c));
      c.gotoParent();
    } while (nextNamed(c));
    c.gotoParent();
  }
}

/** Moves the cursor to the first named child; false, and the cursor where it was, when there is none. */
function firstNamed(c: TreeCursor): boolean {
  if (!c.gotoFirstChild()) return false;
  if (c.nodeIsNamed || nextNamed(c)) return true;
  c.gotoParent();
  return false;
}

/** Moves the cursor to the next named sibling; false when there is none. */
function nextNamed(c: TreeCursor): boolean {
  while (c.gotoNextSibling()) if (c.nodeIsNamed) return true;
  return false;
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

/** What `from <module> import <name>` binds: `pkg.name`, `.helpers.name`, and `.name` for `from . import name`. */
function joinImported(module: string, name: string): string {
  return module.endsWith('.') ? `${module}${name}` : `${module}.${name}`;
}

/** Every import of a file, in any scope, found without the scope walk: a cheap pre-check before resolving names. */
export interface ImportIndex {
  /** Local name → imported targets (`mp` → `multiprocessing`). */
  names: Map<string, string[]>;
  /** Modules imported with `*`. */
  stars: string[];
}

const IMPORTS = new Set(['import_statement', 'import_from_statement']);

export function indexImports(root: SyntaxNode, text: string): ImportIndex {
  const index: ImportIndex = { names: new Map(), stars: [] };
  const add = (name: string, target: string) => index.names.set(name, [...(index.names.get(name) ?? []), target]);
  for (const stmt of statementsOf(root, text, 'import', IMPORTS)) {
    if (stmt.type === 'import_statement') {
      for (const item of stmt.childrenForFieldName('name')) {
        if (item.type === 'aliased_import') add(item.childForFieldName('alias')!.text, item.childForFieldName('name')!.text);
        else add(item.text.split('.')[0], item.text.split('.')[0]);
      }
      continue;
    }
    const module = stmt.childForFieldName('module_name')?.text ?? '';
    if (stmt.namedChildren.some((c) => c.type === 'wildcard_import')) {
      index.stars.push(module);
      continue;
    }
    for (const item of stmt.childrenForFieldName('name')) {
      const dotted = item.type === 'aliased_import' ? item.childForFieldName('name')! : item;
      const alias = item.type === 'aliased_import' ? item.childForFieldName('alias')! : item;
      add(alias.text, joinImported(module, dotted.text));
    }
  }
  return index;
}

/** Local names bound to imports of matching modules. */
export function importedNames(index: ImportIndex, modules: RegExp): Set<string> {
  return new Set([...index.names].filter(([, targets]) => targets.some((t) => modules.test(t))).map(([name]) => name));
}
