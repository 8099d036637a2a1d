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

/** Per-repository figures from a JSON report. `read` as for setStartWithoutStart. */
function summarise(report, read) {
  const row = {
    scanned: report.summary.scanned,
    changed: report.summary.changed,
    errors: report.summary.errors,
    hunks: 0,
    diagnostics: {},
    bothMechanisms: [],
    repeatedContext: [],
    setStartNoStart: [],
  };
  for (const f of report.files) {
    for (const d of f.diagnostics || []) row.diagnostics[d.code] = (row.diagnostics[d.code] || 0) + 1;
    if (f.status !== 'changed') continue;
    const m = mechanisms(f.diff);
    row.hunks += m.hunks;
    if (m.setStart > 0 && m.callSite > 0) row.bothMechanisms.push(f.path);
    if (m.getContext >= 2) row.repeatedContext.push(f.path);
    if (m.setStart > 0 && setStartWithoutStart(f.path, read)) row.setStartNoStart.push(f.path);
  }
  return row;
}

module.exports = { diffLines, mechanisms, startsProcesses, importedPaths, setStartWithoutStart, summarise };
