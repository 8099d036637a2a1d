import { createHash } from 'crypto';
import { CODES, type Code } from '../../api/codes';
import { EXPLANATIONS, helpUri, markdownSection } from '../../api/explain';
import type { Summary } from '../../run/runner';

/** A relative path as a URI reference: segments percent-encoded, forward slashes. */
const toUri = (p: string) => p.split(/[\\/]/).map(encodeURIComponent).join('/');

/**
 * A fingerprint that survives edits elsewhere in the file: the code, the file, the message (it
 * names the function or value) and which occurrence of that triple it is, but no line number.
 */
function fingerprints(path: string, diagnostics: { code: string; message: string }[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const key = `${d.code}\u0000${path}\u0000${d.message}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${n}`;
  });
}

/** SARIF 2.1.0, as GitHub code scanning reads it: one run, each code reported declared as a rule. */
export function sarifReport(s: Summary, version: string): string {
  // Exactly the codes of the results, in registry order; each result points at its own rule.
  const reported = new Set<Code>(s.files.flatMap((f) => f.diagnostics.map((d) => d.code)));
  const ids = (Object.keys(CODES) as Code[]).filter((id) => reported.has(id));
  const rules = ids.map((id) => {
    const more = EXPLANATIONS[id];
    return {
      id,
      name: id,
      shortDescription: { text: CODES[id].summary },
      fullDescription: { text: more.why },
      help: { text: `${more.fix}\n\nBefore:\n${more.before}\n\nAfter:\n${more.after}`, markdown: markdownSection(id) },
      helpUri: helpUri(id),
      defaultConfiguration: { level: CODES[id].severity },
    };
  });
  const results = s.files.flatMap((f) => {
    const prints = fingerprints(f.path, f.diagnostics);
    return f.diagnostics.map((d, i) => ({
      ruleId: d.code,
      ruleIndex: ids.indexOf(d.code),
      level: d.severity,
      // A notebook position is in a cell's source, not in the .ipynb file: it goes in the message.
      message: { text: `${d.cell ? `cell ${d.cell}, line ${d.line}, column ${d.column}: ` : ''}${d.hint ? `${d.message}. Fix: ${d.hint}` : d.message}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(f.path), uriBaseId: '%SRCROOT%' },
            ...(d.cell ? {} : { region: { startLine: d.line, startColumn: d.column } }),
          },
        },
      ],
      partialFingerprints: { 'mpCodemod/v1': prints[i] },
    }));
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'mp-codemod', version, informationUri: 'https://www.npmjs.com/package/mp-codemod', rules } }, results }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
