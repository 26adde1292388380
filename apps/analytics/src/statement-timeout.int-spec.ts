import type { Caller } from '@gridline/auth';
import { CommonErrorCode } from '@gridline/platform';
import type { AnalyticsClient } from '@gridline/contracts-analytics';
import { eventually } from '@gridline/testing';
import { refusal, startAnalyticsUnderTest, unitCreated, type AnalyticsUnderTest } from './testing/analytics-under-test';

const STREET = '370502003';
const ADMIN: Caller = { sub: 'admin-1', roles: ['admin'], units: [STREET] };
const TIMEOUT_MS = 300;

/** Each request-reply read of analytics, as the gateway asks it. */
const READS: [string, (analytics: AnalyticsClient) => Promise<unknown>][] = [
  ['figures', (a) => a.figures(ADMIN, { unit: STREET, period: 'month' })],
  ['hotspots', (a) => a.hotspots(ADMIN, { unit: STREET })],
  ['trends', (a) => a.trends(ADMIN, { unit: STREET })],
  ['rankings', (a) => a.rankings(ADMIN, { unit: STREET, level: 'community' })],
  ['league table', (a) => a.leagueTable(ADMIN, { unit: STREET, month: '2026-11' })],
  ['workload', (a) => a.workload(ADMIN, { unit: STREET })],
  ['monthly report', (a) => a.monthlyReport(ADMIN, { unit: STREET, month: '2026-11' })],
  ['export list', (a) => a.exportAudit(ADMIN, {})],
  ['party figures', (a) => a.partyFigures(ADMIN, { unit: STREET })],
  ['overview', (a) => a.overview(ADMIN)],
];

describe('analytics reads under ANALYTICS_STATEMENT_TIMEOUT_MS', () => {
  let under: AnalyticsUnderTest;

  beforeAll(async () => {
    under = await startAnalyticsUnderTest({ ANALYTICS_STATEMENT_TIMEOUT_MS: String(TIMEOUT_MS) });
    await under.publish(unitCreated(STREET, 'street', [STREET]));
    await eventually(async () => expect((await under.analytics.overview(ADMIN)).streets).toBe(1));
  });

  afterAll(async () => {
    await under?.close();
  });

  it.each(READS)('answers the %s with STATEMENT_TIMEOUT (a 504 at the gateway) when its statements cannot finish in time, and the figures once they can', async (_name, read) => {
    // Every analytics table held by another transaction: the read's first statement waits on its lock, past the timeout.
    const tables = (await under.db.query<{ t: string }>(`select format('%I.%I', schemaname, tablename) as t from pg_tables where schemaname = 'analytics'`)).rows.map((r) => r.t);
    await under.db.query('begin');
    try {
      await under.db.query(`lock table ${tables.join(', ')} in access exclusive mode`);
      const started = Date.now();
      const error = await refusal(read(under.analytics));
      expect(error).toMatchObject({ code: CommonErrorCode.StatementTimeout, kind: 'timeout', details: { service: 'analytics', reason: 'statement_timeout', timeoutMs: TIMEOUT_MS } });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await under.db.query('rollback');
    }
    await expect(read(under.analytics)).resolves.toBeDefined();
  });
});
