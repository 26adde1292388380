module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'contracts-analytics', rootDir: __dirname };
