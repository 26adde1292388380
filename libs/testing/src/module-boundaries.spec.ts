import * as fs from 'fs';
import * as path from 'path';
import { ESLint, type Linter } from 'eslint';

// Lints probe files through the workspace's real eslint.config.cjs (STYLE.md, 2). No servers needed, but loading
// the config builds the Nx project graph, which takes a few seconds.
const ROOT = path.resolve(__dirname, '../../..');
const RULE = '@nx/enforce-module-boundaries';
const GRAPH_TIMEOUT = 120_000;

describe('module boundaries', () => {
  let eslint: ESLint;
  let config: Linter.Config[];

  beforeAll(async () => {
    process.env.NX_DAEMON = 'false';
    // ESLint loads eslint.config.cjs with a dynamic import(), which Jest's module sandbox refuses without
    // --experimental-vm-modules; so the same file is required here and handed over as the whole config.
    // Its export is a promise (it builds the project graph the rule reads first).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS config file, loaded like ESLint does
    config = await require(path.join(ROOT, 'eslint.config.cjs'));
    eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });
  }, GRAPH_TIMEOUT);

  async function boundaryErrors(code: string, file: string, linter = eslint): Promise<Linter.LintMessage[]> {
    const filePath = path.join(ROOT, file);
    const fileConfig = await linter.calculateConfigForFile(filePath);
    expect(fileConfig.rules[RULE]?.[0]).toBe(2);
    const [result] = await linter.lintText(code, { filePath });
    expect(result.messages.filter((message) => message.fatal)).toEqual([]);
    return result.messages.filter((message) => message.ruleId === RULE);
  }

  it(
    "reports a relative import into another service's internals",
    async () => {
      const errors = await boundaryErrors(
        "import { UnitEntity } from '../../registry/src/unit/unit.entity';\nexport const probe = UnitEntity;\n",
        'apps/analytics/src/boundary-probe.ts',
      );

      expect(errors).toHaveLength(1);
      expect(errors[0].severity).toBe(2);
      expect(errors[0].message).toMatch(/relative or absolute path/);
    },
    GRAPH_TIMEOUT,
  );

  it(
    "lets a service use another service's contracts library",
    async () => {
      const errors = await boundaryErrors(
        "import { REGISTRY_EVENTS } from '@gridline/contracts-registry';\nexport const probe = REGISTRY_EVENTS;\n",
        'apps/analytics/src/boundary-probe.ts',
      );

      expect(errors).toEqual([]);
    },
    GRAPH_TIMEOUT,
  );

  it(
    'reports importing another app through its alias',
    async () => {
      const errors = await boundaryErrors(
        "import { RegistryAppModule } from '@gridline/app-registry';\nexport const probe = RegistryAppModule;\n",
        'apps/analytics/src/boundary-probe.ts',
      );

      expect(errors.map((error) => error.message)).toEqual(['Imports of apps are forbidden']);
    },
    GRAPH_TIMEOUT,
  );

  it(
    'reports a util library depending on a data-access library',
    async () => {
      const errors = await boundaryErrors(
        "import { SchemaMigration } from '@gridline/persistence';\nexport const probe = SchemaMigration;\n",
        'libs/auth/src/boundary-probe.ts',
      );

      expect(errors).toHaveLength(1);
      expect(errors[0].message).toMatch(/"type:util" can only depend on libs tagged with "type:util"/);
    },
    GRAPH_TIMEOUT,
  );

  it(
    'keeps the testing library out of production code but lets tests use it',
    async () => {
      const code = "import { eventually } from '@gridline/testing';\nexport const probe = eventually;\n";

      const inProduction = await boundaryErrors(code, 'apps/analytics/src/boundary-probe.ts');
      const inSpec = await boundaryErrors(code, 'apps/analytics/src/boundary-probe.spec.ts');

      expect(inProduction).toHaveLength(1);
      expect(inProduction[0].message).toMatch(/"type:app" can only depend on libs tagged with/);
      expect(inSpec).toEqual([]);
    },
    GRAPH_TIMEOUT,
  );

  it(
    'reports a contracts library importing the persistence library or the ORM',
    async () => {
      const persistence = await boundaryErrors(
        "import { SchemaMigration } from '@gridline/persistence';\nexport const probe = SchemaMigration;\n",
        'libs/contracts/party-building/src/boundary-probe.ts',
      );
      const orm = await boundaryErrors(
        "import { MikroORM } from '@mikro-orm/core';\nexport const probe = MikroORM;\n",
        'libs/contracts/analytics/src/boundary-probe.ts',
      );

      expect(persistence.map((error) => error.message)).toEqual([
        'A project tagged with "type:contracts" can only depend on libs tagged with "type:contracts", "type:util", "type:data-access"',
      ]);
      expect(orm.map((error) => error.message)).toEqual([
        'A project tagged with "type:contracts" is not allowed to import "@mikro-orm/core"',
      ]);
    },
    GRAPH_TIMEOUT,
  );

  it(
    'reports a contracts library importing NATS, Nest transports or the root of the messaging library',
    async () => {
      const file = 'libs/contracts/hotline/src/boundary-probe.ts';
      const nats = await boundaryErrors("import { connect } from 'nats';\nexport const probe = connect;\n", file);
      const transports = await boundaryErrors("import { MessagePattern } from '@nestjs/microservices';\nexport const probe = MessagePattern;\n", file);
      const [messaging] = await eslint.lintText("import { BusClient } from '@gridline/messaging';\nexport const probe = BusClient;\n", {
        filePath: path.join(ROOT, file),
      });

      expect(nats.map((error) => error.message)).toEqual(['A project tagged with "type:contracts" is not allowed to import "nats"']);
      expect(transports.map((error) => error.message)).toEqual([
        'A project tagged with "type:contracts" is not allowed to import "@nestjs/microservices"',
      ]);
      expect(messaging.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message)).toEqual([
        "'@gridline/messaging' import is restricted from being used. Import from @gridline/messaging/contracts: the root loads the NATS client.",
      ]);
    },
    GRAPH_TIMEOUT,
  );

  it(
    "reports a shared library importing a service's contracts, by its tags and not only as a cycle",
    async () => {
      const code = "import { REGISTRY_EVENTS } from '@gridline/contracts-registry';\nexport const probe = REGISTRY_EVENTS;\n";
      const file = 'libs/persistence/src/boundary-probe.ts';
      // Contracts build on the shared libraries, so today such an import is also a cycle, which the rule reports
      // first. Set that one cycle aside to see that the tags forbid it on their own (a shared library that no
      // contracts library uses must not import one either).
      const fileConfig = await eslint.calculateConfigForFile(path.join(ROOT, file));
      const [severity, options] = fileConfig.rules[RULE] as [Linter.Severity, { ignoredCircularDependencies: string[][] }];
      const ignoredCircularDependencies = [...options.ignoredCircularDependencies, ['persistence', '*']];
      const withoutCycle = new ESLint({
        cwd: ROOT,
        overrideConfigFile: true,
        overrideConfig: [
          ...config,
          {
            files: ['libs/persistence/**/*.ts'],
            rules: { [RULE]: [severity, { ...options, ignoredCircularDependencies }] },
          },
        ],
      });

      const asCycle = await boundaryErrors(code, file);
      const byTags = await boundaryErrors(code, file, withoutCycle);
      const inTestingLibrary = await boundaryErrors(code, 'libs/testing/src/boundary-probe.ts');

      expect(asCycle).toHaveLength(1);
      expect(asCycle[0].message).toMatch(/Circular dependency between "persistence" and "contracts-registry"/);
      expect(byTags.map((error) => error.message)).toEqual([
        'A project tagged with "scope:shared" and "type:persistence" can only depend on libs tagged with "scope:shared"',
      ]);
      expect(inTestingLibrary).toEqual([]);
    },
    GRAPH_TIMEOUT,
  );

  it(
    "lets the registry-reference library use the registry's contracts and the shared libraries, and only the services that keep a copy use it",
    async () => {
      const lib = 'libs/registry-reference/src/boundary-probe.ts';
      const allowed = await boundaryErrors(
        [
          "import { REGISTRY_EVENTS } from '@gridline/contracts-registry';",
          "import { SchemaMigration } from '@gridline/persistence';",
          "import { EventSubscription } from '@gridline/messaging';",
          "import { cstYear } from '@gridline/platform';",
          "import { SYSTEM_CALLER } from '@gridline/auth';",
          'export const probe = [REGISTRY_EVENTS, SchemaMigration, EventSubscription, cstYear, SYSTEM_CALLER];',
          '',
        ].join('\n'),
        lib,
      );
      const otherContracts = await boundaryErrors("import { HOTLINE_EVENTS } from '@gridline/contracts-hotline';\nexport const probe = HOTLINE_EVENTS;\n", lib);
      const code = "import { ReferenceRepository } from '@gridline/registry-reference';\nexport const probe = ReferenceRepository;\n";
      const inIncidents = await boundaryErrors(code, 'apps/incidents/src/boundary-probe.ts');
      const inHotline = await boundaryErrors(code, 'apps/hotline/src/boundary-probe.ts');
      const inAnalytics = await boundaryErrors(code, 'apps/analytics/src/boundary-probe.ts');
      const inRegistry = await boundaryErrors(code, 'apps/registry/src/boundary-probe.ts');
      const inShared = await boundaryErrors(code, 'libs/persistence/src/boundary-probe.ts');

      expect(allowed).toEqual([]);
      expect(otherContracts).toHaveLength(1);
      expect(otherContracts[0].message).toMatch(/"scope:registry-reference" can only depend on libs tagged with/);
      expect([inIncidents, inHotline, inAnalytics]).toEqual([[], [], []]);
      expect(inRegistry).toHaveLength(1);
      expect(inRegistry[0].message).toMatch(/"scope:registry" can only depend on libs tagged with/);
      expect(inShared.length).toBeGreaterThan(0);
    },
    GRAPH_TIMEOUT,
  );

  it(
    'has a scope rule for every service, party-building and analytics included, matching its projects tags',
    async () => {
      const projectFiles = ['apps', 'libs/contracts'].flatMap((dir) =>
        fs
          .readdirSync(path.join(ROOT, dir))
          .map((name) => path.join(ROOT, dir, name, 'project.json'))
          .filter((file) => fs.existsSync(file)),
      );
      const tagsOf = (file: string): string[] => JSON.parse(fs.readFileSync(file, 'utf8')).tags;
      const serviceScopes = projectFiles
        .map(tagsOf)
        .filter((tags) => tags.includes('type:app') || tags.includes('type:contracts'))
        .map((tags) => tags.find((tag) => tag.startsWith('scope:')));
      const fileConfig = await eslint.calculateConfigForFile(path.join(ROOT, 'apps/party-building/src/probe.ts'));
      const constraints = (fileConfig.rules[RULE] as [number, { depConstraints: { sourceTag?: string }[] }])[1]
        .depConstraints;
      const ruled = new Set(constraints.map((constraint) => constraint.sourceTag));

      expect(serviceScopes).toEqual(expect.arrayContaining(['scope:party-building', 'scope:analytics']));
      expect(serviceScopes.filter((scope) => !scope || !ruled.has(scope))).toEqual([]);

      const intoOtherService = await boundaryErrors(
        "import { AnalyticsConfig } from '../../analytics/src/analytics.config';\nexport const probe = AnalyticsConfig;\n",
        'apps/party-building/src/boundary-probe.ts',
      );
      const throughContracts = await boundaryErrors(
        "import { PARTY_BUILDING_EVENTS } from '@gridline/contracts-party-building';\nexport const probe = PARTY_BUILDING_EVENTS;\n",
        'apps/analytics/src/boundary-probe.ts',
      );
      expect(intoOtherService).toHaveLength(1);
      expect(intoOtherService[0].message).toMatch(/relative or absolute path/);
      expect(throughContracts).toEqual([]);
    },
    GRAPH_TIMEOUT,
  );
});
