import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OpenCaseFromAppealUseCase, type AppealHandedDown } from '@gridline/app-incidents';
import { eventually, unitFactory, type RunningTestService } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_COMMUNITY = '370502003002';
const OTHER_GRID = '370502003002001';
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };

describe('the case process through the gateway', () => {
  let walk: StreetFixture;
  let incidentsService: RunningTestService;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents'], gateway: true });
    incidentsService = walk.service('incidents');
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [
        unitFactory().street(STREET).build(),
        unitFactory().community(COMMUNITY).build(),
        unitFactory().grid(GRID).at(118.5, 37.4).build(),
        unitFactory().community(OTHER_COMMUNITY).build(),
        unitFactory().grid(OTHER_GRID).at(118.6, 37.4).build(),
      ],
      departments: [{ code: 'URBAN_MGMT', name: '城市管理办公室' }],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
        { code: 'ENV.SEWAGE', name: '污水外溢', parentCode: 'ENV', owner: { departmentCode: 'URBAN_MGMT' }, ...limits },
      ],
    });
    await walk.sign({
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
      otherCommunity: { sub: 'community-2', roles: ['community_admin'], units: [OTHER_COMMUNITY] },
      street: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
      department: { sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
      verifier: { sub: 'staff-2', roles: ['grid_staff'], units: [GRID] },
    });
    await walk.untilCreated(() => report('staff', garbage('probe')));
  });

  afterAll(async () => {
    await walk?.close();
  });

  function garbage(title: string, extra: Record<string, unknown> = {}) {
    return { categoryCode: 'ENV.GARBAGE', title, description: `${title}：东门外绿化带旁堆放建筑垃圾`, location: IN_GRID, source: 'patrol', ...extra };
  }
  const report = (who: string, body: object, key?: string) => walk.call(who, 'POST', '/api/v1/incidents', body, key ? { 'idempotency-key': key } : {});
  const act = (who: string, id: string, action: string, body: object = {}) => walk.call(who, 'POST', `/api/v1/incidents/${id}/actions/${action}`, body);
  const get = (who: string, url: string) => walk.call(who, 'GET', url);

  it('takes a case from report to evaluation, by the roles that own each step, with its whole timeline', async () => {
    const reported = await report('staff', garbage('小区东门垃圾堆放'), 'report-key-0001');
    expect(reported.statusCode).toBe(201);
    const { incident } = reported.json();
    expect(incident).toMatchObject({ status: 'reported', gridCode: GRID, step: 'accept', reporter: 'staff-1', allowedActions: [] });
    expect(new Date(incident.dueAt).getTime()).toBeGreaterThan(Date.now());
    const id = incident.id;

    expect((await get('community', `/api/v1/incidents/${id}`)).json().allowedActions).toEqual(['accept', 'reject', 'cancel', 'merge']);
    expect((await act('community', id, 'accept')).json()).toMatchObject({ status: 'accepted', step: 'dispatch' });
    const dispatched = (await act('community', id, 'dispatch')).json();
    expect(dispatched).toMatchObject({ status: 'dispatched', owner: { kind: 'unit', unitCode: GRID, level: 'grid' }, step: 'sign' });
    expect((await act('staff', id, 'sign')).json()).toMatchObject({ status: 'in_progress', step: 'handle' });
    expect((await act('staff', id, 'handle', { result: '已清运' })).json()).toMatchObject({ status: 'handled', step: 'verify' });
    // Separation of duties: whoever handled the case does not verify it, nor evaluate it as its reporter.
    expect((await get('staff', `/api/v1/incidents/${id}`)).json().allowedActions).toEqual([]);
    expect((await act('staff', id, 'verify', { passed: true })).statusCode).toBe(403);
    const reworked = (await act('community', id, 'verify', { passed: false, comment: '仍有残留' })).json();
    expect(reworked).toMatchObject({ status: 'in_progress', reworkCount: 1 });
    await act('staff', id, 'handle', { result: '已全部清运' });
    expect((await act('community', id, 'verify', { passed: true })).json()).toMatchObject({ status: 'closed', step: null, dueAt: null });
    expect((await act('staff', id, 'evaluate', { rating: 5, comment: '处理及时' })).statusCode).toBe(403);
    expect((await act('street', id, 'evaluate', { rating: 5, comment: '处理及时' })).json()).toMatchObject({ status: 'evaluated', rating: 5, allowedActions: [] });

    const timeline = (await get('street', `/api/v1/incidents/${id}/timeline`)).json();
    expect(timeline.map((t: { action: string }) => t.action)).toEqual(['report', 'accept', 'dispatch', 'sign', 'handle', 'verify', 'handle', 'verify', 'closed', 'evaluate']);
    expect(timeline[5]).toMatchObject({ actor: 'community-1', fromStatus: 'handled', toStatus: 'in_progress', comment: '仍有残留' });

    // One event per transition, on the incidents stream.
    await eventually(async () => {
      const types: string[] = [];
      let evaluatedRating: unknown;
      for (const msg of await walk.storedEvents('incidents')) {
        const event = msg.json<{ type: string; subject: string; data: { rating: number | null } }>();
        if (event.subject !== id) continue;
        types.push(event.type.split('.')[3]);
        if (event.type.split('.')[3] === 'evaluated') evaluatedRating = event.data.rating;
      }
      expect(types).toEqual(['reported', 'accepted', 'dispatched', 'signed', 'handled', 'reworked', 'handled', 'verified', 'closed', 'evaluated']);
      // The evaluated event carries the rating, so that department systems need not ask.
      expect(evaluatedRating).toBe(5);
    });
  });

  it('creates one case for a retried report and refuses the same key with another body (422)', async () => {
    const first = (await report('staff', garbage('重复提交'), 'report-key-0002')).json();
    const again = await report('staff', garbage('重复提交'), 'report-key-0002');
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ replayed: true, incident: { id: first.incident.id } });
    expect(first.replayed).toBe(false);
    const other = await report('staff', garbage('另一件事'), 'report-key-0002');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(first.possibleDuplicates.length).toBeGreaterThan(0);
  });

  it('refuses what the state or the actor does not allow: 409 with the allowed actions, 403, 400 naming the field', async () => {
    const { incident } = (await report('staff', garbage('规则检查'))).json();
    expect((await act('staff', incident.id, 'accept')).statusCode).toBe(403);
    expect((await act('otherCommunity', incident.id, 'accept')).statusCode).toBe(404);
    const early = await act('community', incident.id, 'handle', { result: '已处理' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'INCIDENT_ACTION_NOT_ALLOWED', details: { status: 'reported', allowedActions: ['accept', 'reject', 'cancel', 'merge'] } });
    const reject = await act('community', incident.id, 'reject');
    expect(reject.statusCode).toBe(400);
    expect(reject.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await act('community', incident.id, 'accept', { version: incident.version + 5 })).json()).toMatchObject({ code: 'INCIDENT_CHANGED' });
    const bad = await report('staff', { ...garbage('坏分类'), categoryCode: 'ENV' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('categoryCode');
    expect((await report('analyst', garbage('只读用户'))).statusCode).toBe(403);
    const backdated = await report('staff', garbage('补录', { reportedAt: new Date(Date.now() - 86_400_000).toISOString() }));
    expect(backdated.json().errors).toEqual([expect.objectContaining({ field: 'reportedAt' })]);
    const recorded = (await report('community', garbage('补录', { reportedAt: new Date(Date.now() - 3 * 86_400_000).toISOString() }))).json();
    expect(new Date(recorded.incident.dueAt).getTime()).toBeLessThan(Date.now());
    const nowhere = await report('staff', garbage('无网格', { location: { lat: 10, lng: 10, address: '海上' } }));
    expect(nowhere.json().errors).toEqual([expect.objectContaining({ field: 'location' })]);
  });

  it('lets only one of two concurrent actions on a case succeed', async () => {
    const { incident } = (await report('staff', garbage('并发'))).json();
    const results = await Promise.all([act('community', incident.id, 'accept'), act('street', incident.id, 'accept')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const timeline = (await get('street', `/api/v1/incidents/${incident.id}/timeline`)).json();
    expect(timeline.filter((t: { action: string }) => t.action === 'accept')).toHaveLength(1);
  });

  it('dispatches to the owning department, which follows and returns it', async () => {
    const { incident } = (await report('staff', { ...garbage('污水外溢'), categoryCode: 'ENV.SEWAGE' })).json();
    await act('community', incident.id, 'accept');
    expect((await act('community', incident.id, 'dispatch')).json().owner).toEqual({ kind: 'department', departmentCode: 'URBAN_MGMT' });
    const list = (await get('department', '/api/v1/incidents?status=dispatched')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([incident.id]);
    expect((await get('department', `/api/v1/incidents/${incident.id}`)).json().allowedActions).toEqual(['sign', 'return', 'request_extension']);
    const returned = (await act('department', incident.id, 'return', { reason: '不属于本部门职责' })).json();
    expect(returned).toMatchObject({ status: 'accepted', owner: null });
  });

  it('moves the due time by an approved extension, asked before the deadline and decided a level up', async () => {
    const { incident } = (await report('staff', garbage('延期'))).json();
    await act('community', incident.id, 'accept');
    await act('community', incident.id, 'dispatch');
    const signed = (await act('staff', incident.id, 'sign')).json();
    const until = new Date(new Date(signed.dueAt).getTime() + 3 * 86_400_000).toISOString();
    expect((await act('staff', incident.id, 'request_extension', { until, reason: '需协调施工单位' })).json().extension).toMatchObject({ requestedBy: 'staff-1' });
    expect((await act('staff', incident.id, 'decide_extension', { approve: true })).statusCode).toBe(403);
    const decided = (await act('community', incident.id, 'decide_extension', { approve: true })).json();
    expect(decided).toMatchObject({ extension: null, dueAt: until });
  });

  it('opens one grid case for a hotline appeal handed down, however often it arrives', async () => {
    const openCase = incidentsService.app.get(OpenCaseFromAppealUseCase);
    // As the consumer runs it: in a transaction of its own (with its inbox row), which the use case joins.
    const inTransaction = (a: AppealHandedDown) => (incidentsService.app.get(MikroORM).em.fork() as EntityManager).transactional(() => openCase.execute(a));
    const appeal = { appealId: '12345-20261127-000777', handoff: 1, categoryCode: 'ENV.GARBAGE', title: '市民来电：垃圾堆放', description: '12345转办', gridCode: GRID, urgency: 'urgent' as const };
    const first = await inTransaction(appeal);
    const again = await inTransaction(appeal);
    expect(again).toMatchObject({ replayed: true, incident: { id: first.incident.id, appealRef: appeal.appealId, source: 'hotline' } });
    expect(first.incident).toMatchObject({ status: 'reported', urgency: 'urgent', source: 'hotline' });
    // The appeal's next hand-off (re-dispatched, re-handled) is another case.
    const second = await inTransaction({ ...appeal, handoff: 2 });
    expect(second).toMatchObject({ replayed: false, incident: { appealRef: appeal.appealId } });
    expect(second.incident.id).not.toBe(first.incident.id);
    // The case is an effect of the consumer's transaction: rolled back with it (no inbox row), it leaves nothing.
    const rolledBack = { ...appeal, appealId: '12345-20261127-000778' };
    await expect(
      (incidentsService.app.get(MikroORM).em.fork() as EntityManager).transactional(async () => {
        await openCase.execute(rolledBack);
        throw new Error('the inbox row could not be written');
      }),
    ).rejects.toThrow('the inbox row could not be written');
    expect((await get('street', `/api/v1/incidents?q=${encodeURIComponent('垃圾堆放')}&limit=50`)).json().items.filter((i: { appealRef: string }) => i.appealRef === rolledBack.appealId)).toEqual([]);
    // …and the hand-off, delivered again, opens its case then.
    expect((await inTransaction(rolledBack)).replayed).toBe(false);
  });

  it('lists by scope, filters, Chinese substring and cursor pages, and counts by status', async () => {
    const all = (await get('street', '/api/v1/incidents?limit=3')).json();
    expect(all.items).toHaveLength(3);
    const next = (await get('street', `/api/v1/incidents?limit=3&cursor=${all.nextCursor}`)).json();
    expect(next.items.map((i: { id: string }) => i.id)).not.toContain(all.items[0].id);
    expect((await get('street', `/api/v1/incidents?q=${encodeURIComponent('污水')}`)).json().items).toHaveLength(1);
    expect((await get('otherCommunity', '/api/v1/incidents')).json().items).toHaveLength(0);
    expect((await get('street', '/api/v1/incidents?cursor=nonsense')).statusCode).toBe(400);
    const counts = (await get('street', '/api/v1/incidents/counts')).json();
    expect(counts.byStatus).toMatchObject({ evaluated: 1 });
  });

  describe('what the next person needs, on the case', () => {
    const before = { url: 'https://files.example/before.jpg', mediaType: 'image/jpeg', sha256: 'b'.repeat(64) };
    const after = { url: 'https://files.example/after.jpg', mediaType: 'image/jpeg', sha256: 'a'.repeat(64) };
    // A bare URL is kept as given, without a photo id or stage.
    const kept = (attachment: typeof after) => ({ ...attachment, id: null, stage: null });
    type Entry = { action: string; actor: string; details: Record<string, unknown> };
    const entry = (timeline: Entry[], action: string, nth = 0) => timeline.filter((t) => t.action === action)[nth];

    /** A grid member reports, the grid centre dispatches to the department, which signs, is granted more time and handles. */
    async function handledByTheDepartment(title: string) {
      const { incident } = (await report('staff', { ...garbage(title), categoryCode: 'ENV.SEWAGE', attachments: [before] })).json();
      const id: string = incident.id;
      expect((await act('community', id, 'accept')).statusCode).toBe(200);
      expect((await act('community', id, 'dispatch', { ownerDepartmentCode: 'URBAN_MGMT' })).statusCode).toBe(200);
      const signed = (await act('department', id, 'sign')).json();
      expect(signed.status).toBe('in_progress');
      const until = new Date(new Date(signed.dueAt).getTime() + 2 * 86_400_000).toISOString();
      expect((await act('department', id, 'request_extension', { until, reason: '需协调施工单位' })).statusCode).toBe(200);
      // A department's case: the street's grid centre decides its extension.
      const granted = (await act('street', id, 'decide_extension', { approve: true })).json();
      expect(granted).toMatchObject({ extension: null, dueAt: until });
      const handled = (await act('department', id, 'handle', { result: '已疏通管道', attachments: [after] })).json();
      expect(handled.status).toBe('handled');
      return { id, dueBefore: signed.dueAt as string, until };
    }

    it('shows the owner by name, the extension, the result with its attachments, the verification and the rating, in the view and the timeline', async () => {
      const { id, dueBefore, until } = await handledByTheDepartment('东门管道堵塞');
      expect((await act('verifier', id, 'verify', { passed: true, comment: '现场已疏通' })).json().status).toBe('closed');
      expect((await act('staff', id, 'evaluate', { rating: 4 })).json().status).toBe('evaluated');

      const view = (await get('community', `/api/v1/incidents/${id}`)).json();
      expect(view).toMatchObject({
        categoryCode: 'ENV.SEWAGE',
        categoryName: '污水外溢',
        gridCode: GRID,
        gridName: `Grid ${GRID}`,
        community: { code: COMMUNITY, name: `Community ${COMMUNITY}` },
        owner: { kind: 'department', departmentCode: 'URBAN_MGMT' },
        ownerName: '城市管理办公室',
        attachments: [before],
        handling: { result: '已疏通管道', resolution: 'resolved', attachments: [after], by: 'dept-1', at: expect.any(String) },
        verification: { passed: true, comment: '现场已疏通', by: 'staff-2', at: expect.any(String) },
        evaluation: { rating: 4, by: 'staff-1', at: expect.any(String) },
        rating: 4,
      });
      // The list names things too.
      const listed = (await get('community', `/api/v1/incidents?q=${view.workOrder}`)).json().items;
      expect(listed).toEqual([expect.objectContaining({ id, categoryName: '污水外溢', gridName: `Grid ${GRID}`, ownerName: '城市管理办公室', handling: view.handling })]);

      const timeline: Entry[] = (await get('community', `/api/v1/incidents/${id}/timeline`)).json();
      expect(timeline.map((t) => t.action)).toEqual(['report', 'accept', 'dispatch', 'sign', 'request_extension', 'decide_extension', 'handle', 'verify', 'closed', 'evaluate']);
      expect(entry(timeline, 'dispatch').details).toEqual({ owner: { kind: 'department', code: 'URBAN_MGMT', name: '城市管理办公室' }, why: 'chosen', categoryOwnerLevel: null });
      expect(entry(timeline, 'request_extension')).toMatchObject({ actor: 'dept-1', details: { requestedUntil: until, reason: '需协调施工单位', dueAt: dueBefore } });
      expect(entry(timeline, 'decide_extension')).toMatchObject({ actor: 'street-1', details: { approved: true, requestedUntil: until, dueAt: until } });
      expect(entry(timeline, 'handle').details).toEqual({ result: '已疏通管道', resolution: 'resolved', attachments: [kept(after)], attachmentCount: 1 });
      expect(entry(timeline, 'verify')).toMatchObject({ actor: 'staff-2', details: { passed: true, comment: '现场已疏通' } });
      expect(entry(timeline, 'evaluate')).toMatchObject({ actor: 'staff-1', details: { rating: 4 } });
    });

    it('shows a failed verification, then the new handling, and says why a dispatch went to the category’s owner', async () => {
      const { id } = await handledByTheDepartment('西门管道堵塞');
      const sentBack = (await act('verifier', id, 'verify', { passed: false, comment: '仍有积水' })).json();
      expect(sentBack).toMatchObject({ status: 'in_progress', reworkCount: 1, verification: { passed: false, comment: '仍有积水', by: 'staff-2' }, handling: { result: '已疏通管道' } });
      expect((await get('department', `/api/v1/incidents/${id}`)).json().verification).toMatchObject({ passed: false, comment: '仍有积水' });

      await act('department', id, 'handle', { result: '已更换破损管段', resolution: 'partly_resolved', attachments: [before, after] });
      const again = (await get('community', `/api/v1/incidents/${id}`)).json();
      expect(again).toMatchObject({ status: 'handled', handling: { result: '已更换破损管段', resolution: 'partly_resolved', attachments: [before, after] }, verification: { passed: false, comment: '仍有积水' } });
      // The failed verification is older than the new handling: that handling waits for verification.
      expect(new Date(again.handling.at).getTime()).toBeGreaterThan(new Date(again.verification.at).getTime());

      const timeline: Entry[] = (await get('community', `/api/v1/incidents/${id}/timeline`)).json();
      expect(timeline.map((t) => t.action).slice(-3)).toEqual(['handle', 'verify', 'handle']);
      expect(entry(timeline, 'verify').details).toEqual({ passed: false, comment: '仍有积水' });
      expect(entry(timeline, 'handle', 1).details).toEqual({ result: '已更换破损管段', resolution: 'partly_resolved', attachments: [kept(before), kept(after)], attachmentCount: 2 });

      // A dispatch without an owner named goes to the category's: the timeline says so.
      const { incident } = (await report('staff', { ...garbage('北门管道堵塞'), categoryCode: 'ENV.SEWAGE' })).json();
      await act('community', incident.id, 'accept');
      await act('community', incident.id, 'dispatch');
      const returned = (await act('department', incident.id, 'return', { reason: '需社区先行处置' })).json();
      expect(returned.ownerName).toBeNull();
      await act('community', incident.id, 'dispatch', { ownerUnitCode: GRID });
      const byDefault: Entry[] = (await get('community', `/api/v1/incidents/${incident.id}/timeline`)).json();
      expect(entry(byDefault, 'dispatch').details).toEqual({ owner: { kind: 'department', code: 'URBAN_MGMT', name: '城市管理办公室' }, why: 'category_department', categoryOwnerLevel: null });
      expect(entry(byDefault, 'return').details).toEqual({ reason: '需社区先行处置', owner: { kind: 'department', code: 'URBAN_MGMT', name: '城市管理办公室' } });
      expect(entry(byDefault, 'dispatch', 1).details).toEqual({ owner: { kind: 'unit', code: GRID, level: 'grid', name: `Grid ${GRID}` }, why: 'chosen', categoryOwnerLevel: null });
      expect((await get('staff', `/api/v1/incidents/${incident.id}`)).json().ownerName).toBe(`Grid ${GRID}`);
    });
  });
});
