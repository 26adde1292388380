import type { Client } from 'pg';
import { SYSTEM_CALLER } from '@gridline/auth';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';

/**
 * A return (退单) is reviewed by the hotline dispatcher before it takes effect, and an objection (异议) to an
 * assignment is raised and decided — walked through the gateway with each role's token, against two hotline
 * replicas (the bus's queue group shares the requests between them).
 */
describe('returns and objections reviewed by the dispatcher', () => {
  let walk: StreetFixture;
  let db: Client;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'hotline', 'hotline'], gateway: true });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 3, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()],
      departments: [
        { code: 'URBAN_MGMT', name: '城市管理办公室' },
        { code: 'WATER', name: '水务局' },
        { code: 'PARKS', name: '园林绿化局' },
      ],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.SEWAGE', name: '污水外溢', parentCode: 'ENV', owner: { departmentCode: 'URBAN_MGMT' }, ...limits },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    await walk.sign({
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
      operator2: { sub: 'operator-2', roles: ['hotline_operator'], units: [STREET] },
      handler: { sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] },
      water: { sub: 'water-1', roles: ['department'], units: ['WATER'] },
      parks: { sub: 'parks-1', roles: ['department'], units: ['PARKS'] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
      streetAdmin: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
    });
    db = await walk.db();
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object, key?: string) => walk.call(who, method, url, payload, key ? { 'idempotency-key': key } : {});
  const act = (who: string, id: string, action: string, body: object = {}, key?: string) => call(who, 'POST', `/api/v1/appeals/${id}/actions/${action}`, body, key);
  const ok = async (who: string, id: string, action: string, body: object = {}) => {
    const res = await act(who, id, action, body);
    expect({ action, status: res.statusCode, body: res.statusCode === 200 ? null : res.json() }).toEqual({ action, status: 200, body: null });
    return res.json();
  };
  const view = async (id: string) => (await call('operator', 'GET', `/api/v1/appeals/${id}`)).json();
  const timeline = async (id: string) => ((await call('operator', 'GET', `/api/v1/appeals/${id}/timeline`)).json() as { action: string; actor: string; comment: string | null; toStatus: string }[]).map((t) => [t.action, t.actor, t.toStatus, t.comment]);
  const queue = async (filter: string) => ((await call('operator', 'GET', `/api/v1/appeals?${filter}`)).json().items as { id: string }[]).map((a) => a.id);
  const intake = async (content: string, categoryCode = 'ENV.SEWAGE') => {
    const res = await call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', content, categoryCode, location: { lat: 37.405, lng: 118.505, address: '文汇小区东门' } });
    expect(res.statusCode).toBe(201);
    return res.json().appeal.id as string;
  };
  /** The due dates the hotline set at the last dispatch, and the ones the working calendar gives from that moment. */
  const dueDatesFromDispatch = async (id: string) => {
    const [row] = (await db.query<{ dispatched_at: Date; sign_due_at: Date; answer_due_at: Date }>('select dispatched_at, sign_due_at, answer_due_at from hotline.appeal where id = $1', [id])).rows;
    const from = row.dispatched_at.toISOString();
    const sign = await walk.registry.deadline(SYSTEM_CALLER, { from, amount: 2, unit: 'working_hours' });
    const answer = await walk.registry.deadline(SYSTEM_CALLER, { from, amount: 3, unit: 'working_days' });
    return { dispatchedAt: row.dispatched_at, set: [row.sign_due_at.toISOString(), row.answer_due_at.toISOString()], calendar: [new Date(sign.deadline).toISOString(), new Date(answer.deadline).toISOString()] };
  };

  it('a return waits for the dispatcher: refused, the handler keeps it; approved, it is re-dispatched to a grid whose case opens, with new due dates', async () => {
    const id = await intake('井盖破损污水外溢');
    const first = await ok('operator', id, 'dispatch', { lead: { departmentCode: 'URBAN_MGMT' }, coOwners: [{ departmentCode: 'WATER' }] });

    // The reason is required, and nothing is stored without it.
    const noReason = await act('handler', id, 'return', {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'APPEAL_INVALID', errors: [{ field: 'reason' }] });

    // Asked, not done: still the department's, the request on the appeal; a retry with the same key (to either
    // replica, at once) answers the first answer and asks nothing twice.
    const key = `return-${id}`;
    const [asked, retried] = await Promise.all([act('handler', id, 'return', { reason: '属于排水管网，不属于本单位' }, key), act('handler', id, 'return', { reason: '属于排水管网，不属于本单位' }, key)]);
    expect([asked.statusCode, retried.statusCode]).toEqual([200, 200]);
    expect(retried.json()).toEqual(asked.json());
    expect(asked.json()).toMatchObject({
      status: 'dispatched',
      lead: { kind: 'department', departmentCode: 'URBAN_MGMT' },
      returnCount: 0,
      review: { kind: 'return', status: 'pending', role: 'lead', reason: '属于排水管网，不属于本单位', requestedBy: 'dept-1', requestedAt: expect.any(String), decidedBy: null },
      allowedActions: ['contact', 'request_extension'],
    });
    expect((await timeline(id)).filter(([action]) => action === 'return')).toEqual([['return', 'dept-1', 'dispatched', '属于排水管网，不属于本单位']]);
    // One pending return at a time; the same key with another body is refused as a reuse.
    expect((await act('handler', id, 'return', { reason: '再次申请退单' })).json()).toMatchObject({ code: 'APPEAL_ACTION_NOT_ALLOWED', details: { allowedActions: ['contact', 'request_extension'] } });
    expect((await act('handler', id, 'return', { reason: '另一个理由' }, key)).statusCode).toBe(422);

    // The dispatcher's work queue.
    expect(await queue('pendingReturn=true')).toEqual([id]);
    expect(await queue('pendingObjection=true')).toEqual([]);
    expect((await call('operator', 'GET', '/api/v1/appeals?pendingReturn=maybe')).json()).toMatchObject({ errors: [{ field: 'pendingReturn' }] });
    expect((await view(id)).allowedActions).toEqual(['decide_return', 'flag']);

    // Another owner (the co-owner) cannot decide it; the dispatcher refuses only with a reason.
    expect((await act('water', id, 'decide_return', { approve: true })).statusCode).toBe(403);
    expect((await act('operator', id, 'decide_return', { approve: false })).json()).toMatchObject({ errors: [{ field: 'reason' }] });
    const refused = await ok('operator', id, 'decide_return', { approve: false, reason: '污水外溢属城市管理职责，请按期办理' });
    expect(refused).toMatchObject({
      status: 'dispatched',
      lead: { departmentCode: 'URBAN_MGMT' },
      signDueAt: first.signDueAt,
      answerDueAt: first.answerDueAt,
      review: { kind: 'return', status: 'refused', decidedBy: 'operator-1', decisionReason: '污水外溢属城市管理职责，请按期办理' },
    });
    expect((await call('handler', 'GET', `/api/v1/appeals/${id}`)).json().allowedActions).toEqual(['sign', 'contact', 'return', 'raise_objection', 'request_extension']);
    expect(await queue('pendingReturn=true')).toEqual([]);

    // Asked again, approved: back to the hotline without owners or due dates, the reasons in the timeline.
    await ok('handler', id, 'return', { reason: '经现场核实为供水管道破裂，请改派水务' });
    const approved = await ok('operator2', id, 'decide_return', { approve: true });
    expect(approved).toMatchObject({ status: 'received', lead: null, coOwners: [], signDueAt: null, answerDueAt: null, returnCount: 1, review: { status: 'approved', decidedBy: 'operator-2' } });
    expect((await timeline(id)).slice(1).map(([action, actor, status, comment]) => [action, actor, status, comment])).toEqual([
      ['dispatch', 'operator-1', 'dispatched', null],
      ['return', 'dept-1', 'dispatched', '属于排水管网，不属于本单位'],
      ['decide_return', 'operator-1', 'dispatched', '污水外溢属城市管理职责，请按期办理'],
      ['return', 'dept-1', 'dispatched', '经现场核实为供水管道破裂，请改派水务'],
      ['decide_return', 'operator-2', 'received', null],
    ]);
    expect((await call('handler', 'GET', `/api/v1/appeals/${id}`)).statusCode).toBe(404); // the old owner's hand-off ended

    // Re-dispatched to the grid: new due dates from the re-dispatch on the working calendar, and the grid case opens.
    const again = await ok('operator', id, 'dispatch', { lead: { unitCode: GRID } });
    expect(again).toMatchObject({ status: 'dispatched', lead: { kind: 'unit', unitCode: GRID, level: 'grid' }, handoff: 1, signDueAt: expect.any(String), answerDueAt: expect.any(String) });
    const dates = await dueDatesFromDispatch(id);
    expect(dates.set).toEqual(dates.calendar);
    expect([again.signDueAt, again.answerDueAt]).toEqual(dates.set);
    expect(dates.dispatchedAt.getTime()).toBeGreaterThan(new Date(first.updatedAt).getTime());
    const incidentId = await eventually(async () => {
      const linked = await view(id);
      expect(linked).toMatchObject({ status: 'dispatched', incidentId: expect.any(String) });
      return linked.incidentId as string;
    });
    expect((await call('community', 'GET', `/api/v1/incidents/${incidentId}`)).json()).toMatchObject({ appealRef: id, gridCode: GRID, status: 'reported' });
  });

  it('an objection: raised by a co-owner and upheld, raised by the lead and dismissed, then upheld to the suggested owner with new due dates', async () => {
    const id = await intake('小区雨水井堵塞');
    await ok('operator', id, 'dispatch', { lead: { departmentCode: 'URBAN_MGMT' }, coOwners: [{ departmentCode: 'WATER' }] });

    // A suggested owner must be a known one: 400 naming the field, nothing stored.
    expect((await act('water', id, 'raise_objection', { reason: '不属于水务', owner: { departmentCode: 'NOPE_DEPT' } })).json()).toMatchObject({ code: 'APPEAL_INVALID', errors: [{ field: 'owner.departmentCode' }] });
    expect((await act('water', id, 'raise_objection', { reason: '不属于水务', owner: { unitCode: '370502009' } })).json()).toMatchObject({ errors: [{ field: 'owner.unitCode' }] });
    expect((await act('water', id, 'raise_objection', { reason: '不属于水务', owner: { departmentCode: 'WATER' } })).json()).toMatchObject({ errors: [{ field: 'owner' }] });
    expect((await view(id)).review).toBeNull();

    const raised = await ok('water', id, 'raise_objection', { reason: '雨水井属园林绿化范围', owner: { departmentCode: 'PARKS' } });
    expect(raised.review).toMatchObject({ kind: 'objection', status: 'pending', role: 'co_owner', owner: { departmentCode: 'WATER' }, suggestedOwner: { departmentCode: 'PARKS' } });
    expect(await queue('pendingObjection=true')).toEqual([id]);
    // The lead is not held up by a co-owner's objection; the objector does not decide it.
    expect((await call('handler', 'GET', `/api/v1/appeals/${id}`)).json().allowedActions).toEqual(['sign', 'contact', 'request_extension']);
    expect((await act('water', id, 'decide_objection', { approve: true })).statusCode).toBe(403);
    const upheld = await ok('operator', id, 'decide_objection', { approve: true });
    expect(upheld).toMatchObject({ lead: { departmentCode: 'URBAN_MGMT' }, coOwners: [{ kind: 'department', departmentCode: 'PARKS' }], review: { status: 'approved' } });
    expect((await call('water', 'GET', `/api/v1/appeals/${id}`)).statusCode).toBe(404);
    expect((await call('parks', 'GET', `/api/v1/appeals/${id}`)).statusCode).toBe(200);

    // The lead objects; dismissed (a reason is required), the assignment stands.
    await ok('handler', id, 'raise_objection', { reason: '应由水务牵头', owner: { departmentCode: 'WATER' } });
    expect((await act('operator', id, 'decide_objection', { approve: false })).json()).toMatchObject({ errors: [{ field: 'reason' }] });
    const dismissed = await ok('operator', id, 'decide_objection', { approve: false, reason: '排水设施由城管负责' });
    expect(dismissed).toMatchObject({ lead: { departmentCode: 'URBAN_MGMT' }, review: { status: 'refused', role: 'lead', decisionReason: '排水设施由城管负责' } });

    // Objected again and upheld to the suggested owner: a re-dispatch, with new due dates from now.
    await ok('handler', id, 'raise_objection', { reason: '现场核实为供水管线', owner: { departmentCode: 'WATER' } });
    const moved = await ok('operator', id, 'decide_objection', { approve: true, reason: '改由水务牵头' });
    expect(moved).toMatchObject({ status: 'dispatched', lead: { kind: 'department', departmentCode: 'WATER' }, coOwners: [{ departmentCode: 'PARKS' }], review: { status: 'approved', decisionReason: '改由水务牵头' } });
    const dates = await dueDatesFromDispatch(id);
    expect([moved.signDueAt, moved.answerDueAt]).toEqual(dates.calendar);
    expect((await timeline(id)).slice(-2).map(([action, , status]) => [action, status])).toEqual([
      ['decide_objection', 'dispatched'],
      ['dispatched', 'dispatched'],
    ]);
    expect((await call('water', 'GET', `/api/v1/appeals/${id}`)).json().allowedActions).toEqual(expect.arrayContaining(['sign', 'return']));
    expect((await call('handler', 'GET', `/api/v1/appeals/${id}`)).statusCode).toBe(404);
  });

  it('separation of duties: a street admin leading the appeal does not decide its own return; two dispatchers deciding at once make one decision', async () => {
    const id = await intake('街道办公区门前污水');
    await ok('operator', id, 'dispatch', { lead: { unitCode: STREET } });
    await ok('streetAdmin', id, 'return', { reason: '应由城管处理' });
    expect((await act('streetAdmin', id, 'decide_return', { approve: true })).json()).toMatchObject({ status: 403, code: 'APPEAL_OWN_REQUEST' });
    expect((await view(id)).review).toMatchObject({ status: 'pending' });

    const decisions = await Promise.all([act('operator', id, 'decide_return', { approve: true }), act('operator2', id, 'decide_return', { approve: false, reason: '街道兜底办理' })]);
    expect(decisions.map((d) => d.statusCode).sort()).toEqual([200, 409]);
    const decided = await view(id);
    expect(decided.review.status).toBe(decisions[0].statusCode === 200 ? 'approved' : 'refused');
    expect((await timeline(id)).filter(([action]) => action === 'decide_return')).toHaveLength(1);
  });
  // ——— A grid's appeal: its return is its case's rejection or cancellation, reviewed by the dispatcher all the same ———

  const caseAct = async (who: string, id: string, action: string, body: object = {}) => {
    const res = await call(who, 'POST', `/api/v1/incidents/${id}/actions/${action}`, body);
    expect({ action, status: res.statusCode, body: res.statusCode === 200 ? null : res.json() }).toEqual({ action, status: 200, body: null });
    return res.json();
  };
  /** Waits for the case of the appeal's hand-off to open and be linked; returns it as the grid centre reads it. */
  const caseOf = async (appealId: string, handoff: number) => {
    const incidentId = await eventually(async () => {
      const linked = await view(appealId);
      expect(linked).toMatchObject({ status: 'dispatched', handoff, incidentId: expect.any(String) });
      return linked.incidentId as string;
    });
    return (await call('community', 'GET', `/api/v1/incidents/${incidentId}`)).json();
  };
  const casesOf = async (appealId: string) =>
    (await db.query<{ id: string; status: string; appeal_handoff: number; step: string | null; due_at: Date | null }>('select id, status, appeal_handoff, step, due_at from incidents.incident where appeal_ref = $1 order by appeal_handoff', [appealId])).rows;

  /**
   * Waits until the hotline's linkage consumer has taken the last case event of the type (about `incidentId`) — sent
   * once more first, as JetStream would redeliver it, when `again`.
   */
  const afterLinkage = async (type: string, incidentId: string, again = false) => {
    await walk.jetstream(async (jsm, js) => {
      const stream = walk.stream('incidents');
      const msg = await eventually(async () => {
        const last = await jsm.streams.getMessage(stream, { last_by_subj: walk.subject(`events.incidents.incident.${type}`) });
        expect(last.json<{ subject: string }>().subject).toBe(incidentId);
        return last;
      });
      const seq = again ? (await js.publish(msg.subject, msg.data, { msgID: `again-${incidentId}-${type}` })).seq : msg.seq;
      await eventually(async () => expect((await jsm.consumers.info(stream, 'hotline-incident-linkage')).ack_floor.stream_seq).toBeGreaterThanOrEqual(seq));
    });
  };

  it('a grid’s case rejected: the appeal waits for the dispatcher; refused, a new case opens at the grid with the reason; rejected again and approved, back to the hotline', async () => {
    const id = await intake('小区门口垃圾堆放多日', 'ENV.GARBAGE');
    await ok('operator', id, 'dispatch', { lead: { unitCode: GRID } });
    const first = await caseOf(id, 1);

    // The grid centre rejects the case: a return asked of the dispatcher, not done — the appeal stays the grid's.
    await caseAct('community', first.id, 'reject', { reason: '该处属小区物业管理范围，非网格职责' });
    const waiting = await eventually(async () => {
      const v = await view(id);
      expect(v).toMatchObject({ status: 'dispatched', lead: { unitCode: GRID }, incidentId: first.id, incidentStatus: 'rejected', review: { status: 'pending' } });
      return v;
    });
    expect(waiting).toMatchObject({
      returnCount: 0,
      handoff: 1,
      signDueAt: expect.any(String),
      answerDueAt: expect.any(String),
      review: { kind: 'return', role: 'lead', owner: { unitCode: GRID }, reason: '该处属小区物业管理范围，非网格职责', requestedBy: 'community-1', incidentId: first.id, decidedBy: null },
      allowedActions: ['decide_return', 'flag'],
    });
    expect(await queue('pendingReturn=true')).toEqual([id]);
    expect((await timeline(id)).filter(([action]) => action === 'return')).toEqual([['return', `incident:${first.id}`, 'dispatched', '该处属小区物业管理范围，非网格职责']]);

    // The rejected event again, as JetStream would redeliver it: still one return, asked once.
    await afterLinkage('rejected', first.id, true);
    expect((await view(id)).review).toEqual(waiting.review);
    expect((await timeline(id)).filter(([action]) => action === 'return')).toHaveLength(1);

    // Refused (a reason is required): the grid keeps the appeal through a new hand-off — a new case that says why.
    expect((await act('operator', id, 'decide_return', { approve: false })).json()).toMatchObject({ code: 'APPEAL_INVALID', errors: [{ field: 'reason' }] });
    const refused = await ok('operator', id, 'decide_return', { approve: false, reason: '经核实为公共区域，属网格职责，请按期处置' });
    expect(refused).toMatchObject({
      status: 'dispatched',
      lead: { unitCode: GRID },
      handoff: 2,
      incidentId: null,
      returnCount: 0,
      review: { kind: 'return', status: 'refused', decidedBy: 'operator-1', decisionReason: '经核实为公共区域，属网格职责，请按期处置', incidentId: first.id },
    });
    const dates = await dueDatesFromDispatch(id);
    expect([refused.signDueAt, refused.answerDueAt]).toEqual(dates.calendar);
    expect(new Date(refused.signDueAt).getTime()).toBeGreaterThanOrEqual(new Date(waiting.signDueAt).getTime());
    const second = await caseOf(id, 2);
    expect(second).toMatchObject({ status: 'reported', gridCode: GRID, appealRef: id, description: expect.stringContaining('经核实为公共区域，属网格职责，请按期处置') });
    expect(second.id).not.toBe(first.id);
    expect((await casesOf(id)).map((c) => [c.id, c.status])).toEqual([[first.id, 'rejected'], [second.id, 'reported']]);
    expect(await view(id)).toMatchObject({ incidentId: second.id, incidentStatus: 'reported' });
    expect(await queue('pendingReturn=true')).toEqual([]);

    // Cancelled this time, by the street's centre; a street admin who asked does not decide — another dispatcher approves.
    await caseAct('streetAdmin', second.id, 'cancel', { reason: '确属物业服务范围，退回12345' });
    await eventually(async () => expect(await view(id)).toMatchObject({ review: { status: 'pending', requestedBy: 'street-1', incidentId: second.id }, incidentStatus: 'cancelled' }));
    expect((await act('streetAdmin', id, 'decide_return', { approve: true })).json()).toMatchObject({ status: 403, code: 'APPEAL_OWN_REQUEST' });
    const approved = await ok('operator2', id, 'decide_return', { approve: true });
    expect(approved).toMatchObject({ status: 'received', lead: null, returnCount: 1, signDueAt: null, answerDueAt: null, review: { status: 'approved', decidedBy: 'operator-2' } });
    expect((await casesOf(id)).map((c) => c.status)).toEqual(['rejected', 'cancelled']);
  });

  it('a grid’s objection to the assignment, raised by its grid centre and upheld: re-dispatched to a department, the grid’s case withdrawn', async () => {
    const id = await intake('商铺门前垃圾堆放', 'ENV.GARBAGE');
    await ok('operator', id, 'dispatch', { lead: { unitCode: GRID } });
    const gridCase = await caseOf(id, 1);
    await caseAct('community', gridCase.id, 'accept');
    await eventually(async () => expect(await view(id)).toMatchObject({ incidentStatus: 'accepted' }));

    // The grid's staff do not object for it; its centre does, suggesting the owner.
    expect((await act('staff', id, 'raise_objection', { reason: '不属于网格' })).statusCode).toBe(403);
    const raised = await ok('community', id, 'raise_objection', { reason: '属市容环卫作业范围，应由城管牵头', owner: { departmentCode: 'URBAN_MGMT' } });
    expect(raised.review).toMatchObject({ kind: 'objection', status: 'pending', role: 'lead', owner: { unitCode: GRID }, suggestedOwner: { departmentCode: 'URBAN_MGMT' }, requestedBy: 'community-1' });
    expect(await queue('pendingObjection=true')).toEqual([id]);

    const moved = await ok('operator', id, 'decide_objection', { approve: true, reason: '同意改派城管' });
    expect(moved).toMatchObject({ status: 'dispatched', lead: { kind: 'department', departmentCode: 'URBAN_MGMT' }, incidentId: null, review: { status: 'approved' } });
    // The old hand-off's case does not stay live (nor is it carded against the grid): the hotline withdrew it.
    await eventually(async () => expect(await casesOf(id)).toEqual([{ id: gridCase.id, status: 'cancelled', appeal_handoff: 1, step: null, due_at: null }]));
    const caseTimeline = (await call('community', 'GET', `/api/v1/incidents/${gridCase.id}/timeline`)).json() as { action: string; actor: string; comment: string }[];
    expect(caseTimeline.at(-1)).toMatchObject({ action: 'cancel', actor: 'hotline', comment: expect.stringContaining('同意改派城管') });
    // Its cancellation is not taken for the department's return: the appeal is the department's to sign.
    await afterLinkage('cancelled', gridCase.id);
    const handler = (await call('handler', 'GET', `/api/v1/appeals/${id}`)).json();
    expect(handler).toMatchObject({ status: 'dispatched', incidentId: null, incidentStatus: null, review: { kind: 'objection', status: 'approved' } });
    expect(handler.allowedActions).toEqual(expect.arrayContaining(['sign', 'return']));
  });
});
