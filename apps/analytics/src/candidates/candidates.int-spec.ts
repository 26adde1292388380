import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { buildCloudEvent, streamName, withPrefix, type BusClient, type EventDefinition } from '@gridline/messaging';
import { ANALYTICS_REQUESTS, AnalyticsErrorCode, CandidatesClient, type CandidateLiftedEventData, type CandidateRuleInput } from '@gridline/contracts-analytics';
import { INCIDENTS_EVENTS, type DiscussionEventData } from '@gridline/contracts-incidents';
import { REGISTRY_EVENTS, type UnitLevel } from '@gridline/contracts-registry';
import { TEST_SERVERS, TestPlatform, eventually } from '@gridline/testing';
import { AnalyticsAppModule } from '../analytics-app.module';
import { AnalyticsConfig } from '../analytics.config';
import { CandidateDetector } from './candidate.detector';

const STREET = '370502005';
const C1 = '370502005001';
const C2 = '370502005002';
const G11 = '370502005001001';
const G12 = '370502005001002';
const G21 = '370502005002001';
// A second street, with its own grid centre: its rules are its own.
const STREET_B = '370502006';
const CB = '370502006001';
const GB = '370502006001001';
const PATHS: Record<string, string[]> = { [G11]: [STREET, C1, G11], [G12]: [STREET, C1, G12], [G21]: [STREET, C2, G21], [GB]: [STREET_B, CB, GB] };
const CENTRE: Caller = { sub: 'centre-1', roles: ['street_admin'], units: [STREET] };
const CENTRE_B: Caller = { sub: 'centre-b', roles: ['street_admin'], units: [STREET_B] };
const ADMIN: Caller = { sub: 'admin-1', roles: ['admin'], units: [] };
const C2_ADMIN: Caller = { sub: 'c2-1', roles: ['community_admin'], units: [C2] };
const STAFF: Caller = { sub: 'staff-1', roles: ['grid_staff'], units: [G11] };
const DAY = 24 * 3600 * 1000;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/**
 * A generated history (seeded): noise of every category in every grid, fewer than the default rule's 5 in 14 days in
 * each, and a planted cluster of 6 ENV.GARBAGE cases in G12 within 10 days — the one right answer.
 */
function history(now: Date): { id: string; grid: string; category: string; at: Date }[] {
  const noise = fc.sample(
    fc.record({ grid: fc.constantFrom(G11, G12, G21), category: fc.constantFrom('ROAD.STALL', 'ENV.GARBAGE', 'FIRE.EXIT'), daysAgo: fc.double({ min: 0.1, max: 40, noNaN: true }) }),
    { seed: 21, numRuns: 200 },
  );
  const perKey = new Map<string, number>();
  const kept = noise.filter((n) => {
    const key = `${n.grid}|${n.category}`;
    const count = perKey.get(key) ?? 0;
    if (count >= 4 || (n.grid === G12 && n.category === 'ENV.GARBAGE')) return false; // at most 4 of a kind per grid over the whole history
    perKey.set(key, count + 1);
    return true;
  });
  const planted = Array.from({ length: 6 }, (_, i) => ({ grid: G12, category: 'ENV.GARBAGE', daysAgo: 1 + i * 1.5 }));
  return [...kept, ...planted].map((n) => ({ id: randomUUID(), grid: n.grid, category: n.category, at: new Date(now.getTime() - n.daysAgo * DAY) }));
}

describe('3+N candidates: detection over the case projection, the street centre’s list, dismissal, lifting and the outcome', () => {
  let platform: TestPlatform;
  let bus: BusClient;
  let candidates: CandidatesClient;
  let detectors: CandidateDetector[];
  let nc: NatsConnection;
  let db: Client;
  const now = new Date();

  const insertCase = (id: string, grid: string, category: string, at: Date, status = 'reported', place: { lat: number; lng: number } | null = null, source = 'patrol') =>
    db.query(
      `insert into analytics.case_projection (incident_id, status, grid_code, unit_path, category_code, urgency, source, card, reported_at, warnings, yellow_cards, red_cards, returns, reworks, extensions, last_event_at, lat, lng)
       values ($1, $2, $3, $4, $5, 'normal', $7, 'none', $6, 0, 0, 0, 0, 0, 0, $6, $8, $9)`,
      [id, status, grid, PATHS[grid], category, at, source, place?.lat ?? null, place?.lng ?? null],
    );
  const insertAppeal = (id: string, grid: string, category: string, at: Date, place: { lat: number; lng: number }) =>
    db.query(
      `insert into analytics.appeal_projection (appeal_id, status, channel, type, urgency, category_code, grid_code, unit_path, lat, lng, received_at, reopen_count, return_count, extension_count, last_event_at)
       values ($1, 'dispatched', 'phone', 'complaint', 'normal', $2, $3, $4, $5, $6, $7, 0, 0, 0, $7)`,
      [id, category, grid, PATHS[grid], place.lat, place.lng, at],
    );
  /** Both replicas scan at once: the lease lets one; the other finds it taken. */
  const scanBoth = async (at = new Date()) => {
    await db.query(`update analytics.candidate_scan set next_scan_at = $1`, [new Date(at.getTime() - 1000)]);
    return Promise.all(detectors.map((d) => d.scan(at)));
  };
  const published = async (type: string) =>
    (await db.query(`select payload from analytics.outbox where type = $1 order by id`, [type])).rows.map((r) => r.payload as { data: unknown; subject: string });
  /** An event of incidents' discussion of a candidate (the rest of the data as incidents sends it). */
  const discussion = async (definition: EventDefinition<DiscussionEventData>, part: Pick<DiscussionEventData, 'discussionId' | 'candidateId' | 'status' | 'tasks' | 'at'> & { reason?: string }) => {
    const data: DiscussionEventData = { incidentId: null, streetCode: STREET, unitCode: null, categoryCode: null, taskId: null, actor: 'centre-1', ...part };
    const e = buildCloudEvent(definition, data.discussionId ?? 'none', data, { correlationId: 'c-discussion' });
    await nc.jetstream().publish(withPrefix(platform.prefix, definition.subject), Buffer.from(JSON.stringify(e)), { msgID: e.id });
  };
  const raisedIn = async (grid: string) => (await candidates.list(CENTRE, { unit: grid })).items;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    // Two replicas on one database: the detector switched off in both (CANDIDATE_SCAN_MS=0), scans run by the test.
    for (let i = 0; i < 2; i++) await platform.start('analytics', AnalyticsConfig, (config) => AnalyticsAppModule.register(config), { CANDIDATE_SCAN_MS: '0' });
    detectors = platform.services.map((s) => s.app.get(CandidateDetector));
    bus = await platform.bus();
    candidates = new CandidatesClient(bus);
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
    const unit = (code: string, level: UnitLevel, path: string[]) =>
      buildCloudEvent(REGISTRY_EVENTS.unitCreated, code, { unit: { code, name: `name-${code}`, level, kind: null, parentCode: path.at(-2) ?? null, path, active: true, hasBoundary: false } }, { correlationId: 'c' });
    const units = [
      unit(STREET, 'street', [STREET]), unit(C1, 'community', [STREET, C1]), unit(C2, 'community', [STREET, C2]),
      unit(STREET_B, 'street', [STREET_B]), unit(CB, 'community', [STREET_B, CB]),
      ...Object.entries(PATHS).map(([g, p]) => unit(g, 'grid', p)),
    ];
    for (const u of units) await nc.jetstream().publish(withPrefix(platform.prefix, REGISTRY_EVENTS.unitCreated.subject), Buffer.from(JSON.stringify(u)), { msgID: u.id });
    for (const c of history(now)) await insertCase(c.id, c.grid, c.category, c.at);
    await eventually(async () => expect((await db.query(`select 1 from analytics.unit_projection`)).rowCount).toBe(units.length), { timeoutMs: 15_000 });
  });

  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await platform?.close();
  });

  it('raises the planted cluster once, from two replicas and repeated scans, and nothing from the noise', async () => {
    const first = await scanBoth();
    expect(first.filter((notes) => notes === null)).toHaveLength(1); // the other replica found the lease taken
    expect(first.flatMap((n) => n ?? []).map((n) => [n.result, n.unitCode, n.categoryCode])).toEqual([['raised', G12, 'ENV.GARBAGE']]);
    for (let i = 0; i < 2; i++) expect((await scanBoth()).flatMap((n) => n ?? []).map((n) => n.result)).toEqual(['unchanged']);
    const { items } = await candidates.list(CENTRE, {});
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ streetCode: STREET, unitCode: G12, unitName: `name-${G12}`, unitPath: PATHS[G12], categoryCode: 'ENV.GARBAGE', status: 'raised', rule: { categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 5 } });
    expect(items[0].evidence.incidentIds).toHaveLength(6);
    expect(items[0].summary).toBe(`name-${G12} 近14天 ENV.GARBAGE 6 起`);
    expect(items[0].evidence.trend.reduce((n, p) => n + p.cases, 0)).toBe(6);
    await eventually(async () => expect((await db.query(`select count(*)::int as n from analytics.outbox where type = $1 and published_at is not null`, ['gridline.analytics.candidate.raised.v1'])).rows[0].n).toBe(1));
  });

  it('keeps a unique key and one raised candidate per rule, unit and category in the database', async () => {
    const [c] = (await db.query(`select * from analytics.candidate`)).rows;
    const insert = db.query(
      `insert into analytics.candidate (id, rule_key, rule, street_code, unit_code, unit_path, category_code, window_start, last_evidence_at, incident_ids, appeal_ids, trend, summary, status, raised_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8::date + 1, now(), '{}', '{}', '[]', 's', 'raised', now(), now())`,
      [randomUUID(), c.rule_key, c.rule, c.street_code, c.unit_code, c.unit_path, c.category_code, c.window_start],
    );
    await expect(insert).rejects.toThrow(/candidate_one_raised_idx/);
  });

  it('lets an open candidate absorb new evidence instead of raising a second', async () => {
    await insertCase(randomUUID(), G12, 'ENV.GARBAGE', new Date(now.getTime() - 0.5 * DAY));
    await insertCase(randomUUID(), G12, 'ENV.GARBAGE', new Date(now.getTime() - 0.4 * DAY), 'rejected'); // a refused case is no occurrence
    expect((await scanBoth()).flatMap((n) => n ?? []).map((n) => n.result)).toEqual(['absorbed']);
    const [candidate] = await raisedIn(G12);
    expect(candidate.evidence.incidentIds).toHaveLength(7);
    expect(candidate.summary).toContain('7 起');
    expect(await published('gridline.analytics.candidate.raised.v1')).toHaveLength(1);
  });

  it('answers in scope only: 404 out of scope, 403 to other roles', async () => {
    const [candidate] = await raisedIn(G12);
    expect(await candidates.get(CENTRE, candidate.id)).toMatchObject({ id: candidate.id });
    expect(await refusal(candidates.get(C2_ADMIN, candidate.id))).toMatchObject({ code: AnalyticsErrorCode.CandidateNotFound, kind: 'not_found' });
    expect(await refusal(candidates.get(CENTRE, randomUUID()))).toMatchObject({ code: AnalyticsErrorCode.CandidateNotFound });
    expect((await candidates.list(C2_ADMIN, {})).items).toEqual([]);
    expect(await refusal(candidates.list(C2_ADMIN, { unit: C1 }))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound });
    expect(await refusal(candidates.list(STAFF, {}))).toMatchObject({ kind: 'forbidden' });
    expect(await refusal(candidates.dismiss(C2_ADMIN, candidate.id, { reason: 'x' }))).toMatchObject({ kind: 'forbidden' });
    expect(await refusal(candidates.lift({ ...CENTRE, units: [C2] }, candidate.id))).toMatchObject({ code: AnalyticsErrorCode.CandidateNotFound });
  });

  it('keeps a dismissed cluster dismissed: its cases never raise it again, only a new cluster would', async () => {
    const [candidate] = await raisedIn(G12);
    const dismissed = await candidates.dismiss(CENTRE, candidate.id, { reason: '  已纳入常态化巡查  ' });
    expect(dismissed).toMatchObject({ status: 'dismissed', dismissal: { reason: '已纳入常态化巡查', by: CENTRE.sub } });
    expect(await refusal(candidates.dismiss(CENTRE, candidate.id, { reason: 'again' }))).toMatchObject({ code: AnalyticsErrorCode.CandidateNotRaised, kind: 'conflict', details: { status: 'dismissed' } });
    await insertCase(randomUUID(), G12, 'ENV.GARBAGE', new Date(now.getTime() - 0.3 * DAY));
    expect((await scanBoth()).flatMap((n) => n ?? [])).toEqual([]);
    expect((await candidates.list(CENTRE, { status: 'raised' })).items).toEqual([]);
    const [event] = await published('gridline.analytics.candidate.dismissed.v1');
    expect(event.data).toMatchObject({ candidateId: candidate.id, reason: '已纳入常态化巡查', dismissedBy: CENTRE.sub, unitCode: G12 });
  });

  it('raises a rise over the grid’s own baseline under a category’s rule, and refuses bad rules naming the field', async () => {
    const rules: CandidateRuleInput[] = [
      { categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 5 },
      { categoryCode: 'WATER', kind: 'rise_over_baseline', windowDays: 7, minCount: 4, factor: 2, baselineWindows: 3 },
    ];
    expect(await refusal(candidates.putRules(CENTRE, { rules: [rules[0], { ...rules[1], factor: null }] }))).toMatchObject({ code: AnalyticsErrorCode.Invalid, details: { fields: [{ field: 'rules.1.factor' }] } });
    expect(await refusal(candidates.putRules(CENTRE, { rules: [{ ...rules[0], kind: 'nearby' } as unknown as CandidateRuleInput] }))).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'rules.0.kind' })] } });
    expect(await refusal(candidates.putRules(C2_ADMIN, { rules }))).toMatchObject({ kind: 'forbidden' });
    expect(await candidates.rules(CENTRE)).toMatchObject({ street: STREET, source: 'default', rules: [{ categoryCode: '*' }] }); // none of its own yet: the platform default
    expect((await candidates.putRules(CENTRE, { rules })).rules.map((r) => [r.categoryCode, r.kind, r.updatedBy])).toEqual([['*', 'same_grid', CENTRE.sub], ['WATER', 'rise_over_baseline', CENTRE.sub]]);
    for (const daysAgo of [8, 12, 16, 20]) await insertCase(randomUUID(), G21, 'WATER.LEAK', new Date(now.getTime() - daysAgo * DAY)); // about 1.3 a week before
    for (const daysAgo of [1, 2, 3]) await insertCase(randomUUID(), G21, 'WATER.LEAK', new Date(now.getTime() - daysAgo * DAY));
    expect((await scanBoth()).flatMap((n) => n ?? [])).toEqual([]); // 3 < the minimum 4
    await insertCase(randomUUID(), G21, 'WATER.LEAK', new Date(now.getTime() - 0.2 * DAY));
    expect((await scanBoth()).flatMap((n) => n ?? []).map((n) => [n.result, n.ruleKey, n.unitCode])).toEqual([['raised', 'WATER', G21]]);
    const [rise] = await raisedIn(G21);
    expect(rise).toMatchObject({ categoryCode: 'WATER.LEAK', rule: { kind: 'rise_over_baseline', factor: 2, baselineWindows: 3 } });
    expect(rise.summary).toContain('此前每7天平均 1.3 起');
  });

  it('lifts a candidate in one action: lifted and the contract’s event, once for a retried request; 409 after', async () => {
    const [candidate] = await raisedIn(G21);
    const key = randomUUID();
    const lift = () => bus.request(ANALYTICS_REQUESTS.liftCandidate, { id: candidate.id }, { caller: CENTRE, idempotencyKey: key });
    const lifted = await lift();
    expect(lifted).toMatchObject({ status: 'lifted', lift: { by: CENTRE.sub } });
    expect(await lift()).toEqual(lifted);
    expect(await refusal(candidates.lift(CENTRE, candidate.id))).toMatchObject({ code: AnalyticsErrorCode.CandidateNotRaised, details: { status: 'lifted' } });
    const events = await published('gridline.analytics.candidate.lifted.v1');
    expect(events).toHaveLength(1);
    const expected: CandidateLiftedEventData = {
      candidateId: candidate.id, streetCode: STREET, unitCode: G21, unitPath: PATHS[G21], categoryCode: 'WATER.LEAK', summary: candidate.summary,
      evidence: { incidentIds: candidate.evidence.incidentIds, appealIds: [] }, liftedBy: CENTRE.sub, at: lifted.lift!.at,
    };
    expect(events[0].data).toEqual(expected);
    const jsm = await nc.jetstreamManager();
    const stored = await eventually(() => jsm.streams.getMessage(streamName(platform.prefix, 'analytics'), { last_by_subj: withPrefix(platform.prefix, 'events.analytics.candidate.lifted') }));
    expect(stored.json()).toMatchObject({ type: 'gridline.analytics.candidate.lifted.v1', subject: candidate.id, data: expected });
  });

  it('shows the discussion’s outcome from incidents’ events, ignoring older ones; a failed opening keeps it for lifting again', async () => {
    const [candidate] = await candidates.list(CENTRE, { unit: G21, status: 'lifted' }).then((p) => p.items);
    const task = (taskId: string, status: 'open' | 'done' | 'overdue') => ({ taskId, ownerKind: 'department' as const, ownerCode: 'WATER_BUREAU', dueOn: '2026-12-20', status });
    const base = Date.now();
    const at = (m: number) => new Date(base + m * 60_000).toISOString();
    await discussion(INCIDENTS_EVENTS.discussionOpened, { discussionId: 'd-1', candidateId: candidate.id, status: 'open', tasks: [task('t1', 'open'), task('t2', 'open')], at: at(1) });
    await discussion(INCIDENTS_EVENTS.discussionTaskCompleted, { discussionId: 'd-1', candidateId: candidate.id, status: 'open', tasks: [task('t1', 'done'), task('t2', 'overdue')], at: at(3) });
    await discussion(INCIDENTS_EVENTS.discussionTaskAssigned, { discussionId: 'd-1', candidateId: candidate.id, status: 'open', tasks: [task('t1', 'open')], at: at(2) }); // older: ignored
    await discussion(INCIDENTS_EVENTS.discussionOpened, { discussionId: 'd-x', candidateId: randomUUID(), status: 'open', tasks: [], at: at(1) }); // not ours: skipped
    await eventually(async () =>
      expect((await candidates.get(CENTRE, candidate.id)).outcome).toEqual({ discussionId: 'd-1', status: 'open', tasksTotal: 2, tasksDone: 1, tasksOverdue: 1, closedAt: null, reason: null, at: at(3) }),
    );
    await discussion(INCIDENTS_EVENTS.discussionClosed, { discussionId: 'd-1', candidateId: candidate.id, status: 'closed', tasks: [task('t1', 'done'), task('t2', 'done')], at: at(4) });
    await eventually(async () => expect((await candidates.get(CENTRE, candidate.id)).outcome).toMatchObject({ status: 'closed', tasksDone: 2, tasksOverdue: 0, closedAt: expect.any(String) }));
    expect(await refusal(candidates.lift(CENTRE, candidate.id))).toMatchObject({ code: AnalyticsErrorCode.CandidateNotRaised });

    // Another cluster, lifted; incidents cannot open its discussion.
    for (const daysAgo of [1, 2, 3, 4, 5]) await insertCase(randomUUID(), G11, 'FIRE.BLOCKED', new Date(now.getTime() - daysAgo * DAY));
    expect((await scanBoth()).flatMap((n) => n ?? []).map((n) => n.result)).toEqual(['raised']);
    const [other] = await raisedIn(G11);
    await candidates.lift(CENTRE, other.id);
    await discussion(INCIDENTS_EVENTS.discussionOpenFailed, { discussionId: null, candidateId: other.id, status: 'failed', tasks: [], reason: '未找到该类别的责任部门', at: at(5) });
    await eventually(async () => expect((await candidates.get(CENTRE, other.id)).outcome).toMatchObject({ status: 'open_failed', discussionId: null, reason: '未找到该类别的责任部门' }));
    expect((await candidates.list(CENTRE, { status: 'lifted' })).items.map((c) => c.id)).toContain(other.id);
    expect(await candidates.lift(CENTRE, other.id)).toMatchObject({ status: 'lifted', outcome: null });
    expect(await published('gridline.analytics.candidate.lifted.v1')).toHaveLength(3);
    expect((await db.query(`select count(*)::int as n from analytics.dead_letter`)).rows[0].n).toBe(0);
  });

  it('pages the list by cursor, newest raised first', async () => {
    const first = await candidates.list(CENTRE, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await candidates.list(CENTRE, { limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((c) => c.unitCode)).toEqual([G11, G21, G12]);
    expect(second.nextCursor).toBeNull();
    expect(await refusal(candidates.list(CENTRE, { cursor: 'nonsense' }))).toMatchObject({ details: { fields: [expect.objectContaining({ field: 'cursor' })] } });
  });

  it('counts the 12345 appeals beside the cases, and finds a radius cluster across grids at their community', async () => {
    await candidates.putRules(CENTRE, {
      rules: [
        { categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 5 },
        // Kept: under another rule the water cluster lifted before would be judged afresh.
        { categoryCode: 'WATER', kind: 'rise_over_baseline', windowDays: 7, minCount: 4, factor: 2, baselineWindows: 3 },
        { categoryCode: 'ROAD', kind: 'within_radius', windowDays: 14, minCount: 4, radiusMetres: 300 },
      ],
    });
    const at = (dLat: number) => ({ lat: 37.4 + dLat, lng: 118.5 });
    const days = (n: number) => new Date(now.getTime() - n * DAY);
    const cases = [randomUUID(), randomUUID()];
    const appeals = [randomUUID(), randomUUID()];
    await insertCase(cases[0], G11, 'ROAD.POTHOLE', days(1), 'reported', at(0));
    await insertCase(cases[1], G11, 'ROAD.POTHOLE', days(2), 'reported', at(0.0005));
    await insertCase(randomUUID(), G12, 'ROAD.POTHOLE', days(2), 'reported', at(0.0012), 'hotline'); // opened from an appeal: the appeal counts
    await insertCase(randomUUID(), G12, 'ROAD.POTHOLE', days(2), 'reported', at(0.05)); // far away
    await insertAppeal(appeals[0], G11, 'ROAD.POTHOLE', days(3), at(0.001));
    expect((await scanBoth()).flatMap((n) => n ?? [])).toEqual([]); // 3 near each other
    await insertAppeal(appeals[1], G12, 'ROAD.POTHOLE', days(0.5), at(0.0015));
    expect((await scanBoth()).flatMap((n) => n ?? []).map((n) => [n.result, n.ruleKey, n.unitCode, n.occurrences])).toEqual([['raised', 'ROAD', C1, 4]]);
    const [cluster] = (await candidates.list(CENTRE, { unit: C1, status: 'raised' })).items;
    expect(cluster).toMatchObject({ unitCode: C1, unitPath: [STREET, C1], categoryCode: 'ROAD.POTHOLE', rule: { kind: 'within_radius', radiusMetres: 300 } });
    expect([...cluster.evidence.incidentIds].sort()).toEqual([...cases].sort());
    expect([...cluster.evidence.appealIds].sort()).toEqual([...appeals].sort());
    expect(cluster.evidence.trend.reduce((n, p) => [n[0] + p.cases, n[1] + p.appeals], [0, 0])).toEqual([3, 2]); // the unit's occurrences, the far case too
    expect(cluster.summary).toBe(`name-${C1} 300米范围内 近14天 ROAD.POTHOLE 4 起`);
  });
  it('keeps each street’s rules its own: A’s admin changes A’s, B’s stay; B is 404 to A’s admin, the platform default an admin’s', async () => {
    const own: CandidateRuleInput[] = [{ categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 3 }];
    expect(await candidates.rules(CENTRE)).toMatchObject({ street: STREET, streetName: `name-${STREET}`, source: 'street' });
    expect(await candidates.rules(CENTRE_B)).toMatchObject({ street: STREET_B, source: 'default', rules: [{ categoryCode: '*', minCount: 5, updatedBy: 'default' }] });
    expect(await refusal(candidates.rules(CENTRE, { street: STREET_B }))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound, kind: 'not_found' });
    expect(await refusal(candidates.putRules(CENTRE, { street: STREET_B, rules: own }))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound, kind: 'not_found' });
    expect(await refusal(candidates.putRules(CENTRE, { street: '*', rules: own }))).toMatchObject({ kind: 'forbidden' });
    expect(await refusal(candidates.putRules({ ...CENTRE_B, units: [CB] }, { street: STREET_B, rules: own }))).toMatchObject({ kind: 'forbidden' }); // a unit in it, not its street admin
    expect(await refusal(candidates.rules(CENTRE, { street: 'x' }))).toMatchObject({ details: { fields: [expect.objectContaining({ field: 'street' })] } });
    expect((await candidates.rules(CENTRE, { street: '*' })).rules.map((r) => [r.categoryCode, r.minCount])).toEqual([['*', 5]]); // A’s PUTs left the platform default alone

    // B’s grid centre lowers B’s bar to 3; A (5 under its own `*`) is unchanged.
    expect(await candidates.putRules(CENTRE_B, { rules: own })).toMatchObject({ street: STREET_B, source: 'street', rules: [{ categoryCode: '*', minCount: 3, updatedBy: CENTRE_B.sub }] });
    expect((await candidates.rules(CENTRE)).rules.map((r) => [r.categoryCode, r.minCount])).toEqual([['*', 5], ['ROAD', 4], ['WATER', 4]]);
    for (const grid of [GB, G11]) for (const daysAgo of [1, 2, 3]) await insertCase(randomUUID(), grid, 'SAFETY.GAS', new Date(now.getTime() - daysAgo * DAY));
    // (the radius cluster raised before stays raised: unchanged)
    expect((await scanBoth()).flatMap((n) => n ?? []).map((n) => [n.result, n.ruleKey, n.unitCode])).toEqual([['unchanged', 'ROAD', C1], ['raised', '*', GB]]);
    const [inB] = (await candidates.list(CENTRE_B, { status: 'raised' })).items;
    expect(inB).toMatchObject({ streetCode: STREET_B, unitCode: GB, rule: { minCount: 3 } });
    expect(await refusal(candidates.get(CENTRE, inB.id))).toMatchObject({ code: AnalyticsErrorCode.CandidateNotFound });

    // An admin sets the platform default (their default street): streets with rules of their own keep them.
    expect(await candidates.putRules(ADMIN, { rules: [{ categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 2 }] })).toMatchObject({ street: '*', source: 'default', rules: [{ minCount: 2, updatedBy: ADMIN.sub }] });
    expect((await scanBoth()).flatMap((n) => n ?? []).map((n) => [n.result, n.unitCode])).toEqual([['unchanged', C1], ['unchanged', GB]]); // A’s three gas cases still short of A’s 5
    expect(await candidates.rules(CENTRE_B)).toMatchObject({ source: 'street', rules: [{ minCount: 3 }] });
    expect(await candidates.putRules(ADMIN, { street: STREET_B, rules: own })).toMatchObject({ street: STREET_B, rules: [{ updatedBy: ADMIN.sub }] });
    expect((await db.query(`select street_code, count(*)::int as n from analytics.candidate_rule group by 1 order by 1`)).rows).toEqual([
      { street_code: '*', n: 1 }, { street_code: STREET, n: 3 }, { street_code: STREET_B, n: 1 },
    ]);
  });

  it('returns a street to the platform default: its own set removed, idempotently, no other street’s; never the default itself', async () => {
    const rulesByStreet = async () => (await db.query(`select street_code, count(*)::int as n from analytics.candidate_rule group by 1 order by 1`)).rows;
    const before = await rulesByStreet();
    expect(await refusal(candidates.deleteRules(C2_ADMIN))).toMatchObject({ kind: 'forbidden' });
    expect(await refusal(candidates.deleteRules(CENTRE, { street: STREET_B }))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound, kind: 'not_found' });
    expect(await refusal(candidates.deleteRules({ ...CENTRE_B, units: [CB] }, { street: STREET_B }))).toMatchObject({ kind: 'forbidden' }); // a unit in it, not its street admin
    for (const [caller, query] of [[CENTRE, { street: '*' }], [ADMIN, { street: '*' }], [ADMIN, {}]] as const) {
      expect(await refusal(candidates.deleteRules(caller, query))).toMatchObject({ code: AnalyticsErrorCode.Invalid, details: { fields: [expect.objectContaining({ field: 'street' })] } });
    }
    expect(await rulesByStreet()).toEqual(before);

    // A's grid centre removes A's set: A now uses the platform default (an admin's minCount 2), B keeps its own.
    const reset = await candidates.deleteRules(CENTRE);
    expect(reset).toMatchObject({ street: STREET, streetName: `name-${STREET}`, source: 'default', rules: [{ categoryCode: '*', minCount: 2, updatedBy: ADMIN.sub }] });
    expect(await candidates.deleteRules(CENTRE)).toEqual(reset); // again: nothing to remove, the same answer
    expect(await candidates.rules(CENTRE)).toEqual(reset);
    expect(await rulesByStreet()).toEqual([{ street_code: '*', n: 1 }, { street_code: STREET_B, n: 1 }]);
    expect(await candidates.rules(CENTRE_B)).toMatchObject({ source: 'street', rules: [{ minCount: 3 }] });
    // The next scan judges A by the default: its three gas cases in G11, short of A's own 5, now raise a candidate.
    const notes = (await scanBoth()).flatMap((n) => n ?? []).map((n) => [n.result, n.ruleKey, n.unitCode, n.categoryCode]);
    expect(notes).toContainEqual(['raised', '*', G11, 'SAFETY.GAS']);
    // An admin returns B to the default too.
    expect(await candidates.deleteRules(ADMIN, { street: STREET_B })).toMatchObject({ street: STREET_B, source: 'default' });
    expect(await rulesByStreet()).toEqual([{ street_code: '*', n: 1 }]);
  });
});
