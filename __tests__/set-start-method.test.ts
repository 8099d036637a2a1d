import * as path from 'path';
import { defineFixtureTests } from '../src/testing';
import transform from '../transforms/set-start-method';

defineFixtureTests(transform, path.join(__dirname, '..', '__testfixtures__', 'set-start-method'));
