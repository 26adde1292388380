import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { IncidentsClient, type IncidentSupervision } from '@gridline/contracts-incidents';
import { TestPlatform, eventually, type RunningTestService } from '@gridline/testing';
import { IncidentsAppModule } from '../incidents-app.module';
import { IncidentsConfig } from '../incidents.config';
import { SupervisionScheduler } from './supervision.scheduler';
import { copyReference } from '../testing/reference-copy';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const EXCLUSIVE_GRID = '370502003900001';
const STREET_ADMIN: Caller = { sub: 'street-1', roles: ['street_admin'], units: [STREET] };
const BATCH = 5;

/** Minutes from now (negative: in the past) of a step's warning, due and red-card thresholds. */
interface Clock {
  warn: number;
  due: number;
  red: number;
}

describe(SupervisionScheduler.name, () => {
  let platform: TestPlatform;
  let replicas: RunningTestService[];
  let schedulers: SupervisionScheduler[];
  let incidents: IncidentsClient;
  let db: Client;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    // Two replicas on one database, workers off: the test drives the schedulers' passes by hand.
    const start = () =>
      platform.start('incidents', IncidentsConfig, (config) => IncidentsAppModule.register(config, { startWorkers: false }), {
        SUPERVISION_BATCH_SIZE: String(BATCH),
        SUPERVISION_POLL_MS: '50',
      });
    replicas = [await start(), await start()];
    schedulers = replicas.map((r) => r.app.get(SupervisionScheduler));
    incidents = new IncidentsClient(await platform.bus());
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
    await copyReference(db, [[STREET], [STREET, COMMUNITY], [STREET, COMMUNITY, GRID], [STREET, EXCLUSIVE_GRID]]);
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  async function report(title: string, gridCode = GRID): Promise<string> {
    const { incident } = await incidents.report(STREET_ADMIN, { categoryCode: 'ENV.GARBAGE', title, description: `${title}：东门外堆放建筑垃圾`, gridCode, source: 'patrol' });
    return incident.id;
  }

  /** Moves a step's thresholds as if time had passed, and the next check to the threshold after the current card. */
  async function setClock(ids: string[], { warn, due, red }: Clock): Promise<void> {
    await db.query(
      `update incidents.incident set
         warn_at = now() + make_interval(mins => $2), due_at = now() + make_interval(mins => $3), red_at = now() + make_interval(mins => $4),
         next_check_at = case supervision_card when 'none' then now() + make_interval(mins => $2) when 'warning' then now() + make_interval(mins => $3)
                                                when 'yellow' then now() + make_interval(mins => $4) end
       where id = any($1::uuid[])`,
      [ids, warn, due, red],
    );
  }

  /** Ticks until a pass finds nothing more; returns how many cases this scheduler claimed. */
  async function drain(scheduler: SupervisionScheduler): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await scheduler.tick();
      total += claimed;
      if (claimed === 0) return total;
    }
  }

  const supervision = async (id: string): Promise<IncidentSupervision> => (await incidents.get(STREET_ADMIN, id)).supervision;

  async function schedulerEntries(id: string) {
    return (await incidents.timeline(STREET_ADMIN, id)).filter((t) => t.actor === 'scheduler');
  }

  /** The event types (last word) the case's outbox rows carry, in order, with their data. */
  async function events(id: string): Promise<{ type: string; data: { supervision: IncidentSupervision; step: string }; correlationid: string }[]> {
    const { rows } = await db.query<{ payload: { type: string; data: { supervision: IncidentSupervision; step: string }; correlationid: string } }>(
      `select payload from incidents.outbox where payload->>'subject' = $1 order by id`,
      [id],
    );
    return rows.map((r) => ({ ...r.payload, type: r.payload.type.split('.')[3] }));
  }

  it('marks a warning, a yellow card and a red card, once each, raising supervision up the grid', async () => {
    const id = await report('迟迟未受理的垃圾堆放');
    await drain(schedulers[0]);
    expect(await supervision(id)).toEqual({ card: 'none', supervisorUnitCode: null, since: null });
    const { version } = await incidents.get(STREET_ADMIN, id);

    await setClock([id], { warn: -1, due: 60, red: 120 });
    await drain(schedulers[0]);
    const warned = await incidents.get(STREET_ADMIN, id);
    expect(warned.supervision).toMatchObject({ card: 'warning', supervisorUnitCode: COMMUNITY, since: expect.any(String) });
    // The mark bumps the version: a user action that read the case before it gets a 409 instead of overwriting it.
    expect(warned.version).toBe(version + 1);
    await expect(incidents.act(STREET_ADMIN, id, 'accept', { version })).rejects.toMatchObject({ code: 'INCIDENT_CHANGED' });

    await setClock([id], { warn: -61, due: -1, red: 60 });
    await drain(schedulers[0]);
    expect(await supervision(id)).toEqual({ card: 'yellow', supervisorUnitCode: STREET, since: warned.supervision.since });

    await setClock([id], { warn: -100, due: -40, red: -1 });
    await drain(schedulers[0]);
    await drain(schedulers[1]);
    expect(await supervision(id)).toEqual({ card: 'red', supervisorUnitCode: STREET, since: warned.supervision.since });
    const { rows } = await db.query('select next_check_at from incidents.incident where id = $1', [id]);
    expect(rows[0].next_check_at).toBeNull();

    const entries = await schedulerEntries(id);
    expect(entries.map((t) => [t.action, t.fromStatus, t.toStatus, t.details.card, t.details.supervisorUnitCode])).toEqual([
      ['supervised', 'reported', 'reported', 'warning', COMMUNITY],
      ['overdue', 'reported', 'reported', 'yellow', STREET],
      ['escalated', 'reported', 'reported', 'red', STREET],
    ]);
    expect(entries[0].comment).toContain(COMMUNITY);
    const sent = await events(id);
    expect(sent.map((e) => e.type)).toEqual(['reported', 'supervised', 'overdue', 'escalated']);
    expect(sent.slice(1).map((e) => [e.data.supervision.card, e.data.supervision.supervisorUnitCode, e.data.step])).toEqual([
      ['warning', COMMUNITY, 'accept'],
      ['yellow', STREET, 'accept'],
      ['red', STREET, 'accept'],
    ]);
  });

  it('shows supervised and overdue cases in the lists', async () => {
    const late = await report('超时未受理');
    const onTime = await report('按时受理');
    await setClock([late], { warn: -61, due: -1, red: 60 });
    await drain(schedulers[0]);
    const supervised = (await incidents.list(STREET_ADMIN, { supervised: true, limit: 100 })).items.map((i) => i.id);
    const overdue = (await incidents.list(STREET_ADMIN, { overdue: true, limit: 100 })).items.map((i) => i.id);
    expect(supervised).toContain(late);
    expect(overdue).toContain(late);
    expect([...supervised, ...overdue]).not.toContain(onTime);
    expect((await incidents.counts(STREET_ADMIN, {})).supervised).toBeGreaterThanOrEqual(1);
    // By the card it carries (past due, not yet red: yellow), and by when its step falls due.
    const ids = async (query: Parameters<typeof incidents.list>[1]) => (await incidents.list(STREET_ADMIN, { limit: 200, ...query })).items.map((i) => i.id);
    expect(await ids({ card: 'yellow' })).toContain(late);
    expect(await ids({ card: 'red' })).not.toContain(late);
    expect(await ids({ card: 'none' })).toEqual(expect.arrayContaining([onTime]));
    expect(await ids({ card: 'none' })).not.toContain(late);
    const dueNow = await ids({ dueBefore: new Date().toISOString(), sort: 'due' });
    expect(dueNow).toContain(late);
    expect(dueNow).not.toContain(onTime);
    expect(await ids({ dueBefore: '2099-12-31', sort: 'due' })).toEqual(expect.arrayContaining([late, onTime]));
  });

  it('counts the cases per unit in one answer, from the asked unit (or the caller\'s) down, never a unit above it', async () => {
    await report('按单位统计 网格');
    await report('按单位统计 专属网格', EXCLUSIVE_GRID);
    const sum = (c: { byStatus: Partial<Record<string, number>> } | undefined) => Object.values(c?.byStatus ?? {}).reduce<number>((a, b) => a + (b ?? 0), 0);
    const byCode = (counts: Awaited<ReturnType<typeof incidents.counts>>) => Object.fromEntries((counts.units ?? []).map((u) => [u.unit, u]));

    const street = await incidents.counts(STREET_ADMIN, { by: 'unit' });
    const units = byCode(street);
    expect(Object.keys(units).sort()).toEqual([STREET, COMMUNITY, GRID, EXCLUSIVE_GRID].sort());
    // Every case is the street's; the community's are its one grid's; the street's are the community's and the exclusive grid's.
    expect(sum(units[STREET])).toBe(sum(street));
    expect(units[STREET].overdue).toBe(street.overdue);
    expect(units[COMMUNITY]).toEqual({ ...units[GRID], unit: COMMUNITY });
    expect(sum(units[STREET])).toBe(sum(units[COMMUNITY]) + sum(units[EXCLUSIVE_GRID]));
    expect(sum(units[EXCLUSIVE_GRID])).toBeGreaterThanOrEqual(1);
    // Without by=unit, the answer is as before.
    expect((await incidents.counts(STREET_ADMIN, {})).units).toBeUndefined();

    // A unit asked: it and beneath. A community's officer: their community and beneath, not the street above.
    expect(Object.keys(byCode(await incidents.counts(STREET_ADMIN, { unit: COMMUNITY, by: 'unit' }))).sort()).toEqual([COMMUNITY, GRID]);
    const officer: Caller = { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] };
    const theirs = byCode(await incidents.counts(officer, { by: 'unit' }));
    expect(Object.keys(theirs).sort()).toEqual([COMMUNITY, GRID]);
    expect(sum(theirs[COMMUNITY])).toBe(sum(units[COMMUNITY]));
  });

  it('marks every threshold a late pass finds passed, in order, and puts an exclusive grid under its street', async () => {
    const id = await report('专属网格超时', EXCLUSIVE_GRID);
    await setClock([id], { warn: -100, due: -40, red: -1 });
    expect(await schedulers[1].tick()).toBeGreaterThanOrEqual(1);
    expect(await supervision(id)).toMatchObject({ card: 'red', supervisorUnitCode: STREET });
    const sent = (await events(id)).slice(1);
    expect(sent.map((e) => [e.type, e.data.supervision.card, e.data.supervision.supervisorUnitCode])).toEqual([
      ['supervised', 'warning', STREET],
      ['overdue', 'yellow', STREET],
      ['escalated', 'red', STREET],
    ]);
    // The marks of one pass on one case share a correlation id.
    expect(new Set(sent.map((e) => e.correlationid)).size).toBe(1);
    expect(await drain(schedulers[0])).toBe(0);
  });

  it('with two replicas ticking at once over 50 due cases, marks each case once per threshold', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i += 10) {
      ids.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => report(`并发督办 ${i + j}`)))));
    }
    const countsOf = async (action: string) => {
      const { rows } = await db.query<{ incident_id: string; n: string }>(
        `select incident_id, count(*) as n from incidents.incident_timeline where actor = 'scheduler' and action = $2 and incident_id = any($1::uuid[]) group by incident_id`,
        [ids, action],
      );
      return rows.map((r) => Number(r.n));
    };
    const eventCounts = async (type: string) => {
      const { rows } = await db.query<{ n: string }>(
        `select count(*) as n from incidents.outbox where type = $2 and payload->>'subject' = any($1::text[]) group by payload->>'subject'`,
        [ids, `gridline.incidents.incident.${type}.v1`],
      );
      return rows.map((r) => Number(r.n));
    };

    await setClock(ids, { warn: -1, due: 60, red: 120 });
    // Each replica runs two passes at a time as well, so that claims really overlap.
    const claimed = await Promise.all([drain(schedulers[0]), drain(schedulers[1]), drain(schedulers[0]), drain(schedulers[1])]);
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(50);
    expect(claimed[0] + claimed[2]).toBeGreaterThan(0);
    expect(claimed[1] + claimed[3]).toBeGreaterThan(0);
    expect(await countsOf('supervised')).toEqual(Array(50).fill(1));
    expect(await eventCounts('supervised')).toEqual(Array(50).fill(1));

    await setClock(ids, { warn: -100, due: -40, red: -1 });
    await Promise.all([drain(schedulers[0]), drain(schedulers[1]), drain(schedulers[0]), drain(schedulers[1])]);
    for (const action of ['supervised', 'overdue', 'escalated']) {
      expect(await countsOf(action)).toEqual(Array(50).fill(1));
      expect(await eventCounts(action)).toEqual(Array(50).fill(1));
    }
    const { rows } = await db.query(`select count(*)::int as n from incidents.incident where id = any($1::uuid[]) and supervision_card = 'red' and next_check_at is null`, [ids]);
    expect(rows[0].n).toBe(50);
  });

  it('skips a case whose row another transaction holds, and takes it on the next pass', async () => {
    const id = await report('正在办理时到期');
    await setClock([id], { warn: -1, due: 60, red: 120 });
    const user = new Client({ connectionString: platform.db.url });
    await user.connect();
    try {
      await user.query('begin');
      await user.query('select id from incidents.incident where id = $1 for update', [id]);
      expect(await drain(schedulers[0])).toBe(0);
      await user.query('commit');
    } finally {
      await user.end();
    }
    expect(await drain(schedulers[0])).toBe(1);
    expect(await supervision(id)).toMatchObject({ card: 'warning' });
  });

  it('starts over when the step changes: the card resets and the new step is watched from its own warning', async () => {
    const id = await report('受理后重新计时');
    await setClock([id], { warn: -1, due: 60, red: 120 });
    await drain(schedulers[0]);
    expect(await supervision(id)).toMatchObject({ card: 'warning', supervisorUnitCode: COMMUNITY });

    const accepted = await incidents.act(STREET_ADMIN, id, 'accept');
    expect(accepted).toMatchObject({ step: 'dispatch', supervision: { card: 'none', supervisorUnitCode: null, since: null } });
    const { rows } = await db.query('select next_check_at, warn_at from incidents.incident where id = $1', [id]);
    expect(rows[0].next_check_at).toEqual(rows[0].warn_at);
    expect(rows[0].next_check_at.getTime()).toBeGreaterThan(Date.now());
    expect(await drain(schedulers[0])).toBe(0);

    await setClock([id], { warn: -1, due: 60, red: 120 });
    await drain(schedulers[1]);
    expect(await supervision(id)).toMatchObject({ card: 'warning', supervisorUnitCode: COMMUNITY });
    expect((await schedulerEntries(id)).map((t) => [t.action, t.details.step])).toEqual([
      ['supervised', 'accept'],
      ['supervised', 'dispatch'],
    ]);
  });

  it('runs on its own once started, and stops after the pass in flight', async () => {
    const id = await report('自动督办');
    schedulers[0].start();
    try {
      await setClock([id], { warn: -1, due: 60, red: 120 });
      await eventually(async () => expect(await supervision(id)).toMatchObject({ card: 'warning' }));
    } finally {
      await schedulers[0].stop();
    }
    await setClock([id], { warn: -61, due: -1, red: 60 });
    await new Promise((r) => setTimeout(r, 200));
    expect(await supervision(id)).toMatchObject({ card: 'warning' });
  });
});
