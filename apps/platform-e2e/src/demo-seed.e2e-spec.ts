import { IncidentsAppModule, IncidentsConfig } from '@gridline/app-incidents';
import { RegistryAppModule, RegistryConfig } from '@gridline/app-registry';
import { IncidentsClient } from '@gridline/contracts-incidents';
import { BusClient } from '@gridline/messaging';
import { SYSTEM_CALLER } from '@gridline/auth';
import { RegistryClient, RegistryPeopleClient, RegistryRegistersClient } from '@gridline/contracts-registry';
import { TestPlatform } from '@gridline/testing';
import { seedDemo } from '@gridline/tools-seed';

describe('the demo seed', () => {
  let platform: TestPlatform;
  let bus: BusClient;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    const registry = await platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config));
    await platform.start('incidents', IncidentsConfig, (config) => IncidentsAppModule.register(config));
    bus = registry.app.get(BusClient);
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('loads the demo street and its responsibility list through the commands, and changes nothing the second time', async () => {
    const first = await seedDemo(bus);
    expect(first.existing).toBe(0);
    const second = await seedDemo(bus);
    expect(second).toEqual({ created: 0, existing: first.created });

    const registry = new RegistryClient(bus);
    const count = async (level: 'street' | 'community' | 'grid' | 'exclusive_grid') => (await registry.listUnits(SYSTEM_CALLER, { level, pageSize: 1 })).total;
    expect(await count('street')).toBe(1);
    expect(await count('community')).toBeGreaterThanOrEqual(6);
    expect((await count('grid')) + (await count('exclusive_grid'))).toBeGreaterThanOrEqual(40);
    expect(await count('exclusive_grid')).toBeGreaterThanOrEqual(2);

    const tree = await registry.listCategories(SYSTEM_CALLER);
    expect(tree.map((c) => c.code)).toEqual(expect.arrayContaining(['SAFETY', 'ENV', 'FACILITY', 'DISPUTE', 'SOCIAL', 'MARKET', 'EPIDEMIC']));
    expect(tree.flatMap((c) => c.children).length).toBeGreaterThanOrEqual(30);
    expect((await registry.listDepartments(SYSTEM_CALLER)).length).toBeGreaterThanOrEqual(5);

    const registers = new RegistryRegistersClient(bus);
    expect((await registers.searchResidents(SYSTEM_CALLER, { pageSize: 1 })).total).toBeGreaterThanOrEqual(200);
    expect((await registers.listBuildings(SYSTEM_CALLER, { pageSize: 1 })).total).toBeGreaterThanOrEqual(80);
    expect((await registers.listHouseholds(SYSTEM_CALLER, { pageSize: 1 })).total).toBeGreaterThanOrEqual(200);
    const coverage = await new RegistryPeopleClient(bus).coverage(SYSTEM_CALLER, '370502003');
    expect(coverage.gridsWithoutStaff).toEqual([]);
    expect(coverage.gridsMissingRoles.map((g) => g.gridCode).filter((c) => c.startsWith('370502003001'))).toEqual([]);

    const counts = await new IncidentsClient(bus).counts(SYSTEM_CALLER, {});
    const total = Object.values(counts.byStatus).reduce((n, c) => n + (c ?? 0), 0);
    expect(total).toBeGreaterThanOrEqual(200);
    expect(Object.keys(counts.byStatus).sort()).toEqual(['accepted', 'dispatched', 'evaluated', 'closed', 'handled', 'in_progress', 'rejected', 'reported'].sort());
  });

  it('tiles the street: every grid centre locates to its own grid, and no two grids overlap there', async () => {
    const registry = new RegistryClient(bus);
    const grids = [
      ...(await registry.listUnits(SYSTEM_CALLER, { level: 'grid', pageSize: 200 })).items,
      ...(await registry.listUnits(SYSTEM_CALLER, { level: 'exclusive_grid', pageSize: 200 })).items,
    ];
    for (const grid of grids) {
      const ring = grid.boundary!.type === 'Polygon' ? grid.boundary!.coordinates[0] : grid.boundary!.coordinates[0][0];
      const lng = (Math.min(...ring.map((p) => p[0])) + Math.max(...ring.map((p) => p[0]))) / 2;
      const lat = (Math.min(...ring.map((p) => p[1])) + Math.max(...ring.map((p) => p[1]))) / 2;
      expect((await registry.locate(SYSTEM_CALLER, { lat, lng })).grid.code).toBe(grid.code);
    }
  });
});
