/**
 * Words that screening looks for, found in one pass over a text. The prefilters, the skip pragma
 * and the cross-file note each scanned every text for their own words: five scans of each file,
 * about 150 ms of a 1.7 s run on the stdlib, where one scan takes about 75. Which words are
 * scanned for is up to the caller (the transforms declare theirs: Transform.words); the answer
 * for the last text asked about is kept.
 */
export class WordScan {
  private readonly index = new Map<string, number>();
  /** For each word, the words it contains (itself included): finding it finds them. */
  private readonly implies: number[][];
  private readonly scan: RegExp;
  // The text last asked about, the words seen in it so far, and where the scan goes on from (-1:
  // at the end). It stops at the first word asked for, as a test of one expression would. It goes
  // on from one character after a match, not after its end, as words may overlap
  // ('multiprocesset_start_method' holds both).
  private lastText: string | null = null;
  private readonly seen: Uint8Array;
  private from = 0;

  constructor(words: Iterable<string>) {
    // Longest first: at a place where two words start, the longer one matches, and it implies
    // the shorter ('forkserver' holds 'fork').
    const list = [...new Set([...words].filter((w) => w.length > 0))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    list.forEach((w, i) => this.index.set(w, i));
    this.implies = list.map((w) => list.flatMap((v, i) => (w.includes(v) ? [i] : [])));
    this.scan = new RegExp(list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '(?!)', 'g');
    this.seen = new Uint8Array(list.length);
  }

  /**
   * Whether `text` contains any of `words` (as substrings, like `includes`). A word the scan was
   * not made with is looked for on its own: right, only slower. Bound, so it can be handed on.
   */
  readonly mentions = (text: string, ...words: string[]): boolean => {
    if (text !== this.lastText) {
      this.lastText = text;
      this.seen.fill(0);
      this.from = 0;
    }
    let known = false;
    for (const w of words) {
      if (this.index.has(w)) known = true;
      else if (text.includes(w)) return true;
    }
    if (!known) return false;
    while (!this.anySeen(words) && this.from !== -1) {
      this.scan.lastIndex = this.from;
      const m = this.scan.exec(text);
      if (m === null) this.from = -1;
      else {
        for (const i of this.implies[this.index.get(m[0])!]) this.seen[i] = 1;
        this.from = m.index + 1;
      }
    }
    return this.anySeen(words);
  };

  private anySeen(words: string[]): boolean {
    for (const w of words) {
      const i = this.index.get(w);
      if (i !== undefined && this.seen[i] === 1) return true;
    }
    return false;
  }

  /**
   * Lets go of the last text: a file's text is scanned while it is screened, then read again when
   * it is processed, and the kept one would live on beside the new one (a 50 MB file: 100 MB).
   */
  forget(): void {
    this.lastText = null;
    this.seen.fill(0);
    this.from = 0;
  }
}
