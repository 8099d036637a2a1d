import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import transform from '../transforms/guard-main';
import { transformSource } from '../src/pipeline';
import { defineBehaviourTests } from './helpers/behaviour';
import { runPython, runPythonUntil } from './helpers/python';

const fixtures = path.join(__dirname, '..', '__testfixtures__', 'guard-main');

defineBehaviourTests('guard-main behaviour under python3', [transform], fixtures, {
  // guard-main alone keeps the default context, so run where the default is spawn or forkserver.
  platforms: () => ['spawn', 'forkserver'],
  // A variable named like the function it starts fails earlier: pickling finds the process under that name.
  inputFailsUnderSpawn: /bootstrapping phase|it's not the same object as __main__\./,
});

test('the sciagraph seed\'s "WRONG" script fails as written and prints once when migrated', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-seed-'));
  try {
    const source = fs.readFileSync(path.join(fixtures, 'seed_sciagraph_wrong.input.py'), 'utf8');
    fs.writeFileSync(path.join(dir, 'input.py'), source);
    fs.writeFileSync(path.join(dir, 'output.py'), transformSource(source, [transform]).output);
    const broken = await runPythonUntil(['input.py'], { cwd: dir, stopOn: /bootstrapping phase/ });
    expect(broken.matched).toBe(true);
    const fixed = runPython(['output.py'], { cwd: dir });
    expect({ code: fixed.code, stdout: fixed.stdout, stderr: fixed.stderr }).toEqual({ code: 0, stdout: 'hello\n', stderr: '' });
    expect(fixed.methods).toEqual(['spawn']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
