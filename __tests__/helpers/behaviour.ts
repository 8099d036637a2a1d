import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { transformSource, defaultOptions } from '../../src/engine/pipeline';
import type { Options, Transform } from '../../src/api/types';
import { fixtureInputs } from '../../src/testing';
import { runPython, runPythonUntil, lines } from './python';

/** A runnable fixture: its input and the migrated output, written to a temp folder. */
export interface Program {
  name: string;
  options: Options;
  dir: string;
  input: string;
  output: string;
}

export function programNames(fixtureDir: string, prefix: string = 'run_'): string[] {
  return [...fixtureInputs(fixtureDir).keys()].filter((name) => name.startsWith(prefix));
}

export function loadPrograms(transforms: readonly Transform[], fixtureDir: string, prefix = 'run_'): Program[] {
  return programNames(fixtureDir, prefix).map((name) => {
    const f = `${name}.input.py`;
    const inputFile = fixtureInputs(fixtureDir).get(name)!;
    const optionsFile = path.join(fixtureDir, `${name}.options.json`);
    const options: Options = { ...defaultOptions, ...(fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : {}) };
    const source = fs.readFileSync(inputFile, 'utf8');
    const result = transformSource(source, transforms, options, f);
    if (result.error || result.syntaxError) throw new Error(`${name}: ${JSON.stringify(result.error ?? result.syntaxError)}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-behaviour-${name}-`));
    fs.writeFileSync(path.join(dir, 'input.py'), source);
    fs.writeFileSync(path.join(dir, 'output.py'), result.output);
    return { name, options, dir, input: source, output: result.output };
  });
}

export interface BehaviourOptions {
  /** Default start methods of the platforms the output runs on; undefined: fork (Linux before 3.14). */
  platforms: (method: Options['method']) => (Options['method'] | undefined)[];
  /** Also show the input breaks on a spawn-default platform, with this on stderr. */
  inputFailsUnderSpawn?: RegExp;
  /** How many programs there must be (default 10). */
  minPrograms?: number;
  /** Which fixtures are programs (default run_). */
  prefix?: string;
  /** The programs are left on fork: their processes must still start with it. */
  keepsFork?: boolean;
}

/**
 * The migrated program must behave like the original under fork (same exit code, same
 * output lines as a multiset) on each platform, while every process it starts uses the
 * target method.
 */
export function defineBehaviourTests(title: string, transforms: readonly Transform[], fixtureDir: string, opts: BehaviourOptions): void {
  const names = programNames(fixtureDir, opts.prefix);
  describe(title, () => {
    let list: Program[] = [];
    beforeAll(() => {
      list = loadPrograms(transforms, fixtureDir, opts.prefix);
    });
    afterAll(() => list.forEach((p) => fs.rmSync(p.dir, { recursive: true, force: true })));

    test('there are enough runnable programs', () => expect(names.length).toBeGreaterThanOrEqual(opts.minPrograms ?? 10));

    for (const name of names) {
      test(name, async () => {
        const p = list.find((x) => x.name === name)!;
        const original = runPython(['input.py'], { cwd: p.dir });
        expect(original.stderr).toBe('');
        expect(original.code).toBe(0);
        expect(new Set(original.methods)).toEqual(new Set(['fork']));
        if (opts.inputFailsUnderSpawn) {
          const broken = await runPythonUntil(['input.py'], { cwd: p.dir, platformDefault: 'spawn', stopOn: opts.inputFailsUnderSpawn });
          expect(broken.matched).toBe(true);
        }
        for (const platformDefault of opts.platforms(p.options.method)) {
          const migrated = runPython(['output.py'], { cwd: p.dir, platformDefault });
          expect({ platformDefault, code: migrated.code, stderr: migrated.stderr }).toEqual({ platformDefault, code: original.code, stderr: '' });
          expect(lines(migrated.stdout)).toEqual(lines(original.stdout));
          expect(migrated.methods.length).toBeGreaterThan(0);
          expect(new Set(migrated.methods)).toEqual(new Set([opts.keepsFork ? 'fork' : (platformDefault ?? p.options.method)]));
        }
      });
    }
  });
}
