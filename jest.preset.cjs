// Shared Jest settings: SWC with decorator metadata (Nest DI needs it), tsconfig paths as module names.
const path = require('path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([name, [target]]) => [`^${name}$`, path.join(__dirname, target)]),
);

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2021',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  setupFiles: [path.join(__dirname, 'jest.setup.cjs')],
  // Also set in jest.config.cjs for `npm test`; Jest runs a global hook once per distinct path, so a project's own
  // run (`nx test registry`, `jest -c apps/registry/jest.config.cjs`) gets the same servers and the whole run one set.
  globalSetup: path.join(__dirname, 'jest.global-setup.cjs'),
  globalTeardown: path.join(__dirname, 'jest.global-teardown.cjs'),
  testTimeout: 60000,
};
