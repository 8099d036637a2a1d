/** Beyond this many changed lines, Myers' diff (time: lines × changes) gives way to one coarse hunk. */
const MAX_EDIT_LENGTH = 400;

/** A git-style unified diff (a/ and b/ prefixes) that `git apply` and `patch -p1` accept. */
export function unifiedDiff(path: string, before: string, after: string): string {
  // Loaded on first use: runs without changes never pay for it.
  const { createTwoFilesPatch } = require('diff') as typeof import('diff');
  const shown = path.split('\\').join('/').replace(/^\/+/, '');
  const patch = createTwoFilesPatch(`a/${shown}`, `b/${shown}`, before, after, undefined, undefined, { context: 3, maxEditLength: MAX_EDIT_LENGTH });
  // Drop the "====" banner line the library adds; keep --- / +++ / hunks.
  return patch === undefined ? coarseDiff(shown, before, after) : patch.replace(/^=+\r?\n/m, '');
}

/**
 * One hunk from the first changed line to the last: linear, and as valid as a minimal diff
 * (for files with thousands of changed lines, where a minimal one costs lines × changes).
 */
export function coarseDiff(shown: string, before: string, after: string): string {
  const lines = (text: string) => (text === '' ? [] : text.split(/(?<=\n)/));
  const a = lines(before);
  const b = lines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const from = Math.max(0, head - 3);
  const to = Math.min(a.length, a.length - tail + 3);
  const context = (lines: string[]) => lines.map((l) => ` ${l}`);
  const body = [
    ...context(a.slice(from, head)),
    ...a.slice(head, a.length - tail).map((l) => `-${l}`),
    ...b.slice(head, b.length - tail).map((l) => `+${l}`),
    ...context(a.slice(a.length - tail, to)),
  ].map((l) => (l.endsWith('\n') ? l : `${l}\n\\ No newline at end of file\n`));
  const oldCount = to - from;
  const newCount = oldCount - (a.length - tail - head) + (b.length - tail - head);
  const range = (start: number, count: number) => `${count === 0 ? start : start + 1},${count}`;
  return `--- a/${shown}\n+++ b/${shown}\n@@ -${range(from, oldCount)} +${range(from, newCount)} @@\n${body.join('')}`;
}
