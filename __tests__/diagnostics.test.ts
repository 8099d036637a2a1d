import * as path from 'path';
import { defineFixtureTests } from '../src/testing';
import transform from '../transforms/diagnostics';

defineFixtureTests(transform, path.join(__dirname, '..', '__testfixtures__', 'diagnostics'));
