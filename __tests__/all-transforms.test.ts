import * as fs from 'fs';
import * as path from 'path';
import { defineFixtureTests, fixtureInputs } from '../src/testing';
import { builtinTransforms } from '../transforms';
import { defineBehaviourTests } from './helpers/behaviour';

// The whole chain in its documented order: spawn-context, guard-main, set-start-method.
const fixtures = path.join(__dirname, '..', '__testfixtures__', 'all');

defineFixtureTests(builtinTransforms, fixtures);

defineBehaviourTests('the whole chain under python3', builtinTransforms, fixtures, {
  platforms: (method) => [undefined, method],
  inputFailsUnderSpawn: /bootstrapping phase/,
});

test('inputs shared with a transform folder are referenced (.input.ref), not copied', () => {
  const root = path.dirname(fixtures);
  const others = fs.readdirSync(root).filter((d) => d !== 'all' && fs.statSync(path.join(root, d)).isDirectory());
  const copies = [...fixtureInputs(fixtures)].flatMap(([name, input]) => {
    if (path.dirname(input) !== fixtures) return [];
    const bytes = fs.readFileSync(input);
    return others.filter((d) => fs.existsSync(path.join(root, d, `${name}.input.py`)) && fs.readFileSync(path.join(root, d, `${name}.input.py`)).equals(bytes)).map((d) => `${name} = ${d}`);
  });
  expect(copies).toEqual([]);
  expect([...fixtureInputs(fixtures).values()].filter((f) => path.dirname(f) !== fixtures).length).toBeGreaterThan(10);
});
