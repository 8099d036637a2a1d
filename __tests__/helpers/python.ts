import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface PythonRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Start method of every process the program started (parent and children). */
  methods: string[];
}

const PROBE = path.join(__dirname, 'probe');

/**
 * Runs python3 on a file (or `-m module`) with the probe loaded. `platformDefault` simulates a
 * platform whose default start method is not fork, as macOS does for spawn.
 */
export function runPython(args: string[], opts: { cwd: string; platformDefault?: 'spawn' | 'forkserver'; timeoutMs?: number }): PythonRun {
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mp-probe-')), 'methods.log');
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONPATH: [PROBE, opts.cwd].join(path.delimiter), MP_PROBE_LOG: log, PYTHONDONTWRITEBYTECODE: '1', PYTHONWARNINGS: 'ignore' };
  delete env.MP_PROBE_DEFAULT;
  if (opts.platformDefault) env.MP_PROBE_DEFAULT = opts.platformDefault;
  const r = spawnSync('python3', args, { cwd: opts.cwd, env, encoding: 'utf8', timeout: opts.timeoutMs ?? 60000 });
  const methods = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  fs.rmSync(path.dirname(log), { recursive: true, force: true });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', methods };
}

/** Output lines as a sorted multiset: children may print in any order. */
export const lines = (s: string) => s.split('\n').filter((l) => l.length > 0).sort();

/**
 * Runs python3 until it exits, stderr matches `stopOn`, or `timeoutMs` passes; then kills the
 * whole process group. For programs expected to break (a module-level Pool under spawn keeps
 * respawning workers that die while bootstrapping, and never exits by itself).
 */
export function runPythonUntil(
  args: string[],
  opts: { cwd: string; platformDefault?: 'spawn' | 'forkserver'; stopOn: RegExp; timeoutMs?: number },
): Promise<{ code: number | null; stderr: string; matched: boolean }> {
  const { spawn } = require('child_process') as typeof import('child_process');
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONPATH: [PROBE, opts.cwd].join(path.delimiter), PYTHONDONTWRITEBYTECODE: '1', PYTHONWARNINGS: 'ignore' };
  delete env.MP_PROBE_LOG;
  delete env.MP_PROBE_DEFAULT;
  if (opts.platformDefault) env.MP_PROBE_DEFAULT = opts.platformDefault;
  return new Promise((resolve) => {
    const child = spawn('python3', args, { cwd: opts.cwd, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let done = false;
    const finish = (code: number | null, matched: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve({ code, stderr, matched });
    };
    const timer = setTimeout(() => finish(null, false), opts.timeoutMs ?? 20000);
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (opts.stopOn.test(stderr)) finish(null, true);
    });
    child.on('exit', (code) => setTimeout(() => finish(code, opts.stopOn.test(stderr)), 50));
  });
}
