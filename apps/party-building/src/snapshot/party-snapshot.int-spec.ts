import type { Caller } from '@gridline/auth';
import { SYSTEM_CALLER } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { ActivitiesClient, LedgerClient, MembersClient, OrganisationsClient, PartySnapshotClient, RegistrationsClient, type PartySnapshotItem } from '@gridline/contracts-party-building';
import { PARTY_CALLERS, PARTY_MAP, fieldsOf, foundPartyTree, memberInput, refusal, startPartyBuilding, type PartyBuildingTest } from '../testing/party-test-support';

const { COMMUNITY, GRID } = PARTY_MAP;
const { ADMIN, SECRETARY } = PARTY_CALLERS;
const SUPER: Caller = { sub: 'admin-1', roles: ['admin'], units: [] };
const DAY = 86_400_000;
const NAME = '张秀英';

/**
 * Party building's snapshot (`party-building.figures.snapshot`): answered to `svc:analytics` alone, every record the
 * party figures count once, in the order of its creation, as its newest state in its events' payload (`at` its last
 * change), keyset-paged, without names or phones.
 */
describe('party-building.figures.snapshot', () => {
  let party: PartyBuildingTest;
  let analytics: PartySnapshotClient;
  const ids: Record<string, string> = {};
  const expected: string[] = [];

  beforeAll(async () => {
    party = await startPartyBuilding();
    const organisations = new OrganisationsClient(party.bus);
    const members = new MembersClient(party.bus);
    analytics = new PartySnapshotClient(await party.platform.bus('analytics'));
    const tree = await foundPartyTree(organisations);
    expected.push(...[tree.top, tree.committee, tree.otherCommittee, tree.branch, tree.otherBranch].map((o) => `organisation:${o.id}`));
    // The other community's branch dissolved: its newest state is inactive.
    ids.dissolved = tree.otherBranch.id;
    await organisations.update(ADMIN, ids.dissolved, { active: false });
    ids.m1 = (await members.create(ADMIN, { ...memberInput(tree.branch.id, GRID, 701, NAME), account: 'acct-m1' })).id;
    ids.m2 = (await members.create(ADMIN, memberInput(tree.branch.id, GRID, 702, NAME))).id;
    expected.push(`member:${ids.m1}`, `member:${ids.m2}`);
    const registrations = new RegistrationsClient(party.bus);
    ids.registration = (await registrations.submit(ADMIN, { memberId: ids.m1, workUnit: '东营市税务局', workUnitPartyOrganisation: '东营市税务局机关党委', communityCode: COMMUNITY, gridCode: GRID, post: 'volunteer' })).id;
    await registrations.approve(ADMIN, ids.registration);
    expected.push(`registration:${ids.registration}`);
    // Held twenty days ago with both members on its sheet (each credited two hours), then reported.
    const activities = new ActivitiesClient(party.bus);
    const startsAt = new Date(Date.now() - 20 * DAY);
    const held = await activities.recordHeld(SECRETARY, {
      organisationId: tree.branch.id, kind: 'theme_party_day', title: '主题党日', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      address: '幸福路 1 号', capacity: 10, audience: 'organisation', hours: 2, attendeeIds: [ids.m1, ids.m2],
    });
    ids.activity = held.activity.id;
    await activities.submitReport(SECRETARY, ids.activity, '重温入党誓词');
    expected.push(`activity:${ids.activity}`);
    const sheet = await party.db.query('select id from party_building.activity_sign_up where activity_id = $1', [ids.activity]);
    expected.push(...sheet.rows.map((r: { id: string }) => `attendance:${r.id}`));
    const ledger = new LedgerClient(party.bus);
    ids.task = (await ledger.submit(SECRETARY, ids.m2, { task: 'visit', day: chinaDay(), hours: 1.5 })).id;
    const credits = await party.db.query(`select id from party_building.service_record where kind = 'activity'`);
    expected.push(...credits.rows.map((r: { id: string }) => `service_record:${r.id}`), `service_record:${ids.task}`);
  });

  afterAll(async () => {
    await party?.close();
  });

  it('refuses everyone but the analytics service, even an admin and the seed', async () => {
    expect(await refusal(new PartySnapshotClient(party.bus).snapshot(SUPER, {}))).toMatchObject({ kind: 'forbidden', details: { requiredCaller: 'svc:analytics' } });
    expect(await refusal(new PartySnapshotClient(await party.platform.bus('seed')).snapshot(SYSTEM_CALLER, {}))).toMatchObject({ kind: 'forbidden', details: { requiredCaller: 'svc:analytics' } });
  });

  it('pages every record once, in the order of its creation (a check-in of its time), each as its newest state, without names or phones', async () => {
    const items: PartySnapshotItem[] = [];
    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<PartySnapshotClient['snapshot']>> = await analytics.snapshot(SYSTEM_CALLER, { limit: 4, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      pages.push(page.items.length);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 10);
    expect(pages).toEqual([4, 4, 4, 2]);
    const key = (item: PartySnapshotItem) => `${item.kind}:${idOf(item)}`;
    expect(items.map(key).sort()).toEqual([...expected].sort());
    // Held twenty days ago: its check-ins come first, by their time; the rest by creation.
    expect(items.slice(0, 2).map((i) => i.kind)).toEqual(['attendance', 'attendance']);
    expect(items[2]).toMatchObject({ kind: 'organisation', data: { organisationId: expect.any(String), level: 'working_committee' } });

    const find = (kind: PartySnapshotItem['kind'], id: string) => items.find((i) => key(i) === `${kind}:${id}`);
    const dissolved = find('organisation', ids.dissolved)!;
    expect(dissolved).toMatchObject({ data: { active: false, changed: [] } });
    expect(dissolved.at > items.find((i) => i.kind === 'organisation' && i.data.level === 'working_committee')!.at).toBe(true);
    expect(find('member', ids.m1)).toMatchObject({ data: { status: 'full', homeGridCode: GRID, account: 'acct-m1', unitPath: expect.arrayContaining([GRID]) } });
    expect(find('registration', ids.registration)).toMatchObject({ data: { state: 'approved', communityCode: COMMUNITY, gridCode: GRID, post: 'volunteer' } });
    const activity = items.find((i) => i.kind === 'activity');
    expect(activity).toMatchObject({ data: { activityId: ids.activity, state: 'reported', startsAt: expect.any(String), hours: 2, unitPath: expect.arrayContaining([GRID]) } });
    expect(items.filter((i) => i.kind === 'attendance')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ activityId: ids.activity, walkIn: false }) }),
      expect.objectContaining({ data: expect.objectContaining({ activityId: ids.activity, walkIn: false }) }),
    ]);
    expect(items.filter((i) => i.kind === 'attendance').every((i) => activity?.kind === 'activity' && i.at === activity.data.startsAt)).toBe(true);
    expect(items.filter((i) => i.kind === 'service_record').map((i) => i.data.status).sort()).toEqual(['approved', 'approved', 'pending']);
    expect(JSON.stringify(items)).not.toContain(NAME);
    expect(JSON.stringify(items)).not.toContain('13800000701');
  });

  it('refuses a cursor it did not give out, naming the field', async () => {
    const error = await refusal(analytics.snapshot(SYSTEM_CALLER, { cursor: 'bm90LWEtY3Vyc29y' }));
    expect(error).toMatchObject({ kind: 'validation' });
    expect(fieldsOf(error)).toEqual(['cursor']);
  });
});

/** The field of its events' payload that holds a record's id, by kind. */
const ID_FIELD = { organisation: 'organisationId', member: 'memberId', registration: 'registrationId', activity: 'activityId', attendance: 'signUpId', service_record: 'recordId' } as const;

/** The id of the record a snapshot item is of. */
function idOf(item: PartySnapshotItem): string {
  return (item.data as unknown as Record<string, string>)[ID_FIELD[item.kind]];
}
