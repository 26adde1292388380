import { SYSTEM_CALLER } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { RegistryRegistersClient } from '@gridline/contracts-registry';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture, chinaDayFromToday } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_COMMUNITY = '370502003002';
const OTHER_GRID = '370502003002001';

interface StoredEvent {
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

describe('disputes, household visits and 3+N joint discussions through the gateway', () => {
  let walk: StreetFixture;
  const households: Record<'first' | 'second' | 'third' | 'elsewhere', string> = { first: '', second: '', third: '', elsewhere: '' };

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents'], gateway: true });
    const limits = { acceptLimit: { amount: 1, unit: 'working_days' as const }, handleLimit: { amount: 5, unit: 'working_days' as const } };
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
        { code: 'DISPUTE', name: '矛盾纠纷' },
        { code: 'DISPUTE.NEIGHBOUR', name: '邻里纠纷', parentCode: 'DISPUTE', owner: { level: 'grid' }, ...limits },
      ],
    });
    const registers = new RegistryRegistersClient(walk.seedBus);
    households.first = (await registers.createHousehold(SYSTEM_CALLER, { gridCode: GRID, address: '文汇小区3号楼', room: '1-101' })).id;
    households.second = (await registers.createHousehold(SYSTEM_CALLER, { gridCode: GRID, address: '文汇小区3号楼', room: '1-102' })).id;
    households.third = (await registers.createHousehold(SYSTEM_CALLER, { gridCode: GRID, address: '文汇小区3号楼', room: '1-201' })).id;
    households.elsewhere = (await registers.createHousehold(SYSTEM_CALLER, { gridCode: OTHER_GRID, address: '柳桥小区1号楼', room: '101' })).id;

    await walk.sign({
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      partner: { sub: 'partner-1', roles: ['grid_partner'], units: [GRID] },
      otherStaff: { sub: 'staff-2', roles: ['grid_staff'], units: [OTHER_GRID] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
      otherCommunity: { sub: 'community-2', roles: ['community_admin'], units: [OTHER_COMMUNITY] },
      street: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
    });
    await walk.untilCreated(() => call('staff', 'POST', '/api/v1/incidents', neighbours('probe')));
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);
  const neighbours = (title: string) => ({ categoryCode: 'DISPUTE.NEIGHBOUR', title, description: `${title}：楼上漏水引发邻里矛盾`, gridCode: GRID, source: 'patrol' });
  const garbage = (title: string) => ({ categoryCode: 'ENV.GARBAGE', title, description: `${title}：东门外堆放建筑垃圾`, gridCode: GRID, source: 'patrol' });

  /** Reports a case and takes it to `until` by the roles that own each step. */
  async function caseIn(body: object, until: 'reported' | 'accepted' | 'in_progress'): Promise<string> {
    const reported = await call('staff', 'POST', '/api/v1/incidents', body);
    expect(reported.statusCode).toBe(201);
    const id: string = reported.json().incident.id;
    if (until === 'reported') return id;
    expect((await call('community', 'POST', `/api/v1/incidents/${id}/actions/accept`)).statusCode).toBe(200);
    if (until === 'accepted') return id;
    expect((await call('community', 'POST', `/api/v1/incidents/${id}/actions/dispatch`)).statusCode).toBe(200);
    expect((await call('staff', 'POST', `/api/v1/incidents/${id}/actions/sign`)).json().status).toBe('in_progress');
    return id;
  }

  const streamEvents = async (service: 'incidents' | 'registry') => (await walk.storedEvents(service)).map((msg) => msg.json<StoredEvent>());

  describe('dispute cases', () => {
    it('records the parties, mediation sessions and agreement of a dispute, each on the timeline, names never in events', async () => {
      const id = await caseIn(neighbours('楼上漏水纠纷'), 'in_progress');
      const applicant = await call('staff', 'POST', `/api/v1/incidents/${id}/dispute/parties`, { name: '张某某', role: 'applicant' });
      expect(applicant.statusCode).toBe(201);
      expect(applicant.json()).toMatchObject({ incidentId: id, parties: [{ name: '张某某', role: 'applicant', addedBy: 'staff-1' }], resolved: false, mayChange: true });
      expect((await call('community', 'POST', `/api/v1/incidents/${id}/dispute/parties`, { name: '李某某', role: 'respondent' })).statusCode).toBe(201);

      const session = await call('staff', 'POST', `/api/v1/incidents/${id}/dispute/sessions`, { date: chinaDayFromToday(-1), mediator: '社区调委会 王调解员', outcome: '双方同意先行维修' });
      expect(session.statusCode).toBe(201);
      expect(session.json().sessions).toEqual([expect.objectContaining({ date: chinaDayFromToday(-1), mediator: '社区调委会 王调解员', outcome: '双方同意先行维修', recordedBy: 'staff-1' })]);

      const unresolved = await call('staff', 'PUT', `/api/v1/incidents/${id}/dispute/agreement`, { text: '维修费用待定', date: chinaDay(), resolved: false });
      expect(unresolved.statusCode).toBe(200);
      expect(unresolved.json()).toMatchObject({ agreement: { text: '维修费用待定', date: chinaDay() }, resolved: false });
      const resolved = (await call('community', 'PUT', `/api/v1/incidents/${id}/dispute/agreement`, { text: '十日内修复管道，费用各半', date: chinaDay(), resolved: true })).json();
      expect(resolved).toMatchObject({ agreement: { text: '十日内修复管道，费用各半', recordedBy: 'community-1' }, resolved: true });

      const dispute = (await call('street', 'GET', `/api/v1/incidents/${id}/dispute`)).json();
      expect(dispute).toMatchObject({ categoryCode: 'DISPUTE.NEIGHBOUR', status: 'in_progress', resolved: true, mayChange: true });
      expect(dispute.parties.map((p: { name: string; role: string }) => [p.name, p.role])).toEqual([['张某某', 'applicant'], ['李某某', 'respondent']]);
      expect((await call('analyst', 'GET', `/api/v1/incidents/${id}/dispute`)).json()).toMatchObject({ resolved: true, mayChange: false });

      const timeline = (await call('street', 'GET', `/api/v1/incidents/${id}/timeline`)).json();
      expect(timeline.map((t: { action: string }) => t.action).slice(-5)).toEqual(['dispute_party_added', 'dispute_party_added', 'mediation_session_added', 'dispute_agreement_set', 'dispute_agreement_set']);
      expect(timeline[timeline.length - 1]).toMatchObject({ actor: 'community-1', fromStatus: 'in_progress', toStatus: 'in_progress', details: { resolved: true, replaced: true } });
      expect(JSON.stringify(timeline)).not.toContain('张某某');
      const events = await eventually(async () => {
        const all = await streamEvents('incidents');
        expect(all.some((e) => e.subject === id && e.type.endsWith('.signed.v1'))).toBe(true);
        return all;
      });
      expect(JSON.stringify(events)).not.toContain('张某某');
    });

    it('refuses a case of another category (409) and a dispute not with its owner (409)', async () => {
      const notDispute = await caseIn(garbage('非纠纷'), 'in_progress');
      const refused = await call('staff', 'POST', `/api/v1/incidents/${notDispute}/dispute/parties`, { name: '王某', role: 'applicant' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'INCIDENT_NOT_A_DISPUTE', details: { categoryCode: 'ENV.GARBAGE' } });
      expect((await call('staff', 'GET', `/api/v1/incidents/${notDispute}/dispute`)).statusCode).toBe(409);

      const early = await caseIn(neighbours('尚未派遣'), 'accepted');
      const notYet = await call('community', 'POST', `/api/v1/incidents/${early}/dispute/sessions`, { date: chinaDay(), mediator: '王调解员', outcome: '未果' });
      expect(notYet.statusCode).toBe(409);
      expect(notYet.json()).toMatchObject({ code: 'INCIDENT_ACTION_NOT_ALLOWED', details: { status: 'accepted', openStatuses: ['dispatched', 'in_progress', 'handled'] } });
    });

    it('refuses callers who neither own nor manage the case, bad input and days in the future', async () => {
      const id = await caseIn(neighbours('权限检查'), 'in_progress');
      const party = { name: '赵某', role: 'respondent' };
      expect((await call('otherCommunity', 'POST', `/api/v1/incidents/${id}/dispute/parties`, party)).statusCode).toBe(404);
      expect((await call('otherCommunity', 'GET', `/api/v1/incidents/${id}/dispute`)).statusCode).toBe(404);
      expect((await call('analyst', 'POST', `/api/v1/incidents/${id}/dispute/parties`, party)).statusCode).toBe(403);
      expect((await call('partner', 'PUT', `/api/v1/incidents/${id}/dispute/agreement`, { text: '协议', date: chinaDay(), resolved: true })).statusCode).toBe(403);

      const badRole = await call('staff', 'POST', `/api/v1/incidents/${id}/dispute/parties`, { name: '赵某', role: 'judge' });
      expect(badRole.statusCode).toBe(400);
      expect(badRole.json().errors).toEqual([expect.objectContaining({ field: 'role' })]);
      const future = await call('staff', 'POST', `/api/v1/incidents/${id}/dispute/sessions`, { date: chinaDayFromToday(2), mediator: '王调解员', outcome: '约定再谈' });
      expect(future.statusCode).toBe(400);
      expect(future.json().errors).toEqual([{ field: 'date', reasons: ['must not be in the future'] }]);
      const noDay = await call('staff', 'PUT', `/api/v1/incidents/${id}/dispute/agreement`, { text: '协议', date: '2026-02-30', resolved: true });
      expect(noDay.json().errors).toEqual([expect.objectContaining({ field: 'date' })]);
      expect((await call('staff', 'GET', `/api/v1/incidents/${id}/dispute`)).json()).toMatchObject({ parties: [], sessions: [], agreement: null });
    });
  });

  describe('household visits', () => {
    let visitId: string;

    it('logs visits by grid staff and partners and lists them by scope, household and period', async () => {
      const logged = await call('staff', 'POST', '/api/v1/visits', { householdId: households.first, gridCode: GRID, date: chinaDay(), notes: '老人独居，提醒冬季用火安全', tags: ['elderly_alone', 'safety'] });
      expect(logged.statusCode).toBe(201);
      expect(logged.json()).toMatchObject({ householdId: households.first, gridCode: GRID, date: chinaDay(), tags: ['elderly_alone', 'safety'], visitor: 'staff-1', incidentId: null });
      visitId = logged.json().id;
      expect((await call('partner', 'POST', '/api/v1/visits', { householdId: households.second, gridCode: GRID, date: chinaDayFromToday(-3) })).statusCode).toBe(201);

      const byHousehold = (await call('staff', 'GET', `/api/v1/visits?householdId=${households.first}`)).json();
      expect(byHousehold).toMatchObject({ total: 1, items: [{ id: visitId, notes: '老人独居，提醒冬季用火安全' }] });
      const community = (await call('community', 'GET', `/api/v1/visits?unit=${COMMUNITY}&pageSize=1`)).json();
      expect(community).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ id: visitId }] });
      expect((await call('community', 'GET', `/api/v1/visits?from=${chinaDayFromToday(-5)}&to=${chinaDayFromToday(-1)}`)).json()).toMatchObject({ total: 1, items: [{ householdId: households.second }] });
      expect((await call('otherStaff', 'GET', '/api/v1/visits')).json()).toMatchObject({ total: 0, items: [] });
      expect((await call('analyst', 'GET', '/api/v1/visits')).statusCode).toBe(403);
      expect((await call('community', 'GET', `/api/v1/visits?from=${chinaDay()}&to=${chinaDayFromToday(-1)}`)).statusCode).toBe(400);
    });

    it('announces a visit with ids, the grid and its path, the day and the visitor’s subject only', async () => {
      await eventually(async () => {
        const logged = (await streamEvents('incidents')).filter((e) => e.type === 'gridline.incidents.visit.logged.v1');
        expect(logged.find((e) => e.subject === visitId)?.data).toEqual({ visitId, householdId: households.first, gridCode: GRID, path: [STREET, COMMUNITY, GRID], date: chinaDay(), visitor: 'staff-1' });
      });
    });

    it('refuses visits outside the roles or scope, to households not of the grid, and in the future', async () => {
      const visit = { householdId: households.third, gridCode: GRID, date: chinaDay() };
      expect((await call('analyst', 'POST', '/api/v1/visits', visit)).statusCode).toBe(403);
      const outside = await call('otherStaff', 'POST', '/api/v1/visits', visit);
      expect(outside.statusCode).toBe(403);
      expect(outside.json().code).toBe('INCIDENT_OUT_OF_SCOPE');
      const otherGrid = await call('street', 'POST', '/api/v1/visits', { ...visit, householdId: households.elsewhere });
      expect(otherGrid.statusCode).toBe(400);
      expect(otherGrid.json().errors).toEqual([expect.objectContaining({ field: 'gridCode' })]);
      const unknown = await call('staff', 'POST', '/api/v1/visits', { ...visit, householdId: '00000000-0000-4000-8000-000000000009' });
      expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'householdId' })]);
      const notInScope = await call('staff', 'POST', '/api/v1/visits', { ...visit, householdId: households.elsewhere, gridCode: OTHER_GRID });
      expect(notInScope.statusCode).toBe(403);
      const future = await call('staff', 'POST', '/api/v1/visits', { ...visit, date: chinaDayFromToday(1) });
      expect(future.json().errors).toEqual([{ field: 'date', reasons: ['must not be in the future'] }]);
      const bad = await call('staff', 'POST', '/api/v1/visits', { ...visit, householdId: 'x', tags: [''] });
      expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['householdId', 'tags']);
      expect((await call('staff', 'GET', `/api/v1/visits?householdId=${households.third}`)).json().total).toBe(0);
    });

    it('opens a case from a visit, in its grid with the source "visit", once', async () => {
      const body = { categoryCode: 'ENV.GARBAGE', title: '走访发现楼道堆物', description: '3号楼1单元楼道堆放杂物，存在消防隐患' };
      expect((await call('otherStaff', 'POST', `/api/v1/visits/${visitId}/incident`, body)).statusCode).toBe(404);
      expect((await call('staff', 'POST', `/api/v1/visits/${visitId}/incident`, { ...body, source: 'patrol' })).statusCode).toBe(400);
      const opened = await call('staff', 'POST', `/api/v1/visits/${visitId}/incident`, body);
      expect(opened.statusCode).toBe(201);
      const { incident } = opened.json();
      expect(incident).toMatchObject({ status: 'reported', source: 'visit', gridCode: GRID, reporter: 'staff-1', title: '走访发现楼道堆物' });

      const again = await call('staff', 'POST', `/api/v1/visits/${visitId}/incident`, body);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'VISIT_CASE_ALREADY_OPENED', details: { incidentId: incident.id } });
      expect((await call('staff', 'GET', `/api/v1/visits?householdId=${households.first}`)).json().items[0].incidentId).toBe(incident.id);
      const timeline = (await call('community', 'GET', `/api/v1/incidents/${incident.id}/timeline`)).json();
      expect(timeline.map((t: { action: string }) => t.action)).toEqual(['report', 'opened_from_visit']);
      expect(timeline[1].details).toEqual({ visitId, visitDate: chinaDay() });
    });

    it("feeds the registry's collection quality: the share of the grid's households visited in 90 days", async () => {
      await eventually(
        async () => {
          const quality = (await call('staff', 'GET', `/api/v1/units/${GRID}/quality`)).json();
          expect(quality).toMatchObject({ unitCode: GRID, households: 3, visitedShare: 0.667 });
        },
        { timeoutMs: 15_000 },
      );
      expect((await call('street', 'GET', `/api/v1/units/${STREET}/quality`)).json()).toMatchObject({ households: 4, visitedShare: 0.5 });
      // A visit announces the grid's quality, so that subscribers (analytics) see the visited share move.
      const announced = (await streamEvents('registry')).filter((e) => e.type === 'gridline.registry.quality.updated.v1' && e.subject === GRID);
      expect(announced.map((e) => (e.data.quality as { visitedShare: number }).visitedShare)).toEqual(expect.arrayContaining([0.333, 0.667]));
    });
  });

  describe('3+N joint discussion', () => {
    it('lets the street lift a hard case: the decision stays with the case and on its timeline', async () => {
      const id = await caseIn(garbage('多次退回的违建垃圾'), 'in_progress');
      expect((await call('staff', 'POST', `/api/v1/incidents/${id}/actions/return`, { reason: '涉及违建，网格无法处置' })).json().status).toBe('accepted');
      const discussion = {
        participants: [STREET, COMMUNITY, 'URBAN_MGMT', 'MARKET_SUPERVISION'],
        date: chinaDay(),
        decision: '由城市管理办公室牵头，社区配合，十日内清运并拆除违建',
        owners: [{ departmentCode: 'URBAN_MGMT' }, { unitCode: COMMUNITY }],
      };
      const lifted = await call('street', 'POST', `/api/v1/incidents/${id}/joint-discussion`, discussion);
      expect(lifted.statusCode).toBe(201);
      expect(lifted.json()).toMatchObject({ incidentId: id, ...discussion, liftedBy: 'street-1' });

      const discussions = (await call('staff', 'GET', `/api/v1/incidents/${id}/joint-discussion`)).json();
      expect(discussions).toEqual([expect.objectContaining({ decision: discussion.decision, owners: discussion.owners })]);
      const timeline = (await call('street', 'GET', `/api/v1/incidents/${id}/timeline`)).json();
      expect(timeline[timeline.length - 1]).toMatchObject({ action: 'joint_discussion', actor: 'street-1', fromStatus: 'accepted', toStatus: 'accepted', comment: discussion.decision });
      // The grid centre dispatches to the lead owner decided, through the usual action.
      const dispatched = await call('street', 'POST', `/api/v1/incidents/${id}/actions/dispatch`, { ownerDepartmentCode: 'URBAN_MGMT' });
      expect(dispatched.json()).toMatchObject({ status: 'dispatched', owner: { kind: 'department', departmentCode: 'URBAN_MGMT' } });
    });

    it('refuses others than the street, closed cases and owners that name both or neither', async () => {
      const id = await caseIn(garbage('研判权限'), 'accepted');
      const discussion = { participants: [STREET, 'URBAN_MGMT'], date: chinaDay(), decision: '城管牵头处置', owners: [{ departmentCode: 'URBAN_MGMT' }] };
      expect((await call('community', 'POST', `/api/v1/incidents/${id}/joint-discussion`, discussion)).statusCode).toBe(403);
      expect((await call('staff', 'POST', `/api/v1/incidents/${id}/joint-discussion`, discussion)).statusCode).toBe(403);
      expect((await call('otherCommunity', 'POST', `/api/v1/incidents/${id}/joint-discussion`, discussion)).statusCode).toBe(404);
      expect((await call('otherCommunity', 'GET', `/api/v1/incidents/${id}/joint-discussion`)).statusCode).toBe(404);

      const both = await call('street', 'POST', `/api/v1/incidents/${id}/joint-discussion`, { ...discussion, owners: [{ departmentCode: 'URBAN_MGMT', unitCode: COMMUNITY }] });
      expect(both.statusCode).toBe(400);
      expect(both.json().errors).toEqual([expect.objectContaining({ field: 'owners.0' })]);
      const unknownUnit = await call('street', 'POST', `/api/v1/incidents/${id}/joint-discussion`, { ...discussion, owners: [{ unitCode: '370502003009' }] });
      expect(unknownUnit.json().errors).toEqual([expect.objectContaining({ field: 'owners.0' })]);
      const badParticipant = await call('street', 'POST', `/api/v1/incidents/${id}/joint-discussion`, { ...discussion, participants: ['城管'] });
      expect(badParticipant.json().errors).toEqual([expect.objectContaining({ field: 'participants' })]);
      expect((await call('street', 'GET', `/api/v1/incidents/${id}/joint-discussion`)).json()).toEqual([]);

      expect((await call('community', 'POST', `/api/v1/incidents/${id}/actions/cancel`, { reason: '重复上报' })).json().status).toBe('cancelled');
      const closed = await call('street', 'POST', `/api/v1/incidents/${id}/joint-discussion`, discussion);
      expect(closed.statusCode).toBe(409);
      expect(closed.json()).toMatchObject({ code: 'INCIDENT_ACTION_NOT_ALLOWED', details: { status: 'cancelled' } });
    });
  });
});
