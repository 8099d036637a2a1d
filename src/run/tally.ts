import type { FileResult, Status, Summary } from './files';

// Apart from runner.ts so that --stdin, which needs only summarise, does not load the walker,
// the pool and the cross-file scan.

const worthKeeping = (r: FileResult) =>
  r.status !== 'unchanged' || r.diagnostics.length > 0 || r.fixes.length > 0 || r.reason !== undefined || r.unconverged !== undefined;

/**
 * The results of a run as they come: counted, and kept only when worth reporting, so that memory
 * does not grow with the number of unchanged files (the path of one is the walk's own string).
 */
export class Tally {
  readonly kept: FileResult[] = [];
  readonly unchangedPaths: string[] = [];
  readonly counts: Record<Status, number> = { changed: 0, unchanged: 0, skipped: 0, error: 0 };
  diagnostics = 0;

  /** `always`: kept even when it has nothing to say. */
  add(r: FileResult, shown: string = r.path, always = false): void {
    this.counts[r.status]++;
    this.diagnostics += r.diagnostics.length;
    if (always || worthKeeping(r)) this.kept.push(r);
    else this.unchangedPaths.push(shown);
  }

  /** An unchanged file with nothing to say, by the path the walk gave it. */
  unchanged(shown: string): void {
    this.counts.unchanged++;
    this.unchangedPaths.push(shown);
  }

  summary(seconds: number): Summary {
    const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    this.kept.sort((a, b) => byPath(a.path, b.path));
    this.unchangedPaths.sort(byPath);
    const c = this.counts;
    return {
      files: this.kept,
      unchangedPaths: this.unchangedPaths,
      scanned: c.changed + c.unchanged + c.skipped + c.error,
      changed: c.changed,
      unchanged: c.unchanged,
      skipped: c.skipped,
      errors: c.error,
      diagnostics: this.diagnostics,
      seconds,
    };
  }
}

/** The summary of results already in hand (--stdin's one file), every one of them in `files`. */
export function summarise(files: FileResult[], seconds: number): Summary {
  const tally = new Tally();
  for (const f of files) tally.add(f, f.path, true);
  return tally.summary(seconds);
}
