const path = require('path');
const serialSuites = require('./serial-suites.cjs');

// GRIDLINE_SUITES (tools/run-tests.sh): `parallel` leaves out the serial suites, `serial` runs only them; unset, all.
const serial = serialSuites.map((file) => `/src/${file.replace(/\./g, '\\.')}$`);
const phase = process.env.GRIDLINE_SUITES;
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'platform-e2e',
  rootDir: __dirname,
  setupFilesAfterEnv: [path.join(__dirname, 'jest.setup-timeout.cjs')],
  ...(phase === 'parallel' ? { testPathIgnorePatterns: ['/node_modules/', ...serial] } : {}),
  ...(phase === 'serial' ? { testRegex: serial, testMatch: undefined } : {}),
};
