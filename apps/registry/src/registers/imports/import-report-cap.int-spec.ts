import type { Caller } from '@gridline/auth';
import { RegistryClient, RegistryRegistersClient } from '@gridline/contracts-registry';
import { TestPlatform, unitFactory } from '@gridline/testing';
import { RegistryAppModule } from '../../registry-app.module';
import { RegistryConfig } from '../../registry.config';

const GRID = '370502003001001';
const ADMIN: Caller = { sub: 'admin', roles: ['admin'], units: [] };

describe('the import report', () => {
  let platform: TestPlatform;
  let registers: RegistryRegistersClient;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config), { IMPORT_REPORT_MAX_REJECTIONS: '3' });
    const bus = await platform.bus();
    registers = new RegistryRegistersClient(bus);
    const units = new RegistryClient(bus);
    for (const unit of [unitFactory().street('370502003').build(), unitFactory().community('370502003001').build(), unitFactory().grid(GRID).at(118.5, 37.4).build()]) {
      await units.createUnit(ADMIN, unit);
    }
  });

  afterAll(() => platform?.close());

  it('lists the first IMPORT_REPORT_MAX_REJECTIONS rejected rows and counts them all, over several batches', async () => {
    const job = await registers.startImport(ADMIN, 'buildings');
    const bad = (n: number) => Array.from({ length: n }, () => ({ grid_code: '999', address: 'x' }));
    await registers.importBatch(ADMIN, job.id, 2, bad(2));
    await registers.importBatch(ADMIN, job.id, 4, [...bad(3), { grid_code: GRID, address: '文汇小区1号楼' }]);
    const report = await registers.finishImport(ADMIN, job.id);
    expect(report).toMatchObject({ rowsTotal: 6, created: 1, rejected: 5 });
    expect(report.rejections.map((r) => r.row)).toEqual([2, 3, 4]);
    expect((await registers.getImport(ADMIN, job.id)).rejections).toHaveLength(3);
  });
});
