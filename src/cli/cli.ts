import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import type { Argv } from 'yargs';
import type { RunOptions, Summary } from '../run/runner';
import type { EarlyPython } from '../run/compile';
import { UsageError, DEFAULT_INCLUDE } from '../api/usage';
import { selectTransforms } from '../run/select';
import { builtinTransforms } from '../../transforms';
import { setCatalogue } from '../run/catalogue';
import { cleanupPending } from '../run/write';
import { interrupted } from '../run/interrupt';
import { ready, parserStarted } from '../syntax/parser';
import { decode, encode, SourceError } from '../python/source';
import { colourDiff, colours, countByCode, fileLines, plain, summaryLine, useColour } from './report/text';
import { checkCodes, codeFilter } from '../api/codes';
import { progressBar } from './report/progress';
import { explainText, codeList } from '../api/explain';
import { jsonReportParts } from './report/json';
import { sarifReport } from './report/sarif';
import { githubReport } from './report/github';
import type { Method, Strategy } from '../api/types';
import type { Settings } from '../run/config';
import { isFileSize } from '../run/file-size';

export interface IO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  /** Standard input as bytes (--stdin decodes them as Python would: BOM, coding cookie); readStdin when absent. */
  readStdinBytes?: () => Buffer;
  /** Bytes to stdout (a source or diff in its own encoding); stdout with the UTF-8 reading when absent. */
  stdoutBytes?: (b: Buffer) => void;
  /** The next line of standard input, for --interactive answers; null at the end. */
  readLine?: () => string | null;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** stderr is a terminal: the progress bar may be shown there. */
  stderrIsTTY?: boolean;
}

export const EXIT = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;

export { requestStop } from '../run/interrupt';
export { cleanupPending } from '../run/write';

setCatalogue(builtinTransforms, require.resolve('../../transforms'));

/** package.json sits three levels up from dist/src/cli, two from src/cli (tests run the sources). */
function packageVersion(): string {
  for (const rel of ['../../../package.json', '../../package.json']) {
    const file = path.join(__dirname, rel);
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  }
  return '0.0.0';
}

const VERSION = packageVersion();

/** --target-version values: py38 to py314. */
const TARGETS = Array.from({ length: 7 }, (_, i) => `py3${8 + i}`);

const EXAMPLES: [string, string][] = [
  ['$0', 'show the diff that makes the current folder spawn-safe'],
  ['$0 src/ --write', 'apply it'],
  ['$0 --check', 'exit 1 when something would change (CI)'],
  ['$0 --method forkserver -t spawn-context', 'one transform, forkserver instead of spawn'],
  ['$0 --stdin --stdin-filename app.py < app.py', 'editor integration: source in, source out'],
];

const EXIT_CODES = [
  'Exit codes:',
  '  0    nothing pending (a dry run that prints diffs exits 0 too)',
  '  1    --check: a file would change or an error diagnostic remains;',
  '       --write: an error diagnostic remains (--strict: warnings too);',
  '       any mode: a file could not be read, decoded, parsed or written',
  '       (--exit-zero turns these into 0)',
  '  2    usage or configuration error, or an internal error',
  '  130  interrupted (Ctrl-C): written files are complete, the rest untouched',
  '',
  'A path of - reads one source from stdin, as --stdin does.',
].join('\n');

// Loaded on first use, not with the CLI (each measured as the start-up it adds, median of 9):
// yargs, 45 ms, which the editor's `--stdin` call (quickArgs) does without; the run layer, 48 ms,
// which --version, --help and explain do without; verify, 13 ms, and --interactive, 16 ms (the
// diff package), which only they need.
const runLayer = () => require('../run/runner') as typeof import('../run/runner');

function parser() {
  const yargs = require('yargs') as () => Argv; // lazy: see runLayer
  return yargs()
    .scriptName('mp-codemod')
    .usage('$0 [paths..]\n\nMigrate Python code away from the fork multiprocessing start method.\nDry run by default: prints a unified diff and writes nothing.')
    .command('$0 [paths..]', false, (y) => y.positional('paths', { type: 'string', array: true, describe: 'files and folders (default: .)' }))
    .command('verify -- <command..>', 'run a command (tests) with spawn as the default and report what breaks; see verify --help')
    .option('write', { alias: 'w', type: 'boolean', describe: 'apply the changes in place' })
    .option('check', { type: 'boolean', describe: 'write nothing; exit 1 if any file would change' })
    .option('diff', { type: 'boolean', describe: 'with --check or --write: print the diffs too' })
    .option('json', { type: 'boolean', describe: 'same as --output-format json' })
    .option('output-format', { choices: ['text', 'json', 'github', 'sarif'], describe: 'text: diffs and messages (default); json; github: workflow annotations; sarif: SARIF 2.1.0' })
    .option('select', { type: 'string', describe: 'report only these diagnostic codes or prefixes (MP1,MP201), repeatable' })
    .option('ignore', { type: 'string', describe: 'never report these codes or prefixes, repeatable' })
    .option('strict', { type: 'boolean', describe: 'with --check or --write: warnings fail too, not only errors' })
    .option('exit-zero', { type: 'boolean', describe: 'exit 0 even when changes are pending or diagnostics remain (2 and 130 still apply)' })
    .option('transform', { alias: 't', type: 'string', describe: 'transform ids (comma-separated) or paths to transform modules' })
    .option('list-transforms', { type: 'boolean', describe: 'list the transforms and exit' })
    .option('explain', { type: 'string', describe: 'explain a diagnostic code (why spawn breaks it, the fix, an example) and exit; `explain CODE` too' })
    .option('method', { choices: ['spawn', 'forkserver'], describe: 'the start method to migrate to (default spawn)' })
    .option('strategy', { choices: ['auto', 'global', 'local'], describe: 'how files move off fork: set_start_method in entry points (global), explicit contexts (local), or each where it fits (auto, the default)' })
    .option('unsafe-fixes', { type: 'boolean', describe: 'also apply fixes marked unsafe' })
    .option('freeze-support', { type: 'boolean', describe: 'insert multiprocessing.freeze_support() in entry guards' })
    .option('all-entry-points', { type: 'boolean', describe: 'treat every __main__ guard as an entry point' })
    .option('python', { type: 'string', describe: 'the Python that compiles every changed file before it is kept (default: python3 on PATH)' })
    .option('target-version', { choices: TARGETS, describe: 'the oldest Python the code must run on (default: requires-python of pyproject.toml, else py38)' })
    .option('config', { type: 'string', describe: 'use this pyproject.toml for every file (default: the nearest one of each file)' })
    .option('isolated', { type: 'boolean', describe: 'ignore pyproject.toml files' })
    .option('show-config', { type: 'string', describe: 'print the settings that apply to this path, and exit' })
    .option('include', { type: 'string', describe: `globs of files to process inside folders (default: ${DEFAULT_INCLUDE.join(' ')})` })
    .option('exclude', { type: 'string', describe: 'globs of files and folders to leave out, even when named (repeatable)' })
    .option('gitignore', { type: 'boolean', default: true, describe: 'honour .gitignore files (--no-gitignore to turn off)' })
    .option('stdin', { type: 'boolean', describe: 'read one source from stdin, write the result to stdout' })
    .option('interactive', { alias: 'i', type: 'boolean', describe: 'review each change and write only the accepted ones' })
    .option('files-from', { type: 'string', describe: 'read the paths to process from FILE, one a line (- for stdin)' })
    .option('shard', { type: 'string', describe: 'I/N: process only the I-th of N deterministic shards (CI matrices)' })
    .option('stdin-filename', { type: 'string', describe: 'the file name to report for the source on stdin (implies --stdin)' })
    .option('color', { type: 'boolean', describe: 'force colours on or off (default: per stream, on for a terminal; NO_COLOR turns off, FORCE_COLOR on)' })
    .option('max-file-size', { type: 'number', describe: 'skip files larger than this many MB (10^6 bytes) without parsing them; 0: no limit (default 10)' })
    .option('jobs', { alias: 'j', type: 'number', describe: 'threads for parsing (default: the number of cores; 1: in-band)' })
    .option('prefilter', { type: 'boolean', default: true, describe: 'skip files no transform can concern without parsing them (--no-prefilter to parse all)' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'no progress bar and no summary line' })
    .option('verbose', { type: 'boolean', describe: 'print stack traces of internal errors' })
    .conflicts('write', 'check')
    .conflicts('stdin', 'write')
    .conflicts('json', 'list-transforms')
    .conflicts('json', 'output-format')
    .conflicts('config', 'isolated')
    .conflicts('stdin', 'files-from')
    .conflicts('interactive', ['write', 'check', 'json', 'stdin', 'output-format'])
    .example(EXAMPLES)
    .epilog(EXIT_CODES)
    .strict()
    .help()
    .alias('h', 'help')
    .version(VERSION)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail(false);
}

type Args = ReturnType<typeof parseArgs> extends { args: infer A } ? A : never;

/**
 * The arguments of the call editors make on every save, `--stdin [--stdin-filename NAME]`, as
 * yargs would give them (a test compares the two), without loading yargs: it is a fifth of the
 * time such a call takes. Anything else returns null and goes through yargs.
 */
export function quickArgs(argv: string[]): Record<string, unknown> | null {
  const args: Record<string, unknown> = { stdin: true, gitignore: true, prefilter: true };
  let stdin = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--stdin' && !stdin) stdin = true;
    else if (a === '--stdin-filename' && args.stdinFilename === undefined && i + 1 < argv.length && !argv[i + 1].startsWith('-')) args.stdinFilename = argv[++i];
    else if (a.startsWith('--stdin-filename=') && args.stdinFilename === undefined && a.length > '--stdin-filename='.length) args.stdinFilename = a.slice('--stdin-filename='.length);
    else return null;
  }
  return stdin ? args : null;
}

/** What yargs makes of `argv` (for the test of quickArgs). */
export function yargsArgs(argv: string[]): Record<string, unknown> {
  return parseArgs(argv, false).args;
}

function parseArgs(argv: string[], quick = true) {
  const fast = quick ? quickArgs(argv) : null;
  if (fast) return { args: fast as Record<string, any>, output: '' };
  let output = '';
  let args: Record<string, unknown> | undefined;
  try {
    parser().parse(argv, {}, (_err: unknown, a: Record<string, unknown>, out: string) => {
      args = a;
      output = out;
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\s*\n\s*/g, ' '));
  }
  // yargs drops a bare `-`; as a path (not the value of --files-from) it means stdin.
  if (args && argv.some((a, i) => a === '-' && argv[i - 1] !== '--files-from')) args.stdinDash = true;
  return { args: args as Record<string, any>, output };
}

/**
 * Writes to a process stream until its reader leaves (`mp-codemod | head -1`): then EPIPE ends
 * the output quietly, with no stack trace, and the run finishes as it would (a --write completes).
 */
function quietOnEpipe(stream: NodeJS.WriteStream): (s: string) => void {
  let gone = false;
  if (stream.listenerCount('error') === 0) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      gone = true;
    });
  }
  return (s) => {
    if (gone || stream.destroyed) return;
    stream.write(s);
  };
}

export function defaultIO(): IO {
  return {
    stdout: quietOnEpipe(process.stdout),
    stderr: quietOnEpipe(process.stderr),
    readStdin: () => fs.readFileSync(0, 'utf8'),
    readStdinBytes: () => fs.readFileSync(0),
    stdoutBytes: (b) => process.stdout.write(b),
    readLine: undefined,
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

/** Runs the command line; returns the exit code. Only bin/ sets it on the process. */
export async function main(argv: string[], io: IO = defaultIO()): Promise<number> {
  let verbose = argv.includes('--verbose');
  try {
    // `verify` has its own options and parser (src/verify); a folder named verify is `./verify`.
    if (argv[0] === 'verify') return await (require('./verify') as typeof import('./verify')).verify(argv.slice(1), io, VERSION); // lazy: see runLayer
    if (argv[0] === 'explain') return explain(argv.slice(1), io);
    const { args, output } = parseArgs(argv);
    if (output) {
      io.stdout(output.endsWith('\n') ? output : `${output}\n`);
      return EXIT.ok;
    }
    verbose = Boolean(args.verbose);
    const code = await execute(args, io);
    // --exit-zero hides findings only: usage errors and interrupts keep their codes.
    return args.exitZero && code === EXIT.findings ? EXIT.ok : code;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`mp-codemod: ${e.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`mp-codemod: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    if (verbose && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT.usage;
  } finally {
    cleanupPending();
  }
}

/** `mp-codemod explain [CODE]`: one code explained, or the list of codes. */
function explain(rest: string[], io: IO): number {
  if (rest.length > 1) throw new UsageError('explain takes one code (e.g. mp-codemod explain MP201)');
  io.stdout(rest.length === 0 ? codeList() : explainText(rest[0]));
  return EXIT.ok;
}

async function execute(args: Args, io: IO): Promise<number> {
  if (args.explain !== undefined) return explain(args.explain === '' ? [] : [String(args.explain)], io);
  const stdin = args.stdin || args.stdinDash || args.stdinFilename !== undefined;
  if (stdin && !parserStarted()) shortRun();
  // --stdin: the compile gate's Python starts first, so that its start-up overlaps Node's.
  const early = stdin ? earlyPython(args, io) : null;
  try {
    return await executeWith(args, io, early);
  } finally {
    early?.close();
  }
}

/** The interpreter --python names: a command on PATH, or a path (from the working folder). */
const pythonArg = (value: string, cwd: string) => (/[\\/]/.test(value) ? path.resolve(cwd, value) : value);

/**
 * The compile gate's Python for --stdin, started before the parser loads (see EarlyPython): the
 * one --python names, else python3. A pyproject.toml that names another is asked the slow way.
 */
function earlyPython(args: Args, io: IO): EarlyPython | null {
  if (args.python !== undefined && String(args.python) === '') return null; // a usage error, said later
  const { EarlyPython: Early } = require('../run/compile') as typeof import('../run/compile'); // lazy: see runLayer
  return new Early(args.python === undefined ? 'python3' : pythonArg(String(args.python), io.cwd));
}

async function executeWith(args: Args, io: IO, early: EarlyPython | null): Promise<number> {
  await ready();
  const transforms = selectTransforms(list(args.transform), io.cwd);
  if (args.listTransforms) {
    for (const t of transforms) io.stdout(`${t.id}\t${t.safety}\t${t.description}\n`);
    return EXIT.ok;
  }
  const paths = (args.paths as string[] | undefined) ?? [];
  // `-` is the source on stdin, as for ruff and black; --stdin-filename alone implies --stdin.
  if (args.stdinDash) {
    if (paths.length > 0) throw new UsageError('- (stdin) takes no other paths');
    if (args.interactive) throw new UsageError('--interactive does not read the source from stdin');
    args.stdin = true;
  }
  if (args.stdinFilename !== undefined) args.stdin = true;
  const options = {
    knownTransforms: builtinTransforms.map((t) => t.id),
    method: (args.method ?? 'spawn') as Method,
    strategy: (args.strategy ?? 'auto') as Strategy,
    unsafeFixes: Boolean(args.unsafeFixes),
    freezeSupport: Boolean(args.freezeSupport),
    allEntryPoints: Boolean(args.allEntryPoints),
  };
  // Only what was given on the command line overrides [tool.mp-codemod].
  const cli: Partial<Settings> = {};
  if (args.method !== undefined) cli.method = args.method as Method;
  if (args.strategy !== undefined) cli.strategy = args.strategy as Strategy;
  if (args.unsafeFixes !== undefined) cli.unsafeFixes = Boolean(args.unsafeFixes);
  if (args.freezeSupport !== undefined) cli.freezeSupport = Boolean(args.freezeSupport);
  if (args.allEntryPoints !== undefined) cli.allEntryPoints = Boolean(args.allEntryPoints);
  if (args.python !== undefined) {
    if (String(args.python) === '') throw new UsageError('--python takes a command or a path');
    cli.python = pythonArg(String(args.python), io.cwd);
  }
  if (args.targetVersion !== undefined) cli.targetMinor = Number(String(args.targetVersion).slice(3));
  if (args.maxFileSize !== undefined) {
    if (!isFileSize(args.maxFileSize)) throw new UsageError('--max-file-size takes a number of MB from 0 (0: no limit)');
    cli.maxFileSize = args.maxFileSize;
  }
  if (args.transform !== undefined) cli.transforms = list(args.transform).flatMap((t) => t.split(',')).filter(Boolean);
  checkCodes(codes(args.select), '--select');
  checkCodes(codes(args.ignore), '--ignore');
  if (args.select !== undefined) cli.select = codes(args.select);
  if (args.ignore !== undefined) cli.ignore = codes(args.ignore);
  if (args.include !== undefined) cli.include = list(args.include);
  if (args.exclude !== undefined) cli.exclude = list(args.exclude);
  const config = args.isolated ? false : args.config !== undefined ? path.resolve(io.cwd, String(args.config)) : 'discover';
  if (typeof config === 'string' && config !== 'discover' && !fs.existsSync(config)) throw new UsageError(`${args.config}: no such file`);
  if (args.stdin && paths.length > 0) throw new UsageError('--stdin takes no paths (use --stdin-filename to name the source)');
  if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || (args.jobs as number) < 1)) throw new UsageError('--jobs takes a whole number from 1');
  const format = (args.json ? 'json' : (args.outputFormat ?? 'text')) as string;
  const opts: RunOptions = {
    ...options,
    transforms,
    write: Boolean(args.write),
    diffs: (!args.write && !args.check) || Boolean(args.diff) || format === 'json',
    keepCode: codeFilter(codes(args.select), codes(args.ignore)),
    select: codes(args.select),
    ignore: codes(args.ignore),
    transformSpecs: list(args.transform).length > 0 ? list(args.transform) : transforms.map((t) => t.id),
    jobs: args.jobs as number | undefined,
    noPrefilter: Boolean(args.noPrefilter) || args.prefilter === false,
    cli,
    python: cli.python,
    maxFileSize: cli.maxFileSize,
    config,
    cwd: io.cwd,
    gitignore: args.gitignore !== false,
    include: list(args.include),
    exclude: list(args.exclude),
  };
  if (args.stdin) return runStdin(args, io, opts, format, early);
  if (args.showConfig !== undefined) {
    const target = path.resolve(io.cwd, String(args.showConfig || '.'));
    if (!fs.existsSync(target)) throw new UsageError(`${args.showConfig}: no such file or directory`);
    const probe = fs.statSync(target).isDirectory() ? path.join(target, '__probe__.py') : target;
    io.stdout(JSON.stringify(runLayer().effectiveSettings({ path: probe, real: probe }, opts), null, 2) + '\n');
    return EXIT.ok;
  }
  if (args.filesFrom !== undefined) {
    // yargs reads `--files-from -` as an empty value followed by a "-" positional.
    const fromStdin = args.filesFrom === '' || args.filesFrom === '-';
    if (fromStdin) paths.splice(0, paths.length, ...paths.filter((p) => p !== '-'));
    paths.push(...readPathList(fromStdin ? '-' : String(args.filesFrom), io));
  }
  if (args.shard !== undefined) opts.shard = parseShard(String(args.shard));
  if (args.interactive) return interactive(paths, opts, args, io);
  const bar = io.stderrIsTTY && !args.quiet && (format === 'text' || format === 'github') ? progressBar() : null;
  if (bar) opts.onProgress = bar.tick;
  const summary = await runLayer().run(paths.length > 0 ? paths : args.filesFrom !== undefined ? [] : ['.'], opts);
  bar?.stop();
  report(summary, args, format, io);
  for (const why of summary.compileOff ?? []) io.stderr(`mp-codemod: the compile gate is off: ${why}; outputs were checked by the parser only\n`);
  // npm run bench reads the engine's work from here (parses and analyses per candidate file).
  if (io.env.MP_CODEMOD_BENCH === '1' && summary.work) io.stderr(benchWork(summary.work));
  if (interrupted()) {
    io.stderr('mp-codemod: interrupted; files written so far are complete, the rest are untouched\n');
    return EXIT.interrupted;
  }
  return exitCode(summary, Boolean(args.check) || Boolean(args.write), Boolean(args.strict));
}

/** The engine's work for `npm run bench`: over the run, and per changed file (see Summary.work). */
function benchWork(w: NonNullable<Summary['work']>): string {
  const hist = (h: Record<number, number>) => Object.entries(h).map(([k, n]) => `${k}:${n}`).join(',') || '-';
  const c = w.changed;
  const changed = c ? `work-changed files=${c.files} parses=${c.parses} analyses=${c.analyses} passes=${c.passes} transforms=${hist(c.byTransforms)} by-passes=${hist(c.byPasses)} extra-parses=${hist(c.extraParses)}\n` : '';
  return `work processed=${w.processed} parses=${w.parses} analyses=${w.analyses} in-files-parses=${w.inFiles?.parses ?? '?'} in-files-analyses=${w.inFiles?.analyses ?? '?'}\n${changed}`;
}

/**
 * One file, as with --stdin: V8 compiles WebAssembly with its baseline compiler, then optimises
 * the hot functions (the grammar's big lexer) on background threads, and a process that is about
 * to end still waits for that. For one 26-line file on a loaded 2-core machine, the whole run took
 * a median of 1.25 s with it and 0.58 s with the baseline compiler only, which parses a tenth to a
 * fifth slower: worth it only for short runs. The flag is process-wide, hence set here, by the
 * command line only, and counts only before the parser loads.
 */
function shortRun(): void {
  v8.setFlagsFromString('--liftoff-only');
}

/** Repeatable options arrive as a string or an array (not array-typed: that would swallow the paths after them). */
const list = (value: unknown): string[] => (value === undefined ? [] : ([] as unknown[]).concat(value).map(String));

function readPathList(source: string, io: IO): string[] {
  let text: string;
  try {
    text = source === '-' ? io.readStdin() : fs.readFileSync(path.resolve(io.cwd, source), 'utf8');
  } catch {
    throw new UsageError(`--files-from ${source}: cannot read`);
  }
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes I/N with 1 <= I <= N, not "${value}"`);
  return { index, count };
}

/** --interactive: a dry run, then each change offered hunk by hunk; only accepted hunks are written. */
async function interactive(paths: string[], opts: RunOptions, args: Args, io: IO): Promise<number> {
  const { review, lineReader, keyReader } = require('./interactive') as typeof import('./interactive'); // lazy: see runLayer
  const summary = await runLayer().run(paths.length > 0 ? paths : ['.'], { ...opts, diffs: false, keepText: true, write: false });
  // The run keeps each changed file's real path with its new text: no second walk.
  const reals = new Map(summary.files.flatMap((f) => (f.real ? [[f.path, f.real] as const] : [])));
  const readLine = io.readLine ?? (process.stdin.isTTY ? keyReader(process.stdin, io.stdout) : lineReader(0));
  const { refused, interrupted: stopped } = review(summary, reals, { write: io.stdout, readLine }, useColour(args.color, io.isTTY, io.env) ? colours : plain);
  for (const why of summary.compileOff ?? []) io.stderr(`mp-codemod: the compile gate is off: ${why}; outputs were checked by the parser only\n`);
  const errPaint = useColour(args.color, Boolean(io.stderrIsTTY), io.env) ? colours : plain;
  for (const file of summary.files) for (const line of fileLines(file, { write: false, check: false }, errPaint)) io.stderr(`${line}\n`);
  if (stopped) {
    io.stderr('mp-codemod: interrupted; the changes accepted so far are written, the rest untouched\n');
    return EXIT.interrupted;
  }
  return exitCode(summary, false) || (refused.length > 0 ? EXIT.findings : EXIT.ok);
}

/** Comma-separated, repeatable code lists. */
const codes = (value: unknown) => list(value).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

/**
 * With `gate` (--check or --write): 1 when a file would change and was not written, or an error
 * diagnostic remains (any diagnostic with --strict). Always 1 when a file could not be processed.
 */
export function exitCode(s: Summary, gate: boolean, strict = false): number {
  const problems = s.files.some((f) => f.status === 'error' || (f.status === 'skipped' && f.problem));
  if (problems) return EXIT.findings;
  if (gate && s.files.some((f) => f.status === 'changed' && !f.written)) return EXIT.findings;
  const failing = s.files.some((f) => f.diagnostics.some((d) => d.severity === 'error' || strict));
  if (gate && failing) return EXIT.findings;
  return EXIT.ok;
}

function report(summary: Summary, args: Args, format: string, io: IO): void {
  const mode = { write: Boolean(args.write), check: Boolean(args.check) };
  if (format === 'json') {
    // Written in pieces of some 64 KB: a report of many files is never one string.
    let pending = '';
    for (const part of jsonReportParts(summary, { version: VERSION, method: String(args.method ?? 'spawn'), mode: mode.write ? 'write' : mode.check ? 'check' : 'diff' })) {
      pending += part;
      if (pending.length >= 1 << 16) {
        io.stdout(pending);
        pending = '';
      }
    }
    io.stdout(pending);
    return;
  }
  if (format === 'sarif') {
    io.stdout(sarifReport(summary, VERSION));
    return;
  }
  if (format === 'github') {
    io.stdout(githubReport(summary, mode));
    io.stderr(`${summaryLine(summary, mode)}\n`);
    return;
  }
  const outPaint = useColour(args.color, io.isTTY, io.env) ? colours : plain;
  const errPaint = useColour(args.color, Boolean(io.stderrIsTTY), io.env) ? colours : plain;
  for (const file of summary.files) {
    if (file.diff) writeInEncoding(colourDiff(file.diff, outPaint), file.diffEncoding, io);
  }
  for (const file of summary.files) {
    for (const line of fileLines(file, mode, errPaint)) io.stderr(`${line}\n`);
  }
  const byCode = countByCode(summary);
  if (byCode) io.stderr(`${byCode}\n`);
  if (!args.quiet) io.stderr(`${summaryLine(summary, mode)}\n`);
}

/** Text to stdout in a file's encoding (when not UTF-8 and the IO takes bytes), so that diffs keep their bytes. */
function writeInEncoding(text: string, encoding: string | undefined, io: IO): void {
  if (encoding && encoding !== 'utf-8' && io.stdoutBytes) {
    try {
      io.stdoutBytes(encode(text, { encoding, bom: false }));
      return;
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
    }
  }
  io.stdout(text);
}

/**
 * --stdin: one source in, through the same processFile as files (a name ending in .ipynb is a
 * notebook), with the settings of the pyproject.toml nearest --stdin-filename. What stdout
 * carries depends on the format: text, the source (fixed, else as it came), as ruff and black do,
 * with the messages on stderr; json, the report, whose one file has the new text as `output`;
 * sarif and github, the report alone.
 */
async function runStdin(args: Args, io: IO, runOpts: RunOptions, format: string, early: EarlyPython | null): Promise<number> {
  const name = (args.stdinFilename as string | undefined) || '<stdin>';
  const where = path.resolve(io.cwd, args.stdinFilename ? String(args.stdinFilename) : '__stdin__.py');
  const { processFile, processAsking, interpreterFor, summarise, OneShotGate, RunCache } = runLayer();
  const started = process.hrtime.bigint();
  const found = { path: name, real: where };
  // The gate asks the early Python once the transform is done, and only when the source changed;
  // the one-shot gate answers what a replay asks anew, and another interpreter a pyproject.toml names.
  const gate = new OneShotGate();
  const opts: RunOptions = { ...runOpts, write: false, diffs: format === 'json', keepText: true, gate, cache: new RunCache() };
  const asked = early && interpreterFor(found, opts) === early.python ? early : null;
  try {
    const bytes = io.readStdinBytes?.() ?? Buffer.from(io.readStdin(), 'utf8');
    const file = asked ? await processAsking(found, opts, bytes, (questions) => asked.answer(questions)) : processFile(found, opts, bytes);
    const summary = summarise([file], Number(process.hrtime.bigint() - started) / 1e9);
    if (format === 'text') {
      sourceOut(file.afterBytes ?? bytes, io);
      const paint = useColour(args.color, Boolean(io.stderrIsTTY), io.env) ? colours : plain;
      for (const line of fileLines(file, { write: false, check: Boolean(args.check) }, paint)) io.stderr(`${line}\n`);
    } else {
      // Nothing is written, even with `- --write`.
      report(summary, { ...args, write: false }, format, io);
    }
    for (const why of new Set([...(asked?.offReasons() ?? []), ...gate.offReasons()])) io.stderr(`mp-codemod: the compile gate is off: ${why}; the output was checked by the parser only\n`);
    return exitCode(summary, Boolean(args.check), Boolean(args.strict));
  } finally {
    await gate.close();
  }
}

/** A source to stdout byte for byte; an IO that takes text only gets it decoded as Python would. */
function sourceOut(bytes: Buffer, io: IO): void {
  if (io.stdoutBytes) return io.stdoutBytes(bytes);
  try {
    const decoded = decode(bytes);
    io.stdout(`${decoded.bom ? '\ufeff' : ''}${decoded.text}`);
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    io.stdout(bytes.toString('utf8'));
  }
}
