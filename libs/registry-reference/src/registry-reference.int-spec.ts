import { Module, type DynamicModule } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ServiceConfig, deadlineInForce } from '@gridline/platform';
import { connect } from 'nats';
import { ServiceModule, ensureStream, withPrefix, type CloudEvent, type EventHandlerBinding } from '@gridline/messaging';
import { RegistryClient, RegistryErrorCode, type CategoryTreeView, type DepartmentView, type TimeLimit, type UnitView } from '@gridline/contracts-registry';
import { TEST_SERVERS, TestPlatform, type RunningTestService } from '@gridline/testing';
import { REGISTRY_REFERENCE_ENTITIES } from './reference.entities';
import { REGISTRY_REFERENCE_MIGRATIONS } from './registry-reference-tables.migration';
import { ReferenceRepository } from './reference.repository';
import { RegistryReferenceSubscriber } from './reference.subscriber';
import { RegistryReference } from './registry-reference';
import { RegistryReferenceModule } from './registry-reference.module';

const STREET = '370502003';
const GRID = '370502003001001';
const T0 = '2026-11-01T00:00:00.000Z';
const cst = (local: string) => new Date(`${local}:00+08:00`);

const department = (code: string, name: string, updatedAt = T0, active = true): DepartmentView => ({ code, name, contact: null, active, updatedAt });
const category = (code: string, name: string, extra: Partial<CategoryTreeView> = {}): CategoryTreeView => ({
  code, name, parentCode: null, kind: 'major', owner: null, acceptLimit: null, handleLimit: null, urgency: 'normal', details: [], active: true, updatedAt: T0, children: [], ...extra,
});
const unit = (code: string, name: string, path: string[]): UnitView => ({
  code, name, level: path.length === 1 ? 'street' : 'grid', kind: null, parentCode: path.at(-2) ?? null, path, standardCode: null, boundary: null, active: true, createdAt: T0, updatedAt: T0,
});

/** The registry's answers, as the registry would give them (an app's tests cannot boot another app). */
function registryDouble() {
  return {
    listDepartments: jest.fn(async () => [department('URBAN_MGMT', '城市管理办公室')]),
    listCategories: jest.fn(async () => [category('ENV', '环境卫生', { children: [category('ENV.GARBAGE', '垃圾堆放', { parentCode: 'ENV', kind: 'minor', handleLimit: { amount: 5, unit: 'working_days' } })] })]),
    listUnits: jest.fn(async (_caller: unknown, { page }: { page?: number }) => ({ items: page === 1 ? [unit(STREET, '文汇街道', [STREET])] : page === 2 ? [unit(GRID, '文汇社区第1网格', [STREET, GRID])] : [], page: page ?? 1, pageSize: 1, total: 2 })),
    getCalendar: jest.fn(async (_caller: unknown, year: number) => (year === 2026 ? { year, holidays: ['2026-12-31'], workdays: [], provisional: false } : { year, holidays: [], workdays: [], provisional: true })),
    getCategory: jest.fn(async (_caller: unknown, code: string): Promise<CategoryTreeView> => {
      if (code === 'NEW.CAT') return category(code, '新设小类');
      throw new AppError(RegistryErrorCode.CategoryNotFound, 'not_found', `Category ${code} not found`);
    }),
    getUnit: jest.fn(async (_caller: unknown, code: string): Promise<UnitView> => {
      throw new AppError(RegistryErrorCode.UnitNotFound, 'not_found', `Unit ${code} not found`);
    }),
  };
}

/** A service that keeps nothing but the copy (its schema, the messaging tables), with the registry's client replaced. */
@Module({})
class CopyOnlyModule {
  static register(config: ServiceConfig, registry: unknown): DynamicModule {
    return {
      module: CopyOnlyModule,
      global: true,
      imports: [
        ServiceModule.forRoot({ service: 'hotline', config, entities: REGISTRY_REFERENCE_ENTITIES, migrations: REGISTRY_REFERENCE_MIGRATIONS, startWorkers: false }),
        RegistryReferenceModule.forService({ autoStart: false, retryMs: 10 }),
      ],
      providers: [{ provide: RegistryClient, useValue: registry }],
      exports: [RegistryClient],
    };
  }
}

describe('a service’s copy of the registry', () => {
  let platform: TestPlatform;
  let service: RunningTestService;
  let registry: ReturnType<typeof registryDouble>;
  let inContext: <T>(work: () => Promise<T>) => Promise<T>;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    registry = registryDouble();
    service = await platform.start('hotline', ServiceConfig, (config) => CopyOnlyModule.register(config, registry));
    const orm = service.app.get(MikroORM);
    inContext = (work) => RequestContext.create(orm.em, work);
  });

  afterAll(async () => {
    await platform?.close();
  });

  const names = () => inContext(() => service.app.get(ReferenceRepository).names({ units: [STREET, GRID], departments: ['URBAN_MGMT'], categories: ['ENV', 'ENV.GARBAGE', 'NEW.CAT'] }));

  it('fills an empty copy once through the registry’s lists: names, limits and the loaded calendar years', async () => {
    const reference = service.app.get(RegistryReference);
    expect(await reference.fillIfEmpty(cst('2026-12-01T10:00'))).toBe(true);
    expect(registry.listUnits).toHaveBeenCalledTimes(2);
    expect(registry.getCalendar.mock.calls.map(([, year]) => year)).toEqual([2025, 2026, 2027]);
    const book = await names();
    expect([book.unit(STREET), book.unit(GRID), book.department('URBAN_MGMT'), book.category('ENV'), book.category('ENV.GARBAGE')]).toEqual(['文汇街道', '文汇社区第1网格', '城市管理办公室', '环境卫生', '垃圾堆放']);
    const garbage = await inContext(() => service.app.get(ReferenceRepository).get('category', 'ENV.GARBAGE'));
    expect(garbage).toMatchObject({ active: true, parentCode: 'ENV', owner: null, handleLimit: { amount: 5, unit: 'working_days' } });
    // 31 December 2026 is a holiday as loaded; 2027 stays provisional (1 January is New Year's Day).
    const after = async (from: Date, limit: TimeLimit) => deadlineInForce(await service.app.get(ReferenceRepository).calendarInForce(from), from, limit);
    const due = await inContext(() => after(cst('2026-12-30T17:00'), { amount: 1, unit: 'working_days' }));
    expect(due).toEqual({ deadline: cst('2027-01-04T17:30'), provisional: true, provisionalYears: [2027] });
    expect(await reference.fillIfEmpty()).toBe(false);
    expect(registry.listDepartments).toHaveBeenCalledTimes(1);
  });

  it('asks the registry only for the codes a command names that the copy lacks, and keeps what it answers', async () => {
    const reference = service.app.get(RegistryReference);
    await inContext(() => reference.prefetch({ category: ['ENV.GARBAGE', 'NEW.CAT', 'NOPE.CAT'], department: ['URBAN_MGMT'], unit: [GRID, '370502003009'] }));
    expect(registry.getCategory.mock.calls.map(([, code]) => code)).toEqual(['NEW.CAT', 'NOPE.CAT']);
    expect(registry.listDepartments).toHaveBeenCalledTimes(1);
    expect(registry.getUnit.mock.calls.map(([, code]) => code)).toEqual(['370502003009']);
    expect((await names()).category('NEW.CAT')).toBe('新设小类');
  });

  it('follows the registry’s events, each with its inbox transaction, and never lets an older record overwrite a newer one', async () => {
    const orm = service.app.get(MikroORM);
    const handlers = new Map<string, EventHandlerBinding<unknown>>(service.app.get(RegistryReferenceSubscriber).handlers().map((b) => [b.definition.type, b]));
    const deliver = (type: string, data: unknown, time: string) =>
      (orm.em.fork() as EntityManager).transactional((tx) => handlers.get(type)!.handle({ type, data, time } as CloudEvent, tx));
    await deliver('gridline.registry.department.changed.v1', { department: department('URBAN_MGMT', '城市管理局', '2026-11-03T00:00:00.000Z') }, T0);
    await deliver('gridline.registry.department.changed.v1', { department: department('URBAN_MGMT', '城市管理办公室(旧)', '2026-11-02T00:00:00.000Z', false) }, T0);
    await deliver('gridline.registry.unit.updated.v1', { unit: { ...unit(GRID, '文汇社区一网格', [STREET, GRID]), hasBoundary: true }, changed: ['name'] }, '2026-11-05T00:00:00.000Z');
    const book = await names();
    expect([book.department('URBAN_MGMT'), book.unit(GRID)]).toEqual(['城市管理局', '文汇社区一网格']);
    expect(await inContext(() => service.app.get(ReferenceRepository).get('department', 'URBAN_MGMT'))).toMatchObject({ active: true });
  });

  it('fills a copy that is not empty again when the stream dropped events its consumer never read, and not before', async () => {
    const reference = service.app.get(RegistryReference);
    const nc = await connect({ servers: TEST_SERVERS.natsUrl });
    try {
      const jsm = await nc.jetstreamManager();
      const stream = await ensureStream(jsm, platform.prefix, 'registry');
      for (const n of [1, 2, 3]) await nc.jetstream().publish(withPrefix(platform.prefix, 'events.registry.unit.updated'), Buffer.from(`{"n":${n}}`), { msgID: `aged-${n}` });
      expect(await reference.missedEvents()).toBe(false);
      const asked = registry.listDepartments.mock.calls.length;
      expect(await reference.fillIfNeeded(cst('2026-12-01T10:00'), await reference.missedEvents())).toBe(false);
      // The stream keeps only its newest message: the two before it aged out unread by this service's copy consumer.
      await jsm.streams.purge(stream, { keep: 1 });
      expect(await reference.missedEvents()).toBe(true);
      expect(await reference.fillIfNeeded(cst('2026-12-01T10:00'), await reference.missedEvents())).toBe(true);
      expect(registry.listDepartments).toHaveBeenCalledTimes(asked + 1);
    } finally {
      await nc.close();
    }
  });
});
