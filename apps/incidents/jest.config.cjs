module.exports = { ...require('../../jest.preset.cjs'), displayName: 'incidents', rootDir: __dirname };
