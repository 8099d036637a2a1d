import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import yargs from 'yargs';
import type { IO } from '../cli';
import type { FileResult, Summary } from '../../run/runner';
import { UsageError } from '../../api/usage';
import { colours, countByCode, fileLines, plain } from '../report/text';
import { jsonReport } from '../report/json';
import { sarifReport } from '../report/sarif';
import { githubReport } from '../report/github';
import { findings, readRecords, type Finding } from './records';
import { helperDir, runCommand, type CommandRun } from './run';
import { compareRuns } from './compare';

export const TIMEOUT_EXIT = 124;

interface VerifyArgs {
  method: 'spawn' | 'forkserver';
  timeout?: number;
  compare: boolean;
  format: 'text' | 'json' | 'github' | 'sarif';
  color?: boolean;
  quiet: boolean;
  command: string[];
}

function parser() {
  return yargs()
    .scriptName('mp-codemod verify')
    .usage('$0 [options] -- <command...>\n\nRun a command (tests, a script) with spawn as the default start method, as on macOS and Windows,\nand report what breaks at the line to change. Never changes a file.')
    .parserConfiguration({ 'populate--': true, 'halt-at-non-option': true })
    .option('method', { choices: ['spawn', 'forkserver'], default: 'spawn', describe: 'the default start method to run under' })
    .option('timeout', { type: 'number', describe: 'stop the command after S seconds and report likely hangs (exit 124)' })
    .option('compare', { type: 'boolean', describe: 'run twice, with the default method and with --method, and report what differs' })
    .option('json', { type: 'boolean', describe: 'same as --output-format json' })
    .option('output-format', { choices: ['text', 'json', 'github', 'sarif'], describe: 'text (default), json, github, sarif; with json and sarif the command\'s stdout goes to stderr' })
    .option('color', { type: 'boolean', describe: 'force colours on or off' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'no summary line' })
    .conflicts('json', 'output-format')
    .example([
      ['$0 -- python3 -m pytest -x', 'the test suite under spawn'],
      ['$0 --timeout 60 -- python3 app.py', 'a script; a hang is stopped after a minute'],
      ['$0 --compare -- python3 -m pytest', 'fork and spawn side by side'],
    ])
    .epilog('Exit codes: the command\'s; 1 when it passed but failures were recorded; 124 on --timeout; 2 usage error.')
    .strict()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail(false);
}

function parse(argv: string[]): { args?: VerifyArgs; output: string } {
  let output = '';
  let raw: Record<string, any> | undefined;
  try {
    parser().parse(argv, {}, (_err: unknown, a: Record<string, any>, out: string) => {
      raw = a;
      output = out;
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\s*\n\s*/g, ' '));
  }
  if (output) return { output };
  const a = raw!;
  // yargs turns numeric-looking words after `--` into numbers; the command wants strings.
  const command = [...(a._ ?? []), ...(a['--'] ?? [])].map(String);
  if (command.length === 0) throw new UsageError('verify needs a command: mp-codemod verify -- python3 -m pytest');
  if (a.timeout !== undefined && !(Number.isFinite(a.timeout) && a.timeout > 0)) throw new UsageError('--timeout takes a number of seconds above 0');
  return {
    output: '',
    args: {
      method: a.method,
      timeout: a.timeout,
      compare: Boolean(a.compare),
      format: a.json ? 'json' : (a.outputFormat ?? 'text'),
      color: a.color,
      quiet: Boolean(a.quiet),
      command,
    },
  };
}

/** The environment of a run under the helper: it is found first on PYTHONPATH, told where to write. */
function helperEnv(base: NodeJS.ProcessEnv, method: string, records: string): NodeJS.ProcessEnv {
  const env = { ...base };
  env.PYTHONPATH = [helperDir(), base.PYTHONPATH].filter(Boolean).join(path.delimiter);
  env.MP_CODEMOD_VERIFY_RECORDS = records;
  env.MP_CODEMOD_VERIFY_METHOD = method;
  return env;
}

/** `mp-codemod verify [options] -- <command...>`; returns the exit code. */
export async function verify(argv: string[], io: IO, version: string): Promise<number> {
  const { args, output } = parse(argv);
  if (!args) {
    io.stdout(output.endsWith('\n') ? output : `${output}\n`);
    return 0;
  }
  const machine = args.format === 'json' || args.format === 'sarif';
  // json and sarif own stdout; the command's stdout moves to stderr then.
  const passOut = machine ? io.stderr : io.stdout;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-codemod-verify-'));
  try {
    let baseline: CommandRun | undefined;
    if (args.compare) {
      io.stderr(`mp-codemod verify: run 1 of 2, the default start method: ${args.command.join(' ')}\n`);
      baseline = await runCommand({ command: args.command, cwd: io.cwd, env: io.env, timeoutSeconds: args.timeout, onStdout: passOut, onStderr: io.stderr });
      if (baseline.startError) throw new UsageError(baseline.startError);
      io.stderr(`mp-codemod verify: run 2 of 2, ${args.method} as the default\n`);
    }
    const records = path.join(tmp, 'records.jsonl');
    const run = await runCommand({
      command: args.command,
      cwd: io.cwd,
      env: helperEnv(io.env, args.method, records),
      timeoutSeconds: args.timeout,
      onStdout: passOut,
      onStderr: io.stderr,
    });
    if (run.startError) throw new UsageError(run.startError);
    const found = findings(readRecords(records), io.cwd, run.timedOut || run.leftOver);
    const differences = baseline ? compareRuns(baseline, run, args.method) : [];
    report(found, args, io, version, run, differences);
    return exitCode(run, found, differences);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function exitCode(run: CommandRun, found: Finding[], differences: string[]): number {
  if (run.timedOut) return TIMEOUT_EXIT;
  const code = run.code ?? 128 + (run.signal ? (os.constants.signals[run.signal] ?? 0) : 0);
  if (code !== 0) return code;
  return found.some((f) => f.severity === 'error') || differences.length > 0 ? 1 : 0;
}

/** Findings as a Summary, so the existing printers (text, json, github, sarif) can print them. */
function summaryOf(found: Finding[]): Summary {
  const byFile = new Map<string, FileResult>();
  for (const { path: p, ...d } of found) {
    if (!byFile.has(p)) byFile.set(p, { path: p, status: 'unchanged', fixes: [], diagnostics: [] });
    byFile.get(p)!.diagnostics.push(d);
  }
  const files = [...byFile.values()];
  return { files, scanned: files.length, changed: 0, unchanged: files.length, skipped: 0, errors: 0, diagnostics: found.length, seconds: 0 };
}

function report(found: Finding[], args: VerifyArgs, io: IO, version: string, run: CommandRun, differences: string[]): void {
  const summary = summaryOf(found);
  const stopped = run.timedOut
    ? `mp-codemod verify: the command did not finish in ${args.timeout}s and was stopped (exit ${TIMEOUT_EXIT})${found.length > 0 ? '' : '; nothing was recorded that explains the hang'}\n`
    : run.leftOver
      ? 'mp-codemod verify: child processes were still running after the command exited; they were stopped\n'
      : '';
  if (args.format === 'json') {
    const report = JSON.parse(jsonReport(summary, { version, method: args.method, mode: 'verify' }));
    report.command = { argv: args.command, exitCode: run.code, timedOut: run.timedOut, leftOver: run.leftOver, ...(args.compare ? { differences } : {}) };
    io.stdout(JSON.stringify(report, null, 2) + '\n');
    if (stopped) io.stderr(stopped);
    return;
  }
  if (args.format === 'sarif') {
    io.stdout(sarifReport(summary, version));
    if (stopped) io.stderr(stopped);
    return;
  }
  if (args.format === 'github') {
    io.stdout(githubReport(summary, { write: true }));
  } else {
    const useColour = args.color ?? (io.isTTY && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb');
    const paint = useColour ? colours : plain;
    for (const file of summary.files) for (const line of fileLines(file, { write: false, check: false }, paint)) io.stderr(`${line}\n`);
    const byCode = countByCode(summary);
    if (byCode) io.stderr(`${byCode}\n`);
  }
  for (const d of differences) io.stderr(`${d}\n`);
  if (stopped) io.stderr(stopped);
  if (!args.quiet) {
    const n = found.length;
    io.stderr(`mp-codemod verify: ${n === 0 ? 'no spawn failure recorded' : `${n} finding${n === 1 ? '' : 's'}`} under ${args.method}${args.compare ? `, ${differences.length} difference${differences.length === 1 ? '' : 's'} from the default method` : ''}\n`);
  }
}
