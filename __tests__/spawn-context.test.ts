import * as path from 'path';
import { defineFixtureTests } from '../src/testing';
import transform from '../transforms/spawn-context';
import { largeModule } from './helpers/large';
import { layoutVariants } from './helpers/variants';

const RUN = 'def run():\n    with mp.Pool(2) as pool:\n        return pool.map(helper_1, range(10))\n';

const fixtures = path.join(__dirname, '..', '__testfixtures__', 'spawn-context');
defineFixtureTests(transform, fixtures, {
  ...layoutVariants(fixtures, 'joined_lines'),
  ...layoutVariants(fixtures, 'layout_comma_at_limit'),
  ...layoutVariants(fixtures, 'dataloader_conditional_clauses'),
  large_file: { input: largeModule(RUN), output: largeModule(RUN.replace('mp.Pool(2)', 'mp.get_context("spawn").Pool(2)')) },
});
