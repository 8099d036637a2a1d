/**
 * The words that screening looks for, found in one pass over a text. The built-in prefilters,
 * the skip pragma and the cross-file note each scanned every text for their own words: five
 * scans of each file, about 150 ms of a 1.7 s run on the stdlib, where one scan takes about 75.
 * Scanning is a fact about a text, so the answer for the last text asked about is kept.
 */
export const WORDS = ['multiprocess', 'ProcessPoolExecutor', 'DataLoader', 'billiard', 'fork', 'set_start_method', '__main__', 'concurrent', 'mp-codemod:'] as const;

export type Word = (typeof WORDS)[number];

const BIT = new Map<string, number>(WORDS.map((w, i) => [w, 1 << i]));
const SCAN = new RegExp(WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

// The text last asked about, the words seen in it so far, and where the scan goes on from (-1:
// at the end). It stops at the first word asked for, as a test of one expression would. It goes
// on from one character after a match, not after its end, as words may overlap
// ('multiprocesset_start_method' holds both).
let lastText: string | null = null;
let seen = 0;
let from = 0;

/** Whether `text` contains any of `words` (as substrings, like `includes`). */
export function mentions(text: string, ...words: Word[]): boolean {
  if (text !== lastText) {
    lastText = text;
    seen = 0;
    from = 0;
  }
  let wanted = 0;
  for (const w of words) wanted |= BIT.get(w)!;
  while ((seen & wanted) === 0 && from !== -1) {
    SCAN.lastIndex = from;
    const m = SCAN.exec(text);
    if (m === null) from = -1;
    else {
      seen |= BIT.get(m[0])!;
      from = m.index + 1;
    }
  }
  return (seen & wanted) !== 0;
}

/**
 * Lets go of the last text: a file's text is scanned while it is screened, then read again when
 * it is processed, and the kept one would live on beside the new one (a 50 MB file: 100 MB).
 */
export function forgetText(): void {
  lastText = null;
  seen = 0;
  from = 0;
}
