import * as path from 'path';
import { defineFixtureTests } from '../src/testing';
import { builtinTransforms } from '../transforms';
import { defineBehaviourTests } from './helpers/behaviour';

// The whole chain in its documented order: spawn-context, guard-main, set-start-method.
const fixtures = path.join(__dirname, '..', '__testfixtures__', 'all');

defineFixtureTests(builtinTransforms, fixtures);

defineBehaviourTests('the whole chain under python3', builtinTransforms, fixtures, {
  platforms: (method) => [undefined, method],
  inputFailsUnderSpawn: /bootstrapping phase/,
});
