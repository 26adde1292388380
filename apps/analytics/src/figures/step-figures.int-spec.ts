import fc from 'fast-check';
import { knex as createKnex, type EntityManager, type Knex } from '@mikro-orm/postgresql';
import { INCIDENT_STEPS, type IncidentStep } from '@gridline/contracts-incidents';
import { calendarPeriod } from './figures-period';
import { FiguresRepository } from './figures.repository';
import { startAnalyticsUnderTest, type AnalyticsUnderTest } from '../testing/analytics-under-test';

/**
 * The steps' figures (on time per step, overdue at the end) read from the grained and the late steps' roll-ups
 * (`case_step_ended_sum`, `case_step_late`) and today's steps, against the definitions counted step by step
 * (docs/analytics.md, "On time per step"), over calendar months and years whose edges fall inside the steps' span.
 */

/** Now: the steps all began and ended by then (nothing is recorded in the future). */
const NOW = new Date('2026-02-03T09:30:00Z');
const SPAN_HOURS = 24 * 60;
/** Instants over the 60 days before now, on the half hour: around the New Year and two month ends, in China time. */
const instant = fc.integer({ min: 1, max: SPAN_HOURS * 2 }).map((h) => new Date(NOW.getTime() - h * 1_800_000));
const PATHS = ['{S,S-C1,S-C1-G1}', '{S,S-C2,S-C2-G1}', '{T,T-C1}'];

interface Step {
  step: IncidentStep;
  path: string;
  started: Date;
  due: Date | null;
  ended: Date | null;
  counted: boolean;
  onTime: boolean | null;
}

const step: fc.Arbitrary<Step> = fc
  .record({
    step: fc.constantFrom(...INCIDENT_STEPS),
    path: fc.constantFrom(...PATHS),
    started: instant,
    dueHours: fc.option(fc.integer({ min: 0, max: 24 * 40 }), { nil: null }),
    endedHours: fc.option(fc.integer({ min: 0, max: 24 * 40 }), { nil: null }),
    counted: fc.boolean(),
  })
  .map((s): Step => {
    const later = (hours: number | null) => (hours === null ? null : new Date(Math.min(NOW.getTime(), s.started.getTime() + hours * 3_600_000)));
    const due = later(s.dueHours);
    const ended = later(s.endedHours);
    return { step: s.step, path: s.path, started: s.started, due, ended, counted: s.counted, onTime: ended && s.counted ? due === null || ended <= due : null };
  });

/** The figures of the steps counted one by one, as docs/analytics.md defines them, of the steps beneath street S. */
function expected(steps: Step[], start: Date, end: Date) {
  const beneath = steps.filter((s) => s.path.startsWith('{S,'));
  const cut = Math.min(end.getTime(), NOW.getTime());
  const notEndedBy = (s: Step) => s.ended === null || s.ended >= end;
  const late = (s: Step) => s.due !== null && s.due >= start && s.due.getTime() < cut && notEndedBy(s);
  const endedIn = (s: Step) => s.counted && s.ended !== null && s.ended >= start && s.ended < end;
  const onTime = Object.fromEntries(
    INCIDENT_STEPS.map((name) => {
      const of = beneath.filter((s) => s.step === name);
      return [name, { numerator: of.filter((s) => endedIn(s) && s.onTime).length, denominator: of.filter(endedIn).length + of.filter(late).length }];
    }),
  );
  const overdue = beneath.filter((s) => notEndedBy(s) && s.started < end && s.due !== null && s.due.getTime() < cut).length;
  return { onTime, overdue };
}

/** What the repository needs of MikroORM's EntityManager, on a knex of the test's own database: the schema and its knex. */
function knexEntityManager(knex: Knex): EntityManager {
  const em = { config: { get: (key: string) => (key === 'schema' ? 'analytics' : undefined) }, getKnex: () => knex, getTransactionContext: () => undefined };
  return em as unknown as EntityManager;
}

describe('the steps’ figures from their roll-ups', () => {
  let t: AnalyticsUnderTest;
  let knex: Knex;
  let figures: FiguresRepository;

  beforeAll(async () => {
    t = await startAnalyticsUnderTest();
    knex = createKnex({ client: 'pg', connection: t.databaseUrl, pool: { min: 0, max: 2 } });
    figures = new FiguresRepository(knexEntityManager(knex));
  });
  afterAll(async () => {
    await knex?.destroy();
    await t?.close();
  });

  it('count on time per step and overdue at the end exactly as the steps one by one, over months and years, ended or not', async () => {
    const periods = [calendarPeriod('month', '2025-12-10'), calendarPeriod('month', '2026-01-10'), calendarPeriod('month', '2026-02-01'), calendarPeriod('year', '2025-06-01'), calendarPeriod('year', '2026-01-01')];
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), fc.constantFrom(...periods), async (steps, period) => {
        await t.db.query('truncate analytics.case_step, analytics.case_step_ended_sum, analytics.case_step_late');
        await t.db.query(
          `insert into analytics.case_step (incident_id, seq, step, unit_path, department_code, started_at, due_at, ended_at, counted, on_time, extended)
           select 'c' || o, 1, st, p::text[], null, a, du, e, c, ot, false
             from unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::boolean[], $7::boolean[]) with ordinality as r(st, p, a, du, e, c, ot, o)`,
          [steps.map((s) => s.step), steps.map((s) => s.path), steps.map((s) => s.started), steps.map((s) => s.due), steps.map((s) => s.ended), steps.map((s) => s.counted), steps.map((s) => s.onTime)],
        );
        const view = await figures.caseFigures({ unit: 'S', depth: 1 }, period, NOW);
        const want = expected(steps, period.start, period.end);
        expect({ onTime: Object.fromEntries(Object.entries(view.onTime).map(([k, v]) => [k, { numerator: v.numerator, denominator: v.denominator }])), overdue: view.overdue }).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });
});
