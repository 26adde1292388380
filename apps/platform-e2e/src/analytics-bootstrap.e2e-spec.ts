import { AnalyticsConfig, rebuildProjections } from '@gridline/app-analytics';
import { SYSTEM_CALLER } from '@gridline/auth';
import { IncidentsClient } from '@gridline/contracts-incidents';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };

/**
 * An analytics started after incidents' stream lost its first messages (aged out: here purged) fills its case
 * projection from incidents' snapshot and the stream's rest, and answers the figures the live one answered; so does a
 * rebuild of it.
 */
describe('analytics started late: the case projection from incidents’ snapshot and the stream', () => {
  let walk: StreetFixture;
  const report = async (title: string, categoryCode = 'ENV.GARBAGE'): Promise<string> => {
    const res = await walk.untilCreated(() => walk.call('staff', 'POST', '/api/v1/incidents', { categoryCode, title, description: `${title}：东门外`, location: IN_GRID, source: 'patrol' }));
    return res.json().incident.id;
  };
  const act = async (who: string, id: string, action: string, body: object = {}) => {
    const res = await walk.call(who, 'POST', `/api/v1/incidents/${id}/actions/${action}`, body);
    expect(res.statusCode).toBe(200);
  };
  const figures = async () => {
    const answers = [];
    for (const query of [`unit=${COMMUNITY}&period=day`, `unit=${GRID}&period=month`, 'department=URBAN_MGMT&period=day']) {
      const res = await walk.call('analyst', 'GET', `/api/v1/analytics/figures?${query}`);
      expect(res.statusCode).toBe(200);
      answers.push(res.json());
    }
    return answers;
  };

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'analytics'], gateway: true });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()],
      departments: [{ code: 'URBAN_MGMT', name: '城市管理办公室' }],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
        { code: 'ENV.SEWAGE', name: '污水外溢', parentCode: 'ENV', owner: { departmentCode: 'URBAN_MGMT' }, ...limits },
      ],
    });
    await walk.sign({
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      verifier: { sub: 'staff-2', roles: ['grid_staff'], units: [GRID] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
      department: { sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
    });
    // Reworked, closed and rated; returned by the department, dispatched again and closed; rejected; waiting.
    const first = await report('垃圾堆放');
    for (const [who, action, body] of [['community', 'accept'], ['community', 'dispatch'], ['staff', 'sign'], ['staff', 'handle', { result: '已清运' }], ['verifier', 'verify', { passed: false, comment: '仍有残留' }], ['staff', 'handle', { result: '已全部清运' }], ['verifier', 'verify', { passed: true }], ['community', 'evaluate', { rating: 5 }]] as const) {
      await act(who, first, action, body);
    }
    const second = await report('污水外溢', 'ENV.SEWAGE');
    for (const [who, action, body] of [['community', 'accept'], ['community', 'dispatch', { ownerDepartmentCode: 'URBAN_MGMT' }], ['department', 'return', { reason: '需先确认管网权属' }], ['community', 'dispatch', { ownerDepartmentCode: 'URBAN_MGMT' }], ['department', 'sign'], ['department', 'handle', { result: '已疏通' }], ['verifier', 'verify', { passed: true }]] as const) {
      await act(who, second, action, body);
    }
    await act('community', await report('重复上报'), 'reject', { reason: '重复' });
    await report('井盖缺失');
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('answers the cases’ snapshot to the analytics service alone, and refuses a cursor it did not give out', async () => {
    const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e);
    const asGateway = new IncidentsClient(await walk.platform.bus());
    expect(await refusal(asGateway.snapshot({ sub: 'admin-1', roles: ['admin'], units: [] }, {}))).toMatchObject({ kind: 'forbidden', details: { requiredCaller: 'svc:analytics' } });
    expect(await refusal(new IncidentsClient(walk.seedBus).snapshot(SYSTEM_CALLER, {}))).toMatchObject({ kind: 'forbidden' });
    const asAnalytics = walk.service('analytics').app.get(IncidentsClient);
    const page = await asAnalytics.snapshot(SYSTEM_CALLER, { limit: 3 });
    expect(page.items).toHaveLength(3);
    expect(page.items[0].events.map((e) => e.type)).toEqual(['reported', 'accepted', 'dispatched', 'signed', 'handled', 'reworked', 'handled', 'verified', 'closed', 'evaluated']);
    const rest = await asAnalytics.snapshot(SYSTEM_CALLER, { limit: 3, cursor: page.nextCursor! });
    expect(rest).toMatchObject({ items: [{ events: [{ type: 'reported', data: { status: 'reported', step: 'accept' } }] }], nextCursor: null });
    expect(await refusal(asAnalytics.snapshot(SYSTEM_CALLER, { cursor: 'bm90LWEtY3Vyc29y' }))).toMatchObject({ kind: 'validation' });
  });

  it('answers the same figures from the snapshot and the stream’s rest, and after a rebuild', async () => {
    const live = await eventually(async () => {
      const answers = await figures();
      expect(answers[0].current.cases).toMatchObject({ reported: 4, closed: 2, evaluations: { count: 1 } });
      expect(answers[2].current.cases).toMatchObject({ closed: 1 });
      return answers;
    }, { timeoutMs: 20_000 });

    // The stream keeps only its newest third: the first cases' events are gone, the second's are cut in the middle.
    await walk.startAnalyticsAfterPurge('incidents', ['registry', 'incidents'], 'analytics_late');
    const db = await walk.db();
    await eventually(async () => {
      expect((await db.query(`select finished_at from analytics_late.projection_bootstrap where consumer = 'analytics-cases'`)).rows).toEqual([{ finished_at: expect.any(Date) }]);
      expect(await figures()).toEqual(live);
    }, { timeoutMs: 20_000 });
    expect(Number((await db.query(`select count(*) as n from analytics_late.case_event where event_id like 'snapshot:%'`)).rows[0].n)).toBeGreaterThan(0);

    const result = await rebuildProjections(walk.platform.config(AnalyticsConfig, { DB_SCHEMA: 'analytics_late' }));
    expect(result.snapshotRecords).toBe(4);
    expect(result.projections.find((p) => p.consumer === 'analytics-cases')).toMatchObject({ fromSnapshot: true });
    expect(await figures()).toEqual(live);
  });
});
