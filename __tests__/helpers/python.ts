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
