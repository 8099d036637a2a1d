import MagicString from 'magic-string';
import type { Edit, Fix } from '../api/types';

export interface Outcome<F extends Fix> {
  output: string;
  applied: F[];
  /** Fixes that overlap or touch an accepted one: worth another pass. */
  conflicting: F[];
  /** Fixes that can never apply: edits out of range or overlapping each other. */
  invalid: { fix: F; reason: string }[];
  /** The edits that were applied, sorted, in the coordinates of the input. */
  edits: Edit[];
}

function checkFix(fix: Fix, length: number): string | null {
  if (!Array.isArray(fix.edits) || fix.edits.length === 0) return 'it has no edits';
  const edits = sortEdits(fix.edits);
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i];
    if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || typeof e.text !== 'string') {
      return 'an edit is not {start, end, text}';
    }
    if (e.start < 0 || e.end < e.start || e.end > length) return `edit ${e.start}-${e.end} is out of range`;
    if (i > 0 && e.start < edits[i - 1].end) return `edits ${edits[i - 1].start}-${edits[i - 1].end} and ${e.start}-${e.end} overlap`;
    if (i > 0 && e.start === edits[i - 1].start && e.end === e.start && edits[i - 1].end === e.start) {
      return `two insertions at ${e.start}`;
    }
  }
  return null;
}

export const sortEdits = (edits: Edit[]) => [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
const same = (a: Edit, b: Edit) => a.start === b.start && a.end === b.end && a.text === b.text;
// Touching counts as a conflict (as in ruff): the order of two inserts at one point is ambiguous.
const clash = (a: Edit, b: Edit) => a.start <= b.end && b.start <= a.end;

/**
 * Applies whole fixes or nothing of them. An edit identical to one already accepted
 * is shared (two fixes may need the same import); any other overlap defers the later fix.
 */
export function applyFixes<F extends Fix>(text: string, fixes: F[]): Outcome<F> {
  const chosen = chooseFixes(text, fixes);
  return { ...chosen, output: render(text, chosen.edits) };
}

/** applyFixes without the output: which fixes apply, and their edits, sorted. */
export function chooseFixes<F extends Fix>(text: string, fixes: F[]): Omit<Outcome<F>, 'output'> {
  const invalid: { fix: F; reason: string }[] = [];
  const valid: F[] = [];
  for (const fix of fixes) {
    const reason = checkFix(fix, text.length);
    if (reason) invalid.push({ fix, reason });
    else valid.push(fix);
  }
  valid.sort((a, b) => firstStart(a) - firstStart(b));

  const accepted: Edit[] = [];
  const applied: F[] = [];
  const conflicting: F[] = [];
  for (const fix of valid) {
    const fresh: Edit[] = [];
    for (const e of fix.edits) if (!pairs(accepted, e, same)) fresh.push(e);
    let conflict = false;
    for (let i = 0; i < fresh.length && !conflict; i++) conflict = pairs(accepted, fresh[i], clash);
    if (conflict) {
      conflicting.push(fix);
      continue;
    }
    accepted.push(...fresh);
    applied.push(fix);
  }
  return { applied, conflicting, invalid, edits: sortEdits(accepted) };
}

/**
 * `edits` joined to `accepted` (edits of other fixes, applied together with them): false, and
 * `accepted` unchanged, when one of them overlaps or touches an accepted edit it is not identical to.
 */
export function joinEdits(accepted: Edit[], edits: readonly Edit[]): boolean {
  const fresh = edits.filter((e) => !pairs(accepted, e, same));
  if (fresh.some((e) => pairs(accepted, e, clash))) return false;
  accepted.push(...fresh);
  return true;
}

/** The text after `edits` (sorted, none overlapping). */
export function render(text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return text;
  const s = new MagicString(text);
  for (const e of edits) {
    if (e.start === e.end) s.appendLeft(e.start, e.text);
    else if (e.text === '') s.remove(e.start, e.end);
    else s.overwrite(e.start, e.end, e.text);
  }
  return s.toString();
}

/** Whether an edit of `list` and `e` pass `test`. A loop, not arrows made per fix: see memory.ts. */
function pairs(list: readonly Edit[], e: Edit, test: (a: Edit, b: Edit) => boolean): boolean {
  for (const a of list) if (test(a, e)) return true;
  return false;
}

const firstStart = (fix: Fix) => Math.min(...fix.edits.map((e) => e.start));

/**
 * Maps an offset in the text after `edits` back to the text before them. An offset inside
 * inserted text maps to the insertion point, unless `before` is given and the inserted line is a
 * line moved from elsewhere (guard-main re-indents module-level code into `main()`): then to that
 * line, when the text before has it once.
 */
export function mapBack(pos: number, edits: Edit[], before?: string): number {
  let delta = 0;
  for (const e of edits) {
    const newStart = e.start + delta;
    if (pos < newStart) break;
    if (pos < newStart + e.text.length) return (before !== undefined ? movedFrom(pos - newStart, e.text, before) : null) ?? e.start;
    delta += e.text.length - (e.end - e.start);
  }
  return pos - delta;
}

/** Lines shorter than this are too common to tell where they came from. */
const SHORTEST_MOVED = 12;

/** The offset in `before` of the character at `at` of inserted `text`, when its line is a line of `before` (indentation aside) found there once. */
function movedFrom(at: number, text: string, before: string): number | null {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
  const content = line.trimStart();
  const column = at - start - (line.length - content.length);
  if (content.length < SHORTEST_MOVED || column < 0 || column > content.length) return null;
  let found: number | null = null;
  for (let i = before.indexOf(content); i !== -1; i = before.indexOf(content, i + 1)) {
    let head = i;
    while (head > 0 && (before[head - 1] === ' ' || before[head - 1] === '\t')) head--;
    const tail = before[i + content.length];
    if ((head > 0 && before[head - 1] !== '\n' && before[head - 1] !== '\r') || (tail !== undefined && tail !== '\n' && tail !== '\r')) continue;
    if (found !== null) return null;
    found = i + column;
  }
  return found;
}
