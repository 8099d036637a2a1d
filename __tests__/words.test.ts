import { WORDS, mentions } from '../src/syntax/words';

describe('the one-pass word scan', () => {
  test('finds every word next to any other, in either order', () => {
    const missed: string[] = [];
    for (const a of WORDS) {
      for (const b of WORDS) {
        for (const text of [a + b, `${a} ${b}`, `x${a}${b}y`]) {
          if (!mentions(text, a) || !mentions(text, b)) missed.push(JSON.stringify(text));
        }
      }
    }
    expect(missed).toEqual([]);
  });

  test('answers as includes does, on texts made of pieces of the words', () => {
    // A fixed linear congruential sequence: the same texts on every run.
    let seed = 12345;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = WORDS.flatMap((w) => [w, w.slice(0, 1 + next(w.length - 1)), w.slice(next(w.length - 1))]).concat([' ', '\n', '_', '.', ':', 'mp', 'ss']);
    const wrong: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let k = next(8); k >= 0; k--) text += pieces[next(pieces.length)];
      for (const w of WORDS) if (mentions(text, w) !== text.includes(w)) wrong.push(`${w} in ${JSON.stringify(text)}`);
    }
    expect(wrong).toEqual([]);
  });

  test('a text without the words mentions none, and the answer follows the text asked about', () => {
    expect(mentions('import os\nprint(os.getpid())\n', ...WORDS)).toBe(false);
    expect(mentions('import multiprocessing\n', 'multiprocess')).toBe(true);
    expect(mentions('import threading\n', 'multiprocess')).toBe(false);
    expect(mentions('from concurrent import futures\n', 'multiprocess', 'concurrent')).toBe(true);
    // Words that share characters are both found.
    expect(mentions('multiprocesset_start_method', 'multiprocess')).toBe(true);
    expect(mentions('multiprocesset_start_method', 'set_start_method')).toBe(true);
  });
});
