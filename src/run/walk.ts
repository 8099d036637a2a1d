import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { UsageError, DEFAULT_INCLUDE } from '../api/usage';

export { UsageError, DEFAULT_INCLUDE };

export interface WalkOptions {
  cwd: string;
  gitignore: boolean;
  /** Globs a file found inside a directory must match (default: *.py, *.pyw). */
  include: string[];
  /** Globs that exclude files and prune folders, even when named explicitly. */
  exclude: string[];
}

export type { Found } from '../api/types';
import type { Found } from '../api/types';

export interface WalkProblem {
  path: string;
  message: string;
}


/** Folders that never hold project code worth migrating. */
const ALWAYS_SKIPPED = new Set(['.git', '.hg', '.svn', 'node_modules', '__pycache__', 'site-packages', 'dist-packages', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache']);

interface Level {
  dir: string;
  rules: Ignore;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

export function discover(paths: string[], opts: WalkOptions): { files: Found[]; problems: WalkProblem[] } {
  const include = globMatcher(opts.include.length > 0 ? opts.include : DEFAULT_INCLUDE);
  const exclude = globMatcher(opts.exclude);
  const files = new Map<string, Found>();
  const problems: WalkProblem[] = [];
  const seenDirs = new Set<string>();
  const display = (abs: string) => {
    const rel = path.relative(opts.cwd, abs);
    return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
  };
  const excluded = (abs: string) => {
    const shown = toPosix(display(abs));
    return shown !== '.' && exclude(shown);
  };

  const roots = paths.map((p) => {
    const abs = path.resolve(opts.cwd, p);
    let real: string;
    try {
      real = fs.realpathSync(abs);
    } catch {
      throw new UsageError(`${p}: no such file or directory`);
    }
    return { given: p, abs, real };
  });
  const rootReals = roots.map((r) => r.real);
  const insideRoots = (real: string) => rootReals.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep));

  const addFile = (abs: string, real: string) => {
    if (!files.has(real)) files.set(real, { path: display(abs), real });
  };

  const walkDir = (abs: string, real: string, levels: Level[]) => {
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: display(abs), message: `cannot read folder (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    const here = opts.gitignore ? withGitignore(levels, abs) : levels;
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const childAbs = path.join(abs, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let childReal = path.join(real, entry.name);
      if (entry.isSymbolicLink()) {
        try {
          childReal = fs.realpathSync(childAbs);
          const st = fs.statSync(childReal);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // dangling link or loop
        }
        // Never follow a link out of the roots: writing through it would touch files the user did not name.
        if (!insideRoots(childReal)) continue;
      }
      if (isDir) {
        if (ALWAYS_SKIPPED.has(entry.name) || isIgnored(here, childAbs, true) || excluded(childAbs)) continue;
        if (isVirtualenv(childAbs)) continue;
        walkDir(childAbs, childReal, here);
      } else if (include(toPosix(display(childAbs)))) {
        if (isIgnored(here, childAbs, false) || excluded(childAbs)) continue;
        if (isFile) addFile(childAbs, childReal);
        else problems.push({ path: display(childAbs), message: 'not a regular file, skipped' });
      }
    }
  };

  for (const root of roots) {
    let st: fs.Stats;
    try {
      st = fs.statSync(root.real);
    } catch {
      throw new UsageError(`${root.given}: no such file or directory`);
    }
    if (excluded(root.abs)) continue;
    // A path named explicitly is processed even when a .gitignore above it ignores it (as
    // ripgrep does); .gitignore files inside it still apply.
    let levels = opts.gitignore ? ancestorGitignores(root.abs, st.isDirectory()) : [];
    if (isIgnored(levels, root.abs, st.isDirectory())) levels = [];
    if (st.isDirectory()) {
      walkDir(root.abs, root.real, levels);
    } else if (st.isFile()) {
      addFile(root.abs, root.real);
    } else {
      problems.push({ path: display(root.abs), message: 'not a regular file, skipped' });
    }
  }
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, problems };
}

/** Patterns with a slash match the whole relative path, the others the base name (as in .gitignore). */
export function globMatcher(patterns: string[]): (relPath: string) => boolean {
  const withSlash = patterns.filter((p) => p.includes('/'));
  const bare = patterns.filter((p) => !p.includes('/'));
  const whole = withSlash.length > 0 ? picomatch(withSlash.map((p) => p.replace(/^\.\//, '')), { dot: true }) : () => false;
  const base = bare.length > 0 ? picomatch(bare, { dot: true }) : () => false;
  return (relPath) => whole(relPath) || base(relPath.slice(relPath.lastIndexOf('/') + 1));
}

function isVirtualenv(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'pyvenv.cfg'));
}

function readRules(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function withGitignore(levels: Level[], dir: string): Level[] {
  const text = readRules(path.join(dir, '.gitignore'));
  return text === null ? levels : [...levels, { dir, rules: ignore().add(text) }];
}

/** The .gitignore files (and .git/info/exclude) that apply above a root, from the repository's top down. */
function ancestorGitignores(root: string, isDir: boolean): Level[] {
  const chain: string[] = [];
  let top: string | null = null;
  for (let dir = isDir ? root : path.dirname(root); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (fs.existsSync(path.join(dir, '.git'))) {
      top = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  if (top === null) return [];
  const levels: Level[] = [];
  const exclude = readRules(path.join(top, '.git', 'info', 'exclude'));
  if (exclude) levels.push({ dir: top, rules: ignore().add(exclude) });
  // A directory root reads its own .gitignore while it is walked.
  for (const dir of isDir ? chain.slice(0, -1) : chain) {
    const text = readRules(path.join(dir, '.gitignore'));
    if (text !== null) levels.push({ dir, rules: ignore().add(text) });
  }
  return levels;
}

/** Git's rule: the deepest file that has an opinion wins, and a negation can re-include. */
function isIgnored(levels: Level[], abs: string, isDir: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    const rel = toPosix(path.relative(level.dir, abs));
    if (rel === '' || rel.startsWith('..')) continue;
    const verdict = level.rules.test(isDir ? `${rel}/` : rel);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}
