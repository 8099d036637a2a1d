/** Beyond this many changed lines, Myers' diff (time: lines × changes) gives way to one coarse hunk. */
const MAX_EDIT_LENGTH = 400;

/** Unchanged lines kept on each side of the changed region: more than the 3 a hunk shows. */
const MARGIN = 4;

/** A git-style unified diff (a/ and b/ prefixes) that `git apply` and `patch -p1` accept. */
export function unifiedDiff(path: string, before: string, after: string): string {
  // Loaded on first use: 16 ms of start-up (median of 9) that --stdin and runs without changes do without.
  const { createTwoFilesPatch } = require('diff') as typeof import('diff');
  const shown = path.split('\\').join('/').replace(/^\/+/, '');
  // Only the lines from the first change to the last are diffed: the library splits whole texts
  // into lines, which cost 14 times the size of a 10 MB file for one changed line.
  const w = changedWindow(before, after);
  const a = before.slice(w.start, w.beforeEnd);
  const b = after.slice(w.start, w.afterEnd);
  const patch = createTwoFilesPatch(`a/${shown}`, `b/${shown}`, a, b, undefined, undefined, { context: 3, maxEditLength: MAX_EDIT_LENGTH });
  // Drop the "====" banner line the library adds; keep --- / +++ / hunks.
  const diff = patch === undefined ? coarseDiff(shown, a, b) : patch.replace(/^=+\r?\n/m, '');
  return w.linesBefore === 0 ? diff : diff.replace(/^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@/gm, (_m, o, oc = '', n, nc = '') => `@@ -${Number(o) + w.linesBefore}${oc} +${Number(n) + w.linesBefore}${nc} @@`);
}

/**
 * Where `before` and `after` differ, widened to whole lines and MARGIN more on each side: `start`
 * (the same in both, a line start), the ends in each text (line ends, or the texts' ends), and
 * how many lines come before `start`.
 */
function changedWindow(before: string, after: string): { start: number; beforeEnd: number; afterEnd: number; linesBefore: number } {
  const shorter = Math.min(before.length, after.length);
  let i = 0;
  while (i < shorter && before.charCodeAt(i) === after.charCodeAt(i)) i++;
  let start = i === 0 ? 0 : before.lastIndexOf('\n', i - 1) + 1;
  for (let k = 0; k < MARGIN && start > 0; k++) start = start < 2 ? 0 : before.lastIndexOf('\n', start - 2) + 1;
  let j = 0;
  while (j < before.length - start && j < after.length - start && before.charCodeAt(before.length - 1 - j) === after.charCodeAt(after.length - 1 - j)) j++;
  // The first line end inside the common tail, then MARGIN more lines (or the end of the text).
  let end = before.length - j;
  for (let k = 0; k <= MARGIN && end < before.length; k++) {
    const nl = before.indexOf('\n', end);
    end = nl === -1 ? before.length : nl + 1;
  }
  let linesBefore = 0;
  for (let k = before.indexOf('\n'); k !== -1 && k < start; k = before.indexOf('\n', k + 1)) linesBefore++;
  return { start, beforeEnd: end, afterEnd: end - before.length + after.length, linesBefore };
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
