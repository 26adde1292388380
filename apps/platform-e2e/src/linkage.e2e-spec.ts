import type { Client } from 'pg';
import { SYSTEM_CALLER } from '@gridline/auth';
import { cstYear } from '@gridline/platform';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID_A = '370502003001001';
const GRID_B = '370502003001002';

/**
 * One appeal, one live hand-off: every path an appeal takes to and from the grid — re-dispatched after a rejected
 * or cancelled case (the grid's return, approved by the dispatcher), re-handled after a dissatisfied callback, answered by grid staff, refused by incidents —
 * walked through the gateway with the token of the role that takes each step.
 */
describe('the hotline ⇄ grid linkage on every path', () => {
  let walk: StreetFixture;
  let db: Client;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'hotline'], gateway: true });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [
        unitFactory().street(STREET).build(),
        unitFactory().community(COMMUNITY).build(),
        unitFactory().grid(GRID_A).at(118.5, 37.4).build(),
        unitFactory().grid(GRID_B).at(118.52, 37.4).build(),
      ],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
        { code: 'ENV.GREEN', name: '绿化损毁', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    await walk.sign({
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
      staffA: { sub: 'staff-a', roles: ['grid_staff'], units: [GRID_A] },
      staffB: { sub: 'staff-b', roles: ['grid_staff'], units: [GRID_B] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
    });
    db = await walk.db();
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    walk.call(who, method, url, payload, method === 'POST' && url.endsWith('/appeals') ? { 'idempotency-key': `link-${Math.random().toString(36).slice(2)}` } : {});
  const appealAct = (who: string, id: string, action: string, body: object = {}) => call(who, 'POST', `/api/v1/appeals/${id}/actions/${action}`, body);
  const caseAct = async (who: string, id: string, action: string, body: object = {}) => {
    const res = await call(who, 'POST', `/api/v1/incidents/${id}/actions/${action}`, body);
    expect({ action, status: res.statusCode }).toEqual({ action, status: 200 });
    return res.json();
  };
  const appealOf = async (id: string) => (await call('operator', 'GET', `/api/v1/appeals/${id}`)).json();
  /** Waits for the appeal's case of a hand-off to open, and returns it (read by the grid centre). */
  const caseOf = async (appealId: string, handoff: number) => {
    const incidentId = await eventually(async () => {
      const view = await appealOf(appealId);
      expect(view).toMatchObject({ status: 'dispatched', handoff, incidentId: expect.any(String) });
      return view.incidentId as string;
    });
    return (await call('community', 'GET', `/api/v1/incidents/${incidentId}`)).json();
  };
  /** The grid's handling of a case, from acceptance to verification on site. */
  const handle = async (incidentId: string, staff: string, result: string) => {
    await caseAct('community', incidentId, 'accept');
    await caseAct('community', incidentId, 'dispatch');
    await caseAct(staff, incidentId, 'sign');
    await caseAct(staff, incidentId, 'handle', { result });
    await caseAct('community', incidentId, 'verify', { passed: true });
  };
  const casesOf = async (appealId: string) =>
    (await db.query<{ id: string; status: string; grid_code: string; appeal_handoff: number }>('select id, status, grid_code, appeal_handoff from incidents.incident where appeal_ref = $1 order by appeal_handoff', [appealId])).rows;
  const intake = async (content: string, categoryCode = 'ENV.GARBAGE') => {
    const res = await call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', caller: { phone: '13805461111' }, content, categoryCode, location: { lat: 37.405, lng: 118.505, address: '文汇小区东门' } });
    expect(res.statusCode).toBe(201);
    return res.json().appeal as { id: string };
  };

  let walked: { appealId: string; closedCaseId: string; reopenedCaseId: string };

  it('re-dispatches after a rejected case to another grid, after a cancelled one to the same grid, and re-handles a dissatisfied caller with a new case', async () => {
    const appeal = await intake('小区门口垃圾堆放多日');
    expect((await appealAct('operator', appeal.id, 'dispatch', { lead: { unitCode: GRID_A } })).json()).toMatchObject({ status: 'dispatched', handoff: 1, incidentId: null });
    const first = await caseOf(appeal.id, 1);
    expect(first).toMatchObject({ status: 'reported', gridCode: GRID_A, appealRef: appeal.id, allowedActions: expect.arrayContaining(['accept', 'reject']) });

    // The community rejects the case: a return the dispatcher approves — the appeal goes back to the hotline, which
    // sends it to the neighbouring grid.
    await caseAct('community', first.id, 'reject', { reason: '不在本网格范围' });
    await eventually(async () => expect(await appealOf(appeal.id)).toMatchObject({ status: 'dispatched', incidentStatus: 'rejected', review: { kind: 'return', status: 'pending' } }));
    await appealAct('operator', appeal.id, 'decide_return', { approve: true });
    expect(await appealOf(appeal.id)).toMatchObject({ status: 'received', incidentStatus: 'rejected', lead: null });
    expect((await appealAct('operator', appeal.id, 'dispatch', { lead: { unitCode: GRID_B } })).json()).toMatchObject({ status: 'dispatched', handoff: 2, incidentId: null, incidentStatus: null });
    const second = await caseOf(appeal.id, 2);
    expect(second).toMatchObject({ status: 'reported', gridCode: GRID_B });
    expect(second.id).not.toBe(first.id);

    // Cancelled by the grid centre (the grid's 退单), re-dispatched to the same grid: a new case again, not the cancelled one.
    await caseAct('community', second.id, 'cancel', { reason: '退回12345重新派单' });
    await eventually(async () => expect(await appealOf(appeal.id)).toMatchObject({ incidentStatus: 'cancelled', review: { status: 'pending', incidentId: second.id } }));
    await appealAct('operator', appeal.id, 'decide_return', { approve: true });
    expect(await appealOf(appeal.id)).toMatchObject({ status: 'received', incidentStatus: 'cancelled' });
    await appealAct('operator', appeal.id, 'dispatch', { lead: { unitCode: GRID_B } });
    const third = await caseOf(appeal.id, 3);
    expect(third).toMatchObject({ status: 'reported', gridCode: GRID_B });
    expect([first.id, second.id]).not.toContain(third.id);

    await handle(third.id, 'staffB', '已组织清运');
    await eventually(async () => expect(await appealOf(appeal.id)).toMatchObject({ status: 'answered', incidentId: third.id, incidentStatus: 'closed', reply: { text: '已组织清运' } }));

    // A dissatisfied caller: re-handled (重办) by a new case of the same grid; the closed one stays closed.
    const reopened = (await appealAct('operator', appeal.id, 'callback', { satisfaction: 'dissatisfied' })).json();
    expect(reopened).toMatchObject({ status: 'dispatched', reopenCount: 1, handoff: 4, incidentId: null });
    const fourth = await caseOf(appeal.id, 4);
    expect(fourth).toMatchObject({ status: 'reported', gridCode: GRID_B, title: expect.stringContaining('重办') });
    expect(fourth.id).not.toBe(third.id);
    // The caller's satisfaction shows on both cases' timelines: the closed one that answered, the new one it reopened.
    const timelineOf = async (id: string) => (await call('community', 'GET', `/api/v1/incidents/${id}/timeline`)).json() as { action: string; actor: string; details: Record<string, unknown> }[];
    await eventually(async () =>
      expect((await timelineOf(third.id)).find((t) => t.action === 'appeal_callback')).toMatchObject({ actor: 'hotline', details: { appealRef: appeal.id, handoff: 3, satisfaction: 'dissatisfied' } }),
    );
    expect((await timelineOf(fourth.id))[0]).toMatchObject({ action: 'report', details: { appealRef: appeal.id, handoff: 4, reopenCount: 1, satisfaction: 'dissatisfied' } });

    expect(await casesOf(appeal.id)).toEqual([
      { id: first.id, status: 'rejected', grid_code: GRID_A, appeal_handoff: 1 },
      { id: second.id, status: 'cancelled', grid_code: GRID_B, appeal_handoff: 2 },
      { id: third.id, status: 'closed', grid_code: GRID_B, appeal_handoff: 3 },
      { id: fourth.id, status: 'reported', grid_code: GRID_B, appeal_handoff: 4 },
    ]);
    walked = { appealId: appeal.id, closedCaseId: third.id, reopenedCaseId: fourth.id };
  });

  it('refuses grid staff a direct answer of a grid’s appeal, naming its case, and answers it from the case', async () => {
    const { appealId, reopenedCaseId } = walked;
    const view = (await call('staffB', 'GET', `/api/v1/appeals/${appealId}`)).json();
    expect(view.allowedActions).not.toEqual(expect.arrayContaining(['sign']));
    const signed = await appealAct('staffB', appealId, 'sign');
    expect(signed.statusCode).toBe(409);
    expect(signed.json()).toMatchObject({ code: 'APPEAL_HANDLED_THROUGH_CASE', details: { incidentId: reopenedCaseId, incidentStatus: 'reported' } });
    expect((await appealAct('staffB', appealId, 'return', { reason: '不属于本网格' })).json()).toMatchObject({ code: 'APPEAL_HANDLED_THROUGH_CASE', details: { incidentId: reopenedCaseId } });

    await caseAct('community', reopenedCaseId, 'accept');
    await caseAct('community', reopenedCaseId, 'dispatch');
    await caseAct('staffB', reopenedCaseId, 'sign');
    await eventually(async () => expect(await appealOf(appealId)).toMatchObject({ status: 'signed', incidentStatus: 'in_progress' }));
    const answered = await appealAct('staffB', appealId, 'answer', { resolution: 'resolved', text: '已经处理好了' });
    expect(answered.statusCode).toBe(409);
    expect(answered.json()).toMatchObject({ code: 'APPEAL_HANDLED_THROUGH_CASE', detail: expect.stringContaining(reopenedCaseId) });
    // Nothing changed on the appeal, and the case is still the grid's to finish.
    expect(await appealOf(appealId)).toMatchObject({ status: 'signed', reply: null });
    await caseAct('staffB', reopenedCaseId, 'handle', { result: '垃圾清运并加装监控' });
    await caseAct('community', reopenedCaseId, 'verify', { passed: true });
    await eventually(async () => expect(await appealOf(appealId)).toMatchObject({ status: 'answered', incidentStatus: 'closed', reply: { text: '垃圾清运并加装监控' } }));
    expect((await appealAct('operator', appealId, 'callback', { satisfaction: 'satisfied' })).json()).toMatchObject({ status: 'closed' });
    await eventually(async () => {
      const timeline = (await call('community', 'GET', `/api/v1/incidents/${reopenedCaseId}/timeline`)).json() as { action: string; details: Record<string, unknown> }[];
      expect(timeline.filter((t) => t.action === 'appeal_callback').map((t) => t.details.satisfaction)).toEqual(['satisfied']);
    });
  });

  it('has one effect for redelivered events, and ignores the results of an earlier hand-off', async () => {
    const appeal = await intake('绿地被毁种菜', 'ENV.GREEN');
    await appealAct('operator', appeal.id, 'dispatch', { lead: { unitCode: GRID_A } });
    const first = await caseOf(appeal.id, 1);
    await handle(first.id, 'staffA', '已恢复绿地');
    await eventually(async () => expect((await appealOf(appeal.id)).status).toBe('answered'));
    await appealAct('operator', appeal.id, 'callback', { satisfaction: 'dissatisfied' });
    const second = await caseOf(appeal.id, 2);

    // Again, as JetStream would redeliver them: the re-handling's hand-off, and the first case's closure.
    await walk.redeliver(
      { service: 'hotline', subject: 'events.hotline.appeal.reopened', aggregate: appeal.id, durable: 'incidents-appeal-handoff' },
      { service: 'incidents', subject: 'events.incidents.incident.closed', aggregate: first.id, durable: 'hotline-incident-linkage' },
    );
    // One case per hand-off; the appeal still waits for the second case, unanswered by the first one's closure.
    expect((await casesOf(appeal.id)).map((c) => [c.appeal_handoff, c.status])).toEqual([[1, 'closed'], [2, 'reported']]);
    expect(await appealOf(appeal.id)).toMatchObject({ status: 'dispatched', incidentId: second.id, incidentStatus: 'reported', reply: null });
    const answers = await db.query(`select count(*)::int as n from hotline.appeal_timeline where appeal_id = $1 and action = 'answer'`, [appeal.id]);
    expect(answers.rows[0].n).toBe(1);
  });

  it('shows a hand-off the grid refused on the appeal, gives it back to the operators, and parks nothing', async () => {
    const appeal = await intake('行道树被砍伐', 'ENV.GREEN');
    // The category is retired after intake: incidents refuses to open a case of it (a business error, not retried).
    await walk.registry.updateCategory(SYSTEM_CALLER, 'ENV.GREEN', { active: false });
    await eventually(async () => expect((await db.query(`select active from incidents.registry_category where code = 'ENV.GREEN'`)).rows).toEqual([{ active: false }]));
    expect((await appealAct('operator', appeal.id, 'dispatch', { lead: { unitCode: GRID_A } })).json()).toMatchObject({ status: 'dispatched', handoff: 1 });

    const failed = await eventually(async () => {
      const view = await appealOf(appeal.id);
      expect(view).toMatchObject({ status: 'received', lead: null, incidentId: null, handoffFailure: { handoff: 1, code: 'INCIDENT_INVALID', reason: expect.stringContaining('ENV.GREEN') } });
      return view;
    });
    expect(failed.allowedActions).toContain('dispatch');
    const timeline = (await call('operator', 'GET', `/api/v1/appeals/${appeal.id}/timeline`)).json();
    expect(timeline.at(-1)).toMatchObject({ action: 'handoff_failed', fromStatus: 'dispatched', toStatus: 'received', comment: expect.stringMatching(/^hand-off failed: .*ENV\.GREEN/) });
    expect((await db.query('select count(*)::int as n from incidents.dead_letter')).rows[0].n).toBe(0);
    expect(await casesOf(appeal.id)).toEqual([]);
    // The events say so: incidents' refusal, and the appeal's return to the hotline.
    // The outbox relays publish after their commits: wait for the events rather than expect them at once.
    await eventually(async () => {
      const refusal = await walk.lastEvent('incidents', 'events.incidents.handoff.failed');
      expect(refusal.json()).toMatchObject({ type: 'gridline.incidents.handoff.failed.v1', subject: appeal.id, data: { appealId: appeal.id, handoff: 1, gridCode: GRID_A, code: 'INCIDENT_INVALID' } });
    });
    await eventually(async () => {
      const back = await walk.lastEvent('hotline', 'events.hotline.appeal.handoff_failed');
      expect(back.json()).toMatchObject({ subject: appeal.id, data: { status: 'received', handoff: 1 } });
    });

    // Dispatched again once the category is back: the next hand-off opens its case, and the failure is cleared.
    await walk.registry.updateCategory(SYSTEM_CALLER, 'ENV.GREEN', { active: true });
    await eventually(async () => expect((await db.query(`select active from incidents.registry_category where code = 'ENV.GREEN'`)).rows).toEqual([{ active: true }]));
    expect((await appealAct('operator', appeal.id, 'dispatch', { lead: { unitCode: GRID_A } })).json()).toMatchObject({ handoff: 2, handoffFailure: null });
    expect(await caseOf(appeal.id, 2)).toMatchObject({ status: 'reported', gridCode: GRID_A });
  });

  it("moves the appeal's answer-by date with an extension granted to its case, and answers a partial resolution as partial", async () => {
    const appeal = await intake('楼道杂物堆积堵塞通道');
    await appealAct('operator', appeal.id, 'dispatch', { lead: { unitCode: GRID_A } });
    const kase = await caseOf(appeal.id, 1);
    await caseAct('community', kase.id, 'accept');
    await caseAct('community', kase.id, 'dispatch');
    const signed = await caseAct('staffA', kase.id, 'sign');
    const before = await eventually(async () => {
      const view = await appealOf(appeal.id);
      expect(view).toMatchObject({ status: 'signed', extensionCount: 0 });
      return view;
    });
    // Later than both the case's due time and the appeal's answer-by date.
    const until = new Date(Math.max(Date.parse(signed.dueAt), Date.parse(before.answerDueAt)) + 5 * 86_400_000).toISOString();
    await caseAct('staffA', kase.id, 'request_extension', { until, reason: '需协调物业统一清运' });
    // Asked is not granted: the appeal keeps its date until the community decides.
    expect((await appealOf(appeal.id)).answerDueAt).toBe(before.answerDueAt);
    expect(await caseAct('community', kase.id, 'decide_extension', { approve: true })).toMatchObject({ dueAt: until, dueProvisional: false });
    await eventually(async () => expect(await appealOf(appeal.id)).toMatchObject({ status: 'signed', answerDueAt: until, dueProvisional: false, extensionCount: 1 }));
    const timeline = (await call('operator', 'GET', `/api/v1/appeals/${appeal.id}/timeline`)).json();
    expect(timeline.at(-1)).toMatchObject({ action: 'extend', actor: `incident:${kase.id}`, fromStatus: 'signed', toStatus: 'signed' });

    // Handled in part: the caller's answer says so, with the grid's result.
    await caseAct('staffA', kase.id, 'handle', { result: '已清理一楼杂物，楼上住户拒不配合', resolution: 'partly_resolved' });
    const refused = await call('staffA', 'POST', `/api/v1/incidents/${kase.id}/actions/handle`, { result: '重复', resolution: 'mostly' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual(['resolution']);
    await caseAct('community', kase.id, 'verify', { passed: true });
    await eventually(async () =>
      expect(await appealOf(appeal.id)).toMatchObject({ status: 'answered', incidentStatus: 'closed', reply: { resolution: 'partly_resolved', text: '已清理一楼杂物，楼上住户拒不配合' } }),
    );
  });

  it('says when a case’s or an appeal’s due date was counted on a provisional calendar year, and no longer once the notices are loaded', async () => {
    // No year is loaded here: every working-time due date is counted on the provisional calendar.
    const provisional = await intake('路灯损坏');
    expect((await appealAct('operator', provisional.id, 'dispatch', { lead: { unitCode: GRID_A } })).json()).toMatchObject({ status: 'dispatched', dueProvisional: true });
    const provisionalCase = await caseOf(provisional.id, 1);
    expect(provisionalCase).toMatchObject({ step: 'accept', dueProvisional: true });

    // The notices of this year and the next are loaded (invented: National Day only); incidents learns them from the events.
    await walk.sign({ street: { sub: 'street-1', roles: ['street_admin'], units: [STREET] } });
    const year = cstYear();
    for (const y of [year, year + 1]) {
      expect((await walk.call('street', 'PUT', `/api/v1/calendar/${y}`, { holidays: [`${y}-10-01`], workdays: [] })).statusCode).toBe(200);
    }
    await eventually(async () => expect((await db.query('select count(*)::int as n from incidents.registry_calendar_year')).rows[0].n).toBe(2));

    const loaded = await intake('井盖缺失');
    expect((await appealAct('operator', loaded.id, 'dispatch', { lead: { unitCode: GRID_A } })).json()).toMatchObject({ status: 'dispatched', dueProvisional: false });
    expect(await caseOf(loaded.id, 1)).toMatchObject({ step: 'accept', dueProvisional: false });
    // A step started now is counted on the loaded calendar: the earlier case's next step is no longer provisional.
    expect(await caseAct('community', provisionalCase.id, 'accept')).toMatchObject({ step: 'dispatch', dueProvisional: false });
    // A date counted earlier keeps its mark until it is counted again.
    expect(await appealOf(provisional.id)).toMatchObject({ dueProvisional: true });
  });
});
