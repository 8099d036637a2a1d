import { spawnSync } from 'child_process';
import { cutString, splitString } from '../src/python/string-split';
import { parse } from '../src/syntax/parser';

// A string cut into implicitly concatenated pieces must keep its value: Python itself compares.

/** A small deterministic generator, so that a failure can be replayed. */
function generator(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

const LETTERS = ['a', 'b', 'é', '中', '%', 'd', '{', '}', 'x', '.', ':', '-', '(', ')', '0'];

function cases(): { literal: string; room: number; tail: string }[] {
  const rnd = generator(17);
  const out: { literal: string; room: number; tail: string }[] = [];
  for (let k = 0; k < 400; k++) {
    const quote = rnd(2) ? '"' : "'";
    const other = quote === '"' ? "'" : '"';
    const words: string[] = [];
    for (let i = 0, n = 1 + rnd(25); i < n; i++) {
      let w = '';
      for (let j = 0, m = rnd(10); j < m; j++) w += rnd(8) ? LETTERS[rnd(LETTERS.length)] : other;
      words.push(w);
    }
    // Runs of spaces, and spaces at either end, too.
    const literal = `${quote}${words.join(rnd(4) ? ' ' : '  ')}${quote}`;
    out.push({ literal, room: 12 + rnd(70), tail: ['', ',', ', x)', ')', ' % (a, b)'][rnd(5)] });
  }
  return out;
}

const columns = (t: string) => [...t].length;

test('cut pieces keep the value (ast.literal_eval of both), fit their room, and start with the space they were cut at', () => {
  const all = cases();
  const cut = all.map((c) => ({ ...c, pieces: cutString(c.literal, c.room, c.tail) }));
  const done = cut.filter((c) => c.pieces !== null);
  // Enough of them are cut, some more than once, for the comparison to mean something.
  expect(done.length).toBeGreaterThan(150);
  expect(done.filter((c) => c.pieces!.length > 2).length).toBeGreaterThan(30);
  for (const { literal, room, tail, pieces } of done) {
    pieces!.forEach((p, i) => {
      expect(columns(i === pieces!.length - 1 ? p + tail : p)).toBeLessThanOrEqual(room);
      expect(columns(p)).toBeGreaterThanOrEqual(6);
      if (i > 0) expect(p[1]).toBe(' ');
    });
    expect(pieces!.map((p) => p.slice(1, -1)).join('')).toBe(literal.slice(1, -1));
  }
  const program = [
    'import ast, json, sys',
    'cases = json.load(sys.stdin)',
    'print(json.dumps([ast.literal_eval(a) == ast.literal_eval("(\\n" + "\\n".join(b) + "\\n)") for a, b in cases]))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', program], { input: JSON.stringify(done.map((c) => [c.literal, c.pieces])), encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual(done.map(() => true));
});

test('a string with no space far enough from either end is not cut', () => {
  expect(cutString('"abcdefghijklmnopqrstuvwxyz"', 10, '')).toBeNull();
  expect(cutString('"abc defghijklmnopqrstuvwxyz"', 10, '')).toBeNull();
  expect(cutString('"abcdefghijklmnopqrstu vwxyz"', 20, '')).toBeNull();
  expect(cutString('"abcdefghijklmnopq rstuvwxyz"', 20, '')).toEqual(['"abcdefghijklmnopq"', '" rstuvwxyz"']);
});

describe('splitString', () => {
  const split = (source: string, shift: string, limit: number) => {
    const tree = parse(source);
    try {
      const edits = splitString(tree.rootNode, source, 0, source.indexOf('\n'), shift, limit, '\n');
      return edits && source.slice(0, edits[0].start) + edits[0].text + source.slice(edits[0].end);
    } finally {
      tree.delete();
    }
  };

  test('cuts a plain string inside brackets, the pieces aligned with its first column', () => {
    expect(split('print("aaaa bbbb cccc dddd eeee"\n      % x)\n', '    ', 30)).toBe('print("aaaa bbbb cccc"\n      " dddd eeee"\n      % x)\n');
  });

  test('cuts the last string of the line that can be cut', () => {
    expect(split('print("aaaa bbbb", "cccc dddd eeee ffff"\n      % x)\n', '    ', 40)).toBe('print("aaaa bbbb", "cccc dddd eeee"\n                   " ffff"\n      % x)\n');
  });

  test('in a file indented with tabs, aligns with a tab for each 4 columns', () => {
    const source = '\tprint("aaaa bbbb cccc dddd eeee"\n\t      % x)\n';
    const tree = parse(source);
    try {
      const edits = splitString(tree.rootNode, source, 0, source.indexOf('\n'), '\t', 32, '\n', true)!;
      expect(edits[0].text).toBe('"aaaa bbbb cccc"\n\t\t  " dddd eeee"');
    } finally {
      tree.delete();
    }
  });

  test.each([
    ['an f-string', 'print(f"aaaa bbbb cccc dddd {e}"\n      % x)\n'],
    ['a raw string', 'print(r"aaaa bbbb cccc dddd eeee"\n      % x)\n'],
    ['a bytes string', 'print(b"aaaa bbbb cccc dddd eeee"\n      % x)\n'],
    ['an escape', 'print("aaaa bbbb\\tcccc dddd eeee"\n      % x)\n'],
    ['a triple-quoted string', 'print("""aaaa bbbb cccc dddd"""\n      % x)\n'],
    ['a string outside brackets', 'x = "aaaa bbbb cccc dddd eeee" \\\n    "y"\n'],
    ['a string inside an f-string', 'print(f"{x:>{"aaaa bbbb cccc dd"}} eeee"\n      % x)\n'],
  ])('leaves %s alone', (_, source) => {
    expect(split(source, '    ', 30)).toBeNull();
  });
});
