module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'contracts-incidents', rootDir: __dirname };
