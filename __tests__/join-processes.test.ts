import * as fs from 'fs';
import * as path from 'path';
import { defineFixtureTests } from '../src/testing';
import { transformSource, defaultOptions } from '../src/engine/pipeline';
import { ready } from '../src/syntax/parser';
import { builtinTransforms } from '../transforms';
import transform from '../transforms/join-processes';
import { defineBehaviourTests } from './helpers/behaviour';

// Processes given a lock, queue or shared value and never joined (MP205). The run_* programs
// work under fork, fail under a spawn default (the children die rebuilding the semaphores the
// exiting parent removed), and once migrated with --unsafe-fixes behave as they did under fork.
const fixtures = path.join(__dirname, '..', '__testfixtures__', 'join-processes');

defineFixtureTests(transform, fixtures);

defineBehaviourTests('joined processes behave the same under python3', builtinTransforms, fixtures, {
  platforms: (method) => [undefined, method],
  inputFailsUnderSpawn: /FileNotFoundError/,
  minPrograms: 4,
});

test('without --unsafe-fixes the file is reported and left unchanged (MP205 holds the migration back)', async () => {
  await ready();
  const source = fs.readFileSync(path.join(fixtures, 'run_loop_direct.input.py'), 'utf8');
  const result = transformSource(source, builtinTransforms, defaultOptions, 'run_loop_direct.py');
  expect(result.output).toBe(source);
  expect(result.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['15 MP205', '15 MP312']);
  expect(result.diagnostics[0].hint).toContain('--unsafe-fixes');
  const fixed = transformSource(source, builtinTransforms, { ...defaultOptions, unsafeFixes: true }, 'run_loop_direct.py');
  expect(fixed.diagnostics).toEqual([]);
  expect(fixed.output).toContain('    for process in processes:\n        process.join()\n');
  expect(fixed.output).toContain('multiprocessing.set_start_method("spawn")');
});
