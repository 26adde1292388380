module.exports = { ...require('../jest.preset.cjs'), displayName: require('path').basename(__dirname), rootDir: __dirname };
