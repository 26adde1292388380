import { connect, type NatsConnection as RawNats } from 'nats';
import { AppError } from '@gridline/platform';
import { streamName } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { RegistryClient, type CreateCategoryRequest } from '@gridline/contracts-registry';
import { TestPlatform, eventually, TEST_SERVERS } from '@gridline/testing';
import { RegistryAppModule } from '../registry-app.module';
import { RegistryConfig } from '../registry.config';

const ADMIN: Caller = { sub: 'admin', roles: ['admin'], units: [] };
const STAFF: Caller = { sub: 'staff', roles: ['grid_staff'], units: ['370502003001001'] };

const garbage: CreateCategoryRequest = {
  code: 'ENV.GARBAGE',
  name: '垃圾堆放',
  parentCode: 'ENV',
  owner: { level: 'grid' },
  acceptLimit: { amount: 2, unit: 'working_hours' },
  handleLimit: { amount: 1, unit: 'working_days' },
};

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('responsibility list over the bus', () => {
  let platform: TestPlatform;
  let registry: RegistryClient;
  let nc: RawNats;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config));
    registry = new RegistryClient(await platform.bus());
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
  });

  afterAll(async () => {
    await nc?.close();
    await platform?.close();
  });

  it('keeps departments, refusing a duplicate code and callers who do not keep the list', async () => {
    const department = await registry.createDepartment(ADMIN, { code: 'URBAN_MGMT', name: '城市管理办公室', contact: '0546-8320103' });
    expect(department).toMatchObject({ code: 'URBAN_MGMT', active: true });
    expect((await failure(registry.createDepartment(ADMIN, { code: 'URBAN_MGMT', name: 'x' }))).code).toBe('DEPARTMENT_CODE_TAKEN');
    expect((await failure(registry.createDepartment(STAFF, { code: 'OTHER', name: 'x' }))).code).toBe('FORBIDDEN');
    const updated = await registry.updateDepartment({ sub: 's', roles: ['street_admin'], units: [] }, 'URBAN_MGMT', { contact: '0546-1' });
    expect(updated.contact).toBe('0546-1');
    expect(await registry.listDepartments(STAFF)).toEqual([expect.objectContaining({ code: 'URBAN_MGMT' })]);
  });

  it('builds the category tree: majors, then minors with owner and limits', async () => {
    await registry.createCategory(ADMIN, { code: 'ENV', name: '环境卫生' });
    await registry.createCategory(ADMIN, garbage);
    await registry.createCategory(ADMIN, { ...garbage, code: 'ENV.SEWAGE', name: '污水外溢', owner: { departmentCode: 'URBAN_MGMT' }, urgency: 'urgent' });
    const tree = await registry.listCategories(STAFF);
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ code: 'ENV', kind: 'major', owner: null });
    expect(tree[0].children.map((c) => c.code)).toEqual(['ENV.GARBAGE', 'ENV.SEWAGE']);
    expect(tree[0].children[1]).toMatchObject({ owner: { level: null, departmentCode: 'URBAN_MGMT' }, urgency: 'urgent', kind: 'minor' });
    expect((await registry.getCategory(STAFF, 'ENV')).children).toHaveLength(2);
  });

  it.each<[string, Partial<CreateCategoryRequest>, string]>([
    ['a minor category without a parent', { code: 'ENV.NOISE', parentCode: undefined }, 'parentCode'],
    ['a minor code outside its parent', { code: 'SAFETY.NOISE' }, 'code'],
    ['an owner naming both a level and a department', { code: 'ENV.NOISE', owner: { level: 'grid', departmentCode: 'URBAN_MGMT' } }, 'owner'],
    ['an unknown department', { code: 'ENV.NOISE', owner: { departmentCode: 'NOBODY' } }, 'owner.departmentCode'],
    ['a minor category without limits', { code: 'ENV.NOISE', acceptLimit: undefined }, 'acceptLimit'],
    ['a handle limit shorter than the accept limit', { code: 'ENV.NOISE', acceptLimit: { amount: 3, unit: 'working_days' }, handleLimit: { amount: 1, unit: 'working_days' } }, 'handleLimit'],
  ])('refuses %s, naming the field', async (_, change, field) => {
    const error = await failure(registry.createCategory(ADMIN, { ...garbage, ...change } as CreateCategoryRequest));
    expect(error.kind).toBe('validation');
    expect(error.details?.fields).toEqual([expect.objectContaining({ field })]);
    expect(await registry.getCategory(ADMIN, 'ENV').then((c) => c.children.map((x) => x.code))).not.toContain('ENV.NOISE');
  });

  it('keeps the details a report of a minor category carries, refusing a value list without values or a repeated code', async () => {
    const floor = { code: 'FLOOR', description: '漏水的楼层', datatype: 'number' as const, required: true };
    const kind = { code: 'KIND', description: '管道类别', datatype: 'singlevaluelist' as const, required: false, values: [{ key: 'water', name: '自来水' }] };
    const updated = await registry.updateCategory(ADMIN, 'ENV.SEWAGE', { details: [floor, kind] });
    expect(updated.details).toEqual([{ ...floor, values: [] }, kind]);
    expect((await registry.getCategory(STAFF, 'ENV')).children.find((c) => c.code === 'ENV.SEWAGE')?.details).toEqual(updated.details);
    for (const [details, field] of [
      [[{ ...kind, values: [] }], 'details.0.values'],
      [[floor, floor], 'details.1.code'],
      [[{ ...floor, values: [{ key: 'a', name: 'A' }] }], 'details.0.values'],
    ] as const) {
      const error = await failure(registry.updateCategory(ADMIN, 'ENV.SEWAGE', { details: details as never }));
      expect(error.details?.fields).toEqual([expect.objectContaining({ field })]);
    }
    expect((await failure(registry.updateCategory(ADMIN, 'ENV', { details: [floor] }))).details?.fields).toEqual([expect.objectContaining({ field: 'details' })]);
    await registry.updateCategory(ADMIN, 'ENV.SEWAGE', { details: [] });
  });

  it('announces every change of a category with the whole category', async () => {
    await registry.updateCategory(ADMIN, 'ENV.GARBAGE', { handleLimit: { amount: 2, unit: 'working_days' } });
    const jsm = await nc.jetstreamManager();
    await eventually(async () => {
      const msg = await jsm.streams.getMessage(streamName(platform.prefix, 'registry'), { last_by_subj: `${platform.prefix}.events.registry.category.changed` });
      expect(msg.json()).toMatchObject({
        type: 'gridline.registry.category.changed.v1',
        subject: 'ENV.GARBAGE',
        data: { category: { code: 'ENV.GARBAGE', handleLimit: { amount: 2, unit: 'working_days' }, owner: { level: 'grid' } } },
      });
    });
  });

  it('keeps the working-day calendar of a year', async () => {
    const calendar = await registry.setCalendar(ADMIN, 2025, { holidays: ['2025-10-08', '2025-10-01'], workdays: ['2025-09-28'] });
    expect(calendar).toEqual({ year: 2025, holidays: ['2025-10-01', '2025-10-08'], workdays: ['2025-09-28'] });
    expect(await registry.getCalendar(STAFF, 2025)).toEqual({ ...calendar, provisional: false });
    // Before the 2024 rules: no provisional holidays are computed, and the year says it is not loaded.
    expect(await registry.getCalendar(STAFF, 2024)).toEqual({ year: 2024, holidays: [], workdays: [], provisional: true });
  });

  it('answers a year whose notice is not loaded with the statutory holidays the law fixes, marked provisional', async () => {
    const year = await registry.getCalendar(STAFF, 2027);
    expect(year.provisional).toBe(true);
    expect(year.workdays).toEqual([]);
    expect(year.holidays).toEqual(expect.arrayContaining(['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-08', '2027-04-05', '2027-10-03']));
    expect(year.holidays).toHaveLength(19);
  });

  it('puts one working day after 31 December 2026 after the provisional New Year holiday, until the 2027 notice is loaded', async () => {
    const lastDay = { from: '2026-12-31T10:00:00+08:00', amount: 1, unit: 'working_days' } as const;
    await registry.setCalendar(ADMIN, 2026, { holidays: ['2026-01-01', '2026-10-01'], workdays: [] });
    expect(await registry.deadline(STAFF, lastDay)).toEqual({
      from: '2026-12-31T02:00:00.000Z',
      limit: { amount: 1, unit: 'working_days' },
      deadline: '2027-01-04T09:30:00.000Z', // Monday: Friday 1 January 2027 is New Year's Day
      provisional: true,
      provisionalYears: [2027],
    });
    // A limit that stays in a loaded year is not provisional.
    expect(await registry.deadline(STAFF, { ...lastDay, from: '2026-12-29T10:00:00+08:00' })).toMatchObject({ provisional: false, provisionalYears: [] });
    // The notice (invented here: New Year's Day and Saturday 2 January worked) replaces the provisional year.
    await registry.setCalendar(ADMIN, 2027, { holidays: ['2027-01-01'], workdays: ['2027-01-02'] });
    expect(await registry.deadline(STAFF, lastDay)).toMatchObject({ deadline: '2027-01-02T09:30:00.000Z', provisional: false, provisionalYears: [] });
    expect((await registry.getCalendar(STAFF, 2027)).provisional).toBe(false);
  });

  it('computes deadlines on the calendar: a make-up Sunday counts, a holiday does not', async () => {
    const friday = '2025-09-26T16:00:00+08:00';
    expect((await registry.deadline(STAFF, { from: friday, amount: 1, unit: 'working_days' })).deadline).toBe('2025-09-28T09:30:00.000Z');
    expect((await registry.deadline(STAFF, { from: '2025-09-26T17:00:00+08:00', amount: 1, unit: 'working_hours' })).deadline).toBe('2025-09-28T01:00:00.000Z');
    expect((await registry.deadline(STAFF, { from: '2025-09-30T10:00:00+08:00', amount: 1, unit: 'working_days' })).deadline).toBe('2025-10-02T09:30:00.000Z');
    expect((await registry.deadline(STAFF, { from: friday, amount: 24, unit: 'natural_hours' })).deadline).toBe('2025-09-27T08:00:00.000Z');
  });

  it.each([
    ['a weekday as a make-up working day', { holidays: [], workdays: ['2025-09-29'] }, 'workdays'],
    ['a date outside the year', { holidays: ['2024-10-01'], workdays: [] }, 'holidays'],
    ['an impossible date', { holidays: ['2025-02-30'], workdays: [] }, 'holidays'],
  ])('refuses %s and keeps the year as it was', async (_, body, field) => {
    const error = await failure(registry.setCalendar(ADMIN, 2025, body));
    expect(error.details?.fields).toEqual([expect.objectContaining({ field })]);
    expect((await registry.getCalendar(ADMIN, 2025)).holidays).toEqual(['2025-10-01', '2025-10-08']);
  });
});
