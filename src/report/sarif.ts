import { CODES } from '../codes';
import type { Summary } from '../runner';

/** A relative path as a URI reference: segments percent-encoded, forward slashes. */
const toUri = (p: string) => p.split(/[\\/]/).map(encodeURIComponent).join('/');

/** SARIF 2.1.0, as GitHub code scanning reads it: one run, every code as a rule. */
export function sarifReport(s: Summary, version: string): string {
  const ids = Object.keys(CODES);
  const rules = ids.map((id) => ({
    id,
    name: id,
    shortDescription: { text: CODES[id].summary },
    helpUri: 'https://www.npmjs.com/package/mp-codemod#diagnostics',
    defaultConfiguration: { level: CODES[id].severity },
  }));
  const results = s.files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: Math.max(0, ids.indexOf(d.code)),
      level: d.severity,
      message: { text: d.hint ? `${d.message}. Fix: ${d.hint}` : d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(f.path), uriBaseId: '%SRCROOT%' },
            region: { startLine: d.line, startColumn: d.column },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'mp-codemod', version, informationUri: 'https://www.npmjs.com/package/mp-codemod', rules } }, results }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
