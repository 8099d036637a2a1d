import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface CommandRun {
  /** The command's exit code; null when it was killed. */
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Processes of the command were still running after it exited (they were stopped). */
  leftOver: boolean;
  stdout: string;
  stderr: string;
  /** The command could not be started (not found, not executable). */
  startError?: string;
}

export interface RunRequest {
  command: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutSeconds?: number;
  onStdout: (s: string) => void;
  onStderr: (s: string) => void;
}

/** The helper folder, from dist/src/cli/verify (installed) or src/cli/verify (tests run the sources). */
export function helperDir(): string {
  for (const rel of ['../../../../python/mp_codemod_verify', '../../../python/mp_codemod_verify']) {
    const dir = path.join(__dirname, rel);
    if (fs.existsSync(path.join(dir, 'sitecustomize.py'))) return dir;
  }
  throw new Error('the Python helper python/mp_codemod_verify is missing from the package');
}

/** One argument with spaces or shell syntax is a shell command line; several are an argv. */
export function argvOf(command: string[]): { file: string; args: string[] } {
  if (command.length === 1 && /[\s|&;<>()$`*?]/.test(command[0])) {
    return process.platform === 'win32' ? { file: 'cmd.exe', args: ['/d', '/s', '/c', command[0]] } : { file: '/bin/sh', args: ['-c', command[0]] };
  }
  return { file: command[0], args: command.slice(1) };
}

/** Some process of the group still runs (zombies waiting to be reaped do not count, on Linux). */
function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  if (!fs.existsSync('/proc/self/stat')) return true;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // pid (comm) state ppid pgrp ...: comm may hold spaces, so split after the last ')'.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

const killGroup = (pgid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
};

/**
 * Runs the command in its own process group, passing its output through (and keeping a copy).
 * On timeout, or when children outlive it, the whole group is stopped: spawn children that hang
 * on a module-level Event would otherwise stay behind.
 */
export function runCommand(req: RunRequest): Promise<CommandRun> {
  const { file, args } = argvOf(req.command);
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const child = spawn(file, args, { cwd: req.cwd, env: req.env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (s: string) => {
      stdout += s;
      req.onStdout(s);
    });
    child.stderr.on('data', (s: string) => {
      stderr += s;
      req.onStderr(s);
    });
    const pgid = child.pid;
    const onSigint = () => pgid && killGroup(pgid, 'SIGINT');
    process.on('SIGINT', onSigint);
    const timer =
      req.timeoutSeconds !== undefined
        ? setTimeout(() => {
            timedOut = true;
            if (pgid) killGroup(pgid, 'SIGKILL');
          }, req.timeoutSeconds * 1000)
        : null;
    const finish = (result: Omit<CommandRun, 'stdout' | 'stderr' | 'timedOut'>) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      process.off('SIGINT', onSigint);
      resolve({ ...result, timedOut, stdout, stderr });
    };
    child.on('error', (e: NodeJS.ErrnoException) => finish({ code: null, signal: null, leftOver: false, startError: e.code === 'ENOENT' ? `${file}: command not found` : e.message }));
    child.on('exit', (code, signal) => {
      // Helpers such as the resource tracker leave a moment after the program; anything still in
      // the group after a second is left over (children holding the pipes keep 'close' away too).
      const closed = new Promise<void>((done) => child.on('close', () => done()));
      const deadline = Date.now() + 1000;
      const poll = () => {
        if (!pgid || timedOut || !alive(pgid)) return void closed.then(() => finish({ code, signal, leftOver: false }));
        if (Date.now() < deadline) return void setTimeout(poll, 50);
        killGroup(pgid, 'SIGKILL');
        void Promise.race([closed, new Promise((done) => setTimeout(done, 500))]).then(() => finish({ code, signal, leftOver: true }));
      };
      poll();
    });
  });
}
