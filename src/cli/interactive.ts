import * as fs from 'fs';
import { structuredPatch, applyPatch, formatPatch } from 'diff';
import { decode, encode } from '../python/source';
import { atomicWrite, WriteError } from '../run/write';
import { syntaxErrorIn } from '../syntax/parser';
import type { FileResult, Summary } from '../run/runner';
import type { Paint } from './report/text';
import { colourDiff } from './report/text';

export interface Prompter {
  write(s: string): void;
  /** The next answer (a line, or one key on a terminal), or null at end of input; '\u0003' is Ctrl-C. */
  readLine(): string | null;
}

type Answer = 'y' | 'n' | 'a' | 'q' | 's' | 'interrupt';

const HELP = '  y: apply this change\n  n: skip it\n  a: apply it and the rest of this file\n  s: split it into its separate edits\n  q: quit, keeping what was applied\n  ?: this help\n';

function ask(p: Prompter, question: string): Answer {
  for (;;) {
    p.write(question);
    const line = p.readLine();
    if (line === null) return 'q';
    if (line.includes('\u0003')) return 'interrupt';
    const a = line.trim().toLowerCase()[0];
    if (a === 'y' || a === 'n' || a === 'a' || a === 'q' || a === 's') return a;
    p.write(a === '?' ? HELP : '  answer y, n, a, s or q (? for help)\n');
  }
}

/**
 * Shows each change of each changed file, hunk by hunk, and writes only what was accepted
 * (atomically, and only if the result still parses). Returns the files written.
 */
export function review(summary: Summary, realPaths: Map<string, string>, p: Prompter, paint: Paint): { written: string[]; refused: string[]; interrupted: boolean } {
  const written: string[] = [];
  const refused: string[] = [];
  let quit = false;
  let interrupted = false;
  // A notebook's hunks would be hunks of its JSON: notebooks are not offered.
  for (const file of summary.files.filter((f: FileResult) => f.status === 'changed' && f.after !== undefined && !f.path.endsWith('.ipynb'))) {
    if (quit) break;
    const real = realPaths.get(file.path)!;
    const bytes = fs.readFileSync(real);
    const decoded = decode(bytes);
    const patch = structuredPatch(`a/${file.path}`, `b/${file.path}`, decoded.text, file.after!, '', '', { context: 3 });
    const accepted: typeof patch.hunks = [];
    let all = false;
    const hunks = [...patch.hunks];
    for (let i = 0; i < hunks.length && !quit; i++) {
      const hunk = hunks[i];
      if (!all) {
        p.write(colourDiff(formatPatch({ ...patch, hunks: [hunk] }).replace(/^=+\r?\n/m, ''), paint));
        const a = ask(p, `Apply change ${i + 1}/${hunks.length} to ${file.path}? [y,n,a,s,q,?] `);
        if (a === 'q' || a === 'interrupt') {
          // Ctrl-C too keeps what was accepted so far, this file's accepted changes included.
          quit = true;
          interrupted = a === 'interrupt';
          break;
        }
        if (a === 's') {
          const parts = splitHunk(hunk, decoded.text, patch);
          if (parts) hunks.splice(i, 1, ...parts);
          else p.write('  this change is a single edit; it cannot be split\n');
          i--;
          continue;
        }
        if (a === 'n') continue;
        if (a === 'a') all = true;
      }
      accepted.push(hunk);
    }
    if (accepted.length === 0) continue;
    let result = applyPatch(decoded.text, { ...patch, hunks: accepted });
    // A declined change that only adds imports or the shared context comes too when an accepted
    // change uses what it defines.
    if (result !== false && missingDefinitions(decoded.text, file.after!, result).length > 0) {
      for (const [i, hunk] of hunks.entries()) {
        if (accepted.includes(hunk) || !onlyDefines(hunk)) continue;
        accepted.push(hunk);
        p.write(`  (change ${i + 1} comes too: it defines what the accepted changes use)\n`);
      }
      accepted.sort((a, b) => a.oldStart - b.oldStart);
      result = applyPatch(decoded.text, { ...patch, hunks: accepted });
    }
    if (result === false || syntaxErrorIn(result)) {
      p.write(`${file.path}: the accepted changes alone do not parse; not written\n`);
      refused.push(file.path);
      continue;
    }
    const missing = missingDefinitions(decoded.text, file.after!, result);
    if (missing.length > 0) {
      p.write(`${file.path}: the accepted changes use ${missing.join(', ')}, which a declined change defines; not written (accept that change too)\n`);
      refused.push(file.path);
      continue;
    }
    try {
      atomicWrite(real, encode(result, decoded), bytes);
      written.push(file.path);
      p.write(`fixed ${file.path} (${accepted.length} of ${hunks.length} changes)\n`);
    } catch (e) {
      if (!(e instanceof WriteError)) throw e;
      p.write(`${file.path}: error: ${e.message}\n`);
      refused.push(file.path);
    }
  }
  return { written, refused, interrupted };
}

type Hunk = import('diff').StructuredPatchHunk;

const IMPORT_LINE = /^\s*(import\s|from\s+\S+\s+import\b)/;
const DEFINITION_LINE = /^\s*(import\s|from\s+\S+\s+import\b|_mp_context\s*=)/;

/** A hunk whose changed lines are imports, the shared context's binding, or blank. */
function onlyDefines(hunk: Hunk): boolean {
  return hunk.lines.every((l) => l[0] === ' ' || l[0] === '\\' || l.slice(1).trim() === '' || DEFINITION_LINE.test(l.slice(1)));
}

/** Names a line of Python binds at its start: imports and a plain assignment. */
function definedBy(line: string): string[] {
  const t = line.trim();
  if (IMPORT_LINE.test(t)) {
    const list = t.startsWith('from') ? t.replace(/^from\s+\S+\s+import\s+/, '') : t.replace(/^import\s+/, '');
    return list
      .replace(/[()\\]/g, '')
      .split(',')
      .map((part) => part.trim().split(/\s+as\s+/))
      .filter((p) => p[0] !== '')
      .map((p) => (p[1] ?? p[0]).split('.')[0].trim());
  }
  const assigned = /^(\w+)\s*=(?!=)/.exec(t);
  return assigned ? [assigned[1]] : [];
}

const uses = (text: string, name: string) => (text.match(new RegExp(`(?<![.\\w])${name}\\b`, 'g')) ?? []).length;

/**
 * Names the full change defines on lines the accepted result lacks, which the result uses more
 * than the original did: a declined import or binding that an accepted change needs.
 */
function missingDefinitions(before: string, full: string, result: string): string[] {
  const split = (t: string) => t.split(/\r\n|\n|\r/).map((l) => l.trim());
  const kept = new Set([...split(before), ...split(result)]);
  const out = new Set<string>();
  for (const line of split(full)) {
    if (kept.has(line)) continue;
    for (const name of definedBy(line)) if (uses(result, name) > uses(before, name)) out.add(name);
  }
  return [...out];
}

/**
 * A hunk's separate edits (runs of changed lines between unchanged ones), as hunks without
 * context; null when it holds one edit, or when the parts would not apply as the whole does.
 */
function splitHunk(hunk: Hunk, text: string, patch: import('diff').StructuredPatch): Hunk[] | null {
  const parts: Hunk[] = [];
  let oldLine = hunk.oldStart;
  let newLine = hunk.newStart;
  let current: Hunk | null = null;
  for (const line of hunk.lines) {
    const kind = line[0];
    if (kind === ' ') {
      current = null;
      oldLine++;
      newLine++;
      continue;
    }
    if (kind === '\\') {
      current?.lines.push(line);
      continue;
    }
    if (!current) {
      current = { oldStart: oldLine, oldLines: 0, newStart: newLine, newLines: 0, lines: [] };
      parts.push(current);
    }
    current.lines.push(line);
    if (kind === '-') {
      current.oldLines++;
      oldLine++;
    } else {
      current.newLines++;
      newLine++;
    }
  }
  if (parts.length < 2) return null;
  const whole = applyPatch(text, { ...patch, hunks: [hunk] });
  const split = applyPatch(text, { ...patch, hunks: parts });
  return whole !== false && split === whole ? parts : null;
}

/**
 * One key per answer from a terminal, without Enter: raw mode only while waiting, so Ctrl-C
 * arrives as a key (a blocking read would never see SIGINT) and works as usual elsewhere.
 */
export function keyReader(stdin: NodeJS.ReadStream & { fd: 0 }, echo: (s: string) => void): () => string | null {
  // Raw from the start, before the first question is written: a key typed in between would
  // otherwise wait in the terminal's line buffer for an Enter that never comes.
  stdin.setRawMode(true);
  process.once('exit', () => stdin.setRawMode(false));
  return () => {
    const buf = Buffer.alloc(16);
    let n = 0;
    for (;;) {
      try {
        n = fs.readSync(stdin.fd, buf, 0, buf.length, null);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') return null;
      }
    }
    if (n === 0 || buf[0] === 4) return null; // end of input, or Ctrl-D
    const key = buf.subarray(0, n).toString('utf8');
    echo(key === '\u0003' ? '^C\n' : `${key.trim()}\n`);
    return key;
  };
}

/** Reads answer lines from a file descriptor synchronously (a terminal or a pipe). */
export function lineReader(fd: number): () => string | null {
  let buffered = '';
  let ended = false;
  return () => {
    for (;;) {
      const nl = buffered.indexOf('\n');
      if (nl !== -1) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        return line;
      }
      if (ended) {
        if (buffered === '') return null;
        const rest = buffered;
        buffered = '';
        return rest;
      }
      const chunk = Buffer.alloc(4096);
      let n = 0;
      try {
        n = fs.readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        n = 0;
      }
      if (n === 0) ended = true;
      else buffered += chunk.subarray(0, n).toString('utf8');
    }
  };
}
