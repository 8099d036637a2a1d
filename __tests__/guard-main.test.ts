import * as path from 'path';
import { defineFixtureTests } from '../src/testing';
import transform from '../transforms/guard-main';
import { layoutVariants } from './helpers/variants';

const fixtures = path.join(__dirname, '..', '__testfixtures__', 'guard-main');
defineFixtureTests(transform, fixtures, { ...layoutVariants(fixtures, 'long_lines'), ...layoutVariants(fixtures, 'long_strings') });
