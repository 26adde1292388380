module.exports = { ...require('../../jest.preset.cjs'), displayName: 'hotline', rootDir: __dirname };
