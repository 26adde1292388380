// `npm test`: every project's tests in one run, against real PostgreSQL and NATS (see README).
const fs = require('fs');
const path = require('path');

const projects = ['apps', 'libs', 'libs/contracts']
  .flatMap((dir) => fs.readdirSync(path.join(__dirname, dir)).map((name) => path.join(__dirname, dir, name)))
  .concat([path.join(__dirname, 'deploy')])
  .filter((dir) => fs.existsSync(path.join(dir, 'jest.config.cjs')));

module.exports = {
  projects,
  globalSetup: '<rootDir>/jest.global-setup.cjs',
  globalTeardown: '<rootDir>/jest.global-teardown.cjs',
  maxWorkers: 2,
  testTimeout: 60000,
};
