// jest: the parser (WebAssembly) loads asynchronously, once per test file, before its tests.
import { ready } from '../../src/syntax/parser';

beforeAll(() => ready());
