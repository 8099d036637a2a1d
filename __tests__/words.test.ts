import * as fs from 'fs';
import * as path from 'path';
import { WordScan } from '../src/syntax/words';
import { wordsOf, defaultOptions } from '../src/engine/pipeline';
import { PROJECT_WORDS } from '../src/project/project';
import { builtinTransforms } from '../transforms';
import type { PrefilterFile } from '../src/api/types';

// The words a run screens for: the built-in transforms' (as they declare them), the engine's and the cross-file scan's.
const WORDS = [...new Set([...wordsOf(builtinTransforms), ...PROJECT_WORDS])];

/** Every word next to any other, in either order: the scan must find both. */
function missedPairs(words: string[]): string[] {
  const scan = new WordScan(words);
  const missed: string[] = [];
  for (const a of words) {
    for (const b of words) {
      for (const text of [a + b, `${a} ${b}`, `x${a}${b}y`]) {
        if (!scan.mentions(text, a) || !scan.mentions(text, b)) missed.push(JSON.stringify(text));
      }
    }
  }
  return missed;
}

/** Texts made of pieces of the words: the scan must answer as includes does. */
function differsFromIncludes(words: string[]): string[] {
  const scan = new WordScan(words);
  // A fixed linear congruential sequence: the same texts on every run.
  let seed = 12345;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pieces = words.flatMap((w) => [w, w.slice(0, 1 + next(w.length - 1)), w.slice(next(w.length - 1))]).concat([' ', '\n', '_', '.', ':', 'mp', 'ss']);
  const wrong: string[] = [];
  for (let i = 0; i < 3000; i++) {
    let text = '';
    for (let k = next(8); k >= 0; k--) text += pieces[next(pieces.length)];
    for (const w of words) if (scan.mentions(text, w) !== text.includes(w)) wrong.push(`${w} in ${JSON.stringify(text)}`);
  }
  return wrong;
}

describe('the one-pass word scan', () => {
  test('the built-in words are found next to any other, in either order', () => {
    expect(WORDS).toEqual(expect.arrayContaining(['multiprocess', 'fork', '__main__', 'mp-codemod:']));
    expect(missedPairs(WORDS)).toEqual([]);
  });

  test('answers as includes does, on texts made of pieces of the words', () => {
    expect(differsFromIncludes(WORDS)).toEqual([]);
  });

  test('words that start alike or hold one another (a transform may declare any) are all found', () => {
    const words = ['fork', 'forkserver', 'kser', 'server', 'forked'];
    expect(missedPairs(words)).toEqual([]);
    expect(differsFromIncludes(words)).toEqual([]);
    const scan = new WordScan(words);
    expect(scan.mentions('x = "forkserver"', 'fork')).toBe(true);
    expect(scan.mentions('x = "forkserver"', 'kser')).toBe(true);
    expect(scan.mentions('x = "forkserver"', 'forked')).toBe(false);
  });

  test('a text without the words mentions none, and the answer follows the text asked about', () => {
    const scan = new WordScan(WORDS);
    expect(scan.mentions('import os\nprint(os.getpid())\n', ...WORDS)).toBe(false);
    expect(scan.mentions('import multiprocessing\n', 'multiprocess')).toBe(true);
    expect(scan.mentions('import threading\n', 'multiprocess')).toBe(false);
    expect(scan.mentions('from concurrent import futures\n', 'multiprocess', 'concurrent')).toBe(true);
    // Words that share characters are both found.
    expect(scan.mentions('multiprocesset_start_method', 'multiprocess')).toBe(true);
    expect(scan.mentions('multiprocesset_start_method', 'set_start_method')).toBe(true);
  });

  test('a word the scan was not made with is still looked for', () => {
    const scan = new WordScan(['multiprocess']);
    expect(scan.mentions('import os\nos.getpid()\n', 'getpid')).toBe(true);
    expect(scan.mentions('import os\nos.getpid()\n', 'multiprocess', 'getpid')).toBe(true);
    expect(scan.mentions('import os\n', 'multiprocess', 'getpid')).toBe(false);
    expect(new WordScan([]).mentions('import os\n', 'os')).toBe(true);
    expect(new WordScan([]).mentions('import os\n', 'sys')).toBe(false);
  });
});

describe('declared words', () => {
  // Inputs that make the prefilters ask about every word they use, and the fixtures' inputs.
  const fixtures = path.join(__dirname, '..', '__testfixtures__');
  const inputs: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.input.py')) inputs.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(fixtures);
  inputs.push('', 'if __name__ == "__main__":\n    pass\n', 'import os\nos.fork()\n');

  test.each(builtinTransforms.map((t) => [t.id, t] as const))('%s declares every word its prefilter asks about', (_id, t) => {
    const asked = new Set<string>();
    const scan = new WordScan([]);
    for (const text of inputs) {
      for (const facts of [{ inPackage: false }, { inPackage: false, importsProcessCode: true }, { inPackage: false, processCalls: ['m.f'] }]) {
        for (const p of ['x.py', 'pkg/__main__.py']) {
          const file: PrefilterFile = { path: p, facts, options: defaultOptions, mentions: (s, ...words) => (words.forEach((w) => asked.add(w)), scan.mentions(s, ...words)) };
          if (typeof t.prefilter === 'function') t.prefilter(text, file);
        }
      }
    }
    expect(asked.size).toBeGreaterThan(0);
    expect([...asked].filter((w) => !(t.words ?? []).includes(w))).toEqual([]);
  });
});
