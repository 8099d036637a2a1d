import type { SyntaxNode } from '../src/syntax/types';
import type { Edit, FileContext, Fix, Transform } from '../src/api/types';
import { identifiersNamed } from '../src/syntax/find';
import { isDocstring, endOfLine } from '../src/python/imports';
import { leadingWhitespace, lineStartOf } from '../src/python/style';
import { moduleStatements, startsAtImport, isMainGuard, type Statement } from '../src/python/toplevel';
import { bodyOnHeaderLine, splitContinuedHeader } from '../src/python/guard-header';
import { DEFAULT_LINE_LENGTH, globalLines, width, wrapIndented } from '../src/python/layout';

const MAIN_NAMES = ['main', '_main', 'main_', '_mp_main'];
const FIX_HINT = 'move the process-starting code into a function called from an if __name__ == "__main__": block';

function refuse(ctx: FileContext, at: SyntaxNode, reason: string): null {
  ctx.report(at, 'MP310', `guard-main left this module unchanged: ${reason}`, FIX_HINT);
  return null;
}

const isComment = (n: SyntaxNode) => n.type === 'comment';

/** The function the guard calls first (`main()`, `sys.exit(main())`), when it can take the moved code. */
function guardFunction(guard: SyntaxNode, ctx: FileContext, moved: Set<string>): SyntaxNode | null {
  const first = guard.childForFieldName('consequence')?.namedChildren.find((n) => !isComment(n));
  if (!first || first.type !== 'expression_statement') return null;
  let call = first.namedChild(0);
  if (!call || call.type !== 'call') return null;
  const outer = call.childForFieldName('function')!;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((n) => !isComment(n)) ?? [];
  if ((outer.text === 'sys.exit' || outer.text === 'exit') && args.length === 1 && args[0].type === 'call') call = args[0];
  const callee = call.childForFieldName('function');
  if (!callee || callee.type !== 'identifier') return null;
  const found = ctx.names.lookup(callee.text, callee);
  if (!found || found.scope !== ctx.names.module || found.bindings.length !== 1) return null;
  const def = found.bindings[0].node;
  if (def.type !== 'function_definition') return null;
  const body = def.childForFieldName('body')!;
  if (body.startPosition.row === def.startPosition.row) return null;
  // Only a function called from this one place, which binds none of the moved names itself.
  const name = def.childForFieldName('name')!;
  const mentions = identifiersNamed(ctx.root, ctx.source, [callee.text]).filter((id) => id.id !== name.id);
  if (mentions.length !== 1) return null;
  const inside = body.namedChildren[0] ?? body;
  for (const n of moved) {
    const found = ctx.names.lookup(n, inside);
    if (found && found.scope.node.id === def.id) return null;
  }
  return def;
}

/**
 * Re-indents a chunk of top-level code by `indent`, leaving lines inside multi-line strings as
 * they are; `edit` may change each line first (it gets the line's offset in the source).
 */
function reindent(text: string, offset: number, indent: string, stringRanges: [number, number][], edit?: (line: string, at: number) => string): string {
  let out = '';
  let pos = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const at = offset + pos;
    const inString = stringRanges.some(([s, e]) => at > s && at < e);
    const blank = /^[ \t]*\r?\n?$/.test(line);
    const changed = edit ? edit(line, at) : line;
    out += inString || blank ? changed : indent + changed;
    pos += line.length;
  }
  return out;
}

const SCOPE_TYPES = new Set(['function_definition', 'class_definition', 'lambda']);
const inScope = (n: SyntaxNode) => {
  for (let p = n.parent; p; p = p.parent) if (SCOPE_TYPES.has(p.type)) return true;
  return false;
};

/** A variable that takes the name of the function it starts: `work = Process(target=work)`. */
interface Shadow {
  name: string;
  fresh: string;
  /** Its binding and the reads of the process after it (start offsets). */
  spots: number[];
}

/**
 * `X = Process(target=X)` at module level, X otherwise only a module-level def or class: moved
 * into a function as it stands, the read of X fails (UnboundLocalError), and with a global the
 * name no longer finds the function when spawn pickles it. Renaming the variable is safe when
 * only module-level code after it reads it (never a function, class or the guard).
 */
function findShadow(ctx: FileContext): Shadow | null {
  for (const stmt of ctx.root.namedChildren) {
    const assign = stmt.type === 'expression_statement' ? stmt.namedChild(0) : null;
    const left = assign?.type === 'assignment' ? assign.childForFieldName('left') : null;
    const right = assign?.childForFieldName('right');
    if (!left || left.type !== 'identifier' || right?.type !== 'call' || !ctx.starts.firstStart(stmt)) continue;
    const name = left.text;
    const bindings = ctx.names.module.bindings.get(name) ?? [];
    if (bindings.length !== 2 || !bindings.some((b) => b.type === 'function_definition' || b.type === 'class_definition')) continue;
    if (!bindings.some((b) => b.start === left.startIndex)) continue;
    const mentions = identifiersNamed(ctx.root, ctx.source, [name]).filter((id) => ctx.names.lookup(name, id)?.scope === ctx.names.module);
    const readsDef = mentions.some((id) => id.startIndex >= right.startIndex && id.endIndex <= right.endIndex);
    const later = mentions.filter((id) => id.startIndex >= stmt.endIndex);
    const plain = (id: SyntaxNode) => !inScope(id) && !isMainGuard(topOf(id, ctx.root)) && id.parent?.type !== 'global_statement';
    if (!readsDef || !later.every(plain) || mentions.some((id) => id.startIndex < stmt.startIndex && !isDefName(id))) continue;
    let fresh = `${name}_process`;
    for (let i = 2; new RegExp(`\\b${fresh}\\b`).test(ctx.source); i++) fresh = `${name}_process${i}`;
    return { name, fresh, spots: [left.startIndex, ...later.map((id) => id.startIndex)] };
  }
  return null;
}

const isDefName = (id: SyntaxNode) => (id.parent?.type === 'function_definition' || id.parent?.type === 'class_definition') && id.parent.childForFieldName('name')?.id === id.id;

function topOf(node: SyntaxNode, root: SyntaxNode): SyntaxNode {
  let top = node;
  while (top.parent && top.parent.id !== root.id) top = top.parent;
  return top;
}

/**
 * Black's wraps (edits against the source) for the moved lines that only `indent` takes past
 * `limit`, and how many such lines have no bracket to break at. The user's lines already past
 * the limit are theirs, and lines inside multi-line strings do not move.
 */
function wrapsFor(ctx: FileContext, moved: Statement[], strings: [number, number][], indent: string, limit: number): { edits: Edit[]; leftLong: number } {
  const { source } = ctx;
  const edits: Edit[] = [];
  let leftLong = 0;
  for (const s of moved) {
    for (let at = s.chunkStart; at < s.chunkEnd; at = endOfLine(source, at)) {
      if (strings.some(([a, b]) => at > a && at < b)) continue;
      const line = source.slice(at, endOfLine(source, at)).replace(/\r?\n$/, '');
      if (width(line) > limit || width(indent + line) <= limit) continue;
      const wrap = wrapIndented(source, ctx.style, ctx.root, at, indent, limit);
      if (wrap) edits.push(...wrap);
      else leftLong++;
    }
  }
  return { edits, leftLong };
}

/**
 * A moved line with its renames and wraps applied; the lines a wrap creates get `indent` (given
 * with its line break, `nlIndent`) like the others.
 */
function editLine(line: string, at: number, shadow: Shadow | null, wraps: Edit[], nlIndent: string, nl: string): string {
  const inLine = (start: number, end: number) => start >= at && end <= at + line.replace(/\r?\n$/, '').length;
  const edits: Edit[] = wraps.filter((e) => inLine(e.start, e.end)).map((e) => ({ ...e, text: e.text.split(nl).join(nlIndent) }));
  if (shadow) for (const spot of shadow.spots) if (inLine(spot, spot + shadow.name.length)) edits.push({ start: spot, end: spot + shadow.name.length, text: shadow.fresh });
  let out = line;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start - at) + e.text + out.slice(e.end - at);
  return out;
}

function freeName(ctx: FileContext): string {
  const taken = new Set(identifiersNamed(ctx.root, ctx.source, MAIN_NAMES).map((n) => n.text));
  const free = MAIN_NAMES.find((n) => !taken.has(n));
  if (free) return free;
  const used = new Set(ctx.root.descendantsOfType('identifier').map((n) => n.text));
  return `_mp_main_${used.size}`;
}

function hoist(ctx: FileContext): Fix | null {
  const { source, style } = ctx;
  const nl = style.newline;
  if (!startsAtImport(ctx)) return null;
  const shadow = findShadow(ctx);
  const mod = moduleStatements(ctx, new Set(shadow?.spots ?? []));
  const starting = mod.statements.filter((s) => s.start !== null && s.kind !== 'guard');
  if (starting.length === 0) return null;

  const isPackageMain = /(^|[\\/])__main__\.py$/.test(ctx.path);
  if (ctx.facts.inPackage && !isPackageMain && !mod.guard) {
    for (const s of starting) {
      ctx.report(s.start!, 'MP304', 'this library module starts processes when it is imported', 'move this into a function; spawn children re-import the modules they need');
    }
    return null;
  }
  if (mod.problem) return refuse(ctx, mod.problem.node, mod.problem.reason);

  const moved = mod.statements.filter((s) => s.kind === 'move');
  const movedNames = new Set(moved.flatMap((s) => [...s.binds]));
  const guard = mod.guard;
  if (guard && moved.some((s) => s.node.startIndex > guard.startIndex)) {
    return refuse(ctx, moved.find((s) => s.node.startIndex > guard.startIndex)!.node, 'module-level code after the __main__ guard');
  }

  const unmovable = whyUnmovable(moved);
  if (unmovable) return refuse(ctx, unmovable.node, unmovable.reason);

  // Only the moved code is re-indented, so only its strings matter.
  const strings = moved.flatMap((s) => s.node.descendantsOfType('string')).filter((n) => n.startPosition.row !== n.endPosition.row).map((n): [number, number] => [n.startIndex, n.endIndex]);
  const limit = ctx.options.lineLength ?? DEFAULT_LINE_LENGTH;
  let leftLong = 0;
  const body = (indent: string) => {
    const wraps = wrapsFor(ctx, moved, strings, indent, limit);
    leftLong = wraps.leftLong;
    const edit = (line: string, at: number) => editLine(line, at, shadow, wraps.edits, nl + indent, nl);
    return moved
      .map((s, i) => {
        const gap = i > 0 && /\n[ \t]*\r?\n/.test(source.slice(moved[i - 1].chunkEnd - 1, s.chunkStart + 1)) ? nl : '';
        let chunk = reindent(source.slice(s.chunkStart, s.chunkEnd), s.chunkStart, indent, strings, edit);
        if (!/\n$/.test(chunk)) chunk += nl;
        return gap + chunk;
      })
      .join('');
  };

  const edits: Edit[] = removals(ctx, moved, guard ? null : mod.tailStart);
  const q = style.quote;
  let message: string;
  if (!guard) {
    const name = freeName(ctx);
    const globals = globalsNeeded(mod.statements, moved, movedNames);
    const annotated = annotatedGlobal(moved, globals);
    if (annotated) return refuse(ctx, annotated, `${annotated.text.split(':')[0]} is annotated and must stay a module global; an annotated name cannot be declared global in main()`);
    const indent = style.indent;
    const lead = mod.tailStart === 0 ? '' : /\n$/.test(source.slice(0, mod.tailStart)) ? `${nl}${nl}` : `${nl}${nl}${nl}`;
    const text =
      `${lead}def ${name}():${nl}` +
      globalLines(globals, indent, nl, limit) +
      body(indent) +
      `${nl}${nl}if __name__ == ${q}__main__${q}:${nl}${indent}${name}()${/[\r\n]$/.test(source) ? nl : ''}`;
    edits.push({ start: mod.tailStart, end: source.length, text });
    message = `moved ${moved.length} module-level statement${moved.length === 1 ? '' : 's'} into ${name}() under a __main__ guard`;
  } else {
    const fn = guardFunction(guard, ctx, movedNames);
    const consequence = guard.childForFieldName('consequence')!;
    if (!fn && consequence.startPosition.row === guard.startPosition.row) {
      // `if __name__ == "__main__": main()`: the guard opens onto lines of its own, moved code first.
      const colon = guard.children.find((c) => c.type === ':')!;
      const inner = leadingWhitespace(source, guard.startIndex) + style.indent;
      edits.push({ start: colon.endIndex, end: consequence.startIndex, text: `${nl}${body(inner)}${inner}` });
      message = `moved ${moved.length} module-level statement${moved.length === 1 ? '' : 's'} into the __main__ guard`;
    } else {
      const target = fn ? fn.childForFieldName('body')! : guard.childForFieldName('consequence')!;
      const statements = target.namedChildren;
      const firstCode = statements.findIndex((n) => !isComment(n));
      const skipDoc = fn && firstCode !== -1 && isDocstring(statements[firstCode]) ? statements[firstCode + 1] : statements[0];
      const anchor = skipDoc ?? null;
      const at = anchor ? lineStartOf(source, anchor.startIndex) : endOfLine(source, target.endIndex);
      const indent = leadingWhitespace(source, (anchor ?? target).startIndex);
      let text = body(indent);
      if (fn) {
        const globals = globalsNeeded(mod.statements, moved, movedNames, fn);
        const annotated = annotatedGlobal(moved, globals);
        if (annotated) return refuse(ctx, annotated, `${annotated.text.split(':')[0]} is annotated and must stay a module global; an annotated name cannot be declared global in ${fn.childForFieldName('name')!.text}()`);
        text = globalLines(globals, indent, nl, limit) + text;
      }
      edits.push({ start: at, end: at, text });
      // `if __name__ == "__main__": \` + newline: the inserted lines would join the header.
      const split = fn ? null : splitContinuedHeader(source, guard, target, nl);
      if (!fn && !split && target.startPosition.row !== guard.startPosition.row && bodyOnHeaderLine(source, guard, target)) {
        return refuse(ctx, guard, 'a backslash carries the __main__ guard\'s header to a body that is not indented');
      }
      if (split) edits.push(split);
      message = `moved ${moved.length} module-level statement${moved.length === 1 ? '' : 's'} into ${fn ? `${fn.childForFieldName('name')!.text}()` : 'the __main__ guard'}`;
    }
  }
  // Moved lines that only their new indentation takes past the limit, and that have no bracket to break at.
  if (leftLong > 0) message += ` (${leftLong} moved line${leftLong === 1 ? '' : 's'} now longer than ${limit} columns, left as ${leftLong === 1 ? 'it is' : 'they are'})`;
  if (!shadow) return { message, edits };
  // Every renamed spot must be in moved code, or the rename would be half done.
  if (!shadow.spots.every((spot) => moved.some((s) => spot >= s.chunkStart && spot < s.chunkEnd))) return refuse(ctx, ctx.root.descendantForIndex(shadow.spots[0])!, `${shadow.name} names both the function or class a process runs and that process`);
  const at = shadow.spots[0];
  return {
    message: `${message}, renaming the variable ${shadow.name} to ${shadow.fresh} (it shadowed the function it starts)`,
    safety: 'unsafe',
    edits,
    diagnostic: { code: 'MP310', message: `guard-main left this module unchanged: ${shadow.name} names both the function or class a process runs and that process; --unsafe-fixes renames the variable to ${shadow.fresh}`, hint: FIX_HINT, start: at },
  };
}

/** Python allows 99 levels of indentation; moved code gains one. */
const MAX_INDENT = 99;
const SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);
/** Calls whose answer depends on the scope they run in. */
const SCOPE_READERS = new Set(['globals', 'locals', 'vars', 'dir']);

/** The scope a node runs in, up to `top`: the node of its function, lambda or class body, or null for `top`'s own. */
function scopeOf(node: SyntaxNode, top: SyntaxNode): SyntaxNode | null {
  for (let n = node.parent; n && n.id !== top.id; n = n.parent) if (SCOPES.has(n.type)) return n;
  return null;
}

/** Why moved code cannot go into a function as it is: it reads its own scope, or is nested too deeply. */
function whyUnmovable(moved: Statement[]): { node: SyntaxNode; reason: string } | null {
  for (const s of moved) {
    for (const call of s.node.descendantsOfType('call')) {
      const fn = call.childForFieldName('function');
      const args = call.childForFieldName('arguments');
      if (fn?.type !== 'identifier' || !SCOPE_READERS.has(fn.text) || (args?.namedChildCount ?? 0) > 0 || scopeOf(call, s.node)) continue;
      return { node: call, reason: `${fn.text}() at module level would list main()'s names instead of the module's` };
    }
    for (const block of s.node.descendantsOfType('block')) {
      let depth = 0;
      for (let n: SyntaxNode | null = block; n && n.id !== s.node.id; n = n.parent) if (n.type === 'block') depth++;
      if (depth + 1 > MAX_INDENT) return { node: s.node, reason: `its blocks are nested ${depth} deep; inside a function they would pass Python's limit of ${MAX_INDENT}` };
    }
  }
  return null;
}

/** An annotated assignment (`total: int = 0`) of the moved code to a name that must stay global. */
function annotatedGlobal(moved: Statement[], globals: string[]): SyntaxNode | null {
  if (globals.length === 0) return null;
  for (const s of moved) {
    for (const a of s.node.descendantsOfType('assignment')) {
      const left = a.childForFieldName('left');
      if (a.childForFieldName('type') && left?.type === 'identifier' && globals.includes(left.text) && !scopeOf(a, s.node)) return a;
    }
  }
  return null;
}

/**
 * Edits that cut the moved chunks out, a run of neighbours (blank lines between them included)
 * at a time; with `tailStart`, chunks after it go with the tail edit instead.
 */
function removals(ctx: FileContext, moved: Statement[], tailStart: number | null): Edit[] {
  const { source } = ctx;
  const blankUpTo = (from: number, limit: number) => {
    let end = from;
    while (end < limit) {
      const next = endOfLine(source, end);
      if (source.slice(end, next).trim() !== '' || next > limit) break;
      end = next;
    }
    return end;
  };
  const runs: Edit[] = [];
  for (const s of moved) {
    if (tailStart !== null && s.chunkStart >= tailStart) continue;
    const last = runs[runs.length - 1];
    if (last && blankUpTo(last.end, s.chunkStart) === s.chunkStart) last.end = s.chunkEnd;
    else runs.push({ start: s.chunkStart, end: s.chunkEnd, text: '' });
  }
  for (const run of runs) {
    // Of the blank lines around the run, keep the larger group only, so no double gap is left.
    const after = blankUpTo(run.end, tailStart ?? source.length);
    const before = blankBefore(source, run.start);
    const lines = (a: number, b: number) => (source.slice(a, b).match(/\n/g) ?? []).length;
    if (run.start === 0 || lines(before, run.start) > lines(run.end, after)) run.end = after;
    else run.start = before;
  }
  return runs;
}

/** The start of the blank lines just before `index` (a line start). */
function blankBefore(source: string, index: number): number {
  let start = index;
  while (start > 0) {
    const prev = lineStartOf(source, start - 1);
    if (source.slice(prev, start).trim() !== '') break;
    start = prev;
  }
  return start;
}

/**
 * Names the moved code binds that must stay module globals: read or written anywhere else
 * (outside `into`, the function taking the code), or read by moved code before it binds them.
 */
function globalsNeeded(all: Statement[], moved: Statement[], movedNames: Set<string>, into?: SyntaxNode): string[] {
  const out: string[] = [];
  const add = (n: string) => {
    if (!out.includes(n)) out.push(n);
  };
  for (const s of all) {
    if (s.kind === 'move' || (into && s.node.id === into.id) || (into && s.node.type === 'decorated_definition' && s.node.childForFieldName('definition')?.id === into.id)) continue;
    for (const n of [...s.reads, ...s.writes, ...s.binds]) if (movedNames.has(n)) add(n);
  }
  const bound = new Set<string>();
  for (const s of moved) {
    for (const n of s.readsFirst) if (movedNames.has(n) && !bound.has(n)) add(n);
    for (const n of s.binds) bound.add(n);
  }
  const order = [...movedNames];
  return out.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

const transform: Transform = {
  id: 'guard-main',
  // It moves the joins join-processes adds with the code they join.
  reads: ['diagnostics', 'join-processes'],
  notebooks: false,
  crossFile: true,
  description: 'Move module-level process-starting code of scripts into main() under an if __name__ == "__main__": guard.',
  safety: 'safe',
  safetyNote:
    'Definitions, imports, constants and everything the children read stay at module level; the rest keeps its order inside main(). Files it cannot restructure without changing what the parent or the children see are left unchanged with MP310; one fix is unsafe: renaming a variable that takes the name of the function it starts (`work = Process(target=work)`) while moving it.',
  // Or the file calls functions of other modules of the run that start processes.
  words: ['multiprocess', 'ProcessPoolExecutor', 'DataLoader'],
  prefilter: (text, file) => file.mentions(text, 'multiprocess', 'ProcessPoolExecutor', 'DataLoader') || (file.facts.processCalls?.length ?? 0) > 0,
  query: '(module) @module',
  fix: (_match, ctx) => hoist(ctx),
};

export default transform;
