import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, type IO } from '../../src/cli/cli';

/** A temp folder holding `files` (path → content); returns its path. */
export function makeTree(files: Record<string, string | Buffer>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mp-tree-')));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(args: string[], cwd: string, stdin = '', env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: IO = {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readStdin: () => stdin,
    readLine: (() => {
      const lines = stdin.split('\n');
      let i = 0;
      return () => (i < lines.length && !(i === lines.length - 1 && lines[i] === '') ? lines[i++] : null);
    })(),
    cwd,
    env,
    isTTY: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export const POOL_SCRIPT = 'import multiprocessing as mp\n\n\ndef f(x):\n    return x\n\n\nif __name__ == "__main__":\n    with mp.Pool(2) as p:\n        p.map(f, [1])\n';
/** POOL_SCRIPT after spawn-context alone. */
export const POOL_SCRIPT_FIXED = POOL_SCRIPT.replace('mp.Pool(2)', 'mp.get_context("spawn").Pool(2)');
