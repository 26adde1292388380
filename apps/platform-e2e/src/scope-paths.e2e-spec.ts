import { SYSTEM_CALLER } from '@gridline/auth';
import { RegistryPeopleClient, RegistryRegistersClient } from '@gridline/contracts-registry';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

// Two streets. In the first, community C1 with the adjacent grids G1 | G2 (their shared edge at lng 118.51) and
// community C2 with G3; in the second, one community with G4.
const STREET = '370502003';
const C1 = '370502003001';
const G1 = '370502003001001';
const G2 = '370502003001002';
const C2 = '370502003002';
const G3 = '370502003002001';
const OTHER_STREET = '370502004';
const OTHER_COMMUNITY = '370502004001';
const G4 = '370502004001001';

/** Points about 10 m either side of the G1 | G2 edge: well within the duplicate radius of each other. */
const EDGE_OF_G1 = { lat: 37.405, lng: 118.5099, address: '文汇路西侧' };
const EDGE_OF_G2 = { lat: 37.405, lng: 118.5101, address: '文汇路东侧' };
const IN_G4 = { lat: 37.405, lng: 118.605, address: '另一街道' };
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const PHONE = '13905467777';

describe('scope on every path that names another object, through the gateway', () => {
  let walk: StreetFixture;
  let people: RegistryPeopleClient;
  let householdInG1: string;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'hotline'], gateway: true });
    people = new RegistryPeopleClient(walk.seedBus);
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [
        unitFactory().street(STREET).build(),
        unitFactory().community(C1).build(),
        unitFactory().grid(G1).at(118.5, 37.4).build(),
        unitFactory().grid(G2).at(118.51, 37.4).build(),
        unitFactory().community(C2).build(),
        unitFactory().grid(G3).at(118.52, 37.4).build(),
        unitFactory().street(OTHER_STREET).build(),
        unitFactory().community(OTHER_COMMUNITY).build(),
        unitFactory().grid(G4).at(118.6, 37.4).build(),
      ],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    householdInG1 = (await new RegistryRegistersClient(walk.seedBus).createHousehold(SYSTEM_CALLER, { gridCode: G1, address: '文汇小区5号楼', room: '2-301' })).id;
    await walk.sign({
      staff1: { sub: 'staff-g1', roles: ['grid_staff'], units: [G1] },
      bothGrids: { sub: 'staff-g1-g2', roles: ['grid_staff'], units: [G1, G2] },
      staff2: { sub: 'staff-g2', roles: ['grid_staff'], units: [G2] },
      community1: { sub: 'community-c1', roles: ['community_admin'], units: [C1] },
      street: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
      otherOperator: { sub: 'operator-2', roles: ['hotline_operator'], units: [OTHER_STREET] },
    });
    await walk.untilCreated(() => report('staff1', garbage('probe', { location: { lat: 37.405, lng: 118.505, address: '探测' } })));
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);
  const report = (who: string, body: object) => call(who, 'POST', '/api/v1/incidents', body);
  const intake = (who: string, body: object) => call(who, 'POST', '/api/v1/appeals', body);
  const appealAct = (who: string, id: string, action: string, body: object = {}) => call(who, 'POST', `/api/v1/appeals/${id}/actions/${action}`, body);
  function garbage(title: string, extra: Record<string, unknown> = {}) {
    return { categoryCode: 'ENV.GARBAGE', title, description: `${title}：路边堆放生活垃圾`, source: 'patrol', ...extra };
  }
  function complaint(content: string, location: object, phone = PHONE) {
    return { channel: 'phone', type: 'complaint', caller: { name: '周海', phone }, content, categoryCode: 'ENV.GARBAGE', location };
  }

  describe('POST /api/v1/incidents', () => {
    it('shows as possible duplicates only the cases the reporter may see', async () => {
      const beyond = (await report('staff2', garbage('东侧垃圾', { location: EDGE_OF_G2 }))).json().incident;
      expect(beyond.gridCode).toBe(G2);

      const fromG1 = await report('staff1', garbage('西侧垃圾', { location: EDGE_OF_G1 }));
      expect(fromG1.statusCode).toBe(201);
      expect(fromG1.json().incident.gridCode).toBe(G1);
      expect(fromG1.json().possibleDuplicates).toEqual([]);
      expect(fromG1.body).not.toContain(beyond.id);
      expect(fromG1.body).not.toContain('东侧垃圾');

      // The community centre sees both grids: both cases are possible duplicates of its report.
      const fromCommunity = (await report('community1', garbage('路边垃圾', { location: EDGE_OF_G1 }))).json();
      expect(fromCommunity.possibleDuplicates.map((d: { id: string }) => d.id).sort()).toEqual([beyond.id, fromG1.json().incident.id].sort());
    });

    it('refuses a location outside the grid given with it, naming location; the grid comes from the location otherwise', async () => {
      const outside = await report('community1', garbage('错位上报', { gridCode: G1, location: EDGE_OF_G2 }));
      expect(outside.statusCode).toBe(400);
      expect(outside.json()).toMatchObject({ code: 'INCIDENT_INVALID' });
      expect(outside.json().errors).toEqual([expect.objectContaining({ field: 'location' })]);

      expect((await report('community1', garbage('对位上报', { gridCode: G2, location: EDGE_OF_G2 }))).json().incident.gridCode).toBe(G2);
      expect((await report('community1', garbage('按位置定网格', { location: EDGE_OF_G2 }))).json().incident.gridCode).toBe(G2);
      const list = (await call('community1', 'GET', `/api/v1/incidents?q=${encodeURIComponent('错位上报')}`)).json();
      expect(list.items).toEqual([]);
    });
  });

  describe('POST /api/v1/visits/:id/incident', () => {
    const fromVisit = (title: string, extra: Record<string, unknown> = {}) => {
      const { source: _source, ...body } = garbage(title, extra);
      return body;
    };

    it('names the case a visit already opened only to a caller who may see it', async () => {
      const visit = (await call('bothGrids', 'POST', '/api/v1/visits', { householdId: householdInG1, gridCode: G1, date: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) })).json();
      // Seen on the visit in G1, but the matter lies across the road, in G2.
      const opened = await call('bothGrids', 'POST', `/api/v1/visits/${visit.id}/incident`, fromVisit('走访发现对面垃圾', { location: EDGE_OF_G2 }));
      expect(opened.statusCode).toBe(201);
      const caseId = opened.json().incident.id;
      expect(opened.json().incident.gridCode).toBe(G2);

      const hidden = await call('staff1', 'POST', `/api/v1/visits/${visit.id}/incident`, fromVisit('再次上报'));
      expect(hidden.statusCode).toBe(409);
      expect(hidden.json()).toMatchObject({ code: 'VISIT_CASE_ALREADY_OPENED', details: { id: visit.id, incidentId: null } });
      expect(hidden.body).not.toContain(caseId);
      expect((await call('staff1', 'GET', `/api/v1/incidents/${caseId}`)).statusCode).toBe(404);

      const named = await call('bothGrids', 'POST', `/api/v1/visits/${visit.id}/incident`, fromVisit('再次上报'));
      expect(named.statusCode).toBe(409);
      expect(named.json().details).toEqual({ id: visit.id, incidentId: caseId });
    });
  });

  describe('POST /api/v1/incidents/:id/joint-discussion', () => {
    it('names as owners only units of the caller\'s scope: another street\'s unit is refused like an unknown one', async () => {
      const { incident } = (await report('staff1', garbage('疑难垃圾', { location: { lat: 37.402, lng: 118.502, address: '西门' } }))).json();
      const discussion = { participants: [STREET, C1], date: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), decision: '社区牵头清运', owners: [{ unitCode: G4 }] };
      const elsewhere = await call('street', 'POST', `/api/v1/incidents/${incident.id}/joint-discussion`, discussion);
      expect(elsewhere.statusCode).toBe(400);
      const unknown = await call('street', 'POST', `/api/v1/incidents/${incident.id}/joint-discussion`, { ...discussion, owners: [{ unitCode: '370502004009' }] });
      expect(elsewhere.json().errors).toEqual([{ field: 'owners.0', reasons: [`${G4} is not a known unit in your scope`] }]);
      expect(unknown.json().errors).toEqual([{ field: 'owners.0', reasons: ['370502004009 is not a known unit in your scope'] }]);
      expect((await call('street', 'GET', `/api/v1/incidents/${incident.id}/joint-discussion`)).json()).toEqual([]);
      expect((await call('street', 'POST', `/api/v1/incidents/${incident.id}/joint-discussion`, { ...discussion, owners: [{ unitCode: C1 }] })).statusCode).toBe(201);
    });
  });

  describe('POST /api/v1/appeals/:id/actions/merge', () => {
    it('answers a target outside the caller\'s scope exactly like one that does not exist (404), and merges within it', async () => {
      const theirs = (await intake('otherOperator', complaint('另一街道的垃圾', IN_G4, '13905460001'))).json().appeal;
      expect(theirs.gridCode).toBe(G4);
      const ours = (await intake('operator', complaint('本街道的垃圾', EDGE_OF_G1, '13905460002'))).json().appeal;

      const outside = await appealAct('operator', ours.id, 'merge', { intoId: theirs.id });
      const unknown = await appealAct('operator', ours.id, 'merge', { intoId: UNKNOWN_ID });
      expect([outside.statusCode, unknown.statusCode]).toEqual([404, 404]);
      expect(outside.json().code).toBe('APPEAL_NOT_FOUND');
      const shape = (body: Record<string, unknown>, id: string) => JSON.stringify({ ...body, correlationId: undefined }).split(id).join('ID');
      expect(shape(outside.json(), theirs.id)).toBe(shape(unknown.json(), UNKNOWN_ID));
      expect(outside.body).not.toContain('另一街道');
      expect((await call('operator', 'GET', `/api/v1/appeals/${ours.id}`)).json()).toMatchObject({ status: 'received', mergedInto: null });

      const earlier = (await intake('operator', complaint('本街道的垃圾又来了', EDGE_OF_G1, '13905460002'))).json().appeal;
      expect((await appealAct('operator', ours.id, 'merge', { intoId: earlier.id })).json()).toMatchObject({ status: 'merged', mergedInto: earlier.id });
    });
  });

  describe('POST /api/v1/appeals/:id/actions/flag', () => {
    it('flags the caller\'s appeals in the operator\'s scope only, says how many, and shows no other area\'s appeals at intake', async () => {
      const theirs = (await intake('otherOperator', complaint('外街道来电', IN_G4))).json().appeal;
      const first = (await intake('operator', complaint('第一次来电', EDGE_OF_G1))).json();
      expect(first.related.filter((r: { reason: string }) => r.reason === 'same_caller')).toEqual([]);
      expect(JSON.stringify(first.related)).not.toContain(theirs.id);
      expect(first.appeal.caller.flagged).toBe(false);
      const second = (await intake('operator', complaint('第二次来电', EDGE_OF_G2))).json();
      expect(second.related.map((r: { id: string }) => r.id)).toEqual([first.appeal.id]);

      const flagged = await appealAct('operator', second.appeal.id, 'flag', { reason: '恶意重复来电' });
      expect(flagged.statusCode).toBe(200);
      expect(flagged.json()).toMatchObject({ caller: { flagged: true }, flaggedAppeals: 2 });
      expect((await call('operator', 'GET', `/api/v1/appeals/${first.appeal.id}`)).json().caller.flagged).toBe(true);
      expect((await call('otherOperator', 'GET', `/api/v1/appeals/${theirs.id}`)).json().caller.flagged).toBe(false);

      // The other street's next appeal of the same phone does not inherit this street's flag; this street's does.
      expect((await intake('otherOperator', complaint('外街道再次来电', IN_G4))).json().appeal.caller.flagged).toBe(false);
      expect((await intake('operator', complaint('第三次来电', EDGE_OF_G1))).json().appeal.caller.flagged).toBe(true);
    });
  });

  describe('POST /api/v1/appeals/:id/actions/dispatch', () => {
    it('dispatches only to units of the caller\'s scope: another street\'s unit is refused like an unknown one', async () => {
      const { appeal } = (await intake('operator', complaint('派单检查', EDGE_OF_G1, '13905460003'))).json();
      const elsewhere = await appealAct('operator', appeal.id, 'dispatch', { lead: { unitCode: G4 } });
      const unknown = await appealAct('operator', appeal.id, 'dispatch', { lead: { unitCode: '370502003009009' } });
      expect([elsewhere.statusCode, unknown.statusCode]).toEqual([400, 400]);
      expect(elsewhere.json().errors).toEqual([{ field: 'lead.unitCode', reasons: [`${G4} is not a unit of the map in your scope`] }]);
      expect(unknown.json().errors).toEqual([{ field: 'lead.unitCode', reasons: ['370502003009009 is not a unit of the map in your scope'] }]);
      const coOwner = await appealAct('operator', appeal.id, 'dispatch', { lead: { unitCode: C1 }, coOwners: [{ unitCode: OTHER_COMMUNITY }] });
      expect(coOwner.json().errors).toEqual([expect.objectContaining({ field: 'coOwners.0.unitCode' })]);
      expect((await appealAct('operator', appeal.id, 'dispatch', { lead: { unitCode: C1 } })).json()).toMatchObject({ status: 'dispatched', lead: { unitCode: C1, level: 'community' } });
    });
  });

  describe('the grid case of an appeal dispatched to another grid than its place', () => {
    it('opens in the lead grid without the point, which lies elsewhere, keeping the address in the description', async () => {
      const { appeal } = (await intake('operator', complaint('网格改派', EDGE_OF_G1, '13905460004'))).json();
      expect(appeal.gridCode).toBe(G1);
      expect((await appealAct('operator', appeal.id, 'dispatch', { lead: { unitCode: G2 } })).json().lead).toMatchObject({ kind: 'unit', unitCode: G2, level: 'grid' });
      const incidentId = await eventually(async () => {
        const view = (await call('operator', 'GET', `/api/v1/appeals/${appeal.id}`)).json();
        expect(view.incidentId).toEqual(expect.any(String));
        return view.incidentId as string;
      });
      const gridCase = (await call('community1', 'GET', `/api/v1/incidents/${incidentId}`)).json();
      expect(gridCase).toMatchObject({ gridCode: G2, location: null, appealRef: appeal.id });
      expect(gridCase.description).toContain(EDGE_OF_G1.address);
    });
  });

  describe('POST /api/v1/units/:code/assignments', () => {
    it('answers a person who works only outside the caller\'s scope like an unknown person (404, no name)', async () => {
      const elsewhere = await people.createPerson(SYSTEM_CALLER, { name: '吴德', phone: '13705461111' });
      await people.assignPerson(SYSTEM_CALLER, G3, { personId: elsewhere.id, role: 'grid_staff' });
      const refused = await call('community1', 'POST', `/api/v1/units/${G1}/assignments`, { personId: elsewhere.id, role: 'grid_partner' });
      const unknown = await call('community1', 'POST', `/api/v1/units/${G1}/assignments`, { personId: UNKNOWN_ID, role: 'grid_partner' });
      expect([refused.statusCode, unknown.statusCode]).toEqual([404, 404]);
      expect(refused.json().code).toBe('PERSON_NOT_FOUND');
      expect(refused.body).not.toContain('吴德');
      expect(refused.body).not.toContain('1111');
      expect((await call('community1', 'GET', `/api/v1/people/${elsewhere.id}`)).statusCode).toBe(404);

      const created = await call('community1', 'POST', '/api/v1/people', { name: '郑新' });
      const placed = await call('community1', 'POST', `/api/v1/units/${G1}/assignments`, { personId: created.json().id, role: 'grid_partner' });
      expect(placed.statusCode).toBe(201);
      expect(placed.json()).toMatchObject({ personName: '郑新', unitCode: G1 });
    });
  });
});
