import { chinaDay } from '@gridline/platform';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const PHONE = '13805467777';

/** Readable work-order numbers on appeals and cases, unique per day, and the appeal search a 12345 desk needs. */
describe('work-order numbers and appeal search', () => {
  let walk: StreetFixture;
  const today = chinaDay().replace(/-/g, '');

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'hotline'], gateway: true });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    await walk.sign({
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
    });
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);
  const intake = async (body: object) => {
    const res = await call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', categoryCode: 'ENV.GARBAGE', ...body });
    expect(res.statusCode).toBe(201);
    return res.json().appeal as { id: string; workOrder: string };
  };
  const search = async (query: string) => {
    const res = await call('operator', 'GET', `/api/v1/appeals?${query}`);
    expect(res.statusCode).toBe(200);
    return (res.json().items as { id: string }[]).map((a) => a.id);
  };

  it('numbers appeals 12345-<day>-<sequence>, one after the other, and finds one by its number', async () => {
    const first = await intake({ caller: { phone: PHONE }, content: '东门垃圾桶满溢三天无人清运', location: { lat: 37.405, lng: 118.505, address: '文汇小区东门' } });
    const second = await intake({ caller: { anonymous: true }, content: '楼道堆放杂物' });
    expect(first.workOrder).toMatch(new RegExp(`^12345-${today}-\\d{6}$`));
    expect(Number(second.workOrder.slice(-6))).toBe(Number(first.workOrder.slice(-6)) + 1);
    expect(await search(`q=${first.workOrder}`)).toEqual([first.id]);
    expect((await call('operator', 'GET', `/api/v1/appeals/${first.id}`)).json().workOrder).toBe(first.workOrder);
  });

  it("searches by the caller's phone through its keyed hash, by text, and by overdue", async () => {
    const mine = await intake({ caller: { phone: PHONE }, content: '垃圾清运车噪音扰民' });
    const byPhone = await search(`phone=${PHONE}`);
    expect(byPhone).toContain(mine.id);
    expect(byPhone).toHaveLength(2);
    expect(await search(`q=${encodeURIComponent('噪音扰民')}`)).toEqual([mine.id]);
    expect(await search(`q=${encodeURIComponent('100%')}`)).toEqual([]);
    // A call taken two days ago and never dispatched is past its dispatch limit.
    const late = await intake({ caller: { anonymous: true }, content: '路灯不亮', receivedAt: new Date(Date.now() - 2 * 86_400_000).toISOString() });
    expect(await search('overdue=true')).toEqual([late.id]);
  });

  it('refuses a malformed phone, boolean, card or due-time filter, naming the field', async () => {
    for (const [query, field] of [['phone=12345', 'phone'], ['overdue=maybe', 'overdue']]) {
      const res = await call('operator', 'GET', `/api/v1/appeals?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    // Boolean filters take true or false, nothing else (one transform for every list).
    for (const field of ['overdue', 'supervised']) {
      const res = await call('staff', 'GET', `/api/v1/incidents?${field}=UQ`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    // The supervision board's filters: a card by its name, a due time as ISO 8601, the counts per unit.
    for (const [path, field] of [['incidents?card=purple', 'card'], ['incidents?dueBefore=tomorrow', 'dueBefore'], ['incidents/counts?by=grid', 'by']]) {
      const res = await call('staff', 'GET', `/api/v1/${path}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
  });

  it('numbers grid cases GX-<day>-<sequence> and finds one by its number', async () => {
    const report = { categoryCode: 'ENV.GARBAGE', title: '垃圾堆放', description: '西门外堆放建筑垃圾', gridCode: GRID, source: 'patrol' };
    let workOrder = '';
    await eventually(async () => {
      const res = await call('staff', 'POST', '/api/v1/incidents', report);
      expect(res.statusCode).toBe(201);
      workOrder = res.json().incident.workOrder;
    });
    expect(workOrder).toMatch(new RegExp(`^GX-${today}-\\d{6}$`));
    const listed = (await call('staff', 'GET', `/api/v1/incidents?q=${workOrder}`)).json().items as { workOrder: string }[];
    expect(listed.map((i) => i.workOrder)).toEqual([workOrder]);
  });
});

