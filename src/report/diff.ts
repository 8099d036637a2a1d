/** A git-style unified diff (a/ and b/ prefixes) that `git apply` and `patch -p1` accept. */
export function unifiedDiff(path: string, before: string, after: string): string {
  // Loaded on first use: runs without changes never pay for it.
  const { createTwoFilesPatch } = require('diff') as typeof import('diff');
  const shown = path.split('\\').join('/').replace(/^\/+/, '');
  const patch = createTwoFilesPatch(`a/${shown}`, `b/${shown}`, before, after, undefined, undefined, { context: 3 });
  // Drop the "====" banner line the library adds; keep --- / +++ / hunks.
  return patch.replace(/^=+\r?\n/m, '');
}
