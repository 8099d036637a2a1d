import type { Summary } from '../../run/runner';

// GitHub workflow commands: data is %-escaped, and property values also escape ':' and ','.
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One annotation per diagnostic, error or problem file, and per file that would change. */
export function githubReport(s: Summary, mode: { write: boolean }): string {
  const out: string[] = [];
  for (const f of s.files) {
    const file = prop(f.path);
    for (const d of f.diagnostics) {
      const text = d.hint ? `${d.message}. Fix: ${d.hint}` : d.message;
      // A notebook position is in a cell's source, not in the .ipynb file: it goes in the message.
      const where = d.cell ? '' : `,line=${d.line},col=${d.column}`;
      const cell = d.cell ? `cell ${d.cell}, line ${d.line}, column ${d.column}: ` : '';
      out.push(`::${d.severity} file=${file}${where},title=${prop(`mp-codemod ${d.code}`)}::${data(cell + text)}`);
    }
    if (f.status === 'error' || (f.status === 'skipped' && f.problem)) {
      // Annotations without a line are not shown on the changed files of a pull request.
      out.push(`::error file=${file},line=${f.line ?? 1},title=mp-codemod::${data(`${f.status}: ${f.reason}`)}`);
    }
    if (f.status === 'changed' && !mode.write) {
      out.push(`::warning file=${file},line=${f.firstChange ?? 1},title=mp-codemod::${data(`would change (${f.fixes.length} fix${f.fixes.length === 1 ? '' : 'es'}); run npx mp-codemod --write`)}`);
    }
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}
