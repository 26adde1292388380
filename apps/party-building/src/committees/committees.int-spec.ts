import fc from 'fast-check';
import type { Client } from 'pg';
import { usccCheckCharacter } from '@gridline/contracts-registry';
import { CommitteesClient, OrganisationsClient, PARTY_BUILDING_EVENTS, PartyErrorCode, type AddMemberUnitBody } from '@gridline/contracts-party-building';
import { PARTY_CALLERS, PARTY_MAP, fieldsOf, foundCommittees, refusal, startPartyBuilding, type PartyBuildingTest } from '../testing/party-test-support';

const { STREET, COMMUNITY, OTHER_COMMUNITY, GRID } = PARTY_MAP;
const EXCLUSIVE = '370502003001901';
const BARE_EXCLUSIVE = '370502003001902';
const CLOSED_EXCLUSIVE = '370502003001903';
const OTHER_EXCLUSIVE = '370502003002901';
const { ADMIN, SECRETARY, OTHER_SECRETARY, INSTRUCTOR } = PARTY_CALLERS;
const PHONE = '13912345678';
const CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The field a 400 names (`details.fields[0].field`). */
async function invalidField(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await refusal(promise);
  expect(error.kind).toBe('validation');
  return fieldsOf(error)?.[0];
}

function withCheck(first17: string): string {
  return first17 + usccCheckCharacter(first17);
}

const shop = (over: Partial<AddMemberUnitBody> = {}): AddMemberUnitBody => ({
  kind: 'shop',
  name: '淮河路某某超市',
  contactPost: '店长',
  contactName: '李店长',
  contactPhone: PHONE,
  joinedOn: '2022-07-09',
  ...over,
});

describe('exclusive-grid work committees over the bus', () => {
  let party: PartyBuildingTest;
  let committees: CommitteesClient;
  let organisations: OrganisationsClient;
  let db: Client;
  let jointBranchId: string;

  beforeAll(async () => {
    party = await startPartyBuilding([
      { level: 'street', path: [STREET] },
      { level: 'community', path: [STREET, COMMUNITY] },
      { level: 'community', path: [STREET, OTHER_COMMUNITY] },
      { level: 'grid', path: [STREET, COMMUNITY, GRID] },
      { level: 'exclusive_grid', path: [STREET, COMMUNITY, EXCLUSIVE] },
      { level: 'exclusive_grid', path: [STREET, COMMUNITY, BARE_EXCLUSIVE] },
      { level: 'exclusive_grid', path: [STREET, COMMUNITY, CLOSED_EXCLUSIVE], active: false },
      { level: 'exclusive_grid', path: [STREET, OTHER_COMMUNITY, OTHER_EXCLUSIVE] },
    ]);
    committees = new CommitteesClient(party.bus);
    organisations = new OrganisationsClient(party.bus);
    db = party.db;
    const { committee, otherCommittee: other } = await foundCommittees(organisations);
    jointBranchId = (await organisations.create(SECRETARY, { name: '淮河路商圈联合党支部', level: 'joint_branch', parentId: committee.id, unitCode: EXCLUSIVE })).id;
    await organisations.create(OTHER_SECRETARY, { name: '二社区联合党支部', level: 'joint_branch', parentId: other.id, unitCode: OTHER_EXCLUSIVE });
  });

  afterAll(async () => {
    await party?.close();
  });

  it('founds one committee per exclusive grid, on its joint branch, within the caller’s scope', async () => {
    const created = await committees.create(SECRETARY, { name: '淮河路商圈专属网格工作委员会', gridCode: EXCLUSIVE, foundedOn: '2022-07-09' });
    expect(created).toMatchObject({ gridCode: EXCLUSIVE, gridName: EXCLUSIVE, jointBranchId, convenor: { kind: 'joint_branch_secretary', organisationId: jointBranchId }, active: true, memberUnitCount: 0 });

    // A second committee for the grid: 409 naming the first to a caller who sees it.
    const taken = await refusal(committees.create(ADMIN, { name: '又一委员会', gridCode: EXCLUSIVE, foundedOn: '2022-07-10' }));
    expect(taken).toMatchObject({ code: PartyErrorCode.Conflict, kind: 'conflict', details: { existingId: created.id } });

    // Not an exclusive grid, inactive, out of scope: refused naming gridCode; the other community's grid is unknown to this secretary.
    for (const gridCode of [GRID, CLOSED_EXCLUSIVE, OTHER_EXCLUSIVE]) {
      const refused = await refusal(committees.create(SECRETARY, { name: 'x', gridCode, foundedOn: '2022-07-09' }));
      expect(refused).toMatchObject({ code: PartyErrorCode.UnitRefused, details: { field: 'gridCode' } });
    }
    expect((await refusal(committees.create(SECRETARY, { name: 'x', gridCode: OTHER_EXCLUSIVE, foundedOn: '2022-07-09' }))).message).toContain('not a unit in your scope');

    // No joint branch on the grid: a convenor's post is needed.
    expect(await invalidField(committees.create(SECRETARY, { name: 'x', gridCode: BARE_EXCLUSIVE, foundedOn: '2022-07-09' }))).toBe('convenorPost');
    expect(await invalidField(committees.create(SECRETARY, { name: 'x', gridCode: BARE_EXCLUSIVE, foundedOn: '2199-01-01', convenorPost: '社区党委副书记' }))).toBe('foundedOn');
    expect(await invalidField(committees.create(SECRETARY, { name: 'x', gridCode: BARE_EXCLUSIVE, foundedOn: '2022-02-30', convenorPost: '社区党委副书记' }))).toBe('foundedOn');
    const bare = await committees.create(SECRETARY, { name: '二号专属网格工作委员会', gridCode: BARE_EXCLUSIVE, foundedOn: '2023-01-01', convenorPost: '社区党委副书记' });
    expect(bare).toMatchObject({ jointBranchId: null, convenor: { kind: 'post', post: '社区党委副书记' } });

    const outsider = await committees.create(OTHER_SECRETARY, { name: '二社区工作委员会', gridCode: OTHER_EXCLUSIVE, foundedOn: '2022-07-09' });
    expect((await refusal(committees.get(SECRETARY, outsider.id))).code).toBe(PartyErrorCode.CommitteeNotFound);
    expect((await committees.list(SECRETARY, { page: 1, pageSize: 50 })).items.map((c) => c.id).sort()).toEqual([created.id, bare.id].sort());
    expect((await committees.list(ADMIN, { page: 1, pageSize: 50 })).total).toBe(3);
    // Readers read, only keepers write.
    expect((await committees.list(INSTRUCTOR, { page: 1, pageSize: 50 })).total).toBe(2);
    expect((await refusal(committees.create(INSTRUCTOR, { name: 'x', gridCode: BARE_EXCLUSIVE, foundedOn: '2022-07-09', convenorPost: 'x' }))).kind).toBe('forbidden');
  });

  it('keeps member units with their contacts, the phone encrypted at rest and masked in every answer', async () => {
    const [committee] = (await committees.list(SECRETARY, { unit: EXCLUSIVE, page: 1, pageSize: 1 })).items;
    const uscc = withCheck('91370500MA3C4K7R0');
    const added = await committees.addMemberUnit(SECRETARY, committee.id, shop({ uscc: uscc.toLowerCase() }));
    expect(added).toMatchObject({ kind: 'shop', uscc, contactName: '李店长', contactPhone: '139****5678', active: true });
    const dup = await refusal(committees.addMemberUnit(ADMIN, committee.id, shop({ name: '同一家', uscc })));
    expect(dup).toMatchObject({ kind: 'conflict', details: { field: 'uscc', existingId: added.id } });
    await committees.addMemberUnit(SECRETARY, committee.id, shop({ kind: 'property_company', name: '某某物业', contactPost: '项目经理', contactName: '王经理', contactPhone: '+86 138-0013-8000' }));

    const detail = await committees.get(INSTRUCTOR, committee.id);
    expect(detail.memberUnitCount).toBe(2);
    expect(detail.memberUnits.map((m) => m.contactPhone).sort()).toEqual(['138****8000', '139****5678']);
    expect(JSON.stringify(detail)).not.toContain(PHONE);

    // At rest: only a cipher token; nowhere in the outbox either (nor the contact's name).
    const rows = await db.query('select * from party_building.committee_member_unit where committee_id = $1', [committee.id]);
    expect(rows.rows).toHaveLength(2);
    expect(JSON.stringify(rows.rows)).not.toContain(PHONE);
    expect(JSON.stringify(rows.rows)).not.toContain('13800138000');
    expect(rows.rows.every((r) => String(r.contact_phone_enc).startsWith('v1.'))).toBe(true);
    const events = await db.query('select type, payload from party_building.outbox where aggregate_key = $1 order by id', [`committee:${committee.id}`]);
    expect(events.rows.map((r) => r.type)).toEqual([PARTY_BUILDING_EVENTS.committeeCreated.type, PARTY_BUILDING_EVENTS.committeeMemberUnitJoined.type, PARTY_BUILDING_EVENTS.committeeMemberUnitJoined.type]);
    expect(events.rows[2].payload.data).toMatchObject({ committeeId: committee.id, gridCode: EXCLUSIVE, kind: 'property_company', memberUnitCount: 2 });
    const outbox = JSON.stringify(events.rows);
    for (const secret of [PHONE, '13800138000', '李店长', '王经理']) expect(outbox).not.toContain(secret);

    // A change of phone is encrypted and masked too; leaving is dated after joining.
    const changed = await committees.updateMemberUnit(SECRETARY, committee.id, added.id, { contactPhone: '13700001111' });
    expect(changed.contactPhone).toBe('137****1111');
    expect(await invalidField(committees.updateMemberUnit(SECRETARY, committee.id, added.id, { leftOn: '2022-07-01' }))).toBe('leftOn');
    expect(await invalidField(committees.addMemberUnit(SECRETARY, committee.id, shop({ joinedOn: '2022-07-01' })))).toBe('joinedOn');
    expect(await invalidField(committees.addMemberUnit(SECRETARY, committee.id, shop({ contactPhone: '12345' })))).toBe('contactPhone');
    expect(await invalidField(committees.addMemberUnit(SECRETARY, committee.id, shop({ kind: 'bank' as never })))).toBe('kind');
    // Out of scope: the committee is unknown.
    expect((await refusal(committees.addMemberUnit(OTHER_SECRETARY, committee.id, shop()))).code).toBe(PartyErrorCode.CommitteeNotFound);
  });

  it('refuses a malformed credit code, naming uscc, and stores nothing', async () => {
    const [committee] = (await committees.list(SECRETARY, { unit: BARE_EXCLUSIVE, page: 1, pageSize: 1 })).items;
    const character = fc.constantFrom(...CHARACTERS.split(''));
    const first17 = fc.tuple(fc.constantFrom(...'123456789ANY'.split('')), character, fc.stringMatching(/^\d{6}$/), fc.array(character, { minLength: 9, maxLength: 9 })).map(([a, b, region, rest]) => a + b + region + rest.join(''));
    const wrongCheck = fc.tuple(first17, character).filter(([f, c]) => usccCheckCharacter(f) !== c).map(([f, c]) => f + c);
    const malformed = fc.oneof(wrongCheck, fc.string({ maxLength: 30 }).filter((s) => s.trim().length !== 18));
    await fc.assert(
      fc.asyncProperty(malformed, async (uscc) => {
        expect(await invalidField(committees.addMemberUnit(SECRETARY, committee.id, shop({ uscc })))).toBe('uscc');
      }),
      { numRuns: 25 },
    );
    expect((await db.query('select count(*)::int as n from party_building.committee_member_unit where committee_id = $1', [committee.id])).rows[0].n).toBe(0);
  });

  it('records a meeting whose resolutions become tasks, flags the overdue, and closes a task done with a note', async () => {
    const [committee] = (await committees.list(SECRETARY, { unit: EXCLUSIVE, page: 1, pageSize: 1 })).items;
    const { memberUnits } = await committees.get(SECRETARY, committee.id);
    const [market, property] = memberUnits;
    const meeting = {
      heldAt: '2022-07-09T19:30:00+08:00',
      title: '第一次工作委员会会议',
      place: '淮河路商圈网格驿站',
      presentUnitIds: [market.id, property.id],
      agenda: ['成立专属网格工作委员会', '审议工作规则', '商圈夏季安全'],
      minutes: '会议通过了工作规则。',
      resolutions: [
        { text: '夜间停车秩序由物业牵头整治', task: { owner: { kind: 'member_unit' as const, id: property.id }, dueOn: '2022-08-31' } },
        { text: '联合党支部组织商户党员志愿服务', task: { owner: { kind: 'organisation' as const, id: jointBranchId }, dueOn: '2199-12-31' } },
        { text: '商圈东侧井盖破损上报网格' },
      ],
    };

    // Bad input names the field, and nothing is stored.
    expect(await invalidField(committees.recordMeeting(SECRETARY, committee.id, { ...meeting, presentUnitIds: [market.id, '8f1d2a3b-0000-4000-8000-000000000000'] }))).toBe('presentUnitIds.1');
    expect(await invalidField(committees.recordMeeting(SECRETARY, committee.id, { ...meeting, resolutions: [{ text: 'x', task: { owner: { kind: 'member_unit', id: property.id }, dueOn: '2022-07-01' } }] }))).toBe('resolutions.0.task.dueOn');
    expect(await invalidField(committees.recordMeeting(SECRETARY, committee.id, { ...meeting, resolutions: [{ text: 'x', task: { owner: { kind: 'organisation', id: committee.id }, dueOn: '2022-08-01' } }] }))).toBe('resolutions.0.task.owner.id');
    expect(await invalidField(committees.recordMeeting(SECRETARY, committee.id, { ...meeting, heldAt: '2199-01-01T10:00:00+08:00' }))).toBe('heldAt');
    expect(await invalidField(committees.recordMeeting(SECRETARY, committee.id, { ...meeting, agenda: [] }))).toBe('agenda');
    expect((await db.query('select count(*)::int as n from party_building.committee_meeting')).rows[0].n).toBe(0);

    const held = await committees.recordMeeting(SECRETARY, committee.id, meeting);
    expect(held).toMatchObject({ title: '第一次工作委员会会议', agenda: meeting.agenda, present: [{ id: market.id, name: market.name }, { id: property.id, name: property.name }] });
    expect(held.resolutions.map((r) => [r.position, r.text, r.taskId !== null, r.caseId])).toEqual([
      [1, meeting.resolutions[0].text, true, null],
      [2, meeting.resolutions[1].text, true, null],
      [3, meeting.resolutions[2].text, false, null],
    ]);
    expect(await committees.meetings(INSTRUCTOR, committee.id)).toEqual([held]);

    const open = await committees.tasks(INSTRUCTOR, committee.id, { status: 'open', page: 1, pageSize: 50 });
    expect(open.items.map((t) => [t.title, t.owner.name, t.overdue])).toEqual([
      [meeting.resolutions[0].text, property.name, true],
      [meeting.resolutions[1].text, '淮河路商圈联合党支部', false],
    ]);
    const overdue = await committees.tasks(SECRETARY, committee.id, { overdue: true, page: 1, pageSize: 50 });
    expect(overdue.items.map((t) => t.id)).toEqual([open.items[0].id]);
    expect(await committees.get(SECRETARY, committee.id)).toMatchObject({ meetingCount: 1, openTaskCount: 2, overdueTaskCount: 1 });

    const task = open.items[0];
    expect((await refusal(committees.updateTask(SECRETARY, committee.id, task.id, { status: 'done' }))).details).toMatchObject({ field: 'note' });
    expect((await refusal(committees.updateTask(INSTRUCTOR, committee.id, task.id, { status: 'done', note: 'x' }))).kind).toBe('forbidden');
    const done = await committees.updateTask(SECRETARY, committee.id, task.id, { status: 'done', note: '已划定夜间停车区' });
    expect(done).toMatchObject({ status: 'done', note: '已划定夜间停车区', overdue: false });
    expect(done.closedAt).not.toBeNull();
    expect((await refusal(committees.updateTask(SECRETARY, committee.id, task.id, { status: 'open' }))).details).toMatchObject({ field: 'status' });
    expect((await committees.tasks(SECRETARY, committee.id, { overdue: true, page: 1, pageSize: 50 })).items).toEqual([]);
    expect((await committees.tasks(SECRETARY, committee.id, { status: 'done', page: 1, pageSize: 50 })).items.map((t) => t.id)).toEqual([task.id]);

    const events = await db.query('select type, payload from party_building.outbox where aggregate_key = $1 and type in ($2, $3) order by id', [`committee:${committee.id}`, PARTY_BUILDING_EVENTS.committeeMeetingHeld.type, PARTY_BUILDING_EVENTS.committeeTaskUpdated.type]);
    expect(events.rows.map((r) => r.payload.data)).toEqual([
      expect.objectContaining({ meetingId: held.id, presentCount: 2, agendaItemCount: 3, resolutionCount: 3, taskCount: 2 }),
      expect.objectContaining({ taskId: task.id, status: 'done', changed: ['status'] }),
    ]);
    expect(JSON.stringify(events.rows)).not.toContain('已划定夜间停车区');
  });
});
