const path = require('path');

module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'platform-e2e',
  rootDir: __dirname,
  setupFilesAfterEnv: [path.join(__dirname, 'jest.setup-timeout.cjs')],
};
