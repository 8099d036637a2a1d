import * as fs from 'fs';
import * as path from 'path';
import { transformSource, defaultOptions } from './engine/pipeline';
import { decode, encode } from './python/source';
import { ready, syntaxErrorIn } from './syntax/parser';
import { serverScript } from './run/compile';
import type { FileFacts, Options, Transform } from './api/types';
import { spawnSync } from 'child_process';

/** A case made by the test file instead of read from the folder (a large file, say), checked the same way. */
export interface GeneratedCase {
  input: string;
  /** The expected result; absent: no change expected. */
  output?: string;
  options?: Partial<Options>;
}

/**
 * Fixture tests in the jscodeshift style, for jest. For every `<case>.input.py` in `dir`:
 * - `<case>.output.py` is the expected result, compared byte for byte (no file: no change expected);
 * - `<case>.options.json` (optional) holds Options for the case, e.g. {"method": "forkserver"},
 *   and under "file" what the runner would know of the file, e.g. {"file": {"inPackage": true}};
 * - `<case>.diagnostics.txt` (optional) lists the expected diagnostics, one `LINE:COL CODE` a line;
 * - `<case>.input.ref`, instead of an input, names the input of another fixture folder (a path
 *   relative to `dir`, one line): a case that runs the same code through other transforms.
 * `generated` adds cases made in code (UTF-8), by name. Every output must parse, and a second run
 * over it must change nothing.
 */
export function defineFixtureTests(transforms: Transform | readonly Transform[], dir: string, generated: Record<string, GeneratedCase> = {}): void {
  const { describe, beforeAll, test, expect } = globalThis as unknown as JestLike;
  const list = Array.isArray(transforms) ? (transforms as Transform[]) : [transforms as Transform];
  const cases = fixtureInputs(dir);
  const check = (name: string, inputBytes: Buffer, expected: Buffer | null, given: Partial<Options> & { file?: Partial<FileFacts> }, wanted: string | null) => {
    const { file: facts, ...rest } = given;
    const options: Options = { ...defaultOptions, ...rest };
    const at = (ext: string) => path.join(dir, `${name}.${ext}`);
    const decoded = decode(inputBytes);
    const first = transformSource(decoded.text, list, options, at('input.py'), { inPackage: false, ...facts });
    expect(first.error).toBeUndefined();
    expect(first.syntaxError).toBeUndefined();
    expect(encode(first.output, decoded).toString('latin1')).toBe((expected ?? inputBytes).toString('latin1'));
    // Lines ended by \r alone are read as \n, as transformSource reads them.
    const reparsed = first.output.includes('\n') ? first.output : first.output.replace(/\r/g, '\n');
    expect(syntaxErrorIn(reparsed)).toBeNull();
    if (first.output !== decoded.text) expect(pythonRejects(first.output, decoded.text, options.targetMinor)).toBeNull();
    const second = transformSource(first.output, list, options, at('output.py'), { inPackage: false, ...facts });
    expect(second.output).toBe(first.output);
    if (wanted) {
      const got = first.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
      expect(got).toEqual(wanted.split('\n').map((l) => l.trim()).filter(Boolean));
    }
  };
  describe(`${list.map((t) => t.id).join('+')} fixtures`, () => {
    // The parser is WebAssembly and loads asynchronously, once per test file.
    beforeAll(() => ready());
    test('the fixture folder has cases', () => expect(cases.size).toBeGreaterThan(0));
    for (const [name, input] of cases) {
      const read = (ext: string) => {
        const file = path.join(dir, `${name}.${ext}`);
        return fs.existsSync(file) ? fs.readFileSync(file) : null;
      };
      test(name, () => check(name, fs.readFileSync(input), read('output.py'), JSON.parse(read('options.json')?.toString() ?? '{}'), read('diagnostics.txt')?.toString('utf8') ?? null));
    }
    for (const [name, c] of Object.entries(generated)) {
      test(`${name} (generated)`, () => check(name, Buffer.from(c.input, 'utf8'), c.output === undefined ? null : Buffer.from(c.output, 'utf8'), c.options ?? {}, null));
    }
  });
}

/** The cases of a fixture folder, sorted by name: each one's input file (see defineFixtureTests for `.input.ref`). */
export function fixtureInputs(dir: string): Map<string, string> {
  const cases: [string, string][] = [];
  for (const f of fs.readdirSync(dir)) {
    if (f.endsWith('.input.py')) cases.push([f.slice(0, -'.input.py'.length), path.join(dir, f)]);
    if (!f.endsWith('.input.ref')) continue;
    const target = path.resolve(dir, fs.readFileSync(path.join(dir, f), 'utf8').trim());
    if (!target.endsWith('.input.py') || !fs.existsSync(target)) throw new Error(`${path.join(dir, f)}: ${target} is not a fixture input`);
    cases.push([f.slice(0, -'.input.ref'.length), target]);
  }
  return new Map(cases.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
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
