// Runs an app straight from its TypeScript sources, without a build: `node -r ./tools/register-ts.js apps/registry/src/main.ts`.
// The @gridline/* libraries resolve to their sources (tsconfig paths) and each .ts file is compiled on require by SWC
// with the settings jest uses (jest.preset.cjs: decorator metadata for Nest's DI), cached by content hash in
// $TMPDIR/gridline-swc so that a restarted process (the fault suite kills them) compiles nothing again.
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');
const tsconfigPaths = require('tsconfig-paths');
const { transformSync } = require('@swc/core');
const { compilerOptions } = require('../tsconfig.base.json');

const root = path.join(__dirname, '..');
tsconfigPaths.register({ baseUrl: root, paths: compilerOptions.paths });

const cacheDir = path.join(os.tmpdir(), 'gridline-swc');
fs.mkdirSync(cacheDir, { recursive: true });
const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2021',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
const version = `${require('@swc/core/package.json').version}:${JSON.stringify(options)}`;

Module._extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha1').update(version).update(filename).update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let code;
  try {
    code = fs.readFileSync(cached, 'utf8');
  } catch {
    code = transformSync(source, { ...options, filename }).code;
    const partial = `${cached}.${process.pid}`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, cached);
  }
  module._compile(code, filename);
};
