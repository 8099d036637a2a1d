import type { SyntaxNode } from './syntax/types';
import type { Edit } from './types';
import type { Names } from './names';
import type { Style } from './style';
import { leadingWhitespace, lineStartOf } from './style';
import { statementsOf, identifiersNamed } from './find';

const IMPORT = new Set(['import_statement']);
const FROM_IMPORT = new Set(['import_from_statement']);

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
  fromName(fromStatement: SyntaxNode, module: string, name: string, at: SyntaxNode): Ref | null {
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
    return { expr: name, edits: [appendItem(this.source, this.style, items[items.length - 1], close, name)] };
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
        if (this.isReferenced(local)) return;
        const edit = items.length === 1 ? this.removeStatement(stmt) : removeItem(this.source, items, i);
        if (edit) edits.push(edit);
      });
    }
    return edits;
  }

  /** An edit inserting a whole import line where new imports belong. */
  insertImport(line: string): Edit {
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
    const at = endOfLine(this.source, anchor.endIndex);
    if (at === this.source.length && !/[\r\n]$/.test(this.source)) {
      return { start: at, end: at, text: `${newline}${line}` };
    }
    return { start: at, end: at, text: `${line}${newline}` };
  }

  /** After the docstring, `from __future__` imports and the first run of plain imports. */
  private importAnchor(): SyntaxNode | null {
    const stmts = this.root.namedChildren.filter(isCode);
    let anchor: SyntaxNode | null = null;
    let i = 0;
    if (stmts[0] && isDocstring(stmts[0])) anchor = stmts[i++];
    while (stmts[i] && stmts[i].type === 'future_import_statement') anchor = stmts[i++];
    while (stmts[i] && (stmts[i].type === 'import_statement' || stmts[i].type === 'import_from_statement')) anchor = stmts[i++];
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

  private isReferenced(local: string): boolean {
    for (const id of identifiersNamed(this.root, this.source, [local])) {
      const p = id.parent;
      if (!p) continue;
      if (p.type === 'dotted_name' || p.type === 'aliased_import' || p.type === 'import_from_statement') continue;
      if (p.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id) continue;
      if (p.type === 'keyword_argument' && p.childForFieldName('name')?.id === id.id) continue;
      return true;
    }
    return false;
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

function removeItem(source: string, items: SyntaxNode[], i: number): Edit | null {
  const start = i < items.length - 1 ? items[i].startIndex : items[i - 1].endIndex;
  const end = i < items.length - 1 ? items[i + 1].startIndex : items[i].endIndex;
  if (source.slice(start, end).includes('#')) return null;
  return { start, end, text: '' };
}
