import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { buildCloudEvent, withPrefix, type CloudEvent } from '@gridline/messaging';
import { AnalyticsClient } from '@gridline/contracts-analytics';
import { HOTLINE_EVENTS, type AppealEventData } from '@gridline/contracts-hotline';
import { REGISTRY_EVENTS, type UnitLevel } from '@gridline/contracts-registry';
import { TEST_SERVERS, TestPlatform, appealEventData, eventually } from '@gridline/testing';
import { AnalyticsAppModule } from '../analytics-app.module';
import { AnalyticsConfig } from '../analytics.config';

const STREET = '370502006';
const C1 = '370502006001';
const G11 = '370502006001001';
const G11_PATH = [STREET, C1, G11];
const ANALYST: Caller = { sub: 'analyst-1', roles: ['analyst'], units: [STREET] };
const URBAN = { kind: 'department', departmentCode: 'URBAN_MGMT' } as const;
const GRID = { kind: 'unit', unitCode: G11, level: 'grid' } as const;

type Published = CloudEvent & { on: string };
/** China time: `day` of November (or `10-31`), `time` HH:MM. */
const cst = (day: string, time: string) => new Date(`2026-${day.includes('-') ? day : `11-${day}`}T${time}:00+08:00`).toISOString();

/** An appeal's newest event: the appeal as it stands (the projection keeps the newest). */
function appeal(id: string, data: Partial<AppealEventData>): Published {
  const at = data.answeredAt ?? data.signedAt ?? data.dispatchedAt ?? data.receivedAt!;
  return { ...buildCloudEvent(HOTLINE_EVENTS.dispatched, id, appealEventData(id, at, { path: [STREET], ...data }), { correlationId: `c-${id}` }), on: HOTLINE_EVENTS.dispatched.subject };
}
const dispatched = (day: string, lead: AppealEventData['lead'] = URBAN) => ({
  status: 'dispatched' as const, lead, receivedAt: cst(day, '09:00'), dispatchedAt: cst(day, '09:10'), signDueAt: cst(day, '11:10'), answerDueAt: cst('05', '17:00'),
});

/** URBAN_MGMT's appeals of November (A1, A2, A3, A6), October's A4 (taken late on the 31st, recorded in November), the grid's A5. */
const APPEALS = [
  // Signed and answered in time, resolved, satisfied.
  appeal('A1', { ...dispatched('02'), status: 'closed', signedAt: cst('02', '10:00'), answeredAt: cst('03', '10:00'), resolution: 'resolved', satisfaction: 'satisfied' }),
  // Signed late, answered late though extended once, partly resolved, dissatisfied after a re-handling.
  appeal('A2', { ...dispatched('02'), status: 'closed', signedAt: cst('02', '12:00'), answerDueAt: cst('03', '10:00'), answeredAt: cst('04', '10:00'), resolution: 'partly_resolved', satisfaction: 'dissatisfied', reopenCount: 1, extensionCount: 1 }),
  // Returned once and dispatched again, not signed for yet.
  appeal('A3', { ...dispatched('02'), returnCount: 1 }),
  // Taken on 31 October at 23:00, recorded on 2 November: October's.
  appeal('A4', { ...dispatched('02'), receivedAt: cst('10-31', '23:00') }),
  // The grid's: at its place, signed in time, answered through its case as resolved, the caller not reached.
  appeal('A5', { ...dispatched('02', GRID), gridCode: G11, path: G11_PATH, status: 'closed', signedAt: cst('02', '10:00'), answeredAt: cst('03', '10:00'), resolution: 'resolved', satisfaction: 'not_reached', handoff: 1 }),
  // At the grid's place, led by the department, not signed for yet.
  appeal('A6', { ...dispatched('02'), gridCode: G11, path: G11_PATH }),
  // Received, never dispatched: no owner's.
  appeal('A7', { receivedAt: cst('02', '09:00') }),
];
const rate = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 1000 });

describe('the hotline’s three rates and unit figures over any period, from the appeal projection', () => {
  let platform: TestPlatform;
  let analytics: AnalyticsClient;
  let nc: NatsConnection;
  let db: Client;
  const publish = async ({ on, ...e }: Published) => {
    await nc.jetstream().publish(withPrefix(platform.prefix, on), Buffer.from(JSON.stringify(e)), { msgID: e.id });
  };
  const unit = (code: string, level: UnitLevel, path: string[]) =>
    ({ ...buildCloudEvent(REGISTRY_EVENTS.unitCreated, code, { unit: { code, name: `name-${code}`, level, kind: null, parentCode: path.at(-2) ?? null, path, active: true, hasBoundary: false } }, { correlationId: `c-${code}` }), on: REGISTRY_EVENTS.unitCreated.subject });

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('analytics', AnalyticsConfig, (config) => AnalyticsAppModule.register(config));
    analytics = new AnalyticsClient(await platform.bus());
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
    for (const u of [unit(STREET, 'street', [STREET]), unit(C1, 'community', [STREET, C1]), unit(G11, 'grid', G11_PATH)]) await publish(u);
    for (const a of APPEALS) await publish(a);
    await eventually(async () => {
      expect(Number((await db.query(`select count(*) as n from analytics.appeal_projection`)).rows[0].n)).toBe(APPEALS.length);
      expect((await db.query(`select 1 from analytics.unit_projection`)).rowCount).toBe(3);
    }, { timeoutMs: 15_000 });
  });

  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await platform?.close();
  });

  it('counts a department’s appeals received in the month by their parts, and the month before beside them', async () => {
    const view = await analytics.figures(ANALYST, { department: 'URBAN_MGMT', period: 'month', from: '2026-11-15' });
    expect(view.current.appeals).toEqual({
      received: null,
      appeals: 4,
      responseRate: rate(1, 4),
      resolutionRate: rate(1, 2),
      satisfactionRate: rate(1, 2),
      onTimeRate: rate(1, 2),
      returnRate: rate(1, 4),
      reopenRate: rate(1, 4),
      extensionRate: rate(1, 4),
    });
    // A4 was taken on 31 October: October's, whenever it was recorded.
    expect(view.previous).toMatchObject({ from: '2026-10-01', to: '2026-10-31', appeals: { appeals: 1, responseRate: rate(0, 1), resolutionRate: rate(0, 0) } });
  });

  it('counts a grid as lead owner, and the appeals at or beneath a unit by their place whoever leads them', async () => {
    const grid = await analytics.figures(ANALYST, { unit: G11, from: '2026-11-01', to: '2026-11-30' });
    expect(grid.current.appeals).toMatchObject({ received: 2, appeals: 1, responseRate: rate(1, 1), resolutionRate: rate(1, 1), satisfactionRate: rate(0, 0), onTimeRate: rate(1, 1) });
    const community = await analytics.figures(ANALYST, { unit: C1, from: '2026-11-01', to: '2026-11-30' });
    expect(community.current.appeals).toMatchObject({ received: 2, appeals: 0, responseRate: rate(0, 0) });
    const street = await analytics.figures(ANALYST, { unit: STREET, from: '2026-11-01', to: '2026-11-30' });
    expect(street.current.appeals).toMatchObject({ received: 6, appeals: 0 });
    expect((await analytics.figures(ANALYST, { unit: STREET, from: '2026-11-03', to: '2026-11-30' })).current.appeals).toMatchObject({ received: 0 });
  });

  it('reads the rates from the roll-up per lead owner, not the appeals', async () => {
    const { rows } = await db.query(`select unit, sum(n)::int as n from analytics.appeal_lead_day group by 1 order by 1`);
    expect(rows.length).toBeGreaterThan(0);
    const { rows: gone } = await db.query(`select indexname from pg_indexes where schemaname = 'analytics' and indexname = 'appeal_projection_lead_received_idx'`);
    expect(gone).toHaveLength(0);
  });
});
