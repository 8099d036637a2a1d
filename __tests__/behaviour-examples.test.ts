import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from './helpers/tree';
import { runPython, lines } from './helpers/python';

const EXAMPLES = path.join(__dirname, '..', 'examples');
// How each example is started, as a user would.
const PROGRAMS: string[][] = [['word_count.py'], ['jobs.py'], ['thumbnails.py'], ['-m', 'app']];

describe('the examples/ project, migrated with --write', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-examples-'));
    fs.cpSync(EXAMPLES, dir, { recursive: true });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('behaves as before while every process is spawned', async () => {
    const before = PROGRAMS.map((args) => runPython(args, { cwd: dir }));
    for (const r of before) {
      expect(r.code).toBe(0);
      expect(new Set(r.methods)).toEqual(new Set(['fork']));
    }
    const migration = await cli(['--write', '.'], dir);
    expect(migration.code).toBe(0);
    expect(migration.stderr).toMatch(/[1-9]\d* changed/);
    expect((await cli(['--check', '.'], dir)).code).toBe(0);
    for (const platformDefault of [undefined, 'spawn'] as const) {
      PROGRAMS.forEach((args, i) => {
        const after = runPython(args, { cwd: dir, platformDefault });
        expect({ program: args.join(' '), code: after.code, stderr: after.stderr }).toEqual({ program: args.join(' '), code: 0, stderr: '' });
        expect(lines(after.stdout)).toEqual(lines(before[i].stdout));
        expect(after.methods.length).toBeGreaterThan(0);
        expect(new Set(after.methods)).toEqual(new Set(['spawn']));
      });
    }
  });
});
