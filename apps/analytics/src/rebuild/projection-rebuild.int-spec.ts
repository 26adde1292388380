import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { EventConsumerHost, buildCloudEvent, withPrefix, type CloudEvent, type EventDefinition } from '@gridline/messaging';
import { AnalyticsClient } from '@gridline/contracts-analytics';
import { HOTLINE_EVENTS } from '@gridline/contracts-hotline';
import { INCIDENTS_EVENTS, type IncidentEventData } from '@gridline/contracts-incidents';
import { REGISTRY_EVENTS, type UnitLevel } from '@gridline/contracts-registry';
import { TEST_SERVERS, TestPlatform, eventually } from '@gridline/testing';
import { AnalyticsAppModule } from '../analytics-app.module';
import { AnalyticsConfig } from '../analytics.config';
import { ANALYTICS_PROJECTIONS, NOT_REBUILT_SUBSCRIBERS } from '../projection/analytics-projections';
import { RebuildRefusedError, rebuildProjections } from './projection-rebuild';

const STREET = '370502003';
const C1 = '370502003001';
const C2 = '370502003002';
const G11 = '370502003001001';
const G21 = '370502003002001';
const ANALYST: Caller = { sub: 'analyst-1', roles: ['analyst'], units: [STREET] };
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

type Published = CloudEvent & { on: string };
const event = <T>(definition: EventDefinition<T>, key: string, data: T): Published => ({ ...buildCloudEvent(definition, key, data, { correlationId: `c-${key}` }), on: definition.subject });
const cst = (day: string, time: string) => new Date(`2026-11-${day}T${time}:00+08:00`).toISOString();

/** A case's event as incidents publishes it (the case's state after the transition). */
function incident(id: string, name: keyof typeof INCIDENTS_EVENTS, at: string, data: Partial<IncidentEventData> = {}, grid = G11): Published {
  const path = [STREET, grid.slice(0, 12), grid];
  return event(INCIDENTS_EVENTS[name] as EventDefinition<IncidentEventData>, id, {
    incidentId: id, status: 'reported', categoryCode: 'ROAD', gridCode: grid, path, urgency: 'normal', source: 'patrol', owner: null, step: 'accept',
    dueAt: cst(at.slice(8, 10), '17:30'), supervision: { card: 'none', supervisorUnitCode: null, since: null }, reworkCount: 0, appealRef: null, appealHandoff: null,
    result: null, resolution: null, rating: null, actor: 'u', at, comment: null, ...data,
  });
}

/** Cases walked a few steps each: accepted, dispatched to the grid and closed; rejected; left waiting (overdue). */
function history(): Published[] {
  const grid = { kind: 'unit' as const, unitCode: G11, level: 'grid' as const };
  const events: Published[] = [];
  for (let i = 1; i <= 6; i++) {
    const id = `case-${i}`;
    const day = String(i + 1).padStart(2, '0');
    events.push(incident(id, 'reported', cst(day, '09:00'), {}, i % 3 === 0 ? G21 : G11));
    if (i % 3 === 0) continue;
    if (i === 5) {
      events.push(incident(id, 'rejected', cst(day, '10:00'), { status: 'rejected', step: null, dueAt: null }));
      continue;
    }
    events.push(
      incident(id, 'accepted', cst(day, '10:00'), { status: 'accepted', step: 'dispatch', dueAt: cst(day, '12:00') }),
      incident(id, 'dispatched', cst(day, '11:00'), { status: 'dispatched', owner: grid, step: 'sign', dueAt: cst(day, '17:00') }),
      incident(id, 'signed', cst(day, '14:00'), { status: 'in_progress', owner: grid, step: 'handle', dueAt: cst(day, '17:30') }),
      incident(id, 'handled', cst(day, '16:00'), { status: 'handled', owner: grid, step: 'verify', dueAt: cst(day, '17:30') }),
      incident(id, 'closed', cst(day, '17:00'), { status: 'closed', owner: grid, step: null, dueAt: null, rating: i === 1 ? 5 : null }),
    );
  }
  return events;
}

describe('nx run analytics:rebuild: the projections replayed from the streams and swapped in', () => {
  let platform: TestPlatform;
  let analytics: AnalyticsClient;
  let nc: NatsConnection;
  let db: Client;
  let host: EventConsumerHost;
  const publish = async ({ on, ...e }: Published, msgID = e.id) => {
    await nc.jetstream().publish(withPrefix(platform.prefix, on), Buffer.from(JSON.stringify(e)), { msgID });
  };
  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  const unit = (code: string, level: UnitLevel, path: string[]) =>
    event(REGISTRY_EVENTS.unitCreated, code, { unit: { code, name: `name-${code}`, level, kind: null, parentCode: path.at(-2) ?? null, path, active: true, hasBoundary: false } });
  const figures = async () => ({
    street: await analytics.figures(ANALYST, { unit: STREET, ...NOVEMBER }),
    c1: await analytics.figures(ANALYST, { unit: C1, ...NOVEMBER }),
    overview: await analytics.overview(ANALYST),
    hotline: await analytics.hotlineFigures(ANALYST),
  });
  const HISTORY = history();

  beforeAll(async () => {
    platform = await TestPlatform.create();
    const live = await platform.start('analytics', AnalyticsConfig, (config) => AnalyticsAppModule.register(config));
    host = live.app.get(EventConsumerHost);
    analytics = new AnalyticsClient(await platform.bus());
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
    for (const u of [unit(STREET, 'street', [STREET]), unit(C1, 'community', [STREET, C1]), unit(C2, 'community', [STREET, C2]), unit(G11, 'grid', [STREET, C1, G11]), unit(G21, 'grid', [STREET, C2, G21])]) await publish(u);
    await publish(event(HOTLINE_EVENTS.figuresUpdated, C1, {
      owner: C1, from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z', at: '2026-11-30T16:00:00.000Z',
      figures: { owner: C1, ownerName: null, appeals: 4, responseRate: 0.5, resolutionRate: 1, satisfactionRate: 0.75, onTimeRate: 0.75, returnRate: 0.25, reopenRate: 0, extensionRate: null },
    }));
    for (const e of HISTORY) await publish(e);
    await eventually(async () => {
      expect(await count(`select count(*) as n from analytics.case_event`)).toBe(HISTORY.length);
      expect(await count(`select count(*) as n from analytics.unit_projection`)).toBe(5);
      expect(await count(`select count(*) as n from analytics.hotline_owner_figures`)).toBe(1);
    }, { timeoutMs: 15_000 });
  });

  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await platform?.close();
  });

  it('replays through exactly the subscribers the live service consumes with, but those that are not projections', () => {
    const live = host.subscribers().map((s) => s.name).sort();
    const listed = ANALYTICS_PROJECTIONS.map((p) => host.subscribers().find((s) => s instanceof p.subscriber)?.name ?? `${p.subscriber.name} not running`);
    expect([...listed, ...NOT_REBUILT_SUBSCRIBERS].sort()).toEqual(live);
  });

  it('gives the same figures from fresh tables, loses no event that arrives meanwhile, and refuses a second rebuild at once', async () => {
    const before = await figures();
    expect(before.street.current.cases).toMatchObject({ reported: 6, closed: 3, rejected: 1, open: 2, overdue: 2 });
    // A row of a consumer that is not a projection stays; the tables are the fresh ones afterwards.
    await db.query(`insert into analytics.inbox (consumer, event_id, event_type) values ('analytics-not-a-projection', 'kept-1', 't')`);
    const oldTable = (await db.query(`select 'analytics.case_projection'::regclass::oid as oid`)).rows[0].oid;
    const during = [incident('late-1', 'reported', cst('20', '09:00'), {}, G21), incident('late-2', 'reported', cst('21', '09:00'), {}, G21)];
    let refused: unknown;

    const result = await rebuildProjections(platform.config(AnalyticsConfig), {
      caughtUp: async () => {
        refused = await rebuildProjections(platform.config(AnalyticsConfig)).then(() => null, (e: unknown) => e);
        await publish(during[0]);
      },
      locked: async () => {
        // The live consumer's write of this one waits on the lock: the tail replays it, the live one then skips it.
        await publish(during[1]);
      },
    });

    expect(refused).toBeInstanceOf(RebuildRefusedError);
    expect(result).toMatchObject({ schema: 'analytics', backup: 'analytics_backup' });
    expect(result.events).toBeGreaterThanOrEqual(HISTORY.length + 6 + 1);
    expect(result.eventsPerSecond).toBeGreaterThan(0);
    expect((await db.query(`select 'analytics.case_projection'::regclass::oid as oid`)).rows[0].oid).not.toBe(oldTable);
    await eventually(async () => {
      const after = await figures();
      expect(after.c1).toEqual(before.c1);
      expect(after.overview).toEqual(before.overview);
      expect(after.hotline).toEqual(before.hotline);
      expect(after.street.current.cases).toEqual({ ...before.street.current.cases, reported: 8, open: 4, overdue: 4, onTime: after.street.current.cases.onTime });
      expect(await count(`select count(*) as n from analytics.case_projection where incident_id like 'late-%'`)).toBe(2);
    });
    // Every event once: the new inbox holds each replayed id, so a redelivery changes nothing.
    expect(await count(`select count(*) as n from analytics.inbox where consumer = 'analytics-cases'`)).toBe(HISTORY.length + 2);
    expect(await count(`select count(*) as n from analytics.inbox where consumer = 'analytics-not-a-projection'`)).toBe(1);
    await publish(during[1], `${during[1].id}-again`);
    await publish(incident('late-3', 'reported', cst('22', '09:00'), {}, G21));
    await eventually(async () => expect(await count(`select count(*) as n from analytics.case_event`)).toBe(HISTORY.length + 3));
    expect(await count(`select count(*) as n from analytics.case_event where event_id = '${during[1].id}'`)).toBe(1);
    // The old tables are kept for one run; the shadow schema is gone.
    expect(await count(`select count(*) as n from analytics_backup.case_projection`)).toBeGreaterThanOrEqual(6);
    expect(await count(`select count(*) as n from information_schema.schemata where schema_name = 'analytics_rebuild'`)).toBe(0);
  });

  it('rebuilds again to the same figures (a retry is safe), keeping the last run’s tables as the backup', async () => {
    const before = await figures();
    const cases = await count(`select count(*) as n from analytics.case_projection`);
    await rebuildProjections(platform.config(AnalyticsConfig));
    expect(await figures()).toEqual(before);
    expect(await count(`select count(*) as n from analytics.case_projection`)).toBe(cases);
    expect(await count(`select count(*) as n from analytics_backup.case_projection`)).toBe(cases);
  });
});
