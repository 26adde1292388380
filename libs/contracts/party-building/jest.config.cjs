module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'contracts-party-building', rootDir: __dirname };
