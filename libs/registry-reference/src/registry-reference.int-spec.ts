import { Module, type DynamicModule } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ServiceConfig, deadlineInForce } from '@gridline/platform';
import { connect } from 'nats';
import { ServiceModule, ensureStream, withPrefix, type CloudEvent, type EventHandlerBinding } from '@gridline/messaging';
import { RegistryClient, RegistryErrorCode, type CategoryTreeView, type DepartmentView, type GridStaffRecord, type GridStaffSnapshotQuery, type TimeLimit, type UnitView } from '@gridline/contracts-registry';
import { TEST_SERVERS, TestPlatform, type RunningTestService } from '@gridline/testing';
import { REGISTRY_REFERENCE_ENTITIES } from './reference.entities';
import { REGISTRY_REFERENCE_MIGRATIONS, REGISTRY_REFERENCE_STAFF_MIGRATIONS } from './registry-reference-tables.migration';
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
  static register(config: ServiceConfig, registry: unknown, service = 'hotline', staff = false): DynamicModule {
    const migrations = staff ? [...REGISTRY_REFERENCE_MIGRATIONS, ...REGISTRY_REFERENCE_STAFF_MIGRATIONS] : REGISTRY_REFERENCE_MIGRATIONS;
    return {
      module: CopyOnlyModule,
      global: true,
      imports: [
        ServiceModule.forRoot({ service, config, entities: REGISTRY_REFERENCE_ENTITIES, migrations, startWorkers: false }),
        RegistryReferenceModule.forService({ autoStart: false, retryMs: 10, staff }),
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

const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const P3 = '00000000-0000-4000-8000-000000000003';
const staffRecord = (n: number, personId: string, name: string, account: string | null, startsOn = '2026-01-01', endsOn: string | null = null): GridStaffRecord => ({
  assignmentId: `10000000-0000-4000-8000-00000000000${n}`, personId, name, account, unitCode: GRID, startsOn, endsOn,
});

describe('a copy that keeps the grid staff (analytics’)', () => {
  let platform: TestPlatform;
  let service: RunningTestService;
  let registry: ReturnType<typeof registryDouble> & { staffSnapshot: jest.Mock };
  let staff: GridStaffRecord[];
  let unavailable = false;
  let inContext: <T>(work: () => Promise<T>) => Promise<T>;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    staff = [staffRecord(1, P1, '王晓梅', 'staff-1'), staffRecord(2, P2, '李强', null, '2026-01-01', '2026-10-31')];
    // Pages of one record: the fill follows the cursor.
    const staffSnapshot = jest.fn(async (_caller: unknown, { cursor, personIds }: GridStaffSnapshotQuery) => {
      if (unavailable) throw new AppError('SERVICE_UNAVAILABLE', 'unavailable', 'The registry service is not available');
      const all = staff.filter((r) => !personIds || personIds.includes(r.personId));
      const at = cursor ? Number(cursor) : 0;
      return { items: all.slice(at, at + 1), nextCursor: at + 1 < all.length ? String(at + 1) : null };
    });
    registry = { ...registryDouble(), staffSnapshot };
    service = await platform.start('analytics', ServiceConfig, (config) => CopyOnlyModule.register(config, registry, 'analytics', true));
    const orm = service.app.get(MikroORM);
    inContext = (work) => RequestContext.create(orm.em, work);
  });

  afterAll(async () => {
    await platform?.close();
  });

  const gridStaff = (from: string, to: string) => inContext(() => service.app.get(RegistryReference).gridStaff(STREET, from, to));
  const deliver = (type: string, data: unknown, time: string) => {
    const orm = service.app.get(MikroORM);
    const handlers = new Map<string, EventHandlerBinding<unknown>>(service.app.get(RegistryReferenceSubscriber).handlers().map((b) => [b.definition.type, b]));
    return (orm.em.fork() as EntityManager).transactional((tx) => handlers.get(type)!.handle({ type, data, time } as CloudEvent, tx));
  };

  it('fills the staff with the rest on an empty copy, page by page, with names and logins', async () => {
    expect(await service.app.get(RegistryReference).fillIfEmpty(cst('2026-12-01T10:00'))).toBe(true);
    expect(registry.staffSnapshot.mock.calls.map(([, q]) => q)).toEqual([{ limit: 200 }, { limit: 200, cursor: '1' }]);
    expect(await gridStaff('2026-11-01', '2026-11-30')).toEqual([{ assignmentId: staff[0].assignmentId, personId: P1, name: '王晓梅', account: 'staff-1', unitCode: GRID, startsOn: '2026-01-01', endsOn: null }]);
    // 李强's assignment ended on 31 October: staff of October, not of November.
    expect((await gridStaff('2026-10-01', '2026-10-31')).map((s) => s.name)).toEqual(['李强', '王晓梅']);
    expect(await service.app.get(RegistryReference).fillIfEmpty()).toBe(false);
  });

  it('fills the staff alone when the copy holds the rest but no staff (a copy made before it kept them)', async () => {
    const orm = service.app.get(MikroORM);
    await orm.em.fork().getConnection().execute(`delete from "${orm.config.get('schema')}"."registry_grid_staff"`);
    const departments = registry.listDepartments.mock.calls.length;
    expect(await service.app.get(RegistryReference).fillIfNeeded(new Date(), false)).toBe(true);
    expect(registry.listDepartments).toHaveBeenCalledTimes(departments);
    expect((await gridStaff('2026-01-01', '2026-12-31')).map((s) => s.name)).toEqual(['李强', '王晓梅']);
  });

  it('follows the grid staff assignments’ events (no other role), naming a new person from the registry when first read', async () => {
    // As the registry holds it by now: assigned from the 10th, ended on the 20th.
    const newcomer = staffRecord(3, P3, '赵敏', 'staff-3', '2026-11-10', '2026-11-20');
    staff.push(newcomer);
    const asked = registry.staffSnapshot.mock.calls.length;
    const snapshot = { id: newcomer.assignmentId, personId: P3, unitCode: GRID, startsOn: '2026-11-10', endsOn: null, source: null };
    await deliver('gridline.registry.assignment.created.v1', { assignment: { ...snapshot, role: 'grid_staff' } }, '2026-11-10T01:00:00.000Z');
    await deliver('gridline.registry.assignment.created.v1', { assignment: { ...snapshot, id: '10000000-0000-4000-8000-000000000009', role: 'building_chief' } }, '2026-11-10T01:00:00.000Z');
    // Ended on the 20th, then an older update delivered late: the end stands.
    await deliver('gridline.registry.assignment.ended.v1', { assignment: { ...snapshot, role: 'grid_staff', endsOn: '2026-11-20' } }, '2026-11-20T01:00:00.000Z');
    await deliver('gridline.registry.assignment.updated.v1', { assignment: { ...snapshot, role: 'grid_staff' }, changed: ['workPhone'] }, '2026-11-15T01:00:00.000Z');
    const copied = await inContext(() => service.app.get(ReferenceRepository).gridStaff(STREET, '2026-11-01', '2026-11-30'));
    expect(copied.map((s) => [s.assignmentId, s.name, s.endsOn])).toEqual([[staff[0].assignmentId, '王晓梅', null], [newcomer.assignmentId, null, '2026-11-20']]);
    const november = await gridStaff('2026-11-01', '2026-11-30');
    expect(november.map((s) => [s.name, s.account, s.endsOn])).toEqual([['王晓梅', 'staff-1', null], ['赵敏', 'staff-3', '2026-11-20']]);
    expect(registry.staffSnapshot.mock.calls.slice(asked).map(([, q]) => q.personIds)).toEqual([[P3]]);
    expect((await gridStaff('2026-11-21', '2026-11-30')).map((s) => s.name)).toEqual(['王晓梅']);
  });

  it('answers a person the registry cannot be asked about unnamed, and names them once it answers', async () => {
    const late = { id: '10000000-0000-4000-8000-000000000008', personId: '00000000-0000-4000-8000-000000000008', unitCode: GRID, role: 'grid_staff', startsOn: '2026-12-01', endsOn: null, source: null };
    staff.push({ assignmentId: late.id, personId: late.personId, name: '孙丽', account: null, unitCode: GRID, startsOn: '2026-12-01', endsOn: null });
    await deliver('gridline.registry.assignment.created.v1', { assignment: late }, '2026-12-01T01:00:00.000Z');
    unavailable = true;
    expect((await gridStaff('2026-12-01', '2026-12-31')).map((s) => s.name)).toEqual(['王晓梅', null]);
    unavailable = false;
    expect((await gridStaff('2026-12-01', '2026-12-31')).map((s) => s.name)).toEqual(['孙丽', '王晓梅']);
  });
});
