module.exports = { ...require('../../jest.preset.cjs'), displayName: 'party-building', rootDir: __dirname };
