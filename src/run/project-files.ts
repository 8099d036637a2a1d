import * as fs from 'fs';
import * as path from 'path';
import { discover, type Found, type WalkOptions } from './walk';
import { decode } from '../python/source';
import { PROJECT_WORDS, type ProjectScan } from '../project/project';
import { WordScan } from '../syntax/words';

/** The deepest folder holding every one of `reals` (a folder itself, a file's parent). */
function commonFolder(reals: string[]): string {
  const dirs = reals.map((r) => (isDir(r) ? r : path.dirname(r)));
  let common = dirs[0];
  for (const d of dirs.slice(1)) {
    while (!(d === common || d.startsWith(common.endsWith(path.sep) ? common : common + path.sep))) common = path.dirname(common);
  }
  return common;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The nearest folder at or above `dir` that holds one of `markers`. */
function nearest(dir: string, markers: string[]): string | null {
  for (let d = dir; ; d = path.dirname(d)) {
    if (markers.some((m) => fs.existsSync(path.join(d, m)))) return d;
    if (path.dirname(d) === d) return null;
  }
}

/**
 * The project a run's paths belong to: the repository (the nearest folder with .git above their
 * common folder), else the nearest folder with pyproject.toml or setup.cfg; null outside any.
 * The repository comes first so that every pre-commit batch of a repository gets the same root.
 */
export function projectRoot(paths: string[], cwd: string): string | null {
  // discover() has already refused a missing path.
  const reals = paths.map((p) => safeReal(path.resolve(cwd, p))).filter((r): r is string => r !== null);
  if (reals.length === 0) return null;
  const common = commonFolder(reals);
  return nearest(common, ['.git']) ?? nearest(common, ['pyproject.toml', 'setup.cfg']);
}

/**
 * The files of the project that a run on `paths` does not process (found as a run on the
 * project's root would find them), so that their cross-file facts can be computed all the same.
 * `walked`: every file the run's own walk found (before --shard); `keep`: the run's config filter.
 */
export function otherProjectFiles(paths: string[], walked: Found[], processed: Found[], opts: WalkOptions, keep: (f: Found) => boolean): Found[] {
  const mine = new Set(processed.map((f) => f.real));
  const others = walked.filter((f) => !mine.has(f.real));
  const root = projectRoot(paths, opts.cwd);
  if (root === null) return others;
  // A run on the root itself has walked it already.
  if (paths.some((p) => safeReal(path.resolve(opts.cwd, p)) === root)) return others;
  const seen = new Set([...mine, ...others.map((f) => f.real)]);
  let found: Found[];
  try {
    found = discover([root], opts).files;
  } catch {
    return others;
  }
  return [...others, ...found.filter((f) => !seen.has(f.real) && keep(f))];
}

function safeReal(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

/**
 * Shows the scan each file's text, as a module only: the run needs the facts of its own entry
 * points. Files that cannot be read or decoded, or are larger than `limit` gives for them (bytes;
 * null: no limit), are left out, as a run skips them. Returns the real paths of those that are
 * entry points (a whole run would not process them early).
 */
export function noteFiles(files: Found[], scan: ProjectScan, limit: (f: Found) => number | null = () => null): Set<string> {
  const entries = new Set<string>();
  const words = new WordScan(PROJECT_WORDS);
  for (const f of files) {
    let text: string;
    try {
      const most = limit(f);
      if (most !== null && fs.statSync(f.real).size > most) continue;
      text = decode(fs.readFileSync(f.real)).text;
    } catch {
      continue;
    }
    if (scan.note(f, text, false, words)) entries.add(f.real);
  }
  return entries;
}
