import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { programNames } from './helpers/behaviour';
import { runPython } from './helpers/python';

// Each run_mpXXX program is flagged by its fixture's .diagnostics.txt; here we show the flag is
// right: the program fails or misbehaves under spawn. run_no_false_alarms* carry no diagnostic
// and behave the same under spawn as under fork.
const fixtures = path.join(__dirname, '..', '__testfixtures__', 'diagnostics');

describe('diagnosed programs under python3', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-diag-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const names = programNames(fixtures);
  test('every MP1xx/MP2xx code has a program', () => {
    const codes = new Set(names.map((n) => /^run_(mp\d+)/.exec(n)?.[1]?.toUpperCase()).filter(Boolean));
    expect([...codes].sort()).toEqual(['MP101', 'MP102', 'MP103', 'MP104', 'MP105', 'MP108', 'MP201', 'MP202', 'MP203', 'MP204', 'MP206']);
  });

  for (const name of names) {
    test(name, () => {
      fs.copyFileSync(path.join(fixtures, `${name}.input.py`), path.join(dir, `${name}.py`));
      const fork = runPython([`${name}.py`], { cwd: dir, timeoutMs: 30000 });
      const spawn = runPython([`${name}.py`], { cwd: dir, platformDefault: 'spawn', timeoutMs: 30000 });
      const broken = spawn.code !== 0 || spawn.stdout !== fork.stdout;
      expect({ name, broken }).toEqual({ name, broken: !name.startsWith('run_no_false_alarms') });
      if (name.startsWith('run_no_false_alarms')) expect(spawn.code).toBe(0);
      // An unsafe fix's output (checked byte for byte by the fixture test) repairs the program.
      const output = path.join(fixtures, `${name}.output.py`);
      if (fs.existsSync(output)) {
        fs.copyFileSync(output, path.join(dir, `${name}_fixed.py`));
        const fixed = runPython([`${name}_fixed.py`], { cwd: dir, platformDefault: 'spawn', timeoutMs: 30000 });
        expect({ code: fixed.code, stdout: fixed.stdout }).toEqual({ code: fork.code, stdout: fork.stdout });
        expect(fork.code).toBe(0);
      }
    });
  }
});
