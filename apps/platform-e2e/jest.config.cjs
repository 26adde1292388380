module.exports = { ...require('../../jest.preset.cjs'), displayName: 'platform-e2e', rootDir: __dirname };
