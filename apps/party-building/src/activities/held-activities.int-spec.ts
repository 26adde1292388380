import type { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { chinaDay, type AppError } from '@gridline/platform';
import { ActivitiesClient, LedgerClient, MembersClient, OrganisationsClient, PARTY_BUILDING_EVENTS, type RecordHeldActivityRequest } from '@gridline/contracts-party-building';
import { PARTY_CALLERS, PARTY_MAP, fieldsOf, foundPartyTree, memberInput, startPartyBuilding, type PartyBuildingTest } from '../testing/party-test-support';

const { GRID, OTHER_GRID } = PARTY_MAP;
const { ADMIN, SECRETARY } = PARTY_CALLERS;
const DAY = 86_400_000;

describe('held activities recorded with their sign-in sheet, over the bus', () => {
  let party: PartyBuildingTest;
  let activities: ActivitiesClient;
  let ledger: LedgerClient;
  let db: Client;
  let branchId: string;
  const memberIds: string[] = [];
  let outsider: string;

  const held = (overrides: Partial<RecordHeldActivityRequest> = {}): RecordHeldActivityRequest => {
    const startsAt = new Date(Date.now() - 20 * DAY);
    return {
      organisationId: branchId,
      kind: 'theme_party_day',
      title: '主题党日：重温入党誓词',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      address: '幸福路 1 号',
      capacity: 10,
      audience: 'organisation',
      hours: 2,
      attendeeIds: memberIds.slice(0, 3),
      ...overrides,
    };
  };

  beforeAll(async () => {
    party = await startPartyBuilding();
    activities = new ActivitiesClient(party.bus);
    ledger = new LedgerClient(party.bus);
    const organisations = new OrganisationsClient(party.bus);
    const members = new MembersClient(party.bus);
    db = party.db;
    const { branch, otherBranch } = await foundPartyTree(organisations);
    branchId = branch.id;
    for (let n = 1; n <= 4; n++) memberIds.push((await members.create(ADMIN, memberInput(branchId, GRID, 600 + n, '党员'))).id);
    outsider = (await members.create(ADMIN, memberInput(otherBranch.id, OTHER_GRID, 610, '党员'))).id;
  });

  afterAll(async () => {
    await party?.close();
  });

  it('records the activity with its attendance, each sign-up saying who recorded it, the hours on the activity day, the events in the outbox', async () => {
    const answer = await activities.recordHeld(SECRETARY, held());
    expect(answer).toMatchObject({ attended: 3, hoursCredited: 6, creditRefused: [], activity: { signedUp: 3, status: 'scheduled', reported: false } });
    const sheet = await db.query('select member_id, attended_at, recorded_by, walk_in from party_building.activity_sign_up where activity_id = $1 order by member_id', [answer.activity.id]);
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.rows.every((r) => r.recorded_by === 'sec-1' && r.walk_in === false && new Date(r.attended_at).toISOString() === answer.activity.startsAt)).toBe(true);
    const book = await ledger.memberLedger(ADMIN, memberIds[0]);
    expect(book.records).toEqual([expect.objectContaining({ kind: 'activity', activityId: answer.activity.id, day: chinaDay(new Date(answer.activity.startsAt)), hours: 2, status: 'approved' })]);
    const events = await db.query(`select type from party_building.outbox where aggregate_key like '%:' || $1`, [answer.activity.id]);
    expect(events.rows.map((r) => r.type).sort()).toEqual([PARTY_BUILDING_EVENTS.activityScheduled.type, ...Array(3).fill(PARTY_BUILDING_EVENTS.attendanceRecorded.type)].sort());
    // The report follows as for any activity that has ended.
    expect(await activities.submitReport(SECRETARY, answer.activity.id, '重温入党誓词')).toMatchObject({ attended: 3, signedUp: 3, noShows: 0 });
  });

  it('refuses an activity not yet ended, a member outside the caller\'s units (like an unknown one), and nothing is stored', async () => {
    const before = (await db.query('select count(*)::int as n from party_building.activity')).rows[0].n;
    const refusal = (request: RecordHeldActivityRequest, caller: Caller = SECRETARY): Promise<AppError> => activities.recordHeld(caller, request).then(() => { throw new Error('recorded'); }, (e: unknown) => e as AppError);
    expect(fieldsOf(await refusal(held({ endsAt: new Date(Date.now() + 3_600_000).toISOString() })))).toEqual(['endsAt']);
    expect(fieldsOf(await refusal(held({ attendeeIds: [memberIds[0], outsider] })))).toEqual(['attendeeIds']);
    expect(fieldsOf(await refusal(held({ attendeeIds: [memberIds[0], '00000000-0000-4000-8000-000000000000'] })))).toEqual(['attendeeIds']);
    expect(await refusal(held(), { sub: 'acct-1', roles: ['party_member'], units: [] })).toMatchObject({ kind: 'forbidden' });
    expect((await db.query('select count(*)::int as n from party_building.activity')).rows[0].n).toBe(before);
  });
});
