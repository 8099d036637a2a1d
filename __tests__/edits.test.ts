import { applyFixes, mapBack } from '../src/engine/edits';
import type { Fix } from '../src/api/types';

const fix = (message: string, ...edits: [number, number, string][]): Fix => ({
  message,
  edits: edits.map(([start, end, text]) => ({ start, end, text })),
});

describe('applyFixes', () => {
  test('applies non-overlapping fixes in order of position', () => {
    const out = applyFixes('abcdef', [fix('b', [4, 5, 'E']), fix('a', [0, 1, 'A'])]);
    expect(out.output).toBe('AbcdEf');
    expect(out.applied.map((f) => f.message)).toEqual(['a', 'b']);
  });

  test('shares an identical edit between two fixes (one import for two calls)', () => {
    const imp: [number, number, string] = [0, 0, 'import x\n'];
    const out = applyFixes('a\nb\n', [fix('one', imp, [0, 1, 'A']), fix('two', imp, [2, 3, 'B'])]);
    expect(out.output).toBe('import x\nA\nB\n');
    expect(out.applied).toHaveLength(2);
  });

  test('defers a fix that overlaps or touches an accepted one, whole', () => {
    const out = applyFixes('abcdef', [fix('first', [1, 3, 'X']), fix('second', [3, 4, 'Y'], [5, 6, 'Z'])]);
    expect(out.output).toBe('aXdef');
    expect(out.conflicting.map((f) => f.message)).toEqual(['second']);
  });

  test('rejects fixes whose own edits overlap or fall outside the text', () => {
    const out = applyFixes('abc', [fix('overlap', [0, 2, 'x'], [1, 3, 'y']), fix('range', [2, 9, 'z']), { message: 'empty', edits: [] }]);
    expect(out.output).toBe('abc');
    expect(out.invalid.map((i) => i.fix.message)).toEqual(['overlap', 'range', 'empty']);
  });

  test('deletes with an empty replacement', () => {
    expect(applyFixes('a, b', [fix('del', [1, 4, ''])]).output).toBe('a');
  });
});

describe('mapBack', () => {
  const edits = [{ start: 2, end: 2, text: 'XYZ' }, { start: 4, end: 6, text: '' }];
  // "ab" + "XYZ" + "cd" + "" + "gh"  from  "abcdefgh"
  test('maps offsets after edits to the text before them', () => {
    expect(mapBack(0, edits)).toBe(0);
    expect(mapBack(3, edits)).toBe(2); // inside the insertion
    expect(mapBack(5, edits)).toBe(2);
    expect(mapBack(6, edits)).toBe(3);
    expect(mapBack(7, edits)).toBe(6);
  });

  test('an offset in a moved line maps to that line where it was, when the text before has it once', () => {
    // guard-main's shape: a module-level line removed, and inserted again indented in main().
    const before = 'import os\nloader = DataLoader(ds, num_workers=2)\nx = 1\n';
    const moved = [
      { start: 10, end: 49, text: '' },
      { start: 55, end: 55, text: '\n\ndef main():\n    loader = DataLoader(ds, num_workers=2)\n' },
    ];
    const after = applyFixes(before, [{ message: 'move', edits: moved }]).output;
    expect(after).toBe('import os\nx = 1\n\n\ndef main():\n    loader = DataLoader(ds, num_workers=2)\n');
    const at = after.indexOf('DataLoader');
    expect(mapBack(at, moved, before)).toBe(before.indexOf('DataLoader'));
    // Without the text before, or for a line found twice there: the insertion point.
    expect(mapBack(at, moved)).toBe(55);
    expect(mapBack(at, moved, `${before}loader = DataLoader(ds, num_workers=2)\n`)).toBe(55);
  });
});
