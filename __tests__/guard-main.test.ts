import * as path from 'path';
import { defineFixtureTests } from '../src/testing';
import transform from '../transforms/guard-main';

defineFixtureTests(transform, path.join(__dirname, '..', '__testfixtures__', 'guard-main'));
