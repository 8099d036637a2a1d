#!/usr/bin/env node
'use strict';
// npm run bench: wall time, throughput and peak RSS of a dry run over (a) the Python standard
// library of this machine's python3 and (b) a generated dense corpus, next to baselines measured
// in the same run: reading every file, and parsing the candidate files (same thread count).
const { spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Worker } = require('worker_threads');

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'mp-codemod.js');

function pyFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'site-packages' && e.name !== '__pycache__') walk(p);
      } else if (e.isFile() && /\.pyw?$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function readAll(files) {
  const t = process.hrtime.bigint();
  let bytes = 0;
  for (const f of files) bytes += fs.readFileSync(f).length;
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, bytes };
}

/**
 * Parse-only baseline: tree-sitter parses of the candidate files, split over `threads` threads.
 * With `visit`, each tree is also walked once with a cursor, reading each node's type: the least
 * any analysis written in JavaScript pays with this binding.
 */
function parseOnly(files, threads, visit = false) {
  const code = `
    const { parentPort, workerData } = require('worker_threads');
    const { Parser, Language } = require(${JSON.stringify(require.resolve('web-tree-sitter', { paths: [ROOT] }))});
    const fs = require('fs');
    const WASM = ${JSON.stringify(require.resolve('tree-sitter-python/tree-sitter-python.wasm', { paths: [ROOT] }))};
    let p;
    const visitAll = (tree) => {
      const c = tree.walk();
      let types = 0;
      for (;;) {
        types += c.nodeTypeId;
        if (c.gotoFirstChild()) continue;
        while (!c.gotoNextSibling()) if (!c.gotoParent()) return c.delete(), types;
      }
    };
    (async () => {
      await Parser.init();
      p = new Parser();
      p.setLanguage(await Language.load(fs.readFileSync(WASM)));
      for (const f of workerData.files) {
        const text = fs.readFileSync(f, 'utf8');
        const tree = p.parse(text);
        if (workerData.visit) visitAll(tree);
        tree.delete();
      }
      parentPort.postMessage('done');
    })();`;
  const chunks = Array.from({ length: threads }, (_, i) => files.filter((_, k) => k % threads === i));
  const t = process.hrtime.bigint();
  return Promise.all(chunks.map((chunk) => new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { files: chunk, visit } });
    w.on('message', () => w.terminate().then(resolve));
    w.on('error', reject);
  }))).then(() => Number(process.hrtime.bigint() - t) / 1e9);
}

/** The candidates, as the tool's own screening picks them (built-in transforms, default options). */
function candidates(files) {
  const { builtinTransforms } = require(path.join(ROOT, 'dist', 'transforms'));
  const { needsParse } = require(path.join(ROOT, 'dist', 'src', 'engine', 'pipeline'));
  const options = { method: 'spawn', unsafeFixes: false, freezeSupport: false, allEntryPoints: false };
  return files.filter((f) => needsParse(fs.readFileSync(f, 'latin1'), builtinTransforms, options, f, { inPackage: false }));
}

function dryRun(dir, jobs) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, dir, '--exclude', 'site-packages', '--jobs', String(jobs), '--json'], {
    env: { ...process.env, MP_CODEMOD_BENCH: '1' },
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const rss = Number((/maxrss=(\d+)/.exec(r.stderr) ?? [])[1] ?? NaN) / 1024;
  const summary = JSON.parse(r.stdout).summary;
  return { seconds, rss, summary, work: workOf(r.stderr) };
}

/** The engine's work as the CLI prints it with MP_CODEMOD_BENCH=1 (see cli.ts benchWork). */
function workOf(stderr) {
  const fields = (line) => Object.fromEntries([...(new RegExp(`^${line} (.*)$`, 'm').exec(stderr)?.[1] ?? '').matchAll(/([\w-]+)=(\S+)/g)].map((m) => [m[1], m[2]]));
  const hist = (h) => Object.fromEntries((h ?? '').split(',').filter((p) => p && p !== '-').map((p) => p.split(':').map(Number)));
  const all = fields('work');
  const changed = fields('work-changed');
  const num = (x) => Number(x ?? NaN);
  return {
    processed: num(all.processed), parses: num(all.parses), analyses: num(all.analyses),
    inFilesParses: num(all['in-files-parses']), inFilesAnalyses: num(all['in-files-analyses']),
    changed: { files: num(changed.files), parses: num(changed.parses), analyses: num(changed.analyses), passes: num(changed.passes), byTransforms: hist(changed.transforms), byPasses: hist(changed['by-passes']), extraParses: hist(changed['extra-parses']) },
  };
}

/** Lines on the engine's work: per processed file, and per changed file against its applied passes. */
function printWork(name, w) {
  const per = (n, d) => fmt(n / d);
  const hist = (h) => Object.entries(h).map(([k, n]) => `${n} with ${k}`).join(', ') || 'none';
  console.log(`work, ${name}: ${w.processed} files processed, ${per(w.parses, w.processed)} parses and ${per(w.analyses, w.processed)} scope analyses per processed file (of all parses, ${w.parses - w.inFilesParses} are the cross-file scan's)`);
  const c = w.changed;
  if (!(c.files > 0)) return;
  console.log(`  ${c.files} changed files: ${per(c.parses, c.files)} parses, ${per(c.analyses, c.files)} scope analyses and ${per(c.passes, c.files)} applied passes per changed file; files by the transforms that changed them: ${hist(c.byTransforms)}; by applied passes (every plan tried): ${hist(c.byPasses)}`);
  console.log(`  changed files by parses beyond 1 + 1 per applied pass (-1: the cross-file scan handed its tree over): ${hist(c.extraParses)}`);
}

const fmt = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '?');

async function corpusReport(name, dir, repeats) {
  const files = pyFiles(dir);
  const read = readAll(files);
  const cands = candidates(files);
  const rows = [];
  for (const jobs of [1, 2]) {
    // Baseline and run take turns, and each keeps its best: the load of a shared machine drifts.
    let parse = Infinity;
    let best = null;
    for (let i = 0; i < repeats; i++) {
      parse = Math.min(parse, await parseOnly(cands, jobs));
      const run = dryRun(dir, jobs);
      if (!best || run.seconds < best.seconds) best = run;
    }
    rows.push({ jobs, parse, run: best });
  }
  const mb = read.bytes / 1e6;
  console.log(`\n${name}: ${files.length} files, ${fmt(mb, 1)} MB, ${cands.length} candidates; reading every file: ${fmt(read.seconds)} s`);
  console.log('jobs | dry run (s) | files/s | MB/s | peak RSS (MB) | parse-only (s) | run / parse | run / (read + parse)');
  for (const r of rows) {
    const s = r.run.seconds;
    console.log(`${r.jobs} | ${fmt(s)} | ${fmt(files.length / s, 0)} | ${fmt(mb / s, 1)} | ${fmt(r.run.rss, 0)} | ${fmt(r.parse)} | ${fmt(s / r.parse)} | ${fmt(s / (read.seconds + r.parse))}`);
  }
  console.log(`speed-up with 2 jobs: ${fmt(rows[0].run.seconds / rows[1].run.seconds)}x (changed ${rows[0].run.summary.changed}, diagnostics ${rows[0].run.summary.diagnostics})`);
  printWork('1 job', rows[0].run.work);
  let visited = Infinity;
  for (let i = 0; i < repeats; i++) visited = Math.min(visited, await parseOnly(cands, 1, true));
  console.log(`parse + one cursor visit of every node, 1 job: ${fmt(visited)} s, ${fmt(visited / rows[0].parse)}x parse-only`);
}

/**
 * Work of V8 itself in one dry run (1 job), counted from its traces: unlike wall times on a shared
 * machine, these counts hardly move from run to run, so they show whether a change made the
 * engine compile or collect more.
 */
function engineWork(dir) {
  const r = spawnSync(process.execPath, ['--trace-opt', '--trace-deopt', '--trace-gc', BIN, dir, '--jobs', '1'], { maxBuffer: 1 << 30, encoding: 'utf8' });
  const compiled = new Map();
  let deopts = 0;
  let full = 0;
  let scavenges = 0;
  let gcMs = 0;
  for (const line of r.stdout.split('\n')) {
    const c = /^\[completed compiling .*?<JSFunction ([^>]*)> \(target TURBOFAN\) - took [\d.]+, ([\d.]+)/.exec(line);
    if (c) compiled.set(c[1], [...(compiled.get(c[1]) ?? []), Number(c[2])]);
    if (/^\[bailout|^\[marking dependent code/.test(line)) deopts++;
    const g = /: (Scavenge|Mark-Compact)\b.*?MB, ([\d.]+) \/ [\d.]+ ms/.exec(line);
    if (g) {
      if (g[1] === 'Scavenge') scavenges++;
      else full++;
      gcMs += Number(g[2]);
    }
  }
  const times = [...compiled.values()];
  const total = times.reduce((n, t) => n + t.length, 0);
  const again = times.reduce((n, t) => n + t.length - 1, 0);
  const ms = times.flat().reduce((a, b) => a + b, 0);
  console.log(`engine work, dense corpus, 1 job: ${total} optimising compiles (${again} of a function compiled before), ${fmt(ms / 1000)} s on the compiler thread; ${deopts} deoptimisations; ${full} full collections and ${scavenges} scavenges, ${fmt(gcMs / 1000)} s of pauses`);
}

/** A 50-line module: an example, then small functions. */
function fiftyLines() {
  let source = fs.readFileSync(path.join(ROOT, 'examples', 'word_count.py'), 'utf8');
  for (let k = 0; source.split('\n').length < 51; k++) source += `\n\ndef helper_${k}(x):\n    return x + ${k}\n`;
  return source;
}

function stdinTiming() {
  const source = fiftyLines();
  // CPU time (all threads, and the compile gate's Python) besides wall: on a loaded machine the
  // wall time is mostly waiting for a core.
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const tool = [];
  const node = [];
  for (let i = 0; i < 15; i++) {
    tool.push(measure([process.execPath, BIN, '--stdin', '--stdin-filename', 'x.py'], source));
    if (i % 2 === 0) node.push(measure([process.execPath, '-e', '0']));
  }
  const ms = (xs, k) => fmt(median(xs.map((m) => m[k] * 1000)), 0);
  console.log(`\n--stdin on a ${source.split('\n').length - 1}-line file: median ${ms(tool, 'wall')} ms wall (incl. Node start-up), best ${fmt(Math.min(...tool.map((m) => m.wall * 1000)), 0)} ms, median ${ms(tool, 'cpu')} ms CPU; \`node -e 0\` alone: median ${ms(node, 'wall')} ms wall, ${ms(node, 'cpu')} ms CPU`);
}

// Wall time, CPU time (user + system, all threads) and peak RSS of one command, from
// getrusage(RUSAGE_CHILDREN) of a Python that runs it and nothing else. Its stdout is dropped; its
// stderr is returned.
const MEASURE = [
  'import resource, subprocess, sys, time',
  't = time.perf_counter()',
  'p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)',
  'wall = time.perf_counter() - t',
  'r = resource.getrusage(resource.RUSAGE_CHILDREN)',
  'sys.stderr.buffer.write(p.stderr)',
  'sys.stderr.write("\\nmeasured wall=%f cpu=%f maxrss=%d code=%d\\n" % (wall, r.ru_utime + r.ru_stime, r.ru_maxrss, p.returncode))',
].join('\n');

function measure(argv, input) {
  const r = spawnSync('python3', ['-c', MEASURE, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30, input, env: { ...process.env, MP_CODEMOD_BENCH: '1' } });
  const m = /measured wall=([\d.]+) cpu=([\d.]+) maxrss=(\d+) code=(-?\d+)/.exec(r.stderr);
  if (!m) throw new Error(`could not measure ${argv.join(' ')}: ${r.stderr}`);
  return { wall: Number(m[1]), cpu: Number(m[2]), rss: Number(m[3]) / 1024, code: Number(m[4]), stderr: r.stderr };
}

/** N copies of the stdlib's .py files under `dir` (no site-packages, no __pycache__). */
function copyStdlib(stdlib, dir, copies) {
  const files = pyFiles(stdlib);
  for (let i = 0; i < copies; i++) {
    const to = path.join(dir, `copy${String(i).padStart(3, '0')}`);
    for (const f of files) {
      const target = path.join(to, path.relative(stdlib, f));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(f, target);
    }
  }
}

/**
 * The parse floor, one process: walk the tree, then two worker threads each take every other file:
 * read it, run the tool's own prefilter (needsParse, built-in transforms) and parse the candidates
 * with tree-sitter. What a run cannot do with less on two threads.
 */
const PARSE_FLOOR = `
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const fs = require('fs');
const path = require('path');
const ROOT = ${JSON.stringify(ROOT)};
if (isMainThread) {
  const dir = process.argv[2];
  const files = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\\.pyw?$/.test(e.name)) files.push(p); } };
  walk(dir);
  let candidates = 0;
  for (let t = 0; t < 2; t++) {
    const w = new Worker(__filename, { workerData: files.filter((_, i) => i % 2 === t) });
    w.on('message', (n) => { candidates += n; });
    w.on('exit', () => { if (--left === 0) process.stderr.write('candidates=' + candidates + '\\n'); });
  }
  var left = 2;
} else {
  const { Parser, Language } = require(require.resolve('web-tree-sitter', { paths: [ROOT] }));
  const { builtinTransforms } = require(path.join(ROOT, 'dist', 'transforms'));
  const { needsParse } = require(path.join(ROOT, 'dist', 'src', 'engine', 'pipeline'));
  const options = { method: 'spawn', unsafeFixes: false, freezeSupport: false, allEntryPoints: false };
  (async () => {
    await Parser.init();
    const p = new Parser();
    p.setLanguage(await Language.load(fs.readFileSync(path.join(ROOT, 'dist', 'tree-sitter-python.wasm'))));
    let n = 0;
    for (const f of workerData) {
      const text = fs.readFileSync(f, 'utf8');
      if (!needsParse(text, builtinTransforms, options, f, { inPackage: false })) continue;
      n++;
      p.parse(text).delete();
    }
    parentPort.postMessage(n);
  })();
}
`;

/**
 * A sparse module of about `mb` MB (10^6 bytes): one Pool in a function, then stdlib files (no
 * tests, no `from __future__` lines) until the size is reached, whole files only.
 */
function sparseModule(stdlib, mb) {
  const files = pyFiles(stdlib).filter((f) => !/[\\/](test|tests|lib2to3|idlelib)[\\/]/.test(f)).sort();
  let text = 'import multiprocessing as mp\n\n\ndef run_pool():\n    with mp.Pool(2) as p:\n        return p.map(abs, [1])\n\n\n';
  const target = mb * 1e6;
  for (let round = 0; round < 20 && Buffer.byteLength(text) < target - 4000; round++) {
    for (const f of files) {
      const part = fs.readFileSync(f, 'utf8').replace(/^from __future__ import.*$/gm, '');
      if (Buffer.byteLength(text) + Buffer.byteLength(part) + 1 > target) continue;
      text += part.endsWith('\n') ? part : `${part}\n`;
    }
  }
  return text;
}

/**
 * `--only large`: wall time and peak RSS of a dry run of one big file, under the per-file limit
 * (5 and 10 MB: parsed) and over it (50 MB: skipped unread; also through --stdin, which reads it whole).
 */
function largeReport(stdlib) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-large-'));
  try {
    console.log('\n(d) one large sparse module (stdlib files, one Pool in a function; the default --max-file-size is 10 MB)');
    console.log('file | what | wall (s) | peak RSS (MB) | exit');
    for (const mb of [5, 10, 50]) {
      const folder = path.join(dir, `m${mb}`);
      fs.mkdirSync(folder);
      const file = path.join(folder, 'big.py');
      fs.writeFileSync(file, sparseModule(stdlib, mb === 50 ? 10 : mb).repeat(mb === 50 ? 5 : 1));
      const size = fs.statSync(file).size / 1e6;
      const row = (what, m) => console.log(`${fmt(size, 2)} MB | ${what} | ${fmt(m.wall)} | ${fmt(m.rss, 0)} | ${m.code}`);
      row('dry run', measure([process.execPath, BIN, folder, '--quiet']));
      if (mb === 50) row('--stdin', measure([process.execPath, BIN, '--stdin-filename', 'big.py'], fs.readFileSync(file, 'utf8')));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench -- --copies N` (or BENCH_COPIES=N): the scale corpus, N copies of the stdlib. */
function scaleReport(stdlib, copies) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-scale-'));
  const floorScript = path.join(dir, 'parse-floor.js');
  const corpus = path.join(dir, 'tree');
  try {
    copyStdlib(stdlib, corpus, copies);
    fs.writeFileSync(floorScript, PARSE_FLOOR);
    const files = pyFiles(corpus);
    const mb = files.reduce((n, f) => n + fs.statSync(f).size, 0) / 1e6;
    const grep = measure(['grep', '-rlE', 'multiprocessing|ProcessPoolExecutor', corpus]);
    const grepped = spawnSync('grep', ['-rlE', 'multiprocessing|ProcessPoolExecutor', corpus], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout.split('\n').filter(Boolean).length;
    const floor = measure([process.execPath, floorScript, corpus]);
    const candidates = Number((/candidates=(\d+)/.exec(floor.stderr) ?? [])[1]);
    const tool = (jobs) => {
      const m = measure([process.execPath, BIN, corpus, '--quiet', ...(jobs ? ['--jobs', String(jobs)] : [])].filter(Boolean));
      return { ...m, work: workOf(m.stderr) };
    };
    // The two runs take turns with the floor's: the load of a shared machine drifts.
    const one = tool(1);
    const dflt = tool(null);
    const floor2 = measure([process.execPath, floorScript, corpus]);
    const floorBest = floor2.wall < floor.wall ? floor2 : floor;
    console.log(`\n(c) scale corpus: ${copies} copies of the stdlib, ${files.length} files, ${fmt(mb, 0)} MB; the prefilter passes ${candidates}, grep finds ${grepped}`);
    console.log('what | wall (s) | CPU (s) | peak RSS (MB) | wall / parse floor');
    const row = (name, m) => console.log(`${name} | ${fmt(m.wall)} | ${fmt(m.cpu)} | ${fmt(m.rss, 0)} | ${fmt(m.wall / floorBest.wall)}`);
    row("grep -rlE 'multiprocessing|ProcessPoolExecutor'", grep);
    row('parse floor (read, prefilter, parse candidates; 2 threads)', floorBest);
    row('mp-codemod --jobs 1', one);
    row(`mp-codemod (default --jobs: ${defaultJobs()})`, dflt);
    console.log(`default --jobs against --jobs 1: ${fmt(one.wall / dflt.wall)}x faster (wall), ${fmt(dflt.cpu / one.cpu)}x the CPU time`);
    for (const [name, m] of [['--jobs 1', one], ['default', dflt]]) printWork(name, m.work);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function defaultJobs() {
  return require(path.join(ROOT, 'dist', 'src', 'run', 'pool')).defaultJobs();
}

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'cli.js'))) execFileSync('npx', ['tsc', '-p', ROOT], { stdio: 'inherit' });
  // --only stdlib,dense,scale,stdin,large picks parts; all by default.
  const only = new Set((argValue('--only') ?? 'stdlib,dense,scale,stdin,large').split(','));
  const copies = Number(argValue('--copies') ?? process.env.BENCH_COPIES ?? 25);
  console.log(`mp-codemod bench: ${os.cpus().length} cores (${os.cpus()[0].model}), ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const stdlib = execFileSync('python3', ['-c', 'import sysconfig;print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
  if (only.has('stdlib')) await corpusReport(`(a) Python standard library (${stdlib}, without site-packages)`, stdlib, 3);
  if (only.has('dense')) {
    const dense = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-dense-'));
    try {
      execFileSync(process.execPath, [path.join(__dirname, 'make-dense-corpus.js'), dense, '2000']);
      await corpusReport('(b) dense corpus (scripts/make-dense-corpus.js, 2000 files)', dense, 2);
      engineWork(dense);
    } finally {
      fs.rmSync(dense, { recursive: true, force: true });
    }
  }
  if (only.has('scale') && copies > 0) scaleReport(stdlib, copies);
  if (only.has('stdin')) stdinTiming();
  if (only.has('large')) largeReport(stdlib);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
