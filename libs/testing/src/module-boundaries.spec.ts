import * as path from 'path';
import { ESLint, type Linter } from 'eslint';

// Lints probe files through the workspace's real eslint.config.cjs (STYLE.md, 2). No servers needed, but loading
// the config builds the Nx project graph, which takes a few seconds.
const ROOT = path.resolve(__dirname, '../../..');
const RULE = '@nx/enforce-module-boundaries';
const GRAPH_TIMEOUT = 120_000;

describe('module boundaries', () => {
  let eslint: ESLint;

  beforeAll(async () => {
    process.env.NX_DAEMON = 'false';
    // ESLint loads eslint.config.cjs with a dynamic import(), which Jest's module sandbox refuses without
    // --experimental-vm-modules; so the same file is required here and handed over as the whole config.
    // Its export is a promise (it builds the project graph the rule reads first).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS config file, loaded like ESLint does
    const config: Linter.Config[] = await require(path.join(ROOT, 'eslint.config.cjs'));
    eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });
  }, GRAPH_TIMEOUT);

  async function boundaryErrors(code: string, file: string): Promise<Linter.LintMessage[]> {
    const filePath = path.join(ROOT, file);
    const config = await eslint.calculateConfigForFile(filePath);
    expect(config.rules[RULE]?.[0]).toBe(2);
    const [result] = await eslint.lintText(code, { filePath });
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
});
