import type { Client } from 'pg';
import { TEST_MAP, eventually, metricValue, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const { STREET, COMMUNITY, GRID, GRID_2 } = TEST_MAP;
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };

/**
 * Two replicas of every service on one NATS and one PostgreSQL, as a city runs them (docs/scaling.md): requests
 * shared by the bus's queue groups, each service's outbox relayed by both (rows claimed with SKIP LOCKED), each
 * durable consumer pulled by both. Walked through the gateway: nothing happens twice and nothing is lost — one case
 * per report (also for a retried report sent to both at once), one event per step, one case per hand-off, the
 * figures counting each case once, the party's copy of the map holding each grid once.
 */
describe('two replicas of every service', () => {
  let walk: StreetFixture;
  let db: Client;

  beforeAll(async () => {
    walk = await StreetFixture.start({
      services: ['registry', 'registry', 'incidents', 'incidents', 'hotline', 'hotline', 'analytics', 'analytics', 'party-building', 'party-building'],
      gateway: true,
    });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build(), unitFactory().grid(GRID_2).at(118.52, 37.4).build()],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    await walk.sign({
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
      street: { sub: 'street-1', roles: ['street_admin', 'analyst'], units: [STREET] },
      secretary: { sub: 'secretary-1', roles: ['party_secretary'], units: [STREET] },
    });
    db = await walk.db();
  });

  afterAll(async () => {
    await walk?.close();
  });

  const report = (title: string, key: string) =>
    walk.call('staff', 'POST', '/api/v1/incidents', { categoryCode: 'ENV.GARBAGE', title, description: `${title}：东门外堆放建筑垃圾`, location: IN_GRID, source: 'patrol' }, { 'idempotency-key': key });
  const act = async (who: string, id: string, action: string, body: object = {}) => {
    const res = await walk.call(who, 'POST', `/api/v1/incidents/${id}/actions/${action}`, body);
    expect({ action, status: res.statusCode }).toEqual({ action, status: 200 });
  };
  /** The incidents stream's event types about one case, in order. */
  const eventsOf = async (id: string) =>
    (await walk.storedEvents('incidents')).map((msg) => msg.json<{ type: string; subject: string }>()).filter((e) => e.subject === id).map((e) => e.type.split('.')[3]);
  const reported: string[] = [];

  it('creates one case for a report retried to both replicas at once, and walks it to closed with one event per step', async () => {
    // The replicas keep their copies of the map and the categories from the registry's events: the first report waits for them.
    const probe = await walk.untilCreated(() => report('探测', `probe-${Date.now()}`));
    reported.push(probe.json().incident.id);

    const key = `replicas-${Date.now()}`;
    const answers = await Promise.all([report('小区东门垃圾堆放', key), report('小区东门垃圾堆放', key), report('小区东门垃圾堆放', key)]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    const ids = new Set(answers.map((a) => a.json().incident.id as string));
    expect(ids.size).toBe(1);
    const [id] = ids;
    reported.push(id);
    expect((await db.query('select count(*)::int as n from incidents.incident where id = $1', [id])).rows).toEqual([{ n: 1 }]);

    await act('community', id, 'accept');
    await act('community', id, 'dispatch');
    await act('staff', id, 'sign');
    await act('staff', id, 'handle', { result: '已清运' });
    await act('community', id, 'verify', { passed: true });
    const timeline = (await walk.call('community', 'GET', `/api/v1/incidents/${id}/timeline`)).json() as { action: string }[];
    expect(timeline.map((t) => t.action)).toEqual(['report', 'accept', 'dispatch', 'sign', 'handle', 'verify', 'closed']);
    // Both replicas relay the outbox: each event is published once.
    await eventually(async () => expect(await eventsOf(id)).toEqual(['reported', 'accepted', 'dispatched', 'signed', 'handled', 'verified', 'closed']));
  });

  it('opens one case for an appeal handed down to the grid, though both incidents replicas consume the hand-off', async () => {
    const intake = await walk.call(
      'operator',
      'POST',
      '/api/v1/appeals',
      { channel: 'phone', type: 'complaint', caller: { phone: '13805461111' }, content: '小区东门垃圾桶满溢', categoryCode: 'ENV.GARBAGE', location: IN_GRID },
      { 'idempotency-key': `appeal-${Date.now()}` },
    );
    expect(intake.statusCode).toBe(201);
    const appealId = intake.json().appeal.id as string;
    const dispatched = await walk.call('operator', 'POST', `/api/v1/appeals/${appealId}/actions/dispatch`, { lead: { unitCode: GRID } });
    expect(dispatched.statusCode).toBe(200);
    const incidentId = await eventually(async () => {
      const view = (await walk.call('operator', 'GET', `/api/v1/appeals/${appealId}`)).json();
      expect(view).toMatchObject({ status: 'dispatched', handoff: 1, incidentId: expect.any(String) });
      return view.incidentId as string;
    });
    reported.push(incidentId);
    expect((await db.query('select id from incidents.incident where appeal_ref = $1', [appealId])).rows).toEqual([{ id: incidentId }]);
    expect((await walk.call('community', 'GET', `/api/v1/incidents/${incidentId}`)).json()).toMatchObject({ status: 'reported', gridCode: GRID });
  });

  it("counts each case once in the street's figures, though both analytics replicas fold the events", async () => {
    await eventually(
      async () => {
        const figures = (await walk.call('street', 'GET', `/api/v1/analytics/figures?unit=${STREET}&period=month`)).json();
        expect({ reported: figures.current.cases.reported + figures.previous.cases.reported, closed: figures.current.cases.closed + figures.previous.cases.closed }).toEqual({
          reported: reported.length,
          closed: 1,
        });
      },
      { timeoutMs: 20_000 },
    );
  });

  it("holds each grid once in the party's copy of the map, though both party-building replicas consume the registry's events", async () => {
    await eventually(async () => expect((await walk.call('secretary', 'GET', '/api/v1/party/coverage')).json()).toMatchObject({ grids: 2 }), { timeoutMs: 20_000 });
  });

  /** Each running replica with its service's name and what it handled so far (its /metrics). */
  const replicas = () =>
    Promise.all(
      walk.platform.services.map(async (replica) => {
        const text = await (await fetch(`${replica.url}/metrics`)).text();
        const service = /service="([^"]+)"/.exec(text)?.[1] ?? 'unknown';
        return { replica, service, requests: metricValue(text, 'gridline_bus_handled_total'), events: metricValue(text, 'gridline_events_consumed_total'), published: metricValue(text, 'gridline_events_published_total') };
      }),
    );

  it('shares the work between the two replicas of each service (each one\'s handled counts printed)', async () => {
    const handled = await replicas();
    process.stdout.write(`replicas' handled counts:\n${handled.map((h) => `  ${h.service}: ${h.requests} requests answered, ${h.events} events consumed, ${h.published} published`).join('\n')}\n`);
    for (const service of ['registry', 'incidents', 'hotline', 'analytics', 'party-building']) {
      const replicas = handled.filter((h) => h.service === service);
      expect({ service, replicas: replicas.length }).toEqual({ service, replicas: 2 });
      const total = replicas.reduce((sum, r) => sum + r.requests, 0);
      expect({ service, answered: total > 0 }).toEqual({ service, answered: true });
      // The queue group spreads requests at random: past 16 of them, one replica taking all is a 1-in-30 000 chance.
      if (total >= 16) expect({ service, idle: replicas.filter((r) => r.requests === 0).length }).toEqual({ service, idle: 0 });
    }
  });

  it('goes on when a replica of incidents and one of the hotline stop mid-walk: the others answer, relay and consume, once each', async () => {
    for (const service of ['incidents', 'hotline']) {
      const { replica } = (await replicas()).find((r) => r.service === service)!;
      await replica.close();
      walk.platform.services.splice(walk.platform.services.indexOf(replica), 1);
    }
    expect((await replicas()).filter((r) => r.service === 'incidents' || r.service === 'hotline').map((r) => r.service).sort()).toEqual(['hotline', 'incidents']);
    // A report and an appeal handed down to the grid, through what is left: one case each, the hand-off linked back.
    const reportedNow = await report('停机后上报', `after-stop-${Date.now()}`);
    expect(reportedNow.statusCode).toBe(201);
    const intake = await walk.call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', caller: { anonymous: true }, content: '停机后的诉求', categoryCode: 'ENV.GARBAGE', location: IN_GRID });
    expect(intake.statusCode).toBe(201);
    const appealId = intake.json().appeal.id as string;
    expect((await walk.call('operator', 'POST', `/api/v1/appeals/${appealId}/actions/dispatch`, { lead: { unitCode: GRID } })).statusCode).toBe(200);
    const incidentId = await eventually(
      async () => {
        const view = (await walk.call('operator', 'GET', `/api/v1/appeals/${appealId}`)).json();
        expect(view).toMatchObject({ status: 'dispatched', incidentId: expect.any(String) });
        return view.incidentId as string;
      },
      { timeoutMs: 45_000 },
    );
    expect((await db.query('select id from incidents.incident where appeal_ref = $1', [appealId])).rows).toEqual([{ id: incidentId }]);
    await eventually(async () => expect(await eventsOf(reportedNow.json().incident.id)).toEqual(['reported']));
    await eventually(async () => expect(await eventsOf(incidentId)).toEqual(['reported']));
  });
});
