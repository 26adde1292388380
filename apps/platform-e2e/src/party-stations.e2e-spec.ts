import type { GatewayApp } from '@gridline/app-gateway';
import { SYSTEM_CALLER } from '@gridline/auth';
import { AppError, chinaDay } from '@gridline/platform';
import { PARTY_BUILDING_EVENTS, StationsClient } from '@gridline/contracts-party-building';
import { eventually, unitFactory } from '@gridline/testing';
import { PARTY_STREET, foundOrganisation, foundPartyTree, partyCaseCategories, startPartyStreet } from './support/party-street';
import { chinaDayFromToday, fieldsOf, type StreetFixture, type StreetSeed } from './support/street-fixture';

const { STREET, COMMUNITY, GRID, OTHER_COMMUNITY, OTHER_GRID } = PARTY_STREET;
const WORK_PHONE = '0546-8221234';
const HOURS = [
  { day: 'mon', opens: '08:30', closes: '12:00' },
  { day: 'mon', opens: '14:00', closes: '17:30' },
  { day: 'sat', opens: '09:00', closes: '11:00' },
];


/** Grid red stations through the gateway, with the real registry (locate) and incidents (cases, disputes) behind it. */
describe('grid red stations (网格红色驿站)', () => {
  let walk: StreetFixture;
  let limited: GatewayApp;
  const org: Record<'street' | 'committee' | 'branch' | 'otherCommittee', string> = { street: '', committee: '', branch: '', otherCommittee: '' };

  beforeAll(async () => {
    const seed: StreetSeed = {
      units: [
        unitFactory().street(STREET).build(),
        unitFactory().community(COMMUNITY).build(),
        unitFactory().grid(GRID, '淮河路第一网格').at(118.5, 37.4).build(),
        unitFactory().community(OTHER_COMMUNITY).build(),
        unitFactory().grid(OTHER_GRID).at(118.6, 37.4).build(),
      ],
      categories: partyCaseCategories({ disputes: true }),
    };
    walk = await startPartyStreet({
      services: ['registry', 'incidents', 'party-building'],
      gateway: { PUBLIC_LOOKUP_RATE_LIMIT: '1000/1m' },
      seed,
      people: { staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] }, otherStaff: { sub: 'staff-2', roles: ['grid_staff'], units: [OTHER_GRID] } },
    });
    limited = await walk.startGateway({ PUBLIC_LOOKUP_RATE_LIMIT: '2/1m' });
    ({ top: org.street, committee: org.committee, branch: org.branch } = await foundPartyTree(walk));
    org.otherCommittee = await foundOrganisation(walk, { name: '二社区党委', level: 'party_committee', parentId: org.street, unitCode: OTHER_COMMUNITY });
    await walk.untilCreated(() => walk.call('staff', 'POST', '/api/v1/incidents', { categoryCode: 'ENV.GARBAGE', title: 'probe', description: 'probe', gridCode: GRID, source: 'patrol' }));
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);
  const station = (name: string, lat: number, lng: number, extra: object = {}) => ({
    name,
    location: { lat, lng },
    address: `${name}门口`,
    organisationId: org.branch,
    openingHours: HOURS,
    contact: { post: '驿站站长', workPhone: '0546 8221234' },
    functions: ['policy_publicity', 'social_conditions', 'mediation'],
    ...extra,
  });
  const create = async (who: string, body: object) => {
    const res = await call(who, 'POST', '/api/v1/party/stations', body);
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const record = (who: string, stationId: string, body: object) => call(who, 'POST', `/api/v1/party/stations/${stationId}/records`, { date: chinaDay(), summary: '收集居民意见', peopleServed: 5, ...body });

  describe('stations', () => {
    it('resolves the point to its grid through the registry and keeps each secretary to their own grids', async () => {
      const created = await create('secretary', station('淮河路红色驿站', 37.405, 118.505));
      expect(created).toMatchObject({
        gridCode: GRID,
        gridName: '淮河路第一网格',
        organisationId: org.branch,
        location: { lat: 37.405, lng: 118.505 },
        contact: { post: '驿站站长', workPhone: WORK_PHONE },
        functions: ['policy_publicity', 'social_conditions', 'mediation'],
        active: true,
      });
      expect(created.openingHours.map((p: { day: string; opens: string }) => `${p.day} ${p.opens}`)).toEqual(['mon 08:30', 'mon 14:00', 'sat 09:00']);

      // The other community's secretary sees nothing of it; the street admin does.
      expect((await call('otherSecretary', 'GET', `/api/v1/party/stations/${created.id}`)).statusCode).toBe(404);
      expect((await call('admin', 'GET', `/api/v1/party/stations/${created.id}`)).json()).toMatchObject({ id: created.id });
      expect((await call('otherSecretary', 'GET', '/api/v1/party/stations')).json().items).toEqual([]);
      const listed = (await call('analyst', 'GET', `/api/v1/party/stations?unit=${COMMUNITY}&function=mediation`)).json();
      expect(listed.items.map((s: { id: string }) => s.id)).toContain(created.id);
      expect((await call('analyst', 'GET', `/api/v1/party/stations?function=consultation`)).json().items).toEqual([]);
    });

    it('refuses a point in no grid and one in a grid out of scope alike (422 naming location), and an organisation off the grid’s path', async () => {
      const nowhere = await call('secretary', 'POST', '/api/v1/party/stations', station('海上驿站', 30.0, 120.0));
      expect([nowhere.statusCode, fieldsOf(nowhere)]).toEqual([422, ['location']]);
      const elsewhere = await call('secretary', 'POST', '/api/v1/party/stations', station('二社区驿站', 37.405, 118.605));
      expect([elsewhere.statusCode, fieldsOf(elsewhere)]).toEqual([422, ['location']]);
      expect(elsewhere.json().detail ?? elsewhere.json().message).toEqual(nowhere.json().detail ?? nowhere.json().message);

      // The other community's committee is not on this grid's path (the street admin may read it): 422.
      const offPath = await call('admin', 'POST', '/api/v1/party/stations', station('错位驿站', 37.405, 118.505, { organisationId: org.otherCommittee }));
      expect([offPath.statusCode, fieldsOf(offPath)]).toEqual([422, ['organisationId']]);
      // The secretary may not read it at all: as not found.
      expect((await call('secretary', 'POST', '/api/v1/party/stations', station('错位驿站', 37.405, 118.505, { organisationId: org.otherCommittee }))).statusCode).toBe(404);
      expect((await call('analyst', 'POST', '/api/v1/party/stations', station('无权驿站', 37.405, 118.505))).statusCode).toBe(403);
    });

    it('refuses bad input with 400 naming the field, storing nothing', async () => {
      const before = (await call('admin', 'GET', '/api/v1/party/stations?pageSize=100')).json().total;
      const cases: [object, string][] = [
        [station('x', 91, 118.505), 'location.lat'],
        [station('x', 37.405, 118.505, { openingHours: [{ day: 'mon', opens: '09:00', closes: '08:00' }] }), 'openingHours.0.closes'],
        [station('x', 37.405, 118.505, { openingHours: [{ day: 'mon', opens: '08:00', closes: '12:00' }, { day: 'mon', opens: '11:00', closes: '13:00' }] }), 'openingHours.1'],
        [station('x', 37.405, 118.505, { openingHours: [{ day: 'monday', opens: '08:00', closes: '12:00' }] }), 'openingHours.0.day'],
        [station('x', 37.405, 118.505, { functions: ['policy_publicity', 'policy_publicity'] }), 'functions'],
        [station('x', 37.405, 118.505, { functions: ['karaoke'] }), 'functions'],
        [station('x', 37.405, 118.505, { contact: { post: '站长', workPhone: '12' } }), 'contact.workPhone'],
      ];
      for (const [body, field] of cases) {
        const res = await call('secretary', 'POST', '/api/v1/party/stations', body);
        expect({ field, status: res.statusCode, fields: fieldsOf(res).some((f) => f.startsWith(field)) }).toEqual({ field, status: 400, fields: true });
      }
      expect((await call('admin', 'GET', '/api/v1/party/stations?pageSize=100')).json().total).toBe(before);
    });

    it('opens one station and one record per Idempotency-Key', async () => {
      const body = station('重试驿站', 37.4065, 118.5065);
      const [first, again] = [await call('secretary', 'POST', '/api/v1/party/stations', body, { 'idempotency-key': 'station-key-0001' }), await call('secretary', 'POST', '/api/v1/party/stations', body, { 'idempotency-key': 'station-key-0001' })];
      expect([first.statusCode, again.json().id]).toEqual([201, first.json().id]);
      const recorded = { date: chinaDay(), function: 'policy_publicity', summary: '重试', peopleServed: 1 };
      const r1 = await call('secretary', 'POST', `/api/v1/party/stations/${first.json().id}/records`, recorded, { 'idempotency-key': 'record-key-0001' });
      const r2 = await call('secretary', 'POST', `/api/v1/party/stations/${first.json().id}/records`, recorded, { 'idempotency-key': 'record-key-0001' });
      expect(r2.json().id).toBe(r1.json().id);
      expect((await call('analyst', 'GET', `/api/v1/party/stations/records?stationId=${first.json().id}`)).json().total).toBe(1);
    });

    it('changes and deactivates a station, with its events (ids, grid, functions: no contact)', async () => {
      const created = await create('secretary', station('将撤驿站', 37.406, 118.506));
      const changed = await call('secretary', 'PATCH', `/api/v1/party/stations/${created.id}`, { functions: ['consultation'], contact: null, address: null });
      expect(changed.json()).toMatchObject({ functions: ['consultation'], contact: null, address: null });
      expect((await call('otherSecretary', 'PATCH', `/api/v1/party/stations/${created.id}`, { active: false })).statusCode).toBe(404);
      expect((await call('secretary', 'PATCH', `/api/v1/party/stations/${created.id}`, { active: false })).json()).toMatchObject({ active: false });
      const db = await walk.db();
      const events = (await db.query<{ type: string; payload: { data: Record<string, unknown> } }>(`select type, payload from party_building.outbox where aggregate_key = $1 order by id`, [`station:${created.id}`])).rows;
      expect(events.map((e) => e.type)).toEqual([PARTY_BUILDING_EVENTS.stationCreated.type, PARTY_BUILDING_EVENTS.stationUpdated.type, PARTY_BUILDING_EVENTS.stationUpdated.type]);
      expect(events[1].payload.data).toMatchObject({ stationId: created.id, gridCode: GRID, functions: ['consultation'], changed: ['address', 'functions', 'contact'] });
      expect(JSON.stringify(events)).not.toContain('8221234');
      expect((await record('secretary', created.id, { function: 'consultation' })).statusCode).toBe(422);
    });
  });

  describe('the public nearest lookup', () => {
    beforeAll(async () => {
      await create('secretary', station('近站', 37.4052, 118.5052));
      await create('secretary', station('远站', 37.409, 118.509));
      await create('admin', station('二社区站', 37.405, 118.605, { organisationId: org.otherCommittee }));
      const gone = await create('secretary', station('已撤近站', 37.4051, 118.5051));
      await call('secretary', 'PATCH', `/api/v1/party/stations/${gone.id}`, { active: false });
    });

    const nearest = (query: string, app = walk.gateway) => app.app.inject({ method: 'GET', url: `/api/v1/party/stations/nearest?${query}`, remoteAddress: '203.0.113.20' });

    it('answers residents without a token: active stations nearest first, public fields only', async () => {
      const res = await nearest('lat=37.4051&lng=118.5051&limit=3');
      expect(res.statusCode).toBe(200);
      const found = res.json();
      expect(found).toHaveLength(3);
      expect(found[0].name).toBe('近站');
      expect(found.map((s: { name: string }) => s.name)).not.toContain('已撤近站');
      const distances = found.map((s: { distanceMeters: number }) => s.distanceMeters);
      expect([...distances].sort((a, b) => a - b)).toEqual(distances);
      expect(distances[0]).toBeLessThan(30);
      expect(Object.keys(found[0]).sort()).toEqual(['address', 'contact', 'distanceMeters', 'functions', 'location', 'name', 'openingHours']);
      expect(found[0]).toMatchObject({ address: '近站门口', contact: { post: '驿站站长', workPhone: WORK_PHONE }, location: { lat: 37.4052, lng: 118.5052 } });

      const far = (await nearest('lat=37.405&lng=118.6049&limit=1')).json();
      expect(far.map((s: { name: string }) => s.name)).toEqual(['二社区站']);
    });

    it('adds the nearest station to the public grid lookup of a point (public fields only)', async () => {
      const lookup = await walk.gateway.app.inject({ method: 'GET', url: '/api/v1/public/grid?lat=37.4051&lng=118.5051', remoteAddress: '203.0.113.21' });
      expect(lookup.statusCode).toBe(200);
      const [grid] = lookup.json().grids;
      expect(grid.grid.code).toBe(GRID);
      expect(grid.redStation).toMatchObject({ name: '近站', address: '近站门口', contact: { post: '驿站站长', workPhone: WORK_PHONE } });
      expect(Object.keys(grid.redStation).sort()).toEqual(['address', 'contact', 'distanceMeters', 'functions', 'location', 'name', 'openingHours']);
    });

    it('refuses bad points (400 naming the field), is rate-limited with the public grid lookup, and answers no one but the public caller', async () => {
      expect(fieldsOf(await nearest('lat=95&lng=118.5'))).toEqual(['lat']);
      expect(fieldsOf(await nearest('lat=37.4'))).toEqual(['lng']);
      expect(fieldsOf(await nearest('lat=37.4&lng=118.5&limit=50'))).toEqual(['limit']);
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await nearest('lat=37.4&lng=118.5', limited)).statusCode);
      expect(statuses).toEqual([200, 200, 429]);

      const refused = await new StationsClient(walk.seedBus).nearest(SYSTEM_CALLER, { lat: 37.4, lng: 118.5 }).then(() => null, (e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).kind).toBe('forbidden');
    });
  });

  describe('service records', () => {
    let stationId = '';

    beforeAll(async () => {
      stationId = (await create('secretary', station('记录驿站', 37.407, 118.507))).id;
    });

    it('records services under the functions the station offers, listed per station and period, counted per function', async () => {
      const publicity = await record('secretary', stationId, { function: 'policy_publicity', peopleServed: 30, date: chinaDayFromToday(-2) });
      expect(publicity.statusCode).toBe(201);
      expect(publicity.json()).toMatchObject({ stationId, gridCode: GRID, function: 'policy_publicity', peopleServed: 30, incidentId: null, recordedBy: 'sec-1' });
      expect((await record('secretary', stationId, { function: 'social_conditions', peopleServed: 4 })).statusCode).toBe(201);
      expect((await record('secretary', stationId, { function: 'social_conditions', peopleServed: 2 })).statusCode).toBe(201);

      const list = (await call('analyst', 'GET', `/api/v1/party/stations/records?stationId=${stationId}&from=${chinaDayFromToday(-1)}`)).json();
      expect(list.items.map((r: { function: string }) => r.function)).toEqual(['social_conditions', 'social_conditions']);
      const counts = (await call('analyst', 'GET', `/api/v1/party/stations/counts?stationId=${stationId}`)).json();
      expect(counts).toMatchObject({ records: 3, peopleServed: 36, byFunction: { policy_publicity: { records: 1, peopleServed: 30 }, social_conditions: { records: 2, peopleServed: 6 }, mediation: { records: 0, peopleServed: 0 } } });
      expect((await call('otherSecretary', 'GET', `/api/v1/party/stations/counts?stationId=${stationId}`)).json()).toMatchObject({ records: 0 });
      expect((await call('otherSecretary', 'GET', `/api/v1/party/stations/records?stationId=${stationId}`)).json().items).toEqual([]);
    });

    it('refuses a function not offered (422), a day in the future and an incident on a non-mediation (400), an out-of-scope station (404)', async () => {
      const notOffered = await record('secretary', stationId, { function: 'activities' });
      expect([notOffered.statusCode, fieldsOf(notOffered)]).toEqual([422, ['function']]);
      const future = await record('secretary', stationId, { function: 'policy_publicity', date: chinaDayFromToday(2) });
      expect([future.statusCode, fieldsOf(future)]).toEqual([400, ['date']]);
      const misplaced = await record('secretary', stationId, { function: 'policy_publicity', incidentId: '00000000-0000-4000-8000-000000000000' });
      expect([misplaced.statusCode, fieldsOf(misplaced)]).toEqual([400, ['incidentId']]);
      expect((await record('otherSecretary', stationId, { function: 'policy_publicity' })).statusCode).toBe(404);
      expect((await record('secretary', stationId, { function: 'policy_publicity', peopleServed: -1 })).statusCode).toBe(400);
      expect(fieldsOf(await call('analyst', 'GET', '/api/v1/party/stations/records?from=2026-13-01'))).toEqual(['from']);
      expect(fieldsOf(await call('analyst', 'GET', '/api/v1/party/stations/records?from=2026-12-02&to=2026-12-01'))).toEqual(['to']);
      expect(fieldsOf(await call('analyst', 'GET', '/api/v1/party/stations/counts?stationId=nope'))).toEqual(['stationId']);
    });

    it('links a mediation to its dispute in incidents: it must exist, be a dispute, and lie in the caller’s scope', async () => {
      const report = async (who: string, categoryCode: string, gridCode: string) => {
        const res = await call(who, 'POST', '/api/v1/incidents', { categoryCode, title: '楼上漏水', description: '楼上漏水引发邻里矛盾', gridCode, source: 'patrol' });
        expect(res.statusCode).toBe(201);
        return res.json().incident.id as string;
      };
      const dispute = await report('staff', 'DISPUTE.NEIGHBOUR', GRID);
      const garbage = await report('staff', 'ENV.GARBAGE', GRID);
      const elsewhere = await report('otherStaff', 'DISPUTE.NEIGHBOUR', OTHER_GRID);

      const linked = await record('secretary', stationId, { function: 'mediation', incidentId: dispute, summary: '驿站调解邻里漏水纠纷' });
      expect(linked.statusCode).toBe(201);
      expect(linked.json()).toMatchObject({ function: 'mediation', incidentId: dispute });
      const notDispute = await record('secretary', stationId, { function: 'mediation', incidentId: garbage });
      expect([notDispute.statusCode, fieldsOf(notDispute)]).toEqual([422, ['incidentId']]);
      const outOfScope = await record('secretary', stationId, { function: 'mediation', incidentId: elsewhere });
      const missing = await record('secretary', stationId, { function: 'mediation', incidentId: '00000000-0000-4000-8000-000000000000' });
      expect([outOfScope.statusCode, fieldsOf(outOfScope)]).toEqual([404, ['incidentId']]);
      expect([missing.statusCode, fieldsOf(missing)]).toEqual([404, ['incidentId']]);
    });
  });

  describe('the station → case hand-off', () => {
    let stationId = '';
    const db = () => walk.db();

    beforeAll(async () => {
      stationId = (await create('secretary', station('前哨驿站', 37.4055, 118.5055))).id;
    });

    const socialReport = async (summary: string) => {
      const res = await record('secretary', stationId, { function: 'social_conditions', summary, peopleServed: 3 });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    const openCase = (recordId: string, who = 'secretary', body: object = { categoryCode: 'ENV.GARBAGE' }) => call(who, 'POST', `/api/v1/party/stations/records/${recordId}/case`, body);
    /** The hand-off row of a record and the cases incidents holds with this description. */
    const casesOf = async (recordId: string, summary: string) => {
      const client = await db();
      const [handoff] = (await client.query<{ incident_id: string }>(`select incident_id from party_building.case_handoff where origin_id = $1`, [recordId])).rows;
      const rows = (await client.query<{ id: string; source: string }>(`select id, source from incidents.incident where description = $1`, [summary])).rows;
      return { handoff, rows };
    };

    it('opens one grid case in the station’s grid, asked twice at once or again later, and keeps its id on the record', async () => {
      const recordId = await socialReport('居民反映东门外建筑垃圾堆放三天未清');
      const [first, second] = await Promise.all([openCase(recordId), openCase(recordId)]);
      expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
      expect(second.json().incidentId).toBe(first.json().incidentId);
      const again = await openCase(recordId, 'admin', { categoryCode: 'ENV.GARBAGE', title: '另一个标题' });
      expect(again.json()).toMatchObject({ recordId, incidentId: first.json().incidentId, replayed: true });
      expect((await casesOf(recordId, '居民反映东门外建筑垃圾堆放三天未清')).rows).toEqual([{ id: first.json().incidentId, source: 'party_station' }]);

      const incident = (await call('admin', 'GET', `/api/v1/incidents/${first.json().incidentId}`)).json();
      expect(incident).toMatchObject({ source: 'party_station', gridCode: GRID, categoryCode: 'ENV.GARBAGE', workOrder: first.json().workOrder });
      const listed = (await call('analyst', 'GET', `/api/v1/party/stations/records?stationId=${stationId}&function=social_conditions`)).json();
      expect(listed.items.find((r: { id: string }) => r.id === recordId)).toMatchObject({ incidentId: first.json().incidentId });
      const client = await db();
      const opened = (await client.query<{ payload: { data: Record<string, unknown> } }>(`select payload from party_building.outbox where type = $1`, [PARTY_BUILDING_EVENTS.stationCaseOpened.type])).rows;
      expect(opened.map((e) => e.payload.data)).toEqual([{ recordId, stationId, gridCode: GRID, unitPath: [STREET, COMMUNITY, GRID], incidentId: first.json().incidentId, workOrder: first.json().workOrder }]);
    });

    it('after a crash between incidents’ answer and the commit, the retry gets the same case', async () => {
      const summary = '居民反映北门路灯不亮';
      const recordId = await socialReport(summary);
      const first = (await openCase(recordId)).json();
      // The state a crash leaves: the report stored and sent, incidents' answer never committed here.
      const client = await db();
      await client.query(`update party_building.case_handoff set incident_id = null, work_order = null, opened_at = null where origin_id = $1`, [recordId]);
      await client.query(`update party_building.station_service_record set incident_id = null where id = $1`, [recordId]);
      const retried = await openCase(recordId, 'secretary', { categoryCode: 'ENV.GARBAGE', urgency: 'urgent' });
      expect(retried.statusCode).toBe(200);
      expect(retried.json()).toMatchObject({ incidentId: first.incidentId, workOrder: first.workOrder });
      const { handoff, rows } = await casesOf(recordId, summary);
      expect(handoff.incident_id).toBe(first.incidentId);
      expect(rows).toEqual([{ id: first.incidentId, source: 'party_station' }]);
      const linked = (await client.query<{ incident_id: string }>(`select incident_id from party_building.station_service_record where id = $1`, [recordId])).rows[0];
      expect(linked.incident_id).toBe(first.incidentId);
    });

    it('hands off social-conditions reports only, of the caller’s stations, with a valid category', async () => {
      const publicity = (await record('secretary', stationId, { function: 'policy_publicity' })).json().id;
      const notSocial = await openCase(publicity);
      expect([notSocial.statusCode, fieldsOf(notSocial)]).toEqual([422, ['recordId']]);
      const recordId = await socialReport('居民反映小区健身器材损坏');
      expect((await openCase(recordId, 'otherSecretary')).statusCode).toBe(404);
      expect(fieldsOf(await openCase(recordId, 'secretary', { categoryCode: 'nope' }))).toEqual(['categoryCode']);
      // A category incidents refuses: nothing opened, the hand-off may be asked again with a good one.
      const refused = await openCase(recordId, 'secretary', { categoryCode: 'ENV.NOPE' });
      expect(refused.statusCode).toBe(400);
      expect(fieldsOf(refused)).toEqual(['categoryCode']);
      const opened = await openCase(recordId);
      expect(opened.statusCode).toBe(200);
      expect(opened.json().replayed).toBe(false);
      await eventually(async () => {
        const events = (await walk.storedEvents('party-building')).map((m) => m.json<{ type: string; data: Record<string, unknown> }>());
        expect(events.some((e) => e.type === PARTY_BUILDING_EVENTS.stationCaseOpened.type && e.data.recordId === recordId)).toBe(true);
        expect(JSON.stringify(events)).not.toContain('健身器材');
      });
    });
  });
});
