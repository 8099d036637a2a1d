import * as fs from 'fs';
import * as path from 'path';
import { transformSource, defaultOptions } from './pipeline';
import { decode, encode } from './source';
import { ready, syntaxErrorIn } from './parser';
import { serverScript } from './compile';
import type { Options, Transform } from './types';
import { spawnSync } from 'child_process';

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
        // Lines ended by \r alone are read as \n, as transformSource reads them.
        const reparsed = first.output.includes('\n') ? first.output : first.output.replace(/\r/g, '\n');
        expect(syntaxErrorIn(reparsed)).toBeNull();
        if (first.output !== decoded.text) expect(pythonRejects(first.output, decoded.text, options.targetMinor)).toBeNull();
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

/**
 * What python3 says against `output` when it compiles `input` (null: nothing, or no python3, or
 * one older than the target). One python3 per case, through the compile gate's own script.
 */
export function pythonRejects(output: string, input: string, targetMinor?: number): string | null {
  const requests = [output, input].map((source, id) => JSON.stringify({ id, path: 'fixture.py', source })).join('\n') + '\n';
  const run = spawnSync(python3(), ['-I', '-S', serverScript()], { input: requests, encoding: 'utf8' });
  if (run.status !== 0) return null;
  const [ready, out, inp] = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
  if (targetMinor !== undefined && ready.version[1] < targetMinor) return null;
  return !out.ok && inp.ok ? `${out.message} (line ${out.line})` : null;
}

let interpreter: string | undefined;
/** python3 itself, not a shim in front of it (pyenv's costs a fifth of a second a run). */
function python3(): string {
  interpreter ??= spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout?.trim() || 'python3';
  return interpreter;
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
