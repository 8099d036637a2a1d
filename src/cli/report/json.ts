import type { FileResult, Summary } from '../../run/runner';

export const JSON_SCHEMA_VERSION = 1;

type Meta = { version: string; method: string; mode: string };

const entry = (f: FileResult) => ({
  path: f.path,
  status: f.status,
  ...(f.reason ? { reason: f.reason } : {}),
  ...(f.line ? { line: f.line } : {}),
  ...(f.unconverged ? { unconverged: f.unconverged } : {}),
  transforms: [...new Set(f.fixes.map((x) => x.transform))],
  fixes: f.fixes,
  diagnostics: f.diagnostics,
  ...(f.diff !== undefined ? { diff: f.diff } : {}),
  // --stdin only: the new text, which a file run writes instead.
  ...(f.after !== undefined ? { output: f.after } : {}),
  ...(f.written ? { written: true } : {}),
});

/** Every file of the report in path order: the kept results, and the unchanged files named only by path. */
function* allFiles(s: Summary): Generator<FileResult> {
  const unchanged = s.unchangedPaths ?? [];
  let u = 0;
  for (const f of s.files) {
    for (; u < unchanged.length && unchanged[u] < f.path; u++) yield { path: unchanged[u], status: 'unchanged', fixes: [], diagnostics: [] };
    yield f;
  }
  for (; u < unchanged.length; u++) yield { path: unchanged[u], status: 'unchanged', fixes: [], diagnostics: [] };
}

/**
 * The --json report in pieces (one per file), so that a run over many files never holds the
 * whole report as objects; joined, it is `JSON.stringify(report, null, 2)`. Its shape is
 * documented in the README and versioned by `schemaVersion`.
 */
export function* jsonReportParts(s: Summary, meta: Meta): Generator<string> {
  const head = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'mp-codemod', version: meta.version },
    method: meta.method,
    mode: meta.mode,
    summary: {
      scanned: s.scanned,
      changed: s.changed,
      unchanged: s.unchanged,
      skipped: s.skipped,
      errors: s.errors,
      diagnostics: s.diagnostics,
      seconds: Number(s.seconds.toFixed(3)),
    },
  };
  const opening = JSON.stringify(head, null, 2).slice(0, -2);
  let first = true;
  for (const f of allFiles(s)) {
    // Strings in JSON hold no raw line breaks, so indenting every line indents the entry.
    yield `${first ? `${opening},\n  "files": [\n` : ',\n'}    ${JSON.stringify(entry(f), null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
  }
  yield first ? `${opening},\n  "files": []\n}\n` : '\n  ]\n}\n';
}

export function jsonReport(s: Summary, meta: Meta): string {
  return [...jsonReportParts(s, meta)].join('');
}
