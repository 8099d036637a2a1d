import * as fs from 'fs';
import * as path from 'path';
import { applyPatch } from 'diff';
import { spawnSync } from 'child_process';
import { generate } from './helpers/fuzz';
import { makeTree } from './helpers/tree';
import { run, type RunOptions } from '../src/run/runner';
import { main, type IO } from '../src/cli/cli';
import { decode } from '../src/python/source';
import { parse, firstSyntaxError } from '../src/syntax/parser';
import { CompileGate } from '../src/run/compile';
import { builtinTransforms } from '../transforms';

/**
 * Issue 22's invariants on a few hundred generated files (seeded: the same files every run):
 * every output parses and compiles with python3, a second run changes nothing, the dry-run diff
 * applies to the input and gives what --write writes, bytes outside the edits are kept (line
 * endings, BOM, final newline, non-ASCII text, removed lines that reappear), --stdin gives what
 * --write writes.
 */
const SEED = 22;
// The interpreter itself, not a shim in front of it (pyenv's takes half a second to start, and
// every --stdin call starts one).
const PYTHON = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim() || 'python3';
const COUNT = Number(process.env.MP_FUZZ_COUNT ?? 300);

const base: RunOptions = {
  method: 'spawn',
  unsafeFixes: false,
  freezeSupport: false,
  allEntryPoints: false,
  transforms: builtinTransforms,
  write: false,
  diffs: true,
  jobs: 1,
  config: false,
  cwd: '/',
  gitignore: false,
  include: [],
  exclude: [],
  python: PYTHON,
};

const endings = (text: string) => ({ crlf: (text.match(/\r\n/g) ?? []).length, lf: (text.match(/(?<!\r)\n/g) ?? []).length, cr: (text.match(/\r(?!\n)/g) ?? []).length });
const nonAscii = (text: string) => [...text].filter((c) => c.charCodeAt(0) > 127).sort().join('');
/** A removed line as it may come back: rewritten factories, other indentation. */
const normal = (line: string) =>
  line
    .trim()
    .replace(/\bget_context\((?:None)?\)/g, 'get_context("spawn")')
    .replace(/'spawn'/g, '"spawn"')
    .replace(/\.get_context\((['"])(spawn|forkserver)\1\)(?=\s*\.)/g, '')
    .replace(/\bget_context\((['"])(spawn|forkserver)\1\)\./g, '')
    // A factory's module or the shared context in front of it (`mp.Queue` / `_mp_context.Queue`).
    .replace(/\b[\w.]+\s*\.\s*(?=(Process|Pool|Manager|Queue|JoinableQueue|SimpleQueue|Lock|RLock|Condition|Semaphore|BoundedSemaphore|Event|Barrier|Value|Array)\b)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*\\$/, '');

test(`fuzz: ${COUNT} generated files keep every invariant`, async () => {
  const files = generate(SEED, COUNT);
  const root = makeTree(Object.fromEntries(files.map((f) => [f.name, f.bytes])));
  const violations = new Map<string, string[]>();
  const violation = (kind: string, file: string) => violations.set(kind, [...(violations.get(kind) ?? []), file]);
  const gate = new CompileGate();
  try {
    const compiles = (text: string) => {
      const v = gate.check(text, 'fuzz.py', PYTHON);
      if ('off' in v) throw new Error(`python3 is needed for the fuzz test: ${v.off}`);
      return v.ok;
    };
    const inputs = new Map(files.map((f) => [f.name, decode(f.bytes)]));
    for (const [name, d] of inputs) if (!compiles(d.text)) violation('generator made a file Python rejects', name);

    const t0 = Date.now();
    const dry = await run([root], base);
    const t1 = Date.now();
    const diffs = new Map(dry.files.map((r) => [path.basename(r.path), r]));
    for (const r of dry.files) if (r.status === 'error' || r.status === 'skipped') violation(`${r.status}: ${r.reason}`, path.basename(r.path));

    const wrote = await run([root], { ...base, write: true, diffs: false });
    for (const r of wrote.files) if (r.status === 'error') violation(`write error: ${r.reason}`, path.basename(r.path));

    const t2 = Date.now();
    let stdinMs = 0;
    let changed = 0;
    for (const f of files) {
      const before = inputs.get(f.name)!;
      const afterBytes = fs.readFileSync(path.join(root, f.name));
      const after = decode(afterBytes);
      // Unchanged files with nothing to report are only counted (Summary.unchangedPaths).
      const r = diffs.get(f.name);
      if (afterBytes.equals(f.bytes)) {
        if (r?.status === 'changed') violation('diff shown but nothing written', f.name);
        continue;
      }
      changed++;
      // Parses and compiles.
      const reparsed = after.text.includes('\n') ? after.text : after.text.replace(/\r/g, '\n');
      if (firstSyntaxError(parse(reparsed).rootNode, reparsed)) violation('output does not parse', f.name);
      if (!compiles(after.text)) violation('output does not compile', f.name);
      // The dry-run diff applies and gives the written text.
      const bom = before.bom ? '\ufeff' : '';
      const patched = r?.diff ? applyPatch(bom + before.text, r.diff) : false;
      if (patched === false) violation('diff does not apply', f.name);
      else if (patched !== bom + after.text) violation('diff differs from the write', f.name);
      // Bytes outside the edits.
      if (after.bom !== before.bom || after.encoding !== before.encoding) violation('BOM or encoding changed', f.name);
      const e0 = endings(before.text);
      const e1 = endings(after.text);
      const only = (e: typeof e0) => (e.crlf && !e.lf && !e.cr ? 'crlf' : e.lf && !e.crlf && !e.cr ? 'lf' : e.cr && !e.lf && !e.crlf ? 'cr' : 'mixed');
      if (only(e0) !== only(e1)) violation(`line endings ${only(e0)} became ${only(e1)}`, f.name);
      if (/[\r\n]$/.test(before.text) !== /[\r\n]$/.test(after.text)) violation('final newline added or lost', f.name);
      if (!nonAscii(after.text).includes(nonAscii(before.text))) violation('non-ASCII text lost', f.name);
      const added = new Set(after.text.split(/\r\n|\n|\r/).map(normal));
      const lost = before.text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '' && !/^\s*(from|import) /.test(l) && !added.has(normal(l)));
      if (lost.length > 0) violation(`a line was lost (${JSON.stringify(lost[0])})`, f.name);
      // --stdin gives what --write wrote (every fourth file: a call costs a Python's start).
      if (changed % 4 !== 0) continue;
      let out = Buffer.alloc(0);
      const io: IO = {
        stdout: (s) => (out = Buffer.concat([out, Buffer.from(s)])),
        stdoutBytes: (b) => (out = Buffer.concat([out, b])),
        stderr: () => {},
        readStdin: () => f.bytes.toString('utf8'),
        readStdinBytes: () => f.bytes,
        cwd: root,
        env: {},
        isTTY: false,
      };
      const s0 = Date.now();
      await main(['--stdin', '--stdin-filename', f.name, '--isolated', '--python', PYTHON], io);
      stdinMs += Date.now() - s0;
      if (!out.equals(afterBytes)) violation('stdin differs from the write', f.name);
    }

    const again = await run([root], { ...base, diffs: false });
    for (const r of again.files) if (r.status !== 'unchanged') violation(`second run: ${r.status}`, path.basename(r.path));

    const report = [...violations].map(([kind, names]) => `${kind}: ${names.length} (${names.slice(0, 3).join(', ')}; ${files.find((f) => f.name === names[0])?.recipe.join(', ')})`);
    // The figures of the run, for the record: files, changed, violations by kind.
    process.stderr.write(`fuzz: dry run ${t1 - t0} ms, write ${t2 - t1} ms, --stdin ${stdinMs} ms\n`);
    process.stderr.write(`fuzz: ${files.length} files, ${changed} changed, ${violations.size === 0 ? 'no violations' : report.join('\n')}\n`);
    expect(report).toEqual([]);
    expect(changed).toBeGreaterThan(COUNT / 2);
  } finally {
    await gate.close();
  }
}, 120_000);
