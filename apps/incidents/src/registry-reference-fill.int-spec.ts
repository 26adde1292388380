import type { DynamicModule } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { RegistryClient, type CategoryTreeView, type DepartmentView, type UnitView } from '@gridline/contracts-registry';
import { REGISTRY_REFERENCE_FILL, ReferenceRepository, RegistryReference, type RegistryReferenceFillSettings } from '@gridline/registry-reference';
import { TestPlatform, type RunningTestService } from '@gridline/testing';
import { IncidentsAppModule } from './incidents-app.module';
import { IncidentsConfig } from './incidents.config';

const STREET = '370502003';
const GRID = '370502003001001';
const T0 = '2026-11-01T00:00:00.000Z';
const cst = (local: string) => new Date(`${local}:00+08:00`);

const unit = (code: string, name: string, path: string[]): UnitView => ({
  code, name, level: path.length === 1 ? 'street' : 'grid', kind: null, parentCode: path.at(-2) ?? null, path, standardCode: null, boundary: null, active: true, createdAt: T0, updatedAt: T0,
});
const category = (code: string, name: string, extra: Partial<CategoryTreeView> = {}): CategoryTreeView => ({
  code, name, parentCode: null, kind: 'major', owner: null, acceptLimit: null, handleLimit: null, urgency: 'normal', details: [], active: true, updatedAt: T0, children: [], ...extra,
});
const department = (code: string, name: string): DepartmentView => ({ code, name, contact: null, active: true, updatedAt: T0 });

/** The registry's answers, as the registry would give them (an app's tests cannot boot another app). */
function registryDouble() {
  return {
    listDepartments: jest.fn(async () => [department('URBAN_MGMT', '城市管理办公室')]),
    listCategories: jest.fn(async () => [
      category('ENV', '环境卫生', {
        children: [category('ENV.SEWAGE', '污水外溢', { parentCode: 'ENV', kind: 'minor', urgency: 'urgent', owner: { level: 'grid', departmentCode: null }, acceptLimit: { amount: 2, unit: 'natural_hours' }, handleLimit: { amount: 3, unit: 'working_days' } })],
      }),
    ]),
    listUnits: jest.fn(async () => ({ items: [unit(STREET, '文汇街道', [STREET]), unit(GRID, '文汇社区第1网格', [STREET, GRID])], page: 1, pageSize: 2, total: 2 })),
    getCalendar: jest.fn(async (_caller: unknown, year: number) => (year === 2026 ? { year, holidays: ['2026-12-31'], workdays: [], provisional: false } : { year, holidays: [], workdays: [], provisional: true })),
  };
}

describe('incidents’ copy of the registry, filled at boot when empty', () => {
  let platform: TestPlatform;
  let service: RunningTestService;
  let registry: ReturnType<typeof registryDouble>;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    registry = registryDouble();
    const withDouble = (module: DynamicModule): DynamicModule => ({
      ...module,
      providers: [...(module.providers ?? []).filter((p) => p !== RegistryClient), { provide: RegistryClient, useValue: registry }],
    });
    service = await platform.start('incidents', IncidentsConfig, (config) => withDouble(IncidentsAppModule.register(config, { startWorkers: false })));
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('starts the fill with the workers', () => {
    // Off here (the test drives it); on with the workers, as the hotline's.
    expect(service.app.get<RegistryReferenceFillSettings>(REGISTRY_REFERENCE_FILL).autoStart).toBe(false);
    const booted = IncidentsAppModule.register(platform.config(IncidentsConfig));
    const fill = (booted.imports ?? []).flatMap((m) => ((m as DynamicModule).providers ?? []) as { provide?: unknown; useValue?: RegistryReferenceFillSettings }[]).find((p) => p.provide === REGISTRY_REFERENCE_FILL);
    expect(fill?.useValue?.autoStart).toBe(true);
  });

  it('fills an empty copy once through the registry’s lists: units, categories with their owner and limits, departments, the loaded calendar', async () => {
    const reference = service.app.get(RegistryReference);
    const copy = service.app.get(ReferenceRepository);
    const inContext = <T>(work: () => Promise<T>) => RequestContext.create(service.app.get(MikroORM).em, work);

    expect(await reference.fillIfEmpty(cst('2026-12-01T10:00'))).toBe(true);
    expect(registry.getCalendar.mock.calls.map(([, year]) => year)).toEqual([2025, 2026, 2027]);
    expect(await inContext(() => copy.unit(GRID))).toMatchObject({ name: '文汇社区第1网格', level: 'grid', parentCode: STREET, path: [STREET, GRID], active: true });
    expect(await inContext(() => copy.category('ENV.SEWAGE'))).toMatchObject({
      parentCode: 'ENV', urgency: 'urgent', owner: { level: 'grid', departmentCode: null }, acceptLimit: { amount: 2, unit: 'natural_hours' }, handleLimit: { amount: 3, unit: 'working_days' },
    });
    expect(await inContext(() => reference.isActiveDepartment('URBAN_MGMT'))).toBe(true);
    expect(registry.listDepartments).toHaveBeenCalledTimes(1);
    const { years } = await inContext(() => copy.calendarInForce(cst('2026-12-01T10:00')));
    expect(years.map((y) => [y.year, y.provisional])).toEqual([[2025, true], [2026, false], [2027, true]]);

    expect(await reference.fillIfEmpty()).toBe(false);
    expect(registry.listDepartments).toHaveBeenCalledTimes(1);
  });
});
