import * as fs from 'fs';
import * as path from 'path';
import type { SyntaxNode } from 'tree-sitter';
import { parse } from './parser';
import { Names } from './names';
import { ProcessStarts } from './starts';
import { decode } from './source';
import type { Found } from './walk';

const MENTIONS_PROCESSES = /multiprocess|ProcessPoolExecutor/;

function readText(file: string): string | null {
  try {
    return decode(fs.readFileSync(file)).text;
  } catch {
    return null;
  }
}

/** Every dotted name a file may be imported as: its path below each ancestor folder. */
function moduleNames(real: string): string[] {
  const parts = real.replace(/\.pyw?$/, '').split(path.sep).filter(Boolean);
  if (parts[parts.length - 1] === '__init__') parts.pop();
  const names: string[] = [];
  for (let i = parts.length - 1; i >= 0 && i >= parts.length - 8; i--) names.push(parts.slice(i).join('.'));
  return names;
}

function startsProcessesAnywhere(root: SyntaxNode): boolean {
  const starts = new ProcessStarts(root, new Names(root));
  return root.descendantsOfType('call').some((c) => starts.isStart(c));
}

/** The modules a file imports, as dotted names; relative imports are resolved against its folder. */
function importedModules(root: SyntaxNode, real: string): string[] {
  const out: string[] = [];
  const dirParts = path.dirname(real).split(path.sep).filter(Boolean);
  for (const stmt of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (stmt.type === 'import_statement') {
      for (const item of stmt.childrenForFieldName('name')) out.push((item.childForFieldName('name') ?? item).text);
      continue;
    }
    const moduleNode = stmt.childForFieldName('module_name');
    if (!moduleNode) continue;
    let base = moduleNode.text;
    if (moduleNode.type === 'relative_import') {
      const dots = /^\.+/.exec(base)![0].length;
      base = [...dirParts.slice(0, dirParts.length - (dots - 1)), base.slice(dots)].filter(Boolean).join('.');
    }
    out.push(base);
    for (const item of stmt.childrenForFieldName('name')) out.push(`${base}.${(item.childForFieldName('name') ?? item).text}`);
  }
  return out;
}

/**
 * Files of the run that are entry points (they mention __main__) and import, directly, a module
 * of the run that starts processes anywhere: they need set_start_method as much as a file that
 * uses multiprocessing itself.
 */
export function entryPointsImportingProcessCode(files: Found[]): Set<string> {
  const processModules = new Set<string>();
  const entries: { file: Found; text: string }[] = [];
  for (const file of files) {
    const text = readText(file.real);
    if (text === null) continue;
    if (MENTIONS_PROCESSES.test(text) && startsProcessesAnywhere(parse(text).rootNode)) {
      for (const name of moduleNames(file.real)) processModules.add(name);
    }
    if (text.includes('__main__')) entries.push({ file, text });
  }
  const result = new Set<string>();
  if (processModules.size === 0) return result;
  // Only entry points that mention a process module's last name are parsed.
  const lastNames = new Set([...processModules].map((m) => m.split('.').pop()!));
  const mentions = new RegExp(`\\b(${[...lastNames].map((n) => n.replace(/\W/g, '')).join('|')})\\b`);
  for (const { file, text } of entries) {
    if (MENTIONS_PROCESSES.test(text) || !mentions.test(text)) continue;
    const root = parse(text).rootNode;
    const own = new Set(moduleNames(file.real));
    if (importedModules(root, file.real).some((m) => processModules.has(m) && !own.has(m))) result.add(file.real);
  }
  return result;
}
