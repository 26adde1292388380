import fc from 'fast-check';
import { chinaDay } from '@gridline/platform';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_STREET = '370502004';
const DAY = 86_400_000;

/**
 * What the next person needs, on the appeal: the operator re-classifies at dispatch (the default owner follows the
 * new category), the department asks for more time, the hotline sees the request in its queue and decides it, the
 * due date moves; views and figures name owners, grids and categories beside their codes.
 */
describe('appeal views through the gateway: re-classification, pending extensions, names', () => {
  let walk: StreetFixture;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'hotline'], gateway: true });
    const limits = { acceptLimit: { amount: 1, unit: 'working_days' as const }, handleLimit: { amount: 5, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET, '东城街道').build(), unitFactory().community(COMMUNITY, '文汇社区').build(), unitFactory().grid(GRID, '文汇社区第1网格').at(118.5, 37.4).build()],
      departments: [{ code: 'URBAN_MGMT', name: '城市管理办公室' }],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
        { code: 'ENV.SEWAGE', name: '污水外溢', parentCode: 'ENV', owner: { departmentCode: 'URBAN_MGMT' }, ...limits },
        { code: 'ENV.OLD', name: '已停用的小类', parentCode: 'ENV', owner: { level: 'grid' }, ...limits, active: false },
      ],
    });
    await walk.sign({
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
      otherOperator: { sub: 'operator-9', roles: ['hotline_operator'], units: [OTHER_STREET] },
      department: { sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
    });
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);
  const act = (who: string, id: string, action: string, body: object = {}) => call(who, 'POST', `/api/v1/appeals/${id}/actions/${action}`, body);
  const view = async (who: string, id: string) => (await call(who, 'GET', `/api/v1/appeals/${id}`)).json();
  const timeline = async (id: string) => (await call('operator', 'GET', `/api/v1/appeals/${id}/timeline`)).json() as { action: string; actor: string; comment: string | null; details: Record<string, unknown> | null }[];
  async function taken(content: string): Promise<string> {
    const response = await call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', content, categoryCode: 'ENV.GARBAGE', location: { lat: 37.405, lng: 118.505, address: '文汇小区东门' } });
    expect(response.statusCode).toBe(201);
    return response.json().appeal.id;
  }

  describe('POST /api/v1/appeals/:id/actions/dispatch with a categoryCode', () => {
    it('refuses an unknown, inactive or malformed category naming categoryCode, and nothing is half-stored', async () => {
      const id = await taken('雨后井盖冒水，气味很大');
      const refused = async (categoryCode: unknown) => {
        const response = await act('operator', id, 'dispatch', { categoryCode });
        expect(response.statusCode).toBe(400);
        expect(response.json().errors).toEqual([expect.objectContaining({ field: 'categoryCode' })]);
        return response.json().errors[0].reasons[0] as string;
      };
      expect(await refused('NOPE.CAT')).toBe('NOPE.CAT is not an active category of the responsibility list');
      expect(await refused('ENV.OLD')).toBe('ENV.OLD is not an active category of the responsibility list');
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[A-Z]{2,6}\.[A-Z_]{2,12}$/), fc.integer(), fc.constant(null)), async (code) => {
          fc.pre(code !== 'ENV.SEWAGE' && code !== 'ENV.GARBAGE');
          await refused(code);
        }),
        { seed: 20261201, numRuns: 30 },
      );
      // A category given to another step is refused too, rather than dropped unsaid.
      expect(await (await act('operator', id, 'flag', { reason: '恶意重复来电', categoryCode: 'ENV.SEWAGE' })).json().errors[0].field).toBe('categoryCode');

      expect(await view('operator', id)).toMatchObject({ status: 'received', categoryCode: 'ENV.GARBAGE', lead: null, caller: { flagged: false } });
      expect((await timeline(id)).map((t) => t.action)).toEqual(['intake']);
    });

    it('re-classifies: the timeline says from → to and by whom, the default owner follows the new category, the event carries it', async () => {
      const id = await taken('井盖冒出污水，流到小区门口');
      const dispatched = await act('operator', id, 'dispatch', { categoryCode: 'ENV.SEWAGE' });
      expect(dispatched.statusCode).toBe(200);
      expect(dispatched.json()).toMatchObject({
        status: 'dispatched',
        categoryCode: 'ENV.SEWAGE',
        categoryName: '污水外溢',
        gridName: '文汇社区第1网格',
        // ENV.SEWAGE is owned by the department, where ENV.GARBAGE would have gone to the grid.
        lead: { kind: 'department', departmentCode: 'URBAN_MGMT', name: '城市管理办公室' },
      });
      const entries = await timeline(id);
      expect(entries.map((t) => t.action)).toEqual(['intake', 'reclassify', 'dispatch']);
      expect(entries[1]).toMatchObject({ actor: 'operator-1', comment: 'Category ENV.GARBAGE → ENV.SEWAGE', details: { from: 'ENV.GARBAGE', to: 'ENV.SEWAGE' } });

      const event = await eventually(async () => {
        const data = (await walk.lastEvent('hotline', 'events.hotline.appeal.dispatched')).json<{ subject: string; data: Record<string, unknown> }>();
        expect(data.subject).toBe(id);
        return data.data;
      });
      expect(event).toMatchObject({ categoryCode: 'ENV.SEWAGE', categoryChange: { from: 'ENV.GARBAGE', to: 'ENV.SEWAGE' }, lead: { kind: 'department', departmentCode: 'URBAN_MGMT' } });
    });
  });

  it('re-classified to a grid’s category, goes down to the grid: its case has the new category', async () => {
    const response = await call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', content: '楼下堆满装修垃圾', categoryCode: 'ENV.SEWAGE', location: { lat: 37.405, lng: 118.505 } });
    const id: string = response.json().appeal.id;
    const dispatched = (await act('operator', id, 'dispatch', { categoryCode: 'ENV.GARBAGE' })).json();
    expect(dispatched).toMatchObject({ categoryCode: 'ENV.GARBAGE', categoryName: '垃圾堆放', lead: { kind: 'unit', unitCode: GRID, level: 'grid', name: '文汇社区第1网格' }, handoff: 1 });
    const incidentId = await eventually(async () => {
      const appeal = await view('operator', id);
      expect(appeal.incidentId).toEqual(expect.any(String));
      return appeal.incidentId as string;
    });
    expect((await call('community', 'GET', `/api/v1/incidents/${incidentId}`)).json()).toMatchObject({ appealRef: id, categoryCode: 'ENV.GARBAGE', gridCode: GRID });
  });

  describe('an extension asked for by the department and decided by the hotline', () => {
    it('shows the pending request to the deciding operators in their queue, and moves the due date once granted', async () => {
      const id = await taken('污水井堵塞，需要疏通管网');
      const dispatched = (await act('operator', id, 'dispatch', { categoryCode: 'ENV.SEWAGE' })).json();
      expect((await act('department', id, 'sign')).statusCode).toBe(200);
      const requestedUntil = new Date(new Date(dispatched.answerDueAt).getTime() + 3 * DAY).toISOString();
      const asked = await act('department', id, 'request_extension', { until: requestedUntil, reason: '需协调施工单位开挖路面' });
      expect(asked.statusCode).toBe(200);
      expect(asked.json().allowedActions).not.toContain('decide_extension');

      // The hotline's queue: the appeals waiting for a decision on an extension, with date and reason.
      const queue = (await call('operator', 'GET', '/api/v1/appeals?pendingExtension=true')).json();
      expect(queue.items.map((a: { id: string }) => a.id)).toEqual([id]);
      const pending = queue.items[0];
      expect(pending).toMatchObject({ pendingExtension: { requestedUntil, reason: '需协调施工单位开挖路面', requestedBy: 'dept-1', at: expect.any(String) }, answerDueAt: dispatched.answerDueAt });
      expect(pending.allowedActions).toContain('decide_extension');
      expect((await call('operator', 'GET', '/api/v1/appeals?pendingExtension=false')).json().items.map((a: { id: string }) => a.id)).not.toContain(id);
      const bad = await call('operator', 'GET', '/api/v1/appeals?pendingExtension=maybe');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('pendingExtension');
      // Another street's operators neither see nor decide it.
      expect((await call('otherOperator', 'GET', '/api/v1/appeals?pendingExtension=true')).json().items).toEqual([]);
      expect((await act('otherOperator', id, 'decide_extension', { approve: true })).statusCode).toBe(404);
      expect((await act('department', id, 'decide_extension', { approve: true })).statusCode).toBe(403);

      const decided = await act('operator', id, 'decide_extension', { approve: true, comment: '同意延期' });
      expect(decided.statusCode).toBe(200);
      expect(decided.json()).toMatchObject({ answerDueAt: requestedUntil, pendingExtension: null, extensionCount: 1 });
      expect(await view('department', id)).toMatchObject({ answerDueAt: requestedUntil, pendingExtension: null });
      expect((await call('operator', 'GET', '/api/v1/appeals?pendingExtension=true')).json().items).toEqual([]);
      const entries = await timeline(id);
      expect(entries.find((t) => t.action === 'request_extension')).toMatchObject({ actor: 'dept-1', comment: '需协调施工单位开挖路面', details: { requestedUntil, answerDueAt: dispatched.answerDueAt } });
      expect(entries.find((t) => t.action === 'decide_extension')).toMatchObject({
        actor: 'operator-1',
        comment: '同意延期',
        details: { decision: 'granted', requestedUntil, requestedBy: 'dept-1', answerDueAt: requestedUntil, previousAnswerDueAt: dispatched.answerDueAt },
      });
    });

    it('keeps the due date when refused, and says so on the timeline', async () => {
      const id = await taken('路边污水横流');
      const dispatched = (await act('operator', id, 'dispatch', { categoryCode: 'ENV.SEWAGE' })).json();
      const requestedUntil = new Date(new Date(dispatched.answerDueAt).getTime() + 2 * DAY).toISOString();
      expect((await act('department', id, 'request_extension', { until: requestedUntil, reason: '等待材料到货' })).statusCode).toBe(200);
      const refused = (await act('operator', id, 'decide_extension', { approve: false, reason: '可先临时处置' })).json();
      expect(refused).toMatchObject({ answerDueAt: dispatched.answerDueAt, pendingExtension: null, extensionCount: 0 });
      expect((await timeline(id)).find((t) => t.action === 'decide_extension')).toMatchObject({
        comment: '可先临时处置',
        details: { decision: 'refused', requestedUntil, answerDueAt: dispatched.answerDueAt, previousAnswerDueAt: dispatched.answerDueAt },
      });
    });
  });

  describe('GET /api/v1/appeals/figures and lists', () => {
    it('name the owners, grids and categories beside their codes', async () => {
      const id = await taken('社区门口的宣传栏破损');
      await act('operator', id, 'dispatch', { lead: { unitCode: COMMUNITY } });
      const figures = (await call('analyst', 'GET', `/api/v1/appeals/figures?from=${chinaDay()}&to=${chinaDay()}`)).json();
      expect(figures).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ owner: 'URBAN_MGMT', ownerName: '城市管理办公室' }),
          expect.objectContaining({ owner: COMMUNITY, ownerName: '文汇社区', appeals: 1 }),
        ]),
      );
      const list = (await call('operator', 'GET', `/api/v1/appeals?owner=${COMMUNITY}`)).json();
      expect(list.items).toEqual([expect.objectContaining({ id, lead: { kind: 'unit', unitCode: COMMUNITY, level: 'community', name: '文汇社区' }, gridName: '文汇社区第1网格', categoryName: '垃圾堆放' })]);
    });
  });
});
