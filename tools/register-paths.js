// Resolves the @gridline/* libraries to their compiled code under dist/ at run time:
// `node -r ./tools/register-paths.js dist/apps/registry/src/main.js`.
const path = require('path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');

const paths = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([name, targets]) => [name, targets.map((t) => t.replace(/\.ts$/, '.js'))]),
);
tsconfigPaths.register({ baseUrl: path.join(__dirname, '..', 'dist'), paths });
