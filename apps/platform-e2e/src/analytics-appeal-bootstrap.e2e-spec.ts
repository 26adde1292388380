import { AnalyticsConfig, rebuildProjections } from '@gridline/app-analytics';
import { SYSTEM_CALLER } from '@gridline/auth';
import { HotlineClient } from '@gridline/contracts-hotline';
import { chinaDay } from '@gridline/platform';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };
const URBAN = { lead: { departmentCode: 'URBAN_MGMT' } };

/**
 * An analytics started after the hotline's stream lost its first messages (aged out: here purged) fills its appeal
 * projection from the hotline's snapshot and the stream's rest, and answers the appeal figures and hot spots the live
 * one answered; so does a rebuild of it.
 */
describe('analytics started late: the appeal projection from the hotline’s snapshot and the stream', () => {
  let walk: StreetFixture;
  const today = chinaDay();
  const intake = async (categoryCode: string, located: boolean): Promise<string> => {
    const taken = await walk.call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', caller: { phone: '13805461111' }, content: '门口垃圾', categoryCode, ...(located ? { location: IN_GRID } : {}) });
    expect(taken.statusCode).toBe(201);
    return taken.json().appeal.id;
  };
  const act = async (who: string, id: string, action: string, body: object = {}) => expect((await walk.call(who, 'POST', `/api/v1/appeals/${id}/actions/${action}`, body)).statusCode).toBe(200);
  /** The appeals' part of the figures (the cases' come from incidents, the published owner figures from their own projection) and the hot spots. */
  const answers = async () => {
    const got = [];
    for (const query of [`figures?unit=${STREET}&period=day`, `figures?unit=${COMMUNITY}&period=day`, 'figures?department=URBAN_MGMT&period=day']) {
      const res = await walk.call('analyst', 'GET', `/api/v1/analytics/${query}`);
      expect(res.statusCode).toBe(200);
      got.push({ current: res.json().current.appeals, previous: res.json().previous.appeals });
    }
    for (const query of [`hotspots?unit=${STREET}&from=${today}&to=${today}`, `hotspots?unit=${STREET}&by=hex&from=${today}&to=${today}`, `trends?unit=${STREET}&from=${today}&to=${today}`]) {
      const res = await walk.call('analyst', 'GET', `/api/v1/analytics/${query}`);
      expect(res.statusCode).toBe(200);
      got.push(res.json());
    }
    return got;
  };

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'hotline', 'analytics'], gateway: true });
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
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
      department: { sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] },
      street: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
    });
    // Answered, called back and closed; returned, approved and dispatched again; led by the street and answered in part; only received.
    const closed = await intake('ENV.GARBAGE', true);
    await act('operator', closed, 'dispatch', URBAN);
    await act('department', closed, 'sign');
    await act('department', closed, 'answer', { resolution: 'resolved', text: '已清运' });
    await act('operator', closed, 'callback', { satisfaction: 'satisfied' });
    const returned = await intake('ENV.SEWAGE', true);
    await act('operator', returned, 'dispatch', URBAN);
    await act('department', returned, 'return', { reason: '非本单位职责' });
    await act('operator', returned, 'decide_return', { approve: true });
    await act('operator', returned, 'dispatch', URBAN);
    const byStreet = await intake('ENV.SEWAGE', false);
    await act('operator', byStreet, 'dispatch', { lead: { unitCode: STREET } });
    await act('street', byStreet, 'sign');
    await act('street', byStreet, 'answer', { resolution: 'partly_resolved', text: '部分处理' });
    await intake('ENV.GARBAGE', true);
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('answers the appeals’ snapshot to the analytics service alone', async () => {
    const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e);
    expect(await refusal(new HotlineClient(await walk.platform.bus()).snapshot({ sub: 'admin-1', roles: ['admin'], units: [] }, {}))).toMatchObject({ kind: 'forbidden', details: { requiredCaller: 'svc:analytics' } });
    expect(await refusal(new HotlineClient(walk.seedBus).snapshot(SYSTEM_CALLER, {}))).toMatchObject({ kind: 'forbidden' });
    const page = await walk.service('analytics').app.get(HotlineClient).snapshot(SYSTEM_CALLER, {});
    expect(page.items.map((a) => a.status)).toEqual(['closed', 'dispatched', 'answered', 'received']);
    expect(page.nextCursor).toBeNull();
  });

  it('answers the same appeal figures and hot spots from the snapshot and the stream’s rest, and after a rebuild', async () => {
    const live = await eventually(async () => {
      const got = await answers();
      // Every step applied (the consumer applies events side by side): the street's answer, the department's return and close.
      expect(got[0].current).toMatchObject({ received: 4, resolutionRate: { numerator: 0, denominator: 1 } });
      expect(got[2].current).toMatchObject({ appeals: 2, responseRate: { numerator: 1, denominator: 2 }, returnRate: { numerator: 1, denominator: 2 }, satisfactionRate: { numerator: 1, denominator: 1 } });
      expect(got[3]).toMatchObject({ appeals: 4 });
      return got;
    }, { timeoutMs: 20_000 });

    // The stream keeps only its newest third: the first appeals' events are gone, a later one's are cut in the middle.
    await walk.startAnalyticsAfterPurge('hotline', ['registry', 'hotline'], 'analytics_late');
    const db = await walk.db();
    await eventually(async () => {
      expect((await db.query(`select finished_at, loaded from analytics_late.projection_bootstrap where consumer = 'analytics-appeals'`)).rows).toEqual([{ finished_at: expect.any(Date), loaded: 4 }]);
      expect(await answers()).toEqual(live);
    }, { timeoutMs: 20_000 });

    const result = await rebuildProjections(walk.platform.config(AnalyticsConfig, { DB_SCHEMA: 'analytics_late' }));
    expect(result.snapshotRecords).toBe(4);
    expect(result.projections.find((p) => p.consumer === 'analytics-appeals')).toMatchObject({ fromSnapshot: true });
    expect(await answers()).toEqual(live);
  });
});
