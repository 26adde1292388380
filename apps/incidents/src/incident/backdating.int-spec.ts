import { Client } from 'pg';
import { SYSTEM_CALLER, type Caller } from '@gridline/auth';
import { IncidentsClient, type IncidentAction, type IncidentActionBody } from '@gridline/contracts-incidents';
import type { BusClient } from '@gridline/messaging';
import { TestPlatform } from '@gridline/testing';
import { IncidentsAppModule } from '../incidents-app.module';
import { IncidentsConfig } from '../incidents.config';
import { SupervisionScheduler } from '../supervision/supervision.scheduler';
import { copyReference } from '../testing/reference-copy';
import { BACKDATED_SUPERVISION_DELAY_MS } from './incident-journal';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const STREET_ADMIN: Caller = { sub: 'street-1', roles: ['street_admin'], units: [STREET] };
const ADMIN: Caller = { sub: 'admin-1', roles: ['admin'], units: [] };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REPORT = { categoryCode: 'ENV.GARBAGE', title: '历史案件', description: '东门外堆放建筑垃圾', gridCode: GRID, source: 'patrol' as const };

/**
 * Back-dating (the demo seed's history): only the seed process (`svc:seed`) gives a report's time beyond the grid
 * centre's 30 days and an `at` on a step; every step is stamped at its time, its due time counted from it, its event
 * carrying it; supervision leaves a finished back-dated case alone and dates a late one's cards at their thresholds.
 */
describe('back-dated cases (the seed only)', () => {
  let platform: TestPlatform;
  let scheduler: SupervisionScheduler;
  let seed: IncidentsClient;
  let users: IncidentsClient;
  let db: Client;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    const running = await platform.start('incidents', IncidentsConfig, (config) => IncidentsAppModule.register(config, { startWorkers: false }));
    scheduler = running.app.get(SupervisionScheduler);
    seed = new IncidentsClient(await platform.bus('seed'));
    users = new IncidentsClient((await platform.bus()) as BusClient);
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
    await copyReference(db, [[STREET], [STREET, COMMUNITY], [STREET, COMMUNITY, GRID]]);
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  /** The case's events in the outbox, in order: their type (last word) and the time they carry. */
  async function events(id: string): Promise<{ type: string; at: string; card: string }[]> {
    const { rows } = await db.query<{ payload: { type: string; data: { at: string; supervision: { card: string } } } }>(`select payload from incidents.outbox where payload->>'subject' = $1 order by id`, [id]);
    return rows.map((r) => ({ type: r.payload.type.split('.')[3], at: r.payload.data.at, card: r.payload.data.supervision.card }));
  }

  async function drain(): Promise<void> {
    while ((await scheduler.tick()) > 0);
  }

  const ago = (ms: number) => new Date(Date.now() - ms);

  it('walks a case found 80 days ago step by step at the times given: timeline, clocks and events carry them', async () => {
    const found = ago(80 * DAY);
    const { incident } = await seed.report(SYSTEM_CALLER, { ...REPORT, reportedAt: found.toISOString() }, 'history-case-0001');
    expect(incident.createdAt).toBe(found.toISOString());
    // The accept limit (2 natural hours) counts from when it was found.
    expect(incident.dueAt).toBe(new Date(found.getTime() + 2 * HOUR).toISOString());

    const steps: [IncidentAction, IncidentActionBody, number][] = [
      ['accept', {}, 1 * HOUR],
      ['dispatch', {}, 2 * HOUR],
      ['sign', {}, 3 * HOUR],
      ['handle', { result: '已清运' }, 20 * HOUR],
      ['verify', { passed: true }, 22 * HOUR],
      ['evaluate', { rating: 4 }, 30 * HOUR],
    ];
    let view = incident;
    for (const [action, body, after] of steps) view = await seed.act(SYSTEM_CALLER, incident.id, action, { ...body, at: new Date(found.getTime() + after).toISOString() });
    expect(view.status).toBe('evaluated');

    const timeline = await seed.timeline(SYSTEM_CALLER, incident.id);
    expect(timeline.map((t) => [t.action, t.at])).toEqual([
      ['report', found.toISOString()],
      ...steps.flatMap(([action, , after]) => {
        const at = new Date(found.getTime() + after).toISOString();
        return action === 'verify' ? [['verify', at], ['closed', at]] : [[action, at]];
      }),
    ]);
    expect((await events(incident.id)).map((e) => [e.type, e.at])).toEqual([
      ['reported', found.toISOString()],
      ['accepted', new Date(found.getTime() + 1 * HOUR).toISOString()],
      ['dispatched', new Date(found.getTime() + 2 * HOUR).toISOString()],
      ['signed', new Date(found.getTime() + 3 * HOUR).toISOString()],
      ['handled', new Date(found.getTime() + 20 * HOUR).toISOString()],
      ['verified', new Date(found.getTime() + 22 * HOUR).toISOString()],
      ['closed', new Date(found.getTime() + 22 * HOUR).toISOString()],
      ['evaluated', new Date(found.getTime() + 30 * HOUR).toISOString()],
    ]);

    // Finished in time: supervision has nothing to say about it, now or later.
    await db.query('update incidents.incident set next_check_at = now() where id = $1 and next_check_at is not null', [incident.id]);
    await drain();
    expect((await events(incident.id)).filter((e) => ['supervised', 'overdue', 'escalated'].includes(e.type))).toEqual([]);
  });

  it('leaves a back-dated step alone for a while, then dates the late step’s cards at their thresholds', async () => {
    const found = ago(40 * DAY);
    const { incident } = await seed.report(SYSTEM_CALLER, { ...REPORT, title: '历史超时案件', reportedAt: found.toISOString() }, 'history-case-0002');
    const accepted = await seed.act(SYSTEM_CALLER, incident.id, 'accept', { at: new Date(found.getTime() + 5 * HOUR).toISOString() });
    // The accept step ended late (5 h of 2): its cards come when supervision looks, not before the seed's next step.
    const { rows } = await db.query<{ next_check_at: Date; warn_at: Date; due_at: Date; red_at: Date }>('select next_check_at, warn_at, due_at, red_at from incidents.incident where id = $1', [incident.id]);
    expect(rows[0].next_check_at.getTime()).toBeGreaterThan(Date.now() + BACKDATED_SUPERVISION_DELAY_MS - 60_000);
    await drain();
    expect(accepted.supervision.card).toBe('none');
    expect((await events(incident.id)).map((e) => e.type)).toEqual(['reported', 'accepted']);

    // Left at dispatch (the seed went no further): once supervision looks, the three cards fall when they were due.
    await db.query('update incidents.incident set next_check_at = now() where id = $1', [incident.id]);
    await drain();
    expect((await seed.get(SYSTEM_CALLER, incident.id)).supervision.card).toBe('red');
    expect((await events(incident.id)).slice(2).map((e) => [e.type, e.card, e.at])).toEqual([
      ['supervised', 'warning', rows[0].warn_at.toISOString()],
      ['overdue', 'yellow', rows[0].due_at.toISOString()],
      ['escalated', 'red', rows[0].red_at.toISOString()],
    ]);
  });

  it("refuses a step's time from anyone but the seed, naming the field, before looking at the case", async () => {
    const { incident } = await seed.report(SYSTEM_CALLER, { ...REPORT, title: '时间字段' }, 'history-case-0003');
    for (const caller of [STREET_ADMIN, ADMIN]) {
      await expect(users.act(caller, incident.id, 'accept', { at: ago(HOUR).toISOString() })).rejects.toMatchObject({ code: 'INCIDENT_INVALID', details: { fields: [{ field: 'at' }] } });
      await expect(users.act(caller, '00000000-0000-4000-8000-000000000000', 'accept', { at: ago(HOUR).toISOString() })).rejects.toMatchObject({ details: { fields: [{ field: 'at' }] } });
    }
    // The grid centre records a case found earlier, within 30 days only; the seed a year.
    await expect(users.report(STREET_ADMIN, { ...REPORT, reportedAt: ago(31 * DAY).toISOString() })).rejects.toMatchObject({ details: { fields: [{ field: 'reportedAt' }] } });
    await expect(users.report(ADMIN, { ...REPORT, reportedAt: ago(80 * DAY).toISOString() })).rejects.toMatchObject({ details: { fields: [{ field: 'reportedAt' }] } });
    await expect(seed.report(SYSTEM_CALLER, { ...REPORT, reportedAt: ago(367 * DAY).toISOString() })).rejects.toMatchObject({ details: { fields: [{ field: 'reportedAt' }] } });
    expect((await users.get(STREET_ADMIN, incident.id)).status).toBe('reported');
  });

  it("refuses the seed's time in the future or before the case's last entry", async () => {
    const found = ago(10 * DAY);
    const { incident } = await seed.report(SYSTEM_CALLER, { ...REPORT, title: '时间顺序', reportedAt: found.toISOString() }, 'history-case-0004');
    await expect(seed.act(SYSTEM_CALLER, incident.id, 'accept', { at: ago(-HOUR).toISOString() })).rejects.toMatchObject({ details: { fields: [{ field: 'at' }] } });
    await expect(seed.act(SYSTEM_CALLER, incident.id, 'accept', { at: new Date(found.getTime() - HOUR).toISOString() })).rejects.toMatchObject({ details: { fields: [{ field: 'at' }] } });
    expect((await seed.get(SYSTEM_CALLER, incident.id)).status).toBe('reported');
    expect(await seed.act(SYSTEM_CALLER, incident.id, 'accept', { at: found.toISOString() })).toMatchObject({ status: 'accepted' });
  });
});
