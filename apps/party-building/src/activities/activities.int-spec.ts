import fc from 'fast-check';
import type { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import type { AppError } from '@gridline/platform';
import {
  ActivitiesClient,
  MembersClient,
  OrganisationsClient,
  PARTY_BUILDING_EVENTS,
  PartyErrorCode,
  type ActivityView,
  type CreateActivityRequest,
} from '@gridline/contracts-party-building';
import { PARTY_CALLERS, PARTY_MAP, fieldsOf, foundPartyTree, memberInput, refusal, startPartyBuilding, type PartyBuildingTest } from '../testing/party-test-support';

const { STREET, COMMUNITY, OTHER_COMMUNITY, GRID, OTHER_GRID } = PARTY_MAP;
const { ADMIN, SECRETARY, OTHER_SECRETARY } = PARTY_CALLERS;
const memberCaller = (n: number): Caller => ({ sub: `acct-${n}`, roles: ['party_member'], units: [] });
const MINUTE = 60_000;

describe('party activities over the bus', () => {
  let party: PartyBuildingTest;
  let activities: ActivitiesClient;
  let db: Client;
  let committeeId: string;
  let branchId: string;
  let otherBranchId: string;
  /** Member ids by their account number: 1–8 in the grid's branch, 9 in the community's committee, 10 in the other community. */
  const memberIds = new Map<number, string>();

  const activity = (overrides: Partial<CreateActivityRequest> = {}): CreateActivityRequest => ({
    organisationId: branchId,
    kind: 'theme_party_day',
    title: '主题党日：走访困难群众',
    description: '',
    startsAt: new Date(Date.now() + 10 * MINUTE).toISOString(),
    endsAt: new Date(Date.now() + 130 * MINUTE).toISOString(),
    address: '幸福路 1 号',
    capacity: 10,
    audience: 'organisation',
    hours: 2.5,
    ...overrides,
  });
  /** Moves an activity's times in the database (instead of waiting): `minutes` from now. */
  const moveActivity = (id: string, startsIn: number, endsIn: number) =>
    db.query('update party_building.activity set starts_at = now() + make_interval(mins => $2), ends_at = now() + make_interval(mins => $3) where id = $1', [id, startsIn, endsIn]);
  const outbox = async (type: string, id: string) =>
    (await db.query(`select payload from party_building.outbox where type = $1 and aggregate_key like '%:' || $2 order by id`, [type, id])).rows.map((r) => r.payload.data ?? r.payload);

  beforeAll(async () => {
    party = await startPartyBuilding();
    activities = new ActivitiesClient(party.bus);
    const organisations = new OrganisationsClient(party.bus);
    const members = new MembersClient(party.bus);
    db = party.db;
    const tree = await foundPartyTree(organisations);
    [committeeId, branchId, otherBranchId] = [tree.committee.id, tree.branch.id, tree.otherBranch.id];
    for (let n = 1; n <= 10; n++) {
      const organisationId = n <= 8 ? branchId : n === 9 ? committeeId : otherBranchId;
      const created = await members.create(ADMIN, { ...memberInput(organisationId, n === 10 ? OTHER_GRID : GRID, 400 + n, '党员'), account: `acct-${n}` });
      memberIds.set(n, created.id);
    }
  });

  afterAll(async () => {
    await party?.close();
  });

  it('gives the last seat to one of two members signing up at once', async () => {
    const created = await activities.create(SECRETARY, activity({ capacity: 3 }));
    expect(created).toMatchObject({ organisationId: branchId, unitCode: GRID, capacity: 3, hours: 2.5, signedUp: 0, status: 'scheduled' });
    // Six members race for three seats, twice each (a retried sign-up answers the same sign-up).
    const attempts = await Promise.allSettled([1, 2, 3, 4, 5, 6, 1, 2].map((n) => activities.signUp(memberCaller(n), created.id)));
    const won = attempts.filter((a) => a.status === 'fulfilled').map((a) => (a as PromiseFulfilledResult<{ memberId: string; id: string }>).value);
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected').map((a) => a.reason as AppError);
    expect(new Set(won.map((s) => s.memberId)).size).toBe(3);
    for (const error of lost) expect(error.code).toBe(PartyErrorCode.ActivityFull);
    expect((await db.query('select signed_up from party_building.activity where id = $1', [created.id])).rows[0].signed_up).toBe(3);
    expect((await db.query(`select count(*)::int as n from party_building.activity_sign_up where activity_id = $1 and status = 'signed_up'`, [created.id])).rows[0].n).toBe(3);

    // Two at once for one seat, again: one wins.
    const last = await activities.create(SECRETARY, activity({ capacity: 1 }));
    const pair = await Promise.allSettled([activities.signUp(memberCaller(7), last.id), activities.signUp(SECRETARY, last.id, memberIds.get(8))]);
    expect(pair.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(((pair.find((a) => a.status === 'rejected') as PromiseRejectedResult).reason as AppError).code).toBe(PartyErrorCode.ActivityFull);

    // A freed seat is taken again; once the activity started, nobody signs up or withdraws.
    const winner = won[0];
    const signUps = await Promise.all([1, 2, 3, 4, 5, 6].map(async (n) => ({ n, id: memberIds.get(n) })));
    const winnerN = signUps.find((s) => s.id === winner.memberId)?.n as number;
    expect(await activities.cancelSignUp(memberCaller(winnerN), created.id)).toMatchObject({ status: 'cancelled' });
    const loserN = signUps.find((s) => !won.some((w) => w.memberId === s.id))?.n as number;
    expect(await activities.signUp(memberCaller(loserN), created.id)).toMatchObject({ status: 'signed_up' });
    await moveActivity(created.id, -1, 60);
    expect((await refusal(activities.signUp(memberCaller(winnerN), created.id))).code).toBe(PartyErrorCode.ActivityClosed);
    expect((await refusal(activities.cancelSignUp(memberCaller(loserN), created.id))).code).toBe(PartyErrorCode.ActivityClosed);
  });

  it('checks in by the code shown: wrong, expired, replaced, reused; hours recorded once; guessing locked out', async () => {
    const created = await activities.create(SECRETARY, activity({ capacity: 3, audience: 'scope' }));
    await activities.signUp(memberCaller(1), created.id);
    await activities.signUp(memberCaller(2), created.id);
    expect((await refusal(activities.checkIn(memberCaller(1), created.id, 'ABCDEFGH'))).details).toMatchObject({ field: 'code', reason: 'not_open' });
    const first = await activities.openCheckIn(SECRETARY, created.id);
    expect(first.code).toMatch(/^[A-HJ-KM-NP-Z2-9]{8}$/);
    expect(new Date(first.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(15 * MINUTE);
    // Only its hash is stored.
    expect(JSON.stringify((await db.query('select * from party_building.activity_check_in_code where activity_id = $1', [created.id])).rows)).not.toContain(first.code);

    const wrong = await refusal(activities.checkIn(memberCaller(1), created.id, 'WRONGCDE'));
    expect(wrong).toMatchObject({ code: PartyErrorCode.CheckInCodeRefused, kind: 'rule_violation', details: { field: 'code', reason: 'wrong' } });
    const checkedIn = await activities.checkIn(memberCaller(1), created.id, first.code.toLowerCase());
    expect(checkedIn).toMatchObject({ hours: 2.5, creditRefused: null, signUp: { memberId: memberIds.get(1), walkIn: false } });
    expect(checkedIn.serviceRecordId).not.toBeNull();
    expect(checkedIn.signUp.attendedAt).not.toBeNull();
    // Reused (a retry): 409, and nothing new is recorded.
    const again = await Promise.allSettled([activities.checkIn(memberCaller(1), created.id, first.code), activities.checkIn(memberCaller(1), created.id, first.code)]);
    for (const a of again) expect(((a as PromiseRejectedResult).reason as AppError).code).toBe(PartyErrorCode.AlreadyCheckedIn);

    // Expired: the stored expiry moves into the past.
    await db.query(`update party_building.activity_check_in_code set expires_at = now() - interval '1 second' where activity_id = $1`, [created.id]);
    expect((await refusal(activities.checkIn(memberCaller(2), created.id, first.code))).details).toMatchObject({ field: 'code', reason: 'expired' });
    // Replaced: a new code is opened; the old one says so.
    const second = await activities.openCheckIn(SECRETARY, created.id);
    expect(second.code).not.toBe(first.code);
    expect((await refusal(activities.checkIn(memberCaller(2), created.id, first.code))).details).toMatchObject({ field: 'code', reason: 'replaced' });
    expect(await activities.checkIn(memberCaller(2), created.id, second.code)).toMatchObject({ signUp: { walkIn: false } });

    // The community committee's member is not within the grid's unit (audience `scope`): the activity is unknown to them.
    expect((await refusal(activities.checkIn(memberCaller(9), created.id, second.code))).code).toBe(PartyErrorCode.ActivityNotFound);
    // A member of the grid's branch not signed up walks in while a seat is free…
    expect(await activities.checkIn(memberCaller(3), created.id, second.code)).toMatchObject({ signUp: { walkIn: true, memberId: memberIds.get(3) } });
    // …and once the seats are taken, another is refused.
    expect((await refusal(activities.checkIn(memberCaller(5), created.id, second.code))).code).toBe(PartyErrorCode.ActivityFull);

    // Guessing: past five wrong codes the member is locked out of this code, even with the right one.
    const guesser = await activities.create(SECRETARY, activity({ capacity: 3 }));
    await activities.signUp(memberCaller(4), guesser.id);
    const code = (await activities.openCheckIn(SECRETARY, guesser.id)).code;
    for (let i = 0; i < 5; i++) expect((await refusal(activities.checkIn(memberCaller(4), guesser.id, `WRONG${i}AA`))).details).toMatchObject({ reason: 'wrong' });
    expect((await refusal(activities.checkIn(memberCaller(4), guesser.id, code))).code).toBe(PartyErrorCode.CheckInLocked);
    const fresh = await activities.openCheckIn(SECRETARY, guesser.id);
    expect(await activities.checkIn(memberCaller(4), guesser.id, fresh.code)).toMatchObject({ hours: 2.5 });

    // The ledger: one approved record of 2.5 h per member checked in, however often they tried.
    const credited = await db.query(`select member_id, half_hours, status from party_building.service_record where activity_id = $1 order by member_id`, [created.id]);
    expect(credited.rows).toEqual([1, 2, 3].map((n) => ({ member_id: memberIds.get(n), half_hours: 5, status: 'approved' })).sort((a, b) => String(a.member_id).localeCompare(String(b.member_id))));
    // One attendance event per member checked in, none for refusals.
    const recorded = await outbox(PARTY_BUILDING_EVENTS.attendanceRecorded.type, created.id);
    expect(recorded.map((e) => e.memberId).sort()).toEqual([memberIds.get(1), memberIds.get(2), memberIds.get(3)].sort());
    expect(recorded[0]).toMatchObject({ activityId: created.id, organisationId: branchId, unitPath: [STREET, COMMUNITY, GRID], hours: 2.5 });
    expect(JSON.stringify(recorded)).not.toContain('党员');
  });

  it('reports after the end with the attendance, and lists by unit and period and a member’s own', async () => {
    const created = await activities.create(SECRETARY, activity({ kind: 'volunteer_service' }));
    for (const n of [1, 2, 3]) await activities.signUp(memberCaller(n), created.id);
    const { code } = await activities.openCheckIn(SECRETARY, created.id);
    await activities.checkIn(memberCaller(1), created.id, code);
    expect((await refusal(activities.submitReport(SECRETARY, created.id, '走访十户'))).code).toBe(PartyErrorCode.ActivityClosed);
    await moveActivity(created.id, -120, -1);
    const report = await activities.submitReport(SECRETARY, created.id, '走访十户，解决三件事');
    expect(report).toMatchObject({ activityId: created.id, signedUp: 3, attended: 1, noShows: 2, walkIns: 0, summary: '走访十户，解决三件事', reportedBy: SECRETARY.sub });
    expect(await activities.getReport(ADMIN, created.id)).toEqual(report);
    expect((await refusal(activities.submitReport(SECRETARY, created.id, 'again'))).code).toBe(PartyErrorCode.ActivityClosed);
    expect((await outbox(PARTY_BUILDING_EVENTS.activityReported.type, created.id))[0]).toMatchObject({ signedUp: 3, attended: 1, noShows: 2 });

    const inUnit = await activities.list(SECRETARY, { unit: GRID, kind: 'volunteer_service', page: 1, pageSize: 50 });
    expect(inUnit.items.map((a) => a.id)).toEqual([created.id]);
    const future = await activities.list(ADMIN, { from: new Date(Date.now() + MINUTE).toISOString(), page: 1, pageSize: 50 });
    expect(future.items.every((a: ActivityView) => new Date(a.startsAt).getTime() > Date.now())).toBe(true);
    expect(future.items.map((a) => a.id)).not.toContain(created.id);
    expect(fieldsOf(await refusal(activities.list(ADMIN, { from: '2026-12-02', to: '2026-12-01' })))).toEqual(['to']);
    const mine = await activities.mine(memberCaller(1), { page: 1, pageSize: 50 });
    expect(mine.items.find((i) => i.activity.id === created.id)?.signUp.attendedAt).not.toBeNull();
    expect(mine.items.every((i) => i.signUp.memberId === memberIds.get(1))).toBe(true);
  });

  it('cancels with a reason, telling the members signed up through the event', async () => {
    const created = await activities.create(SECRETARY, activity());
    await activities.signUp(memberCaller(5), created.id);
    await activities.signUp(SECRETARY, created.id, memberIds.get(6));
    expect(await activities.cancel(SECRETARY, created.id, '因天气原因取消')).toMatchObject({ status: 'cancelled', cancelReason: '因天气原因取消' });
    const [cancelled] = await outbox(PARTY_BUILDING_EVENTS.activityCancelled.type, created.id);
    expect([...cancelled.signedUpMemberIds].sort()).toEqual([memberIds.get(5), memberIds.get(6)].sort());
    expect((await refusal(activities.signUp(memberCaller(7), created.id))).code).toBe(PartyErrorCode.ActivityClosed);
    expect((await refusal(activities.openCheckIn(SECRETARY, created.id))).code).toBe(PartyErrorCode.ActivityClosed);
  });

  it('keeps a secretary of another community and members outside the audience out', async () => {
    const created = await activities.create(SECRETARY, activity());
    const notFound = PartyErrorCode.ActivityNotFound;
    expect((await refusal(activities.get(OTHER_SECRETARY, created.id))).code).toBe(notFound);
    expect((await activities.list(OTHER_SECRETARY, { page: 1, pageSize: 50 })).items).toEqual([]);
    expect((await refusal(activities.cancel(OTHER_SECRETARY, created.id, 'x'))).code).toBe(notFound);
    expect((await refusal(activities.openCheckIn(OTHER_SECRETARY, created.id))).code).toBe(notFound);
    expect((await refusal(activities.getReport(OTHER_SECRETARY, created.id))).code).toBe(notFound);
    // Their own member cannot be signed up for it (not in its audience, nor in its units), nor ours by them.
    expect((await refusal(activities.signUp(OTHER_SECRETARY, created.id, memberIds.get(10)))).code).toBe(notFound);
    expect((await refusal(activities.signUp(OTHER_SECRETARY, created.id, memberIds.get(1)))).code).toBe(PartyErrorCode.MemberNotFound);
    expect((await refusal(activities.create(OTHER_SECRETARY, activity()))).code).toBe(PartyErrorCode.OrganisationNotFound);
    // The other community's member: the activity is for the branch and beneath it.
    expect((await refusal(activities.signUp(memberCaller(10), created.id))).code).toBe(notFound);
    expect((await refusal(activities.get(memberCaller(10), created.id))).code).toBe(notFound);
    // A committee member is above the branch, not beneath it; `all` would take them.
    expect((await refusal(activities.signUp(memberCaller(9), created.id))).code).toBe(notFound);
    const open = await activities.create(SECRETARY, activity({ audience: 'all' }));
    expect(await activities.signUp(memberCaller(10), open.id)).toMatchObject({ memberId: memberIds.get(10) });
    expect((await db.query('select count(*)::int as n from party_building.activity_sign_up where activity_id = $1', [created.id])).rows[0].n).toBe(0);
  });

  it('lists what a member may still sign up to: upcoming, not cancelled, a seat free, their audience, not yet signed up', async () => {
    const forBranch = await activities.create(SECRETARY, activity({ title: 'open: branch' }));
    const forAll = await activities.create(SECRETARY, activity({ title: 'open: all', audience: 'all', capacity: 3 }));
    const forOther = await activities.create(OTHER_SECRETARY, activity({ organisationId: otherBranchId, title: 'open: other branch' }));
    const full = await activities.create(SECRETARY, activity({ title: 'open: full', audience: 'all', capacity: 1 }));
    await activities.signUp(memberCaller(8), full.id);
    const cancelled = await activities.create(SECRETARY, activity({ title: 'open: cancelled', audience: 'all' }));
    await activities.cancel(SECRETARY, cancelled.id, '取消');
    const started = await activities.create(SECRETARY, activity({ title: 'open: started', audience: 'all' }));
    await moveActivity(started.id, -5, 60);
    const signedUp = await activities.create(SECRETARY, activity({ title: 'open: mine already', audience: 'all' }));
    await activities.signUp(memberCaller(4), signedUp.id);
    await activities.signUp(memberCaller(4), forAll.id);
    const ours = [forBranch, forAll, forOther, full, cancelled, started, signedUp].map((a) => a.id);
    const openTo = async (n: number) => (await activities.open(memberCaller(n), { page: 1, pageSize: 100 })).items.filter((i) => ours.includes(i.activity.id));

    // A member of the branch: the branch's and the two for all (seats left counted); not the other branch's, the full, the cancelled, the started.
    expect((await openTo(3)).map((i) => [i.activity.id, i.seatsLeft])).toEqual([
      [forBranch.id, 10],
      [forAll.id, 2],
      [signedUp.id, 9],
    ]);
    // Signed up already: in their own list, not in this one.
    expect((await openTo(4)).map((i) => i.activity.id)).toEqual([forBranch.id]);
    // The other community's member: the other branch's and the one for all.
    expect((await openTo(10)).map((i) => i.activity.id).sort()).toEqual([forAll.id, forOther.id, signedUp.id].sort());
    // Each open one is one the member may sign up to; paged.
    for (const { activity: a } of await openTo(10)) expect(await activities.signUp(memberCaller(10), a.id)).toMatchObject({ status: 'signed_up' });
    expect(await activities.open(memberCaller(3), { page: 1, pageSize: 1 })).toMatchObject({ items: [expect.anything()], pageSize: 1 });
    expect((await refusal(activities.open(SECRETARY, { page: 1, pageSize: 10 }))).kind).toBe('forbidden');
  });

  it('holds an activity at an active red station of the caller’s units that offers activities, refusing any other', async () => {
    const station = async (organisationId: string, path: string[], { active = true, functions = ['activities', 'policy_publicity'] } = {}) => {
      const { rows } = await db.query(
        `insert into party_building.station (id, name, lat, lng, grid_code, path, organisation_id, opening_hours, functions, active)
         values (gen_random_uuid(), '红色驿站', 37.4, 118.5, $1, $2, $3, '[]', $4, $5) returning id`,
        [path[path.length - 1], path, organisationId, functions, active],
      );
      return rows[0].id as string;
    };
    const open = await station(branchId, [STREET, COMMUNITY, GRID]);
    const created = await activities.create(SECRETARY, activity({ stationId: open, address: undefined }));
    expect(created).toMatchObject({ stationId: open, address: null });
    expect((await outbox(PARTY_BUILDING_EVENTS.activityScheduled.type, created.id))[0]).toMatchObject({ stationId: open });
    const refused = [
      await station(branchId, [STREET, COMMUNITY, GRID], { active: false }),
      await station(branchId, [STREET, COMMUNITY, GRID], { functions: ['mediation'] }),
      await station(otherBranchId, [STREET, OTHER_COMMUNITY, OTHER_GRID]),
      '9b2f8a52-3f7e-4a55-9c1e-0d6f2a9e1c11',
    ];
    for (const stationId of refused) expect(fieldsOf(await refusal(activities.create(SECRETARY, activity({ stationId, address: undefined }))))).toEqual(['stationId']);
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const before = (await db.query('select count(*)::int as n from party_building.activity')).rows[0].n;
    const field = async (request: Partial<CreateActivityRequest>) => {
      const error = await refusal(activities.create(SECRETARY, activity(request)));
      expect(error.kind).toBe('validation');
      return fieldsOf(error)?.[0];
    };
    const badDate = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('2026-02-30T09:00:00Z', '2026-12-20T25:00:00Z', '2026-12-20T09:00:00', '2026-W51-1', '2026-12-20'));
    await fc.assert(fc.asyncProperty(badDate, async (value) => expect(await field({ startsAt: value })).toBe('startsAt')), { numRuns: 15 });
    const badCapacity = fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 10001 }), fc.double({ noInteger: true }), fc.constant(Number.NaN));
    await fc.assert(fc.asyncProperty(badCapacity, async (value) => expect(await field({ capacity: value })).toBe('capacity')), { numRuns: 15 });
    const badHours = fc.oneof(fc.double({ min: -100, max: 100 }).filter((h) => !Number.isInteger(h * 2) || h < 0 || h > 24), fc.constantFrom(24.5, -0.5, 1.25));
    await fc.assert(fc.asyncProperty(badHours, async (value) => expect(await field({ hours: value })).toBe('hours')), { numRuns: 15 });
    const now = Date.now();
    expect(await field({ startsAt: new Date(now + 60 * MINUTE).toISOString(), endsAt: new Date(now + 30 * MINUTE).toISOString() })).toBe('endsAt');
    expect(await field({ startsAt: new Date(now - 60 * MINUTE).toISOString() })).toBe('startsAt');
    expect(await field({ stationId: '9b2f8a52-3f7e-4a55-9c1e-0d6f2a9e1c11' })).toBe('stationId');
    expect(await field({ address: undefined })).toBe('stationId');
    expect(await field({ audience: 'friends' as never })).toBe('audience');
    expect(await field({ kind: 'party' as never })).toBe('kind');
    expect((await db.query('select count(*)::int as n from party_building.activity')).rows[0].n).toBe(before);
  });
});
