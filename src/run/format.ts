import { spawnSync } from 'child_process';
import { parse, firstSyntaxError } from '../syntax/parser';

/** The longest a formatter may take on one file. */
const TIMEOUT_MS = 60_000;

/**
 * Runs the project's `format-command` (a shell command reading the source on stdin and writing
 * the formatted source to stdout, e.g. `ruff format -`) on the new text of a changed file, in
 * the file's folder so the formatter finds the project's settings. Its output must parse as the
 * tool's own output must; anything else is an error and the caller keeps the file as it was.
 */
export function runFormatter(command: string, text: string, cwd: string): { text: string } | { error: string } {
  const out = spawnSync(command, { input: text, cwd, shell: true, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  if (out.error) return { error: `format-command failed: ${out.error.message}` };
  if (out.status !== 0) {
    const first = (out.stderr ?? '').trim().split('\n')[0];
    return { error: `format-command exited with ${out.status ?? out.signal}${first ? `: ${first}` : ''}` };
  }
  if (firstSyntaxError(parse(out.stdout).rootNode, out.stdout)) return { error: 'format-command output does not parse; left unchanged' };
  return { text: out.stdout };
}
