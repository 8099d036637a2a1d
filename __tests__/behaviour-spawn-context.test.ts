import * as fs from 'fs';
import * as path from 'path';
import transform from '../transforms/spawn-context';
import { defineBehaviourTests, loadPrograms } from './helpers/behaviour';
import { runPython } from './helpers/python';

const fixtures = path.join(__dirname, '..', '__testfixtures__', 'spawn-context');

defineBehaviourTests('spawn-context behaviour under python3', [transform], fixtures, {
  // The rewritten code fixes its own method: fork-default (Linux) and target-default platforms.
  platforms: (method) => [undefined, method],
});

test('a Process-only rewrite breaks a Lock/Queue program; the full rewrite does not', () => {
  const [program] = loadPrograms([transform], fixtures, 'run_lock_queue_mixed');
  try {
    const partial = program.input.replace(/mp\.Process\(/g, 'mp.get_context("spawn").Process(');
    fs.writeFileSync(path.join(program.dir, 'partial.py'), partial);
    const broken = runPython(['partial.py'], { cwd: program.dir });
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain('SemLock created in a fork context');
    const full = runPython(['output.py'], { cwd: program.dir });
    expect(full.code).toBe(0);
    expect(full.stdout).toBe('[0, 1, 2]\n');
  } finally {
    fs.rmSync(program.dir, { recursive: true, force: true });
  }
});
