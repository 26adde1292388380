import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { buildCloudEvent, ensureStream, withPrefix, type EventDefinition } from '@gridline/messaging';
import { CandidatesClient } from '@gridline/contracts-analytics';
import { INCIDENTS_EVENTS, type IncidentEventData } from '@gridline/contracts-incidents';
import { TEST_SERVERS, TestPlatform, eventually } from '@gridline/testing';
import { AnalyticsAppModule } from '../analytics-app.module';
import { AnalyticsConfig } from '../analytics.config';

const STREET = '370502007';
const COMMUNITY = '370502007001';
const GRID = '370502007001001';
const CENTRE: Caller = { sub: 'centre-boot', roles: ['street_admin'], units: [STREET] };
const DAY = 24 * 3600 * 1000;
const SCAN_MS = 300_000;

function reported(id: string, category: string, at: Date) {
  const data: IncidentEventData = {
    incidentId: id, status: 'reported', categoryCode: category, gridCode: GRID, path: [STREET, COMMUNITY, GRID], urgency: 'normal', source: 'patrol', owner: null, step: null,
    dueAt: null, supervision: { card: 'none', supervisorUnitCode: null, since: null }, reworkCount: 0, appealRef: null, appealHandoff: null, result: null,
    resolution: null, rating: null, actor: 'u', at: at.toISOString(), comment: null,
  };
  return buildCloudEvent(INCIDENTS_EVENTS.reported as EventDefinition<IncidentEventData>, id, data, { correlationId: `c-${id}` });
}

/**
 * The detector as it runs in production (CANDIDATE_SCAN_MS five minutes, workers started), in two replicas booting over
 * a stream that already holds a history: the first scan waits for the projections and raises the planted cluster
 * soon after boot — not five minutes later —, once.
 */
describe('the 3+N detector at boot', () => {
  let platform: TestPlatform;
  let nc: NatsConnection;
  let db: Client;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
    await ensureStream(await nc.jetstreamManager(), platform.prefix, 'incidents');
    const now = Date.now();
    // Noise first (one case of each of many categories: no cluster), the planted cluster last — a scan that raced the
    // consumer would not have seen it yet.
    const events = [
      ...Array.from({ length: 400 }, (_, i) => reported(`noise-${i}`, `NOISE.C${i}`, new Date(now - (1 + (i % 10)) * DAY))),
      ...Array.from({ length: 6 }, (_, i) => reported(`planted-${i}`, 'ENV.GARBAGE', new Date(now - (1 + i) * DAY))),
    ];
    for (const e of events) await nc.jetstream().publish(withPrefix(platform.prefix, INCIDENTS_EVENTS.reported.subject), Buffer.from(JSON.stringify(e)), { msgID: e.id });
    for (let i = 0; i < 2; i++) await platform.start('analytics', AnalyticsConfig, (config) => AnalyticsAppModule.register(config), { CANDIDATE_SCAN_MS: String(SCAN_MS) });
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await nc?.close();
    await platform?.close();
  });

  it('scans once the projections are ready, raising the cluster once, and sets the next scan CANDIDATE_SCAN_MS later', async () => {
    const candidates = new CandidatesClient(await platform.bus());
    const raised = await eventually(
      async () => {
        const { items } = await candidates.list(CENTRE, { status: 'raised' });
        expect(items).toHaveLength(1);
        return items[0];
      },
      // 406 folds by two replicas sharing the street's roll-up rows: seconds alone, much longer beside a whole CI run.
      { timeoutMs: 150_000, intervalMs: 500 },
    );
    expect(raised).toMatchObject({ unitCode: GRID, categoryCode: 'ENV.GARBAGE' });
    expect([...raised.evidence.incidentIds].sort()).toEqual(Array.from({ length: 6 }, (_, i) => `planted-${i}`));
    // Every case was folded before the scan looked.
    expect(Number((await db.query(`select count(*) as n from analytics.case_projection`)).rows[0].n)).toBe(406);
    const [lease] = (await db.query(`select last_scan_at, next_scan_at from analytics.candidate_scan`)).rows as { last_scan_at: Date; next_scan_at: Date }[];
    expect(lease.next_scan_at.getTime() - lease.last_scan_at.getTime()).toBe(SCAN_MS);
    expect(lease.last_scan_at.getTime()).toBeGreaterThan(Date.now() - SCAN_MS);
    // Two replicas booted: one candidate, one event.
    expect(Number((await db.query(`select count(*) as n from analytics.outbox where type = 'gridline.analytics.candidate.raised.v1'`)).rows[0].n)).toBe(1);
  }, 180_000);
});
