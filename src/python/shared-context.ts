import type { SyntaxNode } from '../syntax/types';
import type { Edit, FileContext, Fix } from '../api/types';
import { topLevelOf } from '../syntax/find';
import { endOfLine } from './imports';
import { IMPORTS } from './toplevel';

/** The module-level context that two or more rewritten calls of a file share. */
export const SHARED_CONTEXT = '_mp_context';

/** A call-site rewrite that can also go through the shared context. */
export interface SiteFix extends Fix {
  share?: {
    /** The rewritten node: the shared name must be bound before it runs. */
    node: SyntaxNode;
    /** The module object the call goes through (`mp` in `mp.Pool`), when there is one. */
    via?: SyntaxNode;
    as(name: string): Fix;
  };
}


/**
 * With two or more call sites, one `_mp_context = multiprocessing.get_context("spawn")` after the
 * imports, used at every site, instead of the context spelled out at each. Only where the binding
 * can precede every site (after the imports they need, before any module-level site) and the
 * name is free; otherwise the fixes stay as they are.
 */
export function sharedContext(fixes: Fix[], ctx: FileContext, method: string): Fix[] {
  const sites = fixes.filter((f): f is Required<Pick<SiteFix, 'share'>> & Fix => (f as SiteFix).share !== undefined);
  if (sites.length < 2 || ctx.names.isTaken(SHARED_CONTEXT, ctx.root)) return fixes;
  const source = contextSource(ctx, sites, method);
  if (!source) return fixes;
  const tops = sites.map((f) => topLevelOf(ctx.root, f.share.node));
  if (tops.some((t) => t === null)) return fixes;
  const first = Math.min(...tops.map((t) => t!.startIndex));
  let anchor = source.after;
  for (const stmt of ctx.root.namedChildren) {
    if (stmt.startIndex >= first) break;
    if (IMPORTS.has(stmt.type) && (!anchor || stmt.startIndex > anchor.startIndex)) anchor = stmt;
  }
  if (!anchor || tops.some((t) => t!.startIndex <= anchor!.startIndex)) return fixes;
  const edits = withBinding(ctx, anchor, `${SHARED_CONTEXT} = ${source.expr}`, source.edits);
  return fixes.map((f) => {
    const share = (f as SiteFix).share;
    if (!share) return f;
    const shared = share.as(SHARED_CONTEXT);
    return { ...shared, edits: [...edits, ...shared.edits] };
  });
}

/** What the binding calls get_context on, and the import edits that takes. */
function contextSource(ctx: FileContext, sites: SiteFix[], method: string): { expr: string; edits: Edit[]; after: SyntaxNode | null } | null {
  // The module object a site already uses, when a module-level import binds it.
  for (const f of sites) {
    const via = f.share?.via;
    if (!via) continue;
    const head = via.text.split('.')[0];
    const found = ctx.names.lookup(head, via);
    // Imported inside the function on purpose (lazily, or guarded by `except ImportError`): a
    // module-level import and binding would change what importing the module does.
    if (found && found.scope !== ctx.names.module) return null;
    if (found?.scope !== ctx.names.module || found.bindings.length !== 1) continue;
    const stmt = topLevelOf(ctx.root, found.bindings[0].node);
    if (stmt && IMPORTS.has(stmt.type)) return { expr: `${via.text}.get_context(${method})`, edits: [], after: stmt };
  }
  const fromImport = ctx.root.namedChildren.find(
    (n) => n.type === 'import_from_statement' && n.childForFieldName('module_name')?.text === 'multiprocessing' && !n.namedChildren.some((c) => c.type === 'wildcard_import'),
  );
  if (fromImport) {
    const ref = ctx.imports.fromName(fromImport, 'multiprocessing', 'get_context', ctx.root);
    return ref ? { expr: `${ref.expr}(${method})`, edits: ref.edits, after: fromImport } : null;
  }
  const ref = ctx.imports.moduleRef('multiprocessing', ctx.root);
  if (!ref) return null;
  if (ref.edits.length > 0) return { expr: `${ref.expr}.get_context(${method})`, edits: ref.edits, after: null };
  // An import the file has: the binding goes after it, and only after a plain one (an import in a
  // `try:` may bind None, or come after the imports the binding would follow: test_socket.py).
  const stmt = importBinding(ctx, ref.expr.split('.')[0]);
  return stmt ? { expr: `${ref.expr}.get_context(${method})`, edits: [], after: stmt } : null;
}

/** The module-level import statement that alone binds `name`, or null. */
function importBinding(ctx: FileContext, name: string): SyntaxNode | null {
  const found = ctx.names.lookup(name, ctx.root);
  if (found?.scope !== ctx.names.module || found.bindings.length !== 1) return null;
  const stmt = topLevelOf(ctx.root, found.bindings[0].node);
  return stmt && IMPORTS.has(stmt.type) ? stmt : null;
}

/**
 * The binding on its own line after `anchor`, after a blank line (or as many as the project's
 * isort settings put after the imports: optuna's ruff has 2, and 1 failed its lint); merged
 * with an import inserted at the same place.
 */
function withBinding(ctx: FileContext, anchor: SyntaxNode, line: string, imports: Edit[]): Edit[] {
  const nl = ctx.style.newline;
  const at = endOfLine(ctx.source, anchor.endIndex);
  const open = at === ctx.source.length && !/[\r\n]$/.test(ctx.source);
  const text = `${open ? nl : ''}${nl.repeat(Math.max(1, ctx.options.linesAfterImports ?? 1))}${line}${nl}`;
  const same = imports.find((e) => e.start === at && e.end === at);
  if (!same) return [...imports, { start: at, end: at, text }];
  return imports.map((e) => (e === same ? { start: at, end: at, text: e.text + text } : e));
}
