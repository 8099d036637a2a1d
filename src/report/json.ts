import type { Summary } from '../runner';

export const JSON_SCHEMA_VERSION = 1;

/** The --json report; its shape is documented in the README and versioned by `schemaVersion`. */
export function jsonReport(s: Summary, meta: { version: string; method: string; mode: string }): string {
  const report = {
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
    files: s.files.map((f) => ({
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
    })),
  };
  return JSON.stringify(report, null, 2) + '\n';
}
