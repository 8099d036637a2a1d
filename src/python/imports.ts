import type { SyntaxNode } from '../syntax/types';
import type { Edit } from '../api/types';
import type { Names } from './names';
import type { Style } from './style';
import { leadingWhitespace, lineStartOf } from './style';
import { statementsOf, identifiersNamed } from '../syntax/find';
import { STDLIB_MODULES } from './stdlib';
import { DEFAULT_LINE_LENGTH, tooLongAfter } from './layout';

const IMPORT = new Set(['import_statement']);
const FROM_IMPORT = new Set(['import_from_statement']);
const IMPORTS = new Set(['import_statement', 'import_from_statement']);

interface ImportLine {
  stmt: SyntaxNode;
  /** Where the import's own lines start: the comment lines directly above it belong to it. */
  start: number;
  /** Lower-cased module name, as isort and ruff compare them. */
  module: string;
  /** `import x`, not `from x import y`. */
  straight: boolean;
  stdlib: boolean;
}

export interface Ref {
  /** Text that names the thing at the place asked about. */
  expr: string;
  /** Import edits needed first; identical edits from several fixes are merged by the engine. */
  edits: Edit[];
}

const isCode = (n: SyntaxNode) => n.type !== 'comment';
const DEFINITIONS = new Set(['function_definition', 'class_definition', 'decorated_definition']);

/**
 * The shared import helper. It only computes edits; the engine applies them, so two
 * fixes that need the same import produce the same edit and it lands once.
 */
export class Imports {
  constructor(
    private readonly source: string,
    private readonly root: SyntaxNode,
    /** Asked for only when needed: pruning imports does without the scope walk. */
    private readonly namesOf: () => Names,
    private readonly style: Style,
  ) {}

  private get names(): Names {
    return this.namesOf();
  }

  /** A name for top-level `module` at `at`: an import already in scope (`mp`), or `module` with a new `import module`. */
  moduleRef(module: string, at: SyntaxNode): Ref | null {
    for (const candidate of this.aliasesOf(module)) {
      if (this.names.importTarget(candidate, at) === module) return { expr: candidate, edits: [] };
    }
    if (this.names.isTaken(module, at)) return null;
    return { expr: module, edits: [this.insertImport(`import ${module}`)] };
  }

  /**
   * A local name for `module.name` at `at`. When missing it is merged into `fromStatement`,
   * the from-import of `module` the caller already relies on (so it shares its scope).
   */
  fromName(fromStatement: SyntaxNode, module: string, name: string, at: SyntaxNode, lineLength = DEFAULT_LINE_LENGTH): Ref | null {
    const wanted = `${module}.${name}`;
    if (this.names.importTarget(name, at) === wanted) return { expr: name, edits: [] };
    for (const item of fromStatement.childrenForFieldName('name')) {
      if (item.type !== 'aliased_import' || item.childForFieldName('name')?.text !== name) continue;
      const alias = item.childForFieldName('alias')!.text;
      if (this.names.importTarget(alias, at) === wanted) return { expr: alias, edits: [] };
    }
    if (this.names.isTaken(name, at)) return null;
    const items = fromStatement.childrenForFieldName('name');
    if (items.length === 0) return null;
    const close = fromStatement.children.find((c) => c.type === ')') ?? null;
    const merged = mergeName(this.source, this.style, items, close, name);
    if (close || !tooLongAfter(this.source, [merged], fromStatement.startIndex, fromStatement.endIndex, lineLength)) return { expr: name, edits: [merged] };
    return { expr: name, edits: [parenthesize(this.source, this.style, fromStatement, items, merged) ?? merged] };
  }

  /** Removes `name` from every `from module import ...` once nothing in the file reads it any more. */
  pruneUnused(module: string, name: string): Edit[] {
    const edits: Edit[] = [];
    for (const stmt of statementsOf(this.root, this.source, 'import', FROM_IMPORT)) {
      if (stmt.childForFieldName('module_name')?.text !== module) continue;
      const items = stmt.childrenForFieldName('name');
      items.forEach((item, i) => {
        const dotted = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
        if (dotted?.text !== name) return;
        const local = item.type === 'aliased_import' ? item.childForFieldName('alias')!.text : name;
        if (this.isReferenced(local, enclosingFunction(stmt), stmt)) return;
        const edit = items.length === 1 ? this.removeStatement(stmt) : removeItem(this.source, items, i);
        if (edit) edits.push(edit);
      });
    }
    return edits;
  }

  /**
   * An edit inserting `import module` where the file's own convention puts it: into its
   * standard-library group (in sorted position when that group is sorted), or as a new group
   * before the third-party and local ones; after the docstring and `from __future__` imports.
   */
  insertImport(line: string): Edit {
    const module = /^import[ \t]+([\w.]+)/.exec(line)?.[1];
    const groups = module ? this.importGroups() : [];
    if (module && groups.length > 0) {
      const { newline } = this.style;
      const std = groups.find((g) => g.every((i) => i.stdlib)) ?? groups.find((g) => g.some((i) => i.stdlib));
      if (!std) return { start: groups[0][0].start, end: groups[0][0].start, text: `${line}${newline}${newline}` };
      const place = placeIn(std, { module: module.toLowerCase(), straight: true });
      if (place !== 'end' && place !== null) {
        // Comments above a group's first import head the group: the new first import goes below them.
        const at = place === std[0] ? lineStartOf(this.source, place.stmt.startIndex) : place.start;
        return { start: at, end: at, text: `${line}${newline}` };
      }
      // Unsorted: after the group's last standard-library import (a mixed group's too).
      const after = place === 'end' ? std[std.length - 1] : std.filter((i) => i.stdlib).pop()!;
      return this.insertAfter(after.stmt, line);
    }
    return this.insertAfterImports(line);
  }

  /** An edit inserting a line of code after the docstring, `from __future__` imports and the first run of imports. */
  insertAfterImports(line: string): Edit {
    const { newline } = this.style;
    const anchor = this.importAnchor();
    if (!anchor) {
      const first = this.root.namedChildren.find(isCode);
      const at = first ? lineStartOf(this.source, first.startIndex) : this.source.length;
      const needsBreak = at > 0 && !/[\r\n]$/.test(this.source.slice(0, at));
      // PEP 8: two blank lines before a top-level def or class, one before other code.
      const gap = !first ? '' : DEFINITIONS.has(first.type) ? newline.repeat(2) : newline;
      return { start: at, end: at, text: `${needsBreak ? newline : ''}${line}${newline}${gap}` };
    }
    return this.insertAfter(anchor, line);
  }

  private insertAfter(stmt: SyntaxNode, line: string): Edit {
    const { newline } = this.style;
    const at = endOfLine(this.source, stmt.endIndex);
    if (at === this.source.length && !/[\r\n]$/.test(this.source)) {
      return { start: at, end: at, text: `${newline}${line}` };
    }
    return { start: at, end: at, text: `${line}${newline}` };
  }

  /**
   * The module-level imports after the docstring and `from __future__`, in groups split by blank
   * lines. Each import starts at the comment lines directly above it (they belong to it).
   */
  private importGroups(): ImportLine[][] {
    const stmts = this.root.namedChildren.filter(isCode);
    let i = 0;
    if (stmts[0] && isDocstring(stmts[0])) i++;
    while (stmts[i] && stmts[i].type === 'future_import_statement') i++;
    const groups: ImportLine[][] = [];
    let previous: SyntaxNode | null = null;
    for (; stmts[i] && IMPORTS.has(stmts[i].type); i++) {
      const stmt = stmts[i];
      const start = commentsAbove(this.source, lineStartOf(this.source, stmt.startIndex));
      const gap = previous ? this.source.slice(endOfLine(this.source, previous.endIndex), start) : '';
      if (!previous || /^[ \t]*(\r\n?|\n)/m.test(gap)) groups.push([]);
      groups[groups.length - 1].push(importLine(stmt, start));
      previous = stmt;
    }
    return groups;
  }

  /** After the docstring, `from __future__` imports and the first run of plain imports. */
  private importAnchor(): SyntaxNode | null {
    const stmts = this.root.namedChildren.filter(isCode);
    let anchor: SyntaxNode | null = null;
    let i = 0;
    if (stmts[0] && isDocstring(stmts[0])) anchor = stmts[i++];
    while (stmts[i] && stmts[i].type === 'future_import_statement') anchor = stmts[i++];
    while (stmts[i] && IMPORTS.has(stmts[i].type)) anchor = stmts[i++];
    return anchor;
  }

  private aliasesOf(module: string): string[] {
    const found = new Set<string>();
    for (const stmt of statementsOf(this.root, this.source, 'import', IMPORT)) {
      for (const item of stmt.childrenForFieldName('name')) {
        if (item.type === 'aliased_import' && item.childForFieldName('name')?.text === module) {
          found.add(item.childForFieldName('alias')!.text);
        } else if (item.type === 'dotted_name' && item.text.split('.')[0] === module) {
          found.add(module);
        }
      }
    }
    return [...found];
  }

  /** `within`: an import inside a function binds a local name, read only in that function (nested ones included). */
  private isReferenced(local: string, within: SyntaxNode | null = null, stmt: SyntaxNode | null = null): boolean {
    for (const id of identifiersNamed(this.root, this.source, [local])) {
      if (within && (id.startIndex < within.startIndex || id.endIndex > within.endIndex)) continue;
      const p = id.parent;
      if (!p) continue;
      if (p.type === 'dotted_name' || p.type === 'aliased_import' || p.type === 'import_from_statement') continue;
      if (p.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id) continue;
      if (p.type === 'keyword_argument' && p.childForFieldName('name')?.id === id.id) continue;
      if (stmt && this.shadowed(local, id, stmt)) continue;
      return true;
    }
    return false;
  }

  /** Whether `id` reads another binding of `local` than the import `stmt` (a function's own `Pool = ...`). */
  private shadowed(local: string, id: SyntaxNode, stmt: SyntaxNode): boolean {
    const found = this.names.lookup(local, id);
    if (!found || found.bindings.length === 0) return false;
    return !found.bindings.some((b) => b.start >= stmt.startIndex && b.end <= stmt.endIndex);
  }

  /** Only a statement alone on its lines, and never the last one of a block (that would leave it empty). */
  private removeStatement(stmt: SyntaxNode): Edit | null {
    const parent = stmt.parent;
    if (!parent || (parent.type !== 'module' && parent.namedChildren.filter(isCode).length < 2)) return null;
    const start = lineStartOf(this.source, stmt.startIndex);
    if (this.source.slice(start, stmt.startIndex).trim() !== '') return null;
    const end = endOfLine(this.source, stmt.endIndex);
    if (this.source.slice(stmt.endIndex, end).trim() !== '') return null;
    return { start, end, text: '' };
  }
}

export function isDocstring(stmt: SyntaxNode): boolean {
  return stmt.type === 'expression_statement' && stmt.namedChildCount === 1 && stmt.namedChild(0)!.type === 'string';
}

function importLine(stmt: SyntaxNode, start: number): ImportLine {
  const straight = stmt.type === 'import_statement';
  const first = straight ? stmt.childForFieldName('name') : stmt.childForFieldName('module_name');
  const dotted = first?.type === 'aliased_import' ? first.childForFieldName('name') : first;
  const name = dotted?.type === 'dotted_name' ? dotted.text : '';
  return { stmt, start, module: name.toLowerCase(), straight, stdlib: name !== '' && STDLIB_MODULES.has(name.split('.')[0]) };
}

/**
 * The import a new one goes before, when `group` is sorted: isort's and ruff's default order
 * (`import x` lines first, then `from x import` lines, each by module), or one order by module
 * (force-sort-within-sections). 'end' when it sorts last, null when the group is not sorted.
 */
function placeIn(group: ImportLine[], added: { module: string; straight: boolean }): ImportLine | 'end' | null {
  const byKind = (i: { module: string; straight: boolean }) => `${i.straight ? 0 : 1} ${i.module}`;
  const byModule = (i: { module: string }) => i.module;
  for (const key of [byKind, byModule]) {
    if (!group.every((item, n) => n === 0 || key(group[n - 1]) <= key(item))) continue;
    return group.find((item) => key(item) > key(added)) ?? 'end';
  }
  return null;
}

/** The start of the run of comment-only lines directly above the line starting at `lineStart` (or that line). */
export function commentsAbove(text: string, lineStart: number): number {
  let start = lineStart;
  while (start > 0) {
    const above = lineStartOf(text, start - 1);
    if (!/^[ \t]*#/.test(text.slice(above, start))) break;
    start = above;
  }
  return start;
}

/** The index just past the line break that ends the line holding `index` (or the end of the text). */
export function endOfLine(text: string, index: number): number {
  for (let i = index; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

/**
 * Adds `text` after `last`, the final item of a comma-separated list closed by `close`.
 * A trailing comma before a closing bracket on its own line gets the new item on its own line.
 */
export function appendItem(source: string, style: Style, last: SyntaxNode, close: SyntaxNode | null, text: string): Edit {
  if (close) {
    const between = source.slice(last.endIndex, close.startIndex);
    const comma = /^[ \t]*,/.exec(between);
    if (comma && /[\r\n]/.test(between) && !between.includes('#')) {
      const at = last.endIndex + comma[0].length;
      return { start: at, end: at, text: `${style.newline}${leadingWhitespace(source, last.startIndex)}${text},` };
    }
  }
  return { start: last.endIndex, end: last.endIndex, text: `, ${text}` };
}

/** isort's and ruff's default order of imported names (order-by-type: CONSTANTS, Classes, functions), then plain order. */
const NAME_ORDERS = [
  (n: string) => `${n.length > 1 && n === n.toUpperCase() ? 0 : /^[A-Z]/.test(n) ? 1 : 2} ${n}`,
  (n: string) => n.toLowerCase(),
  (n: string) => n,
];

/** Adds `name` to a from-import's names: in sorted position when they are sorted, else at the end. */
function mergeName(source: string, style: Style, items: SyntaxNode[], close: SyntaxNode | null, name: string): Edit {
  const names = items.map((i) => (i.type === 'aliased_import' ? i.childForFieldName('name')! : i).text);
  let next: SyntaxNode | undefined;
  for (const key of NAME_ORDERS) {
    if (!names.every((n, i) => i === 0 || key(names[i - 1]) <= key(n))) continue;
    next = items[names.findIndex((n) => key(n) > key(name))];
    break;
  }
  if (!next) return appendItem(source, style, items[items.length - 1], close, name);
  const lineStart = lineStartOf(source, next.startIndex);
  // One name a line inside brackets: a line of its own (not after a backslash continuation).
  if (close && source.slice(lineStart, next.startIndex).trim() === '') {
    return { start: lineStart, end: lineStart, text: `${leadingWhitespace(source, next.startIndex)}${name},${style.newline}` };
  }
  return { start: next.startIndex, end: next.startIndex, text: `${name}, ` };
}

/**
 * A from-import on one line that `merged` makes too long, as black and isort's black profile
 * write it: in parentheses, one name a line, with a trailing comma. Null when it is not on one line.
 */
function parenthesize(source: string, style: Style, stmt: SyntaxNode, items: SyntaxNode[], merged: Edit): Edit | null {
  const first = items[0];
  const last = items[items.length - 1];
  if (first.startPosition.row !== last.endPosition.row) return null;
  const names = source.slice(first.startIndex, merged.start) + merged.text + source.slice(merged.end, last.endIndex);
  const nl = style.newline;
  const indent = leadingWhitespace(source, stmt.startIndex);
  const inner = indent + style.indent;
  const list = names.split(',').map((n) => n.trim()).filter(Boolean);
  return { start: first.startIndex, end: last.endIndex, text: `(${nl}${list.map((n) => `${inner}${n},${nl}`).join('')}${indent})` };
}

function removeItem(source: string, items: SyntaxNode[], i: number): Edit | null {
  const start = i < items.length - 1 ? items[i].startIndex : items[i - 1].endIndex;
  const end = i < items.length - 1 ? items[i + 1].startIndex : items[i].endIndex;
  if (source.slice(start, end).includes('#')) return null;
  return { start, end, text: '' };
}

/** The function whose body holds `node`, if any. */
function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return null;
}
