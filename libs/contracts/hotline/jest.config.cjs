module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'contracts-hotline', rootDir: __dirname };
