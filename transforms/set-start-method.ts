import type { SyntaxNode } from '../src/syntax/types';
import type { FileContext, Fix, Transform } from '../src/types';
import { mainGuards } from '../src/toplevel';
import { identifiersNamed, callsNaming, topLevelOf } from '../src/find';
import { endOfLine } from '../src/imports';
import { leadingWhitespace, lineStartOf } from '../src/style';
import { mentions } from '../src/words';

const MP = ['multiprocessing', 'torch.multiprocessing'];
const MP_IMPORTS = /^(multiprocessing|torch\.multiprocessing|billiard|multiprocess)(\.|$)/;
const isCode = (n: SyntaxNode) => n.type !== 'comment';

// Loops, not arrows made per call, in the three functions below: see memory.ts.

/** Whether `call` calls multiprocessing's (or torch's copy's) function of one of `names`. */
function qualifiedCall(call: SyntaxNode, ctx: FileContext, names: string[]): boolean {
  const q = ctx.names.qualifiedName(call.childForFieldName('function')!);
  if (q === null) return false;
  for (const m of MP) for (const name of names) if (q === `${m}.${name}`) return true;
  return false;
}

/** Calls of `names` (qualified as multiprocessing's), in document order, from where the text spells them. */
function callsNamed(ctx: FileContext, names: string[]): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const call of callsNaming(ctx.root, ctx.source, names)) if (qualifiedCall(call, ctx, names)) out.push(call);
  return out;
}

function callsIn(node: SyntaxNode, ctx: FileContext, name: string): SyntaxNode[] {
  const start = node.startIndex;
  const end = node.endIndex;
  const out: SyntaxNode[] = [];
  for (const c of callsNamed(ctx, [name])) if (c.startIndex >= start && c.endIndex <= end) out.push(c);
  return out;
}

function keyword(call: SyntaxNode, name: string): SyntaxNode | undefined {
  return call.childForFieldName('arguments')?.namedChildren.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
}

/**
 * The file uses process code itself: it imports multiprocessing (or torch's copy, billiard), or
 * imports concurrent.futures / torch and names ProcessPoolExecutor / torch.multiprocessing.
 * (Importing concurrent.futures for threads or futures alone does not count.)
 */
function usesMultiprocessing(ctx: FileContext): boolean {
  const { names, stars } = ctx.importIndex;
  const targets = [...[...names.values()].flat(), ...stars];
  if (targets.some((t) => MP_IMPORTS.test(t))) return true;
  if (/ProcessPoolExecutor/.test(ctx.source) && targets.some((t) => /^concurrent(\.|$)/.test(t))) return true;
  return /torch\.multiprocessing/.test(ctx.source) && targets.some((t) => /^torch(\.|$)/.test(t));
}

const isWildcard = (n: SyntaxNode) => n.type === 'wildcard_import';

/** `from multiprocessing import a, b` (not `*`). Module level, not an arrow made per call: see memory.ts. */
function importsFromMultiprocessing(n: SyntaxNode): boolean {
  return n.type === 'import_from_statement' && n.childForFieldName('module_name')?.text === 'multiprocessing' && !n.namedChildren.some(isWildcard);
}

interface Setter {
  /** The expression to call: `set_start_method`, `mp.set_start_method`, an alias. */
  callee: string;
  edits: Fix['edits'];
  /** The edits add an `import multiprocessing` line. */
  newImport: boolean;
}

/** `set_start_method` as the file can call it at `at`, in the file's import style, and the import edits that takes. */
function setterRef(ctx: FileContext, at: SyntaxNode): Setter | null {
  const bare = ctx.names.importTarget('set_start_method', at);
  if (bare && MP.some((m) => bare === `${m}.set_start_method`)) return { callee: 'set_start_method', edits: [], newImport: false };
  const fromImport = ctx.root.namedChildren.find(importsFromMultiprocessing);
  const merged = fromImport ? ctx.imports.fromName(fromImport, 'multiprocessing', 'set_start_method', at) : null;
  if (merged) return { callee: merged.expr, edits: merged.edits, newImport: false };
  const mp = ctx.imports.moduleRef('multiprocessing', at);
  return mp ? { callee: `${mp.expr}.set_start_method`, edits: mp.edits, newImport: mp.edits.length > 0 } : null;
}

/** Reports every existing call; true when one already sets the method (nothing to insert). */
function reviewExisting(ctx: FileContext, guard: SyntaxNode | null, entry: boolean): { present: boolean; fixes: Fix[] } {
  const fixes: Fix[] = [];
  let present = false;
  const method = ctx.options.method;
  const q = ctx.style.quote;
  for (const call of callsIn(ctx.root, ctx, 'set_start_method')) {
    present = true;
    const within = (n: SyntaxNode) => call.startIndex > n.startIndex && call.endIndex <= n.endIndex;
    const inGuard = guard !== null && (within(guard) || calledOnceFromGuard(ctx, guard).some(within));
    const first = call.childForFieldName('arguments')?.namedChildren.find(isCode);
    const force = keyword(call, 'force');
    if (!entry || !inGuard) {
      ctx.report(call, 'MP302', 'set_start_method outside an entry point\'s __main__ guard', `it raises "context has already been set" when called twice or after anything fixed the default; use ctx = multiprocessing.get_context(${q}${method}${q}) where processes are made`);
    } else if (force && force.childForFieldName('value')?.text === 'True') {
      ctx.report(call, 'MP302', 'set_start_method(..., force=True) hides a second call', 'call it once, first thing in the __main__ guard, without force=True');
    }
    if (first?.type === 'string' && /^['"]fork['"]$/.test(first.text)) {
      fixes.push({
        message: `set_start_method(${first.text}) → set_start_method(${q}${method}${q})`,
        safety: 'unsafe',
        edits: [{ start: first.startIndex, end: first.endIndex, text: `${q}${method}${q}` }],
        diagnostic: { code: 'MP301', message: 'explicit fork start method kept', hint: `fork is unsafe once the parent has threads; use ${q}${method}${q}`, start: call.startIndex },
      });
    }
  }
  return { present, fixes };
}

/** Calls at import time that fix the default context, after which set_start_method raises. */
function fixesDefaultEarly(ctx: FileContext, guard: SyntaxNode | null): SyntaxNode | null {
  for (const call of callsNamed(ctx, ['get_context', 'get_start_method'])) {
    const stmt = topLevelOf(ctx.root, call);
    if (!stmt || (guard && stmt.id === guard.id)) continue;
    if (['function_definition', 'class_definition', 'decorated_definition'].includes(stmt.type)) continue;
    const noArgs = (call.childForFieldName('arguments')?.namedChildren.filter(isCode).length ?? 0) === 0;
    if (qualifiedCall(call, ctx, ['get_context']) && noArgs) return call;
    if (qualifiedCall(call, ctx, ['get_start_method']) && !keyword(call, 'allow_none')) return call;
  }
  return null;
}

function insertInGuard(ctx: FileContext, guard: SyntaxNode): Fix | null {
  const { quote: q, newline: nl } = ctx.style;
  const body = guard.childForFieldName('consequence')!;
  const statements = body.namedChildren.filter(isCode);
  const ref = setterRef(ctx, body);
  if (!ref) {
    ctx.report(guard, 'MP308', 'cannot add set_start_method: the name multiprocessing is taken here', 'add the call by hand');
    return null;
  }
  const freezeRef = ctx.imports.moduleRef('multiprocessing', body);
  const hasFreeze = statements[0] !== undefined && callsIn(statements[0], ctx, 'freeze_support').length > 0;
  const lines: string[] = [];
  const edits = [...ref.edits];
  if (ctx.options.freezeSupport && !hasFreeze && freezeRef) {
    lines.push(`${freezeRef.expr}.freeze_support()`);
    edits.push(...freezeRef.edits);
  }
  lines.push(`${ref.callee}(${q}${ctx.options.method}${q})`);
  const anchor = hasFreeze ? statements[1] : statements[0];
  if (body.startPosition.row === guard.startPosition.row) {
    // `if __name__ == "__main__": main()`: the body moves to lines of its own.
    const indent = leadingWhitespace(ctx.source, guard.startIndex) + ctx.style.indent;
    const colon = guard.children.find((c) => c.type === ':')!;
    edits.push({ start: colon.endIndex, end: body.startIndex, text: `${nl}${lines.map((l) => indent + l).join(nl)}${nl}${indent}` });
  } else if (anchor) {
    const indent = leadingWhitespace(ctx.source, anchor.startIndex);
    const at = lineStartOf(ctx.source, anchor.startIndex);
    edits.push({ start: at, end: at, text: lines.map((l) => indent + l + nl).join('') });
  } else {
    const indent = leadingWhitespace(ctx.source, statements[statements.length - 1].startIndex);
    const at = endOfLine(ctx.source, body.endIndex);
    const sep = /[\r\n]$/.test(ctx.source.slice(0, at)) ? '' : nl;
    edits.push({ start: at, end: at, text: sep + lines.map((l) => indent + l + nl).join('') });
  }
  return { message: `${lines.join('; ')} first in the __main__ guard`, edits };
}

/** `__main__.py` without a guard: its module code never re-runs in spawned children, so the call goes after the imports. */
function insertInPackageMain(ctx: FileContext): Fix | null {
  const q = ctx.style.quote;
  const ref = setterRef(ctx, ctx.root);
  if (!ref) return null;
  const call = `${ref.callee}(${q}${ctx.options.method}${q})`;
  // A new import line and the call land at the same place, so they are one insertion.
  const edits = ref.newImport ? [ctx.imports.insertImport(`import multiprocessing${ctx.style.newline}${call}`)] : [...ref.edits, ctx.imports.insertImport(call)];
  return { message: 'set_start_method after the imports of __main__.py', edits };
}

/** Functions the guard calls that nothing else mentions: code in them runs once, like the guard's. */
function calledOnceFromGuard(ctx: FileContext, guard: SyntaxNode): SyntaxNode[] {
  const calls = guard.descendantsOfType('call');
  const callees = calls.map((c) => c.childForFieldName('function')).filter((f) => f?.type === 'identifier').map((f) => f!.text);
  const mentions = new Map<string, number>();
  for (const id of identifiersNamed(ctx.root, ctx.source, callees)) mentions.set(id.text, (mentions.get(id.text) ?? 0) + 1);
  const out: SyntaxNode[] = [];
  for (const call of calls) {
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'identifier' || mentions.get(fn.text) !== 2) continue;
    const found = ctx.names.lookup(fn.text, fn);
    const def = found?.scope === ctx.names.module && found.bindings.length === 1 ? found.bindings[0].node : null;
    if (def?.type === 'function_definition') out.push(def);
  }
  return out;
}

const KEEP_FORK = /#[ \t]*mp-codemod:[ \t]*keep-fork\b/;

function fix(ctx: FileContext): Fix[] | null {
  const guards = mainGuards(ctx.root, ctx.source);
  const guard = guards[0] ?? null;
  const packageMain = /(^|[\\/])__main__\.py$/.test(ctx.path);
  const entry = guard !== null || packageMain;
  const relevant = usesMultiprocessing(ctx) || ctx.options.allEntryPoints || ctx.facts.importsProcessCode === true;
  const { present, fixes } = reviewExisting(ctx, guard, entry);
  if (!entry || !relevant || present) return fixes;
  // A keep-fork pragma keeps fork for some code of the file: a spawn default would override it.
  if (KEEP_FORK.test(ctx.source)) return fixes;
  const early = fixesDefaultEarly(ctx, guard);
  if (early) {
    ctx.report(early, 'MP311', 'this call fixes the default start method at import time, so set_start_method would raise', 'pass an explicit method (get_context("spawn"), get_start_method(allow_none=True))');
    return fixes;
  }
  const inserted = guard ? insertInGuard(ctx, guard) : insertInPackageMain(ctx);
  return inserted ? [...fixes, inserted] : fixes;
}

const transform: Transform = {
  id: 'set-start-method',
  description: 'Entry points set the start method once, first thing in the __main__ guard.',
  safety: 'safe',
  safetyNote:
    'Only entry points get the call, and only when nothing in the file sets or fixes the method already; third-party code that uses the default context then starts children with the target method too.',
  // An entry point that uses process code itself, imports some (a fact from the runner), or any with --all-entry-points.
  prefilter: (text, { path, facts, options }) =>
    mentions(text, 'set_start_method') ||
    ((mentions(text, '__main__') || /(^|[\\/])__main__\.py$/.test(path)) &&
      (options.allEntryPoints || facts.importsProcessCode === true || mentions(text, 'multiprocess', 'ProcessPoolExecutor', 'concurrent'))),
  query: '(module) @module',
  fix: (_match, ctx) => fix(ctx),
};

export default transform;
