import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_STREET = '370502004';
const CALLER = { name: '王秀英', phone: '13805469999' };

describe('hotline appeals through the gateway, linked to the grid', () => {
  let walk: StreetFixture;
  let linked: { appealId: string; incidentId: string };

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', ['hotline', { LOG_LEVEL: 'info' }]], gateway: { LOG_LEVEL: 'info' } });
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
      otherOperator: { sub: 'operator-2', roles: ['hotline_operator'], units: [OTHER_STREET] },
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
      department: { sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
    });
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);
  const appealAct = (who: string, id: string, action: string, body: object = {}) => call(who, 'POST', `/api/v1/appeals/${id}/actions/${action}`, body);
  const caseAct = (who: string, id: string, action: string, body: object = {}) => call(who, 'POST', `/api/v1/incidents/${id}/actions/${action}`, body);
  const intake = (body: object) => call('operator', 'POST', '/api/v1/appeals', body);

  it('takes an appeal down to the grid, follows the grid case, and answers the caller with its result', async () => {
    const taken = await intake({ channel: 'phone', type: 'complaint', caller: CALLER, content: '小区门口垃圾堆放多日', categoryCode: 'ENV.GARBAGE', location: { lat: 37.405, lng: 118.505, address: '文汇小区东门' } });
    expect(taken.statusCode).toBe(201);
    const appeal = taken.json().appeal;
    expect(appeal).toMatchObject({ status: 'received', gridCode: GRID, caller: { name: '王**', phone: '138****9999' } });
    expect(taken.body).not.toContain(CALLER.phone);

    const dispatched = (await appealAct('operator', appeal.id, 'dispatch')).json();
    expect(dispatched).toMatchObject({ status: 'dispatched', lead: { kind: 'unit', unitCode: GRID, level: 'grid' } });
    expect(new Date(dispatched.answerDueAt).getTime()).toBeGreaterThan(Date.now());

    // The grid case opens from the appeal's event.
    const incidentId = await eventually(async () => {
      const view = (await call('operator', 'GET', `/api/v1/appeals/${appeal.id}`)).json();
      expect(view.incidentId).toEqual(expect.any(String));
      return view.incidentId as string;
    });
    const gridCase = (await call('community', 'GET', `/api/v1/incidents/${incidentId}`)).json();
    expect(gridCase).toMatchObject({ source: 'hotline', appealRef: appeal.id, gridCode: GRID, categoryCode: 'ENV.GARBAGE' });

    await caseAct('community', incidentId, 'accept');
    await caseAct('community', incidentId, 'dispatch');
    await caseAct('staff', incidentId, 'sign');
    await eventually(async () => expect((await call('operator', 'GET', `/api/v1/appeals/${appeal.id}`)).json().status).toBe('signed'));
    await caseAct('staff', incidentId, 'handle', { result: '已组织清运，门口恢复整洁' });
    await caseAct('community', incidentId, 'verify', { passed: true });
    await eventually(async () =>
      expect((await call('operator', 'GET', `/api/v1/appeals/${appeal.id}`)).json()).toMatchObject({ status: 'answered', reply: { resolution: 'resolved', text: '已组织清运，门口恢复整洁' } }),
    );

    const closed = (await appealAct('operator', appeal.id, 'callback', { satisfaction: 'satisfied' })).json();
    expect(closed).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });
    const timeline = (await call('operator', 'GET', `/api/v1/appeals/${appeal.id}/timeline`)).json();
    expect(timeline.map((t: { action: string }) => t.action)).toEqual(['intake', 'dispatch', 'sign', 'answer', 'callback', 'closed']);
    linked = { appealId: appeal.id, incidentId };
  });

  it('opens one grid case and answers once when the linkage events arrive again', async () => {
    const db = await walk.db();
    // Redeliver the appeal's dispatch and the case's closure, as JetStream would after a lost ack.
    await walk.redeliver(
      { service: 'hotline', subject: 'events.hotline.appeal.dispatched', aggregate: linked.appealId, durable: 'incidents-appeal-handoff' },
      { service: 'incidents', subject: 'events.incidents.incident.closed', aggregate: linked.incidentId, durable: 'hotline-incident-linkage' },
    );
    const cases = await db.query('select count(*)::int as n from incidents.incident where appeal_ref = $1', [linked.appealId]);
    expect(cases.rows[0].n).toBe(1);
    const answers = await db.query(`select count(*)::int as n from hotline.appeal_timeline where appeal_id = $1 and action = 'answer'`, [linked.appealId]);
    expect(answers.rows[0].n).toBe(1);
  });

  it('lets a department answer, reopens once on a dissatisfied callback, and closes the second time', async () => {
    const { appeal } = (await intake({ channel: 'app', type: 'report', caller: { phone: '15953460000' }, content: '路口污水外溢', categoryCode: 'ENV.SEWAGE', location: { lat: 37.406, lng: 118.506 } })).json();
    expect((await appealAct('operator', appeal.id, 'dispatch')).json().lead).toEqual({ kind: 'department', departmentCode: 'URBAN_MGMT', name: '城市管理办公室' });
    expect((await appealAct('department', appeal.id, 'sign')).json().status).toBe('signed');
    const contacted = (await appealAct('department', appeal.id, 'contact', { comment: '已电话联系来电人，约定明早到场' })).json();
    expect(contacted.contactedAt).toEqual(expect.any(String));
    expect(new Date(contacted.contactDueAt).getTime()).toBeGreaterThan(new Date(contacted.receivedAt).getTime());
    expect(contacted.allowedActions).not.toContain('contact');
    await appealAct('department', appeal.id, 'answer', { resolution: 'partly_resolved', text: '已疏通，待雨后复查' });
    const reopened = (await appealAct('operator', appeal.id, 'callback', { satisfaction: 'dissatisfied' })).json();
    expect(reopened).toMatchObject({ status: 'signed', reopenCount: 1, reply: null });
    await appealAct('department', appeal.id, 'answer', { resolution: 'resolved', text: '管道已更换' });
    expect((await appealAct('operator', appeal.id, 'callback', { satisfaction: 'dissatisfied' })).json()).toMatchObject({ status: 'closed', reopenCount: 1 });
  });

  it('answers a consultation directly, refuses steps out of order, and hides appeals from others', async () => {
    const { appeal } = (await intake({ channel: 'web', type: 'consultation', caller: { anonymous: true }, content: '社区医保报销在哪里办理？' })).json();
    expect((await appealAct('operator', appeal.id, 'callback', { satisfaction: 'satisfied' })).json()).toMatchObject({ code: 'APPEAL_ACTION_NOT_ALLOWED', details: { status: 'received' } });
    expect((await appealAct('operator', appeal.id, 'answer_directly', { text: '请到社区服务中心一楼医保窗口办理' })).json()).toMatchObject({ status: 'closed', reply: { resolution: 'resolved' } });
    expect((await call('department', 'GET', `/api/v1/appeals/${appeal.id}`)).statusCode).toBe(404);
    expect((await call('staff', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'help', content: 'x' })).statusCode).toBe(403);
    const bad = await intake({ channel: 'fax', type: 'help', content: '', caller: { phone: '123' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['caller.phone', 'channel', 'content']);
  });

  it('shows repeats of the same caller and merges them into one handling', async () => {
    const first = (await intake({ channel: 'phone', type: 'complaint', caller: CALLER, content: '垃圾又堆起来了', categoryCode: 'ENV.GARBAGE' })).json();
    expect(first.related.map((r: { reason: string }) => r.reason)).toContain('same_caller');
    const second = (await intake({ channel: 'phone', type: 'complaint', caller: CALLER, content: '还是垃圾的事', categoryCode: 'ENV.GARBAGE' })).json();
    const merged = (await appealAct('operator', second.appeal.id, 'merge', { intoId: first.appeal.id })).json();
    expect(merged).toMatchObject({ status: 'merged', mergedInto: first.appeal.id });
  });

  it('refuses to merge into a closed appeal: a repeat of a closed matter is handled anew', async () => {
    const { appeal: closed } = (await intake({ channel: 'web', type: 'consultation', caller: { anonymous: true }, content: '垃圾分类投放时间是几点？' })).json();
    expect((await appealAct('operator', closed.id, 'answer_directly', { text: '每天7点至9点、18点至20点' })).json()).toMatchObject({ status: 'closed' });
    const { appeal: repeat } = (await intake({ channel: 'web', type: 'consultation', caller: { anonymous: true }, content: '再问垃圾分类投放时间' })).json();
    const refused = await appealAct('operator', repeat.id, 'merge', { intoId: closed.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'intoId' })]);
    expect((await call('operator', 'GET', `/api/v1/appeals/${repeat.id}`)).json()).toMatchObject({ status: 'received', mergedInto: null });
  });

  it('lists appeals in offset pages: page and pageSize, newest first, with the total over every page', async () => {
    const all = (await call('operator', 'GET', '/api/v1/appeals?pageSize=200')).json();
    expect(all).toMatchObject({ page: 1, pageSize: 200, total: all.items.length });
    expect(all.total).toBeGreaterThanOrEqual(3);
    const ids = all.items.map((a: { id: string }) => a.id);
    const pageOf = async (page: number) => (await call('operator', 'GET', `/api/v1/appeals?page=${page}&pageSize=2`)).json();
    const [first, second] = [await pageOf(1), await pageOf(2)];
    expect(first).toEqual({ items: expect.any(Array), page: 1, pageSize: 2, total: all.total });
    expect([...first.items, ...second.items].map((a: { id: string }) => a.id)).toEqual(ids.slice(0, 4));
    // The old limit/offset are not parameters of the list any more; pageSize is bounded like every list's.
    for (const query of ['limit=2', 'offset=2', 'pageSize=201', 'page=0']) expect((await call('operator', 'GET', `/api/v1/appeals?${query}`)).statusCode).toBe(400);
  });

  it('computes the three rates per lead owner', async () => {
    const figures = (await call('analyst', 'GET', `/api/v1/appeals/figures?from=2020-01-01&to=2100-01-01`)).json();
    expect(figures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ owner: GRID, appeals: 1, responseRate: 1, resolutionRate: 1, satisfactionRate: 1 }),
        expect.objectContaining({ owner: 'URBAN_MGMT', appeals: 1, resolutionRate: 1, satisfactionRate: 0, reopenRate: 1 }),
      ]),
    );
  });

  it('never puts the caller’s name or phone in events or logs', async () => {
    const events: string[] = [];
    for (const service of ['hotline', 'incidents'] as const) for (const msg of await walk.storedEvents(service)) events.push(new TextDecoder().decode(msg.data));
    expect(events.length).toBeGreaterThan(10);
    const haystack = [...events, walk.gatewayLogs.text(), ...walk.platform.services.map((s) => s.logs.text())].join('\n');
    for (const secret of [CALLER.phone, CALLER.name, '15953460000']) expect(haystack).not.toContain(secret);
  });

  it("suggests the lead a dispatch naming none gives: the category's owner at the place, else the street; hidden from others", async () => {
    const suggestion = async (who: string, id: string) => call(who, 'GET', `/api/v1/appeals/${id}/owner-suggestion`);
    const cases = [
      // A grid-owned category at a located place: that grid.
      [{ categoryCode: 'ENV.GARBAGE', location: { lat: 37.405, lng: 118.505 } }, { kind: 'unit', unitCode: GRID, level: 'grid' }, 'category_owner'],
      // A department-owned category: the department, named.
      [{ categoryCode: 'ENV.SEWAGE' }, { kind: 'department', departmentCode: 'URBAN_MGMT', name: '城市管理办公室' }, 'category_owner'],
      // A grid-owned category and no place, or no category at all: the street (兜底).
      [{ categoryCode: 'ENV.GARBAGE' }, { kind: 'unit', unitCode: STREET, level: 'street' }, 'street_fallback'],
      [{}, { kind: 'unit', unitCode: STREET, level: 'street' }, 'street_fallback'],
    ] as const;
    for (const [given, lead, why] of cases) {
      const taken = await intake({ channel: 'phone', type: 'complaint', caller: { anonymous: true }, content: '建议主办单位', ...given });
      expect(taken.statusCode).toBe(201);
      const id = taken.json().appeal.id as string;
      const suggested = await suggestion('operator', id);
      expect(suggested.statusCode).toBe(200);
      expect(suggested.json()).toMatchObject({ lead, why });
      // The dispatch naming no lead gives it to the suggested owner.
      expect((await appealAct('operator', id, 'dispatch')).json().lead).toMatchObject(lead);
    }
    // Whoever may not see the appeal learns nothing of it: 404, as for the appeal itself; a malformed id is a 400.
    const hidden = (await intake({ channel: 'phone', type: 'complaint', caller: { anonymous: true }, content: '他处诉求', categoryCode: 'ENV.SEWAGE' })).json().appeal.id as string;
    expect((await suggestion('staff', hidden)).statusCode).toBe(404);
    const malformed = await call('operator', 'GET', '/api/v1/appeals/not-a-uuid/owner-suggestion');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors.map((e: { field: string }) => e.field)).toEqual(['id']);
  });

  it('answers before the intake the related appeals the intake then answers — by phone, category and point — none of another area, and names the field of bad input', async () => {
    const phone = '13905467777';
    const place = { lat: 37.405, lng: 118.505 };
    const related = (who: string, query: Record<string, string>) => call(who, 'GET', `/api/v1/appeals/related?${new URLSearchParams(query)}`);
    const ids = (answer: { id: string; reason: string }[]) => answer.map((r) => `${r.reason}:${r.id}`).sort();
    const earlier = (await intake({ channel: 'phone', type: 'complaint', caller: { name: '赵先生', phone }, content: '东门垃圾桶满溢', categoryCode: 'ENV.GARBAGE', location: { ...place, address: '文汇小区东门' } })).json().appeal;

    // The phone alone, as typed (+86, spaces): the caller's appeals of any category, with what the operator reads.
    const byPhone = await related('operator', { phone: '+86 139 0546 7777' });
    expect(byPhone.statusCode).toBe(200);
    expect(byPhone.json()).toEqual([
      { id: earlier.id, workOrder: earlier.workOrder, reason: 'same_caller', status: 'received', categoryCode: 'ENV.GARBAGE', content: '东门垃圾桶满溢', address: '文汇小区东门', receivedAt: earlier.receivedAt },
    ]);
    // Another category chosen narrows it away; the category and a point of the grid find the open ones there.
    expect((await related('operator', { phone, categoryCode: 'ENV.SEWAGE' })).json()).toEqual([]);
    const atPlace = (await related('operator', { categoryCode: 'ENV.GARBAGE', lat: String(place.lat), lng: String(place.lng) })).json();
    expect(ids(atPlace)).toContain(`same_place:${earlier.id}`);

    // What the form showed before is what the intake answers after.
    const before = (await related('operator', { phone, categoryCode: 'ENV.GARBAGE', lat: String(place.lat), lng: String(place.lng) })).json();
    expect(ids(before)).toContain(`same_caller:${earlier.id}`);
    const taken = (await intake({ channel: 'phone', type: 'complaint', caller: { phone }, content: '垃圾桶又满了', categoryCode: 'ENV.GARBAGE', location: place })).json();
    expect(ids(taken.related)).toEqual(ids(before));

    // Another street's operator learns nothing of these appeals; who takes no appeals may not ask.
    expect((await related('otherOperator', { phone })).json()).toEqual([]);
    expect((await related('otherOperator', { categoryCode: 'ENV.GARBAGE', lat: String(place.lat), lng: String(place.lng) })).json()).toEqual([]);
    expect((await related('staff', { phone })).statusCode).toBe(403);

    // Bad input: a 400 naming the field and why.
    for (const [query, field] of [
      [{ phone: '1390546' }, 'phone'],
      [{ lat: '37.405' }, 'lng'],
      [{ lat: 'north', lng: '118.5' }, 'lat'],
      [{ categoryCode: 'ENV' }, 'categoryCode'],
    ] as const) {
      const refused = await related('operator', query);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    // The phone asked by is never logged.
    await eventually(async () => expect(walk.gatewayLogs.text()).toContain('/api/v1/appeals/related'));
    expect([walk.gatewayLogs.text(), ...walk.platform.services.map((s) => s.logs.text())].join('\n')).not.toContain(phone);
  });
});
