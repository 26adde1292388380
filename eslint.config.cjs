// ESLint 9 flat config. Only TypeScript is linted: the few .js/.cjs files are tool and Jest/ESLint config glue.
// typescript-eslint's plain `recommended` preset on purpose: the type-checked presets build a full program per
// run and are too slow for two cores. The point of this file is `@nx/enforce-module-boundaries` (STYLE.md, 2):
// a service reaches another service only through that service's contracts library.
const tseslint = require('typescript-eslint');
const nx = require('@nx/eslint-plugin');
const { createProjectGraphAsync } = require('nx/src/devkit-exports');

const SERVICES = ['gateway', 'registry', 'incidents', 'hotline', 'party-building', 'analytics'];
/** The services that keep a copy of the registry's reference data through @gridline/registry-reference. */
const REFERENCE_COPY_USERS = ['incidents', 'hotline', 'party-building', 'analytics'];

/**
 * `forTests`: test files (and only test files) of any project may also use the `type:testing` library
 * (@gridline/testing: test servers, factories, `eventually`). It is never compiled into a service.
 */
function depConstraints(forTests) {
  const testing = forTests ? ['type:testing'] : [];
  return [
    // Scope: own scope, shared code, and other services only through their contracts library. Every service is
    // listed (party-building and analytics too): a new service gets its rule by its `scope:<name>` tag.
    ...SERVICES.map((service) => ({
      sourceTag: `scope:${service}`,
      onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared', 'type:contracts', ...(REFERENCE_COPY_USERS.includes(service) ? ['scope:registry-reference'] : [])],
    })),
    // @gridline/registry-reference: the copy of the registry's reference data a service keeps in its own schema
    // (entities, migration, subscriber, repository, boot fill). It stands on the shared libraries and the registry's
    // contracts only (`scope:registry` ∩ the layers below it is contracts-registry), and only the services that keep
    // a copy may use it.
    { sourceTag: 'scope:registry-reference', onlyDependOnLibsWithTags: ['scope:shared', 'scope:registry', 'scope:registry-reference'] },
    {
      sourceTag: 'type:reference-copy',
      onlyDependOnLibsWithTags: ['type:util', 'type:persistence', 'type:data-access', 'type:contracts', ...testing],
    },
    // Shared libraries serve every service and know none: no service's contracts (not even in their own tests).
    // The one exception is the testing library (test-only code): its factories build services' requests.
    ...['type:util', 'type:persistence', 'type:data-access'].map((type) => ({
      allSourceTags: ['scope:shared', type],
      onlyDependOnLibsWithTags: ['scope:shared'],
    })),
    { allSourceTags: ['scope:shared', 'type:testing'], onlyDependOnLibsWithTags: ['scope:shared', 'type:contracts'] },
    // The console is a front end like any other: it talks to the gateway's HTTP API only, and imports no library of ours.
    { sourceTag: 'scope:console', onlyDependOnLibsWithTags: [] },
    { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },
    { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
    // Type: layering. util < persistence (MikroORM, migrations) < data-access (bus, outbox, inbox) < contracts < app.
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: ['type:util', 'type:persistence', 'type:data-access', 'type:reference-copy', 'type:contracts', ...testing],
    },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
    // Contracts use @gridline/messaging/contracts (defineEvent, BusRequester), @gridline/platform and @gridline/auth;
    // never the persistence library, the ORM or database driver, nor NATS or Nest's transports: a DTO consumer must
    // not pull in a database or the bus (the clients reach the bus through BusRequester).
    {
      sourceTag: 'type:contracts',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:data-access', ...testing],
      bannedExternalImports: ['@mikro-orm/*', 'pg', 'nats', '@nestjs/microservices'],
    },
    {
      sourceTag: 'type:data-access',
      onlyDependOnLibsWithTags: ['type:util', 'type:persistence', 'type:data-access', ...testing],
    },
    { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:util', ...testing] },
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', ...testing] },
    {
      sourceTag: 'type:testing',
      onlyDependOnLibsWithTags: ['type:util', 'type:persistence', 'type:data-access', 'type:contracts', 'type:testing'],
    },
  ];
}

// Relative or absolute imports that cross a project boundary are reported by the rule itself
// (`noRelativeOrAbsoluteImportsAcrossLibraries`), as are imports of apps; nothing to configure for that.
function boundaries({ forTests = false, allow = [] } = {}) {
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow,
      // @gridline/testing builds on the shared libraries, and their own specs use it back (messaging's
      // outbox/inbox int-spec). Those cycles exist only between test code; production code cannot import
      // the testing library (see depConstraints), so a cycle through it is never a runtime cycle.
      ignoredCircularDependencies: [['testing', '*']],
      depConstraints: depConstraints(forTests),
    },
  ];
}

const config = [
  {
    ignores: ['**/node_modules/**', 'dist/**', 'tmp/**', 'coverage/**', '.nx/**', '**/*.js', '**/*.cjs', '**/*.mjs'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(),
      // Unused parameters are part of Nest/interface signatures; mark them with a leading underscore.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Nest modules are empty classes carrying a decorator.
      '@typescript-eslint/no-extraneous-class': 'off',
      // MikroORM entity lists and Nest's `Type`-like signatures use `Function`.
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // Spec helpers of an app (apps/<name>/src/testing: left out of its build) are test code too.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'apps/*/src/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ forTests: true }),
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The root of @gridline/messaging loads the NATS client; contracts take the NATS-free part (contracts-entries.spec).
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@gridline/messaging', message: 'Import from @gridline/messaging/contracts: the root loads the NATS client.' }] },
      ],
    },
  },
  {
    // Whole-platform tests boot the apps in process through their `@gridline/app-<name>` aliases. The rule reports
    // every import of an app ("Imports of apps are forbidden"), so exactly those aliases are let through here;
    // all other imports (libraries, relative paths into other projects) are still checked.
    files: ['apps/platform-e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ forTests: true, allow: [`^@gridline/app-(${SERVICES.join('|')})$`, '^@gridline/tools-seed$'] }),
    },
  },
  {
    // Operational tools (start, seed, migrate, openapi) wire the apps together, like the whole-platform tests.
    files: ['tools/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ allow: [`^@gridline/app-(${SERVICES.join('|')})$`] }),
    },
  },
];

// The boundary rule reads Nx's *cached* project graph (.nx/workspace-data) and, when there is none (fresh clone,
// CI), skips itself with only a warning; a stale cache means stale tags. Inside an Nx task (`nx run x:lint`) the
// graph was just computed; for plain `eslint .` / `npm run lint` / editors compute it first.
async function ensureProjectGraph() {
  if (process.env.NX_TASK_TARGET_PROJECT) return;
  await createProjectGraphAsync({ exitOnError: false });
}

module.exports = ensureProjectGraph().then(() => config);
