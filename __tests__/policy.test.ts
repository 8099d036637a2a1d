import * as path from 'path';
import { defineFixtureTests } from '../src/testing';
import { builtinTransforms } from '../transforms';
import { defineBehaviourTests } from './helpers/behaviour';

// The migration policy: one mechanism per file, and no edits to a file that spawn would still
// break. run_* programs are migrated and must behave the same under fork and under a spawn
// default; keep_* programs must come out unchanged (the diagnostics say why), so they still
// run under fork as they did.
const fixtures = path.join(__dirname, '..', '__testfixtures__', 'policy');

defineFixtureTests(builtinTransforms, fixtures);

defineBehaviourTests('migrated files behave the same under python3', builtinTransforms, fixtures, {
  platforms: (method) => [undefined, method],
  minPrograms: 3,
});

defineBehaviourTests('files left alone still run under fork', builtinTransforms, fixtures, {
  platforms: () => [undefined],
  minPrograms: 5,
  prefix: 'keep_',
  keepsFork: true,
});
