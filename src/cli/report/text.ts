import { styleText } from 'util';
import type { FileResult, Summary } from '../../run/runner';

export interface Paint {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

type Style = Parameters<typeof styleText>[0];
// The decision to colour is made per stream (useColour), so styleText must not second-guess it.
const style = (format: Style) => (s: string) => styleText(format, s, { validateStream: false } as never);
export const colours: Paint = { red: style('red'), green: style('green'), yellow: style('yellow'), cyan: style('cyan'), bold: style('bold'), dim: style('dim') };
const plainText = (s: string) => s;
export const plain: Paint = { red: plainText, green: plainText, yellow: plainText, cyan: plainText, bold: plainText, dim: plainText };

/**
 * Whether to colour one stream: --color/--no-color first, then NO_COLOR and FORCE_COLOR (as
 * https://no-color.org and https://force-color.org say: set and not empty), then whether that
 * stream is a terminal (not TERM=dumb). stdout and stderr are decided apart: `2>log` keeps the log plain.
 */
export function useColour(flag: boolean | undefined, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

export function colourDiff(diff: string, paint: Paint): string {
  return diff
    .split(/(?<=\n)/)
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return paint.bold(line.replace(/\r?\n$/, '')) + '\n';
      if (line.startsWith('@@')) return paint.cyan(line.replace(/\r?\n$/, '')) + '\n';
      if (line.startsWith('+')) return paint.green(line.replace(/\n$/, '')) + '\n';
      if (line.startsWith('-')) return paint.red(line.replace(/\n$/, '')) + '\n';
      return line;
    })
    .join('');
}

/** Per-file lines for stderr: skips, errors, diagnostics with hints, what was written. */
export function fileLines(file: FileResult, mode: { write: boolean; check: boolean }, paint: Paint): string[] {
  const lines: string[] = [];
  if (file.status === 'skipped') {
    lines.push(file.line ? `${file.path}:${file.line}: ${file.reason}, skipped` : `${file.path}: skipped: ${file.reason}`);
  }
  if (file.status === 'error') lines.push(`${file.path}: ${paint.red('error')}: ${file.reason}`);
  for (const t of file.unconverged ?? []) lines.push(`${file.path}: note: ${t} did not converge after its last pass; run again to finish`);
  for (const d of file.diagnostics) {
    const where = d.cell ? `${file.path}[cell ${d.cell}]` : file.path;
    const severity = d.severity === 'error' ? paint.red('[error]') : paint.yellow('[warning]');
    lines.push(`${where}:${d.line}:${d.column}: ${paint.bold(d.code)} ${severity} ${d.message}`);
    if (d.hint) lines.push(paint.dim(`  hint: ${d.hint}`));
  }
  if (file.status === 'changed') {
    const n = file.fixes.length;
    const what = `${n} fix${n === 1 ? '' : 'es'}`;
    if (file.written) lines.push(`fixed ${file.path} (${what})`);
    else if (mode.check) lines.push(`would change ${file.path} (${what})`);
  }
  return lines;
}

export function summaryLine(s: Summary, mode: { write: boolean; check: boolean }): string {
  const verb = mode.write ? 'changed' : 'would change';
  const parts = [
    `${s.changed} ${verb}`,
    `${s.unchanged} unchanged`,
    `${s.skipped} skipped`,
    `${s.errors} error${s.errors === 1 ? '' : 's'}`,
    `${s.diagnostics} diagnostic${s.diagnostics === 1 ? '' : 's'}`,
  ];
  return `mp-codemod: scanned ${s.scanned} file${s.scanned === 1 ? '' : 's'} in ${s.seconds.toFixed(2)}s: ${parts.join(', ')}`;
}

/** `diagnostics by code: MP101 ×2, MP301 ×1`, or '' when there are none. */
export function countByCode(s: Summary): string {
  const counts = new Map<string, number>();
  for (const f of s.files) for (const d of f.diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  if (counts.size === 0) return '';
  const parts = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, n]) => `${code} ×${n}`);
  return `diagnostics by code: ${parts.join(', ')}`;
}
