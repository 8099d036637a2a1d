// jest: the parser (WebAssembly) loads asynchronously, once per test file, before its tests.
import { ready } from '../../src/parser';

beforeAll(() => ready());
