'use strict';
// The pure part of `npm run realworld`: counts read from one JSON report (and the scanned
// sources, for the "does this file start processes" heuristic). No I/O here, so it is tested
// without the corpus.

/** Lines added and removed by a unified diff, and its number of hunks. */
function diffLines(diff) {
  const added = [];
  const removed = [];
  let hunks = 0;
  for (const line of (diff || '').split('\n')) {
    if (line.startsWith('@@')) hunks++;
    else if (line.startsWith('+++') || line.startsWith('---')) continue;
    else if (line.startsWith('+')) added.push(line.slice(1));
    else if (line.startsWith('-')) removed.push(line.slice(1));
  }
  return { added, removed, hunks };
}

const count = (lines, re) => lines.reduce((n, l) => n + (l.match(re) || []).length, 0);

const SET_START = /\bset_start_method\s*\(/g;
const GET_CONTEXT = /\bget_context\s*\(/g;
// A call-site rewrite: an explicit context at the call, or a context keyword handed to it.
const CALL_SITE = /\bget_context\s*\(|\b(?:mp_context|context|ctx|multiprocessing_context)\s*=/g;

/**
 * What a file's diff adds: `set_start_method` calls, call-site context rewrites, and net new
 * `get_context(` calls (added minus removed, so rewriting `get_context()` to
 * `get_context("spawn")` adds none).
 */
function mechanisms(diff) {
  const { added, removed, hunks } = diffLines(diff);
  const setStart = count(added, SET_START) - count(removed, SET_START);
  const callSite = count(added, CALL_SITE) - count(removed, CALL_SITE);
  const getContext = count(added, GET_CONTEXT) - count(removed, GET_CONTEXT);
  return { hunks, setStart: Math.max(setStart, 0), callSite: Math.max(callSite, 0), getContext: Math.max(getContext, 0) };
}

// Heuristic for "this file starts processes": a stdlib/torch factory that starts or serves
// processes, a Process subclass, a DataLoader given num_workers, or tqdm's process_map. Not counted:
// `torch.multiprocessing.spawn`/`start_processes` (they choose their own method), cpu_count,
// ThreadPool/ThreadPoolExecutor (the \b keeps `ThreadPool(` out), and files that use only
// billiard or `multiprocess` (stdlib set_start_method does nothing for them).
const STARTS = /(?<![\w.]multiprocess\.|billiard\.)\b(?:Process|Pool|ProcessPoolExecutor|Manager|SyncManager|SharedMemoryManager)\s*\(|class\s+\w+\s*\([^)]*\bProcess\s*\)|\bprocess_map\s*\(/;
// A DataLoader starts workers only with num_workers (its default is 0).
const LOADER = /DataLoader\s*\(/;
const STDLIB = /^\s*(?:import|from)\s+(?:multiprocessing|concurrent\.futures|torch\.multiprocessing|torch)\b/m;

function startsProcesses(source) {
  const code = stripComments(source);
  return STDLIB.test(code) && (STARTS.test(code) || (LOADER.test(code) && /\bnum_workers\b/.test(code)));
}

/** Comments and docstring-ish lines out, so a `Pool(` in prose does not count. */
function stripComments(source) {
  return source
    .replace(/("""|''')[\s\S]*?\1/g, '')
    .split('\n')
    .map((l) => l.replace(/#.*$/, ''))
    .join('\n');
}

/**
 * Module names a file imports, as candidate paths relative to the repository root:
 * `import a.b` / `from a.b import c` give a/b.py, a/b/__init__.py and a/b/c.py; relative
 * imports resolve against the file's folder; absolute ones also against the file's folder
 * (scripts that import a sibling).
 */
function importedPaths(source, filePath) {
  const dir = filePath.includes('/') ? filePath.slice(0, filePath.lastIndexOf('/')) : '';
  const out = new Set();
  const add = (base, mod) => {
    const parts = [base, mod.split('.').filter(Boolean).join('/')].filter(Boolean).join('/');
    if (!parts) return;
    out.add(`${parts}.py`);
    out.add(`${parts}/__init__.py`);
  };
  const up = (n) => {
    const segs = dir ? dir.split('/') : [];
    return segs.slice(0, Math.max(segs.length - (n - 1), 0)).join('/');
  };
  // Names: a parenthesised list (may span lines) or the rest of one line.
  for (const m of stripComments(source).matchAll(/^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(?:\(([^)]*)\)|([^\n]*))/gm)) {
    const dots = m[1].length;
    const names = (m[3] ?? m[4]).split(',').map((s) => s.trim().split(/\s+/)[0]).filter((s) => s && s !== '*');
    const bases = dots ? [up(dots)] : ['', dir];
    for (const base of bases) {
      add(base, m[2]);
      for (const n of names) add(base, m[2] ? `${m[2]}.${n}` : n);
    }
  }
  for (const m of stripComments(source).matchAll(/^[ \t]*import[ \t]+([\w., \t]+)/gm)) {
    for (const mod of m[1].split(',').map((s) => s.trim().split(/\s+/)[0])) {
      add('', mod);
      add(dir, mod);
    }
  }
  return [...out];
}

/**
 * A file that got `set_start_method` but starts nothing: no start in it, nor in a module of the
 * repository it imports directly or through one more hop. `read(path)` returns a repository
 * file's text, or null.
 */
function setStartWithoutStart(filePath, read) {
  const seen = new Set([filePath]);
  let frontier = [filePath];
  for (let hop = 0; hop <= 2; hop++) {
    const next = [];
    for (const p of frontier) {
      const text = read(p);
      if (text == null) continue;
      if (startsProcesses(text)) return false;
      if (hop < 2) {
        for (const q of importedPaths(text, p)) {
          if (!seen.has(q)) {
            seen.add(q);
            next.push(q);
          }
        }
      }
    }
    frontier = next;
  }
  return true;
}

/** Columns of a line as the tool counts them: a tab is 4 (ruff's indent-width), anything else 1. */
function columns(line) {
  let n = 0;
  for (const c of line.replace(/\r$/, '')) n += c === '\t' ? 4 : 1;
  return n;
}

/** The added and removed lines of each hunk of a unified diff. */
function hunksOf(diff) {
  const hunks = [];
  for (const line of (diff || '').split('\n')) {
    if (line.startsWith('@@')) hunks.push({ added: [], removed: [] });
    else if (!hunks.length || line.startsWith('+++') || line.startsWith('---')) continue;
    else if (line.startsWith('+')) hunks[hunks.length - 1].added.push(line.slice(1));
    else if (line.startsWith('-')) hunks[hunks.length - 1].removed.push(line.slice(1));
  }
  return hunks;
}

/** How much two lines share, from 0 to 1: their common head and tail (indentation ignored) over the longer. */
function likeness(a, b) {
  a = a.trim();
  b = b.trim();
  const most = Math.max(a.length, b.length);
  if (most === 0) return 1;
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return (head + tail) / most;
}

/**
 * Lines a diff adds past `limit` columns that the tool made so: new lines, lines it lengthened,
 * and moved lines that only their new indentation takes past the limit. Not counted: a line
 * moved or edited that was already past the limit and did not get longer (the user's own).
 * An added line's old self is a removed line of the file with the same text once indentation is
 * stripped, else the most alike removed line of its hunk sharing at least half of it.
 */
function longLines(diff, limit) {
  const out = [];
  const hunks = hunksOf(diff);
  // Code guard-main moves leaves in one hunk and comes back in another.
  const anyRemoved = hunks.flatMap((h) => h.removed);
  for (const { added, removed } of hunks) {
    // A file whose lines end in a bare CR is one diff line: measure its lines one by one.
    for (const line of added.flatMap((l) => l.replace(/\r$/, '').split('\r'))) {
      const wide = columns(line);
      if (wide <= limit) continue;
      let before = anyRemoved.find((r) => r.trim() === line.trim());
      // Moved: the user's line, past the limit already (its new indentation is not the point).
      if (before !== undefined && columns(before) > limit) continue;
      if (before === undefined) {
        let best = 0.5;
        for (const r of removed) {
          const l = likeness(r, line);
          if (l >= best) [best, before] = [l, r];
        }
      }
      if (before !== undefined && columns(before) > limit && columns(before) >= wide) continue;
      out.push(line.replace(/\r$/, ''));
    }
  }
  return out;
}

const IMPORT_LINE = /^(?:import[ \t]+([\w.]+)|from[ \t]+(\.*)([\w.]*)[ \t]+import\b)/;

/** The top-level module a column-0 import line names ('.' for a relative import), else null. */
function importedModule(line) {
  const m = IMPORT_LINE.exec(line);
  if (!m) return null;
  if (m[2]) return '.';
  return (m[1] || m[3]).split('.')[0];
}

/**
 * Standard-library imports the diff adds (not one edited in place) that sit outside the
 * standard-library group of the new text: in a block of imports (blank lines and other
 * statements end a block; comments do not) that holds a third-party or local import, when
 * another block is all standard library, or when the nearest import above it in its block is
 * third-party or local. `isStdlib(name)` tells a top-level module of the standard library.
 */
function importsOutsideGroup(diff, after, isStdlib) {
  const { added, removed } = diffLines(diff);
  const edited = new Set(removed.map(importedModule).filter(Boolean));
  const wanted = new Set(added.filter((l) => { const m = importedModule(l); return m && m !== '.' && isStdlib(m) && !edited.has(m); }).map((l) => l.replace(/\r$/, '')));
  if (wanted.size === 0) return [];
  const blocks = [];
  let block = null;
  let open = 0;
  for (const raw of after.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (open > 0) {
      open += (line.match(/\(/g) || []).length - (line.match(/\)/g) || []).length;
      continue;
    }
    const module = importedModule(line);
    if (module) {
      if (!block) blocks.push((block = []));
      block.push({ line, stdlib: module !== '.' && (module === '__future__' || isStdlib(module)) });
      open = Math.max(0, (line.match(/\(/g) || []).length - (line.match(/\)/g) || []).length);
    } else if (!/^[ \t]*#/.test(line)) block = null;
  }
  const pure = blocks.filter((b) => b.every((i) => i.stdlib));
  const out = [];
  for (const b of blocks) {
    if (b.every((i) => i.stdlib)) continue;
    b.forEach((item, i) => {
      if (!wanted.has(item.line)) return;
      const above = b.slice(0, i).reverse().find((x) => !wanted.has(x.line));
      if (pure.length > 0 || (above && !above.stdlib)) out.push(item.line);
    });
  }
  return out;
}

/** `diff` applied to `before` (the diff library's applyPatch), or null when it does not apply. */
function applyDiff(before, diff) {
  const { applyPatch } = require('diff');
  try {
    const after = applyPatch(before, diff);
    return after === false ? null : after;
  } catch {
    return null;
  }
}

/**
 * Per-repository figures from a JSON report. `read` as for setStartWithoutStart; `limitOf(path)`
 * the line length the tool used for a file; `isStdlib(name)` as for importsOutsideGroup.
 */
function summarise(report, read, limitOf = () => 88, isStdlib = () => false) {
  const row = {
    scanned: report.summary.scanned,
    changed: report.summary.changed,
    errors: report.summary.errors,
    hunks: 0,
    diagnostics: {},
    bothMechanisms: [],
    repeatedContext: [],
    setStartNoStart: [],
    longLines: [],
    importsOutside: [],
  };
  for (const f of report.files) {
    for (const d of f.diagnostics || []) row.diagnostics[d.code] = (row.diagnostics[d.code] || 0) + 1;
    if (f.status !== 'changed') continue;
    const m = mechanisms(f.diff);
    row.hunks += m.hunks;
    if (m.setStart > 0 && m.callSite > 0) row.bothMechanisms.push(f.path);
    if (m.getContext >= 2) row.repeatedContext.push(f.path);
    if (m.setStart > 0 && setStartWithoutStart(f.path, read)) row.setStartNoStart.push(f.path);
    if (!/\.pyw?$/.test(f.path)) continue;
    const limit = limitOf(f.path);
    for (const line of longLines(f.diff, limit)) row.longLines.push(`${f.path}: ${columns(line)} > ${limit}: ${line.trim()}`);
    const before = read(f.path);
    const after = before === null ? null : applyDiff(before, f.diff);
    if (after === null) row.importsOutside.push(`${f.path}: (diff did not apply; not checked)`);
    else for (const line of importsOutsideGroup(f.diff, after, isStdlib)) row.importsOutside.push(`${f.path}: ${line}`);
  }
  return row;
}

module.exports = { diffLines, mechanisms, columns, longLines, importsOutsideGroup, applyDiff, startsProcesses, importedPaths, setStartWithoutStart, summarise };
