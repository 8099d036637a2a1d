/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { types: ['node', 'jest'] } }] },
  // The parser is WebAssembly, loaded asynchronously: done before each file's tests.
  setupFilesAfterEnv: ['<rootDir>/__tests__/helpers/parser-setup.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
};
