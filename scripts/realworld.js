#!/usr/bin/env node
'use strict';
// npm run realworld [-- --mirrors DIR] [--diffs DIR] [--only owner/name,...]
// Runs the built CLI (dist) as a dry run over each repository of scripts/realworld-corpus.json,
// checked out at its pinned commit into a temp dir, and prints per-repository figures.
// Repositories come from bare mirrors (DIR/<owner>+<name>/repo, or DIR/<owner>+<name>) when
// --mirrors or MP_CODEMOD_MIRRORS is given, else from a shallow fetch of github.com.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { applyDiff, summarise } = require('./realworld-count');
const { pythonFindings } = require('./realworld-python');

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'mp-codemod.js');
const CORPUS = path.join(__dirname, 'realworld-corpus.json');
// Only what the CLI reads: sources, notebooks, its config, the files it reads a line length from, ignore files.
const WANTED = /(\.pyw?|\.ipynb|(^|\/)(pyproject\.toml|\.?ruff\.toml|setup\.cfg|tox\.ini|\.flake8|\.gitignore|\.pre-commit-config\.yaml))$/;

function parseArgs(argv) {
  const opts = { mirrors: process.env.MP_CODEMOD_MIRRORS || null, diffs: null, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--mirrors') opts.mirrors = value();
    else if (a === '--diffs') opts.diffs = value();
    else if (a === '--only') opts.only = value().split(',');
    else if (a === '-h' || a === '--help') opts.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

function git(args, options = {}) {
  const r = spawnSync('git', args, { maxBuffer: 1 << 30, ...options });
  if (r.status !== 0) throw new Error(`git ${args.slice(0, 3).join(' ')}: ${String(r.stderr).trim().split('\n')[0]}`);
  return r.stdout;
}

/** A git dir holding `commit`: the local mirror, or a fresh shallow fetch into `tmp`. */
function gitDirFor(entry, mirrors, tmp) {
  if (mirrors) {
    const base = path.join(mirrors, entry.repo.replace('/', '+'));
    for (const d of [path.join(base, 'repo'), base]) if (fs.existsSync(d)) return d;
    throw new Error(`no mirror of ${entry.repo} under ${mirrors}`);
  }
  const d = path.join(tmp, 'git');
  git(['init', '-q', '--bare', d]);
  git(['--git-dir', d, 'fetch', '-q', '--depth', '1', `https://github.com/${entry.repo}`, entry.commit]);
  return d;
}

/**
 * Writes the files the CLI reads at `commit` into `dest`. Mirrors may lack their largest
 * blobs, so blobs are read one batch at a time and missing ones are counted, not fatal.
 */
function checkout(gitDir, commit, dest) {
  const listing = git(['--git-dir', gitDir, 'ls-tree', '-r', '-z', '--full-tree', commit]).toString('utf8');
  const blobs = [];
  for (const rec of listing.split('\0')) {
    const m = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(rec);
    if (m && m[1] !== '120000' && WANTED.test(m[3])) blobs.push({ sha: m[2], file: m[3] });
  }
  const out = git(['--git-dir', gitDir, 'cat-file', '--batch'], { input: blobs.map((b) => b.sha).join('\n') + '\n' });
  let pos = 0;
  let missing = 0;
  for (const b of blobs) {
    const nl = out.indexOf(10, pos);
    const header = out.subarray(pos, nl).toString();
    pos = nl + 1;
    if (header.endsWith(' missing')) {
      missing++;
      continue;
    }
    const size = Number(header.split(' ')[2]);
    const target = path.join(dest, b.file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, out.subarray(pos, pos + size));
    pos += size + 1;
  }
  return { files: blobs.length, missing };
}

/** The line length the tool uses for each file of `root`: the nearest folder setting (as config.ts reads it), else the file's own (layout.ts). */
function limitsUnder(root) {
  const { folderLineLength } = require(path.join(ROOT, 'dist', 'src', 'run', 'config.js'));
  const { fileLineLength } = require(path.join(ROOT, 'dist', 'src', 'python', 'layout.js'));
  const known = new Map();
  const ofDir = (dir) => {
    if (!known.has(dir)) known.set(dir, folderLineLength(dir) ?? (dir === root ? null : ofDir(path.dirname(dir))));
    return known.get(dir);
  };
  return (file) => ofDir(path.dirname(path.join(root, file))) ?? fileLineLength(fs.readFileSync(path.join(root, file), 'utf8'));
}

/** The changed Python files of a report, before and after. */
function changedPairs(report, read) {
  const pairs = [];
  for (const f of report.files) {
    if (f.status !== 'changed' || !/\.pyw?$/.test(f.path)) continue;
    const before = read(f.path);
    const after = before === null ? null : applyDiff(before, f.diff);
    if (after !== null) pairs.push({ path: f.path, before, after });
  }
  return pairs;
}

function runCli(dir) {
  const r = spawnSync(process.execPath, [BIN, '--output-format', 'json', '--quiet', '.'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
  });
  // 0: done; 1: some file could not be processed (counted in the report). Anything else is ours.
  if (r.status !== 0 && r.status !== 1) throw new Error(`mp-codemod exited ${r.status}: ${r.stderr.trim().split('\n')[0]}`);
  return JSON.parse(r.stdout);
}

const codes = (d) => Object.entries(d).sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => `${c}:${n}`).join(' ') || '-';

function printTable(rows) {
  const head = ['repository', 'scanned', 'changed', 'hunks', 'both', 'ctx>=2', 'ssm-no-start', 'long', 'imports-out', 'python', 'errors'];
  const lines = [head, ...rows.map((r) => [r.repo, r.scanned, r.changed, r.hunks, r.bothMechanisms.length, r.repeatedContext.length, r.setStartNoStart.length, r.longLines.length, r.importsOutside.length, r.python ? r.pythonFindings.length : '-', r.errors])];
  const widths = head.map((_, i) => Math.max(...lines.map((l) => String(l[i]).length)));
  for (const l of lines) console.log(l.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  '));
}

function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`realworld: ${e.message}`);
    return 2;
  }
  if (opts.help) {
    console.log('usage: npm run realworld -- [--mirrors DIR] [--diffs DIR] [--only owner/name,...]');
    return 0;
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'cli.js'))) {
    console.error('realworld: build first (npm run build)');
    return 2;
  }
  const corpus = JSON.parse(fs.readFileSync(CORPUS, 'utf8')).repositories.filter((e) => !opts.only || opts.only.includes(e.repo));
  if (opts.diffs) fs.mkdirSync(opts.diffs, { recursive: true });
  const rows = [];
  let failed = 0;
  for (const entry of corpus) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-realworld-'));
    try {
      const src = path.join(tmp, 'src');
      fs.mkdirSync(src);
      const got = checkout(gitDirFor(entry, opts.mirrors, tmp), entry.commit, src);
      const report = runCli(src);
      const read = (p) => {
        try {
          return fs.readFileSync(path.join(src, p), 'utf8');
        } catch {
          return null;
        }
      };
      const { STDLIB_MODULES } = require(path.join(ROOT, 'dist', 'src', 'python', 'stdlib.js'));
      const row = { repo: entry.repo, ...summarise(report, read, limitsUnder(src), (m) => STDLIB_MODULES.has(m)), missingBlobs: got.missing };
      const py = pythonFindings(changedPairs(report, read));
      Object.assign(row, { python: py.python && py.pyflakes, pythonFindings: py.findings });
      rows.push(row);
      console.log(`\n${entry.repo} @ ${entry.commit.slice(0, 12)}`);
      console.log(`  scanned ${row.scanned}, changed ${row.changed}, hunks ${row.hunks}, errors ${row.errors}${got.missing ? `, ${got.missing} blobs missing from the mirror` : ''}`);
      console.log(`  diagnostics: ${codes(row.diagnostics)}`);
      console.log(`  both mechanisms (set_start_method + call-site context): ${row.bothMechanisms.length} ${row.bothMechanisms.join(' ')}`);
      console.log(`  two or more inline get_context(...) added: ${row.repeatedContext.length} ${row.repeatedContext.join(' ')}`);
      console.log(`  set_start_method where nothing starts (no start in the file or its repo imports, 2 hops): ${row.setStartNoStart.length} ${row.setStartNoStart.join(' ')}`);
      console.log(`  lines added or lengthened past the project's line length: ${row.longLines.length}${row.longLines.map((l) => `\n    ${l}`).join('')}`);
      console.log(`  imports placed outside the standard-library group: ${row.importsOutside.length}${row.importsOutside.map((l) => `\n    ${l}`).join('')}`);
      if (row.python) console.log(`  Python: outputs that no longer compile, or new pyflakes names (undefined, unused...): ${row.pythonFindings.length}${row.pythonFindings.map((l) => `\n    ${l}`).join('')}`);
      else console.log('  Python: not checked (needs python3 with pyflakes)');
      if (opts.diffs) {
        const diff = report.files.filter((f) => f.diff).map((f) => f.diff).join('');
        fs.writeFileSync(path.join(opts.diffs, `${entry.repo.replace('/', '+')}.diff`), diff);
      }
    } catch (e) {
      failed++;
      console.error(`${entry.repo}: ${e.message}`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  const total = { repo: 'total', scanned: 0, changed: 0, hunks: 0, errors: 0, diagnostics: {}, bothMechanisms: [], repeatedContext: [], setStartNoStart: [], longLines: [], importsOutside: [], python: rows.every((r) => r.python), pythonFindings: [] };
  for (const r of rows) {
    for (const k of ['scanned', 'changed', 'hunks', 'errors']) total[k] += r[k];
    for (const k of ['bothMechanisms', 'repeatedContext', 'setStartNoStart', 'longLines', 'importsOutside', 'pythonFindings']) total[k].push(...r[k]);
    for (const [c, n] of Object.entries(r.diagnostics)) total.diagnostics[c] = (total.diagnostics[c] || 0) + n;
  }
  console.log('');
  printTable([...rows, total]);
  console.log(`diagnostics: ${codes(total.diagnostics)}`);
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main();

module.exports = { checkout, parseArgs };
