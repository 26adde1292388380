module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'contracts-registry', rootDir: __dirname };
