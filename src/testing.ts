import * as fs from 'fs';
import * as path from 'path';
import { transformSource, defaultOptions } from './pipeline';
import { decode, encode } from './source';
import { ready, syntaxErrorIn } from './parser';
import type { Options, Transform } from './types';

/**
 * Fixture tests in the jscodeshift style, for jest. For every `<case>.input.py` in `dir`:
 * - `<case>.output.py` is the expected result, compared byte for byte (no file: no change expected);
 * - `<case>.options.json` (optional) holds Options for the case, e.g. {"method": "forkserver"},
 *   and under "file" what the runner would know of the file, e.g. {"file": {"inPackage": true}};
 * - `<case>.diagnostics.txt` (optional) lists the expected diagnostics, one `LINE:COL CODE` a line.
 * Every output must parse, and a second run over it must change nothing.
 */
export function defineFixtureTests(transforms: Transform | readonly Transform[], dir: string): void {
  const { describe, beforeAll, test, expect } = globalThis as unknown as JestLike;
  const list = Array.isArray(transforms) ? (transforms as Transform[]) : [transforms as Transform];
  const cases = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.input.py'))
    .map((f) => f.slice(0, -'.input.py'.length))
    .sort();
  describe(`${list.map((t) => t.id).join('+')} fixtures`, () => {
    // The parser is WebAssembly and loads asynchronously, once per test file.
    beforeAll(() => ready());
    test('the fixture folder has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const name of cases) {
      const file = (ext: string) => path.join(dir, `${name}.${ext}`);
      const read = (ext: string) => (fs.existsSync(file(ext)) ? fs.readFileSync(file(ext)) : null);
      test(name, () => {
        const inputBytes = read('input.py')!;
        const { file: facts, ...given } = JSON.parse(read('options.json')?.toString() ?? '{}');
        const options: Options = { ...defaultOptions, ...given };
        const decoded = decode(inputBytes);
        const first = transformSource(decoded.text, list, options, file('input.py'), { inPackage: false, ...facts });
        expect(first.error).toBeUndefined();
        expect(first.syntaxError).toBeUndefined();
        const expected = read('output.py') ?? inputBytes;
        expect(encode(first.output, decoded).toString('latin1')).toBe(expected.toString('latin1'));
        expect(syntaxErrorIn(first.output)).toBeNull();
        const second = transformSource(first.output, list, options, file('output.py'), { inPackage: false, ...facts });
        expect(second.output).toBe(first.output);
        const wanted = read('diagnostics.txt');
        if (wanted) {
          const got = first.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
          expect(got).toEqual(wanted.toString('utf8').split('\n').map((l) => l.trim()).filter(Boolean));
        }
      });
    }
  });
}

interface JestLike {
  describe(name: string, fn: () => void): void;
  beforeAll(fn: () => Promise<unknown>): void;
  test(name: string, fn: () => void): void;
  expect(value: unknown): {
    toBe(v: unknown): void;
    toEqual(v: unknown): void;
    toBeNull(): void;
    toBeUndefined(): void;
    toBeGreaterThan(n: number): void;
  };
}
