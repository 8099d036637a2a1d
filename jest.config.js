/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { types: ['node', 'jest'] } }] },
  testTimeout: 60000,
  // tree-sitter's JS wrapper breaks when it is evaluated twice in one process, which jest
  // does for every test file (node-tree-sitter#181). A tiny idle-memory limit makes jest
  // use a fresh worker process per test file (and never run in band).
  maxWorkers: 2,
  workerIdleMemoryLimit: '1MB',
};
