import { createTwoFilesPatch } from 'diff';
import type { CommandRun } from './run';

/** Timings, addresses and pids change from run to run; they are not differences. */
export function normalise(text: string): string {
  return text
    .replace(/0x[0-9a-f]+/gi, '0x…')
    .replace(/\b\d+(\.\d+)?\s?(s|ms|sec|seconds)\b/g, 'N$2')
    .replace(/\bpid[ =:]*\d+/gi, 'pid N')
    .replace(/\r\n/g, '\n');
}

/** `FAILED tests/test_x.py::test_y - ...` and `ERROR ...` lines of pytest's short summary. */
export function failedTests(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/^(FAILED|ERROR) (\S+)/gm)) out.add(`${m[1]} ${m[2]}`);
  return out;
}

const outcome = (r: CommandRun) => (r.timedOut ? 'timed out' : r.code !== null ? `exit ${r.code}` : `killed by ${r.signal}`);

/** What differs between the run under the default method and the run under spawn, one line each. */
export function compareRuns(before: CommandRun, after: CommandRun, method = 'spawn', maxDiffLines = 40): string[] {
  const out: string[] = [];
  if (outcome(before) !== outcome(after)) out.push(`differs: ${outcome(before)} with the default method, ${outcome(after)} under ${method}`);
  const failedBefore = failedTests(before.stdout + before.stderr);
  const failedAfter = failedTests(after.stdout + after.stderr);
  for (const t of failedAfter) if (!failedBefore.has(t)) out.push(`differs: ${t} only under ${method}`);
  for (const t of failedBefore) if (!failedAfter.has(t)) out.push(`differs: ${t} only with the default method`);
  for (const [name, a, b] of [['stdout', before.stdout, after.stdout], ['stderr', before.stderr, after.stderr]] as const) {
    const x = normalise(a);
    const y = normalise(b);
    if (x === y) continue;
    const patch = createTwoFilesPatch(`${name} (default method)`, `${name} (${method})`, x, y, '', '', { context: 1 }).split('\n').slice(2);
    const shown = patch.slice(0, maxDiffLines);
    out.push(`differs: ${name}\n${shown.join('\n')}${patch.length > shown.length ? `\n… ${patch.length - shown.length} more lines` : ''}`);
  }
  return out;
}
