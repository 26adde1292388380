import { PARTY_BUILDING_EVENTS } from '@gridline/contracts-party-building';
import { unitFactory } from '@gridline/testing';
import { PARTY_STREET, foundOrganisation, partyCaseCategories, startPartyStreet } from './support/party-street';
import { fieldsOf, type StreetFixture, type StreetSeed } from './support/street-fixture';

const { STREET, COMMUNITY, OTHER_COMMUNITY } = PARTY_STREET;
const EXCLUSIVE = '370502003001901';
const PHONE = '13912345678';

/**
 * The Huaihe Road walk: an exclusive grid's work committee through the gateway — founded on the grid's joint branch,
 * member units with their contacts, the first working committee meeting, a task done, a resolution that becomes a
 * grid case in incidents (once, however often it is asked).
 */
describe('exclusive-grid work committees (专属网格工作委员会)', () => {
  let walk: StreetFixture;

  beforeAll(async () => {
    const seed: StreetSeed = {
      units: [
        unitFactory().street(STREET).build(),
        unitFactory().community(COMMUNITY).build(),
        unitFactory().exclusiveGrid(EXCLUSIVE, 'commercial', '淮河路商圈专属网格').at(118.5, 37.4).build(),
        unitFactory().community(OTHER_COMMUNITY).build(),
      ],
      categories: partyCaseCategories(),
    };
    walk = await startPartyStreet({ services: ['registry', 'incidents', 'party-building'], seed, people: { staff: { sub: 'staff-1', roles: ['grid_staff'], units: [COMMUNITY] } } });
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('walks from the committee to a task done and a resolution handed to incidents as one grid case', async () => {
    const top = await foundOrganisation(walk, { name: '街道党工委', level: 'working_committee', unitCode: STREET });
    const committeeOrg = await foundOrganisation(walk, { name: '一社区党委', level: 'party_committee', parentId: top, unitCode: COMMUNITY });
    const jointBranch = await foundOrganisation(walk, { name: '淮河路商圈联合党支部', level: 'joint_branch', parentId: committeeOrg, unitCode: EXCLUSIVE }, 'secretary');

    const created = await walk.call('secretary', 'POST', '/api/v1/party/committees', { name: '淮河路商圈专属网格工作委员会', gridCode: EXCLUSIVE, foundedOn: '2022-07-09' });
    expect(created.statusCode).toBe(201);
    const committee = created.json();
    expect(committee).toMatchObject({ gridCode: EXCLUSIVE, gridName: '淮河路商圈专属网格', jointBranchId: jointBranch, convenor: { kind: 'joint_branch_secretary' } });
    const again = await walk.call('admin', 'POST', '/api/v1/party/committees', { name: 'x', gridCode: EXCLUSIVE, foundedOn: '2022-07-09' });
    expect(again.statusCode).toBe(409);
    expect((await walk.call('otherSecretary', 'GET', `/api/v1/party/committees/${committee.id}`)).statusCode).toBe(404);
    expect((await walk.call('staff', 'GET', `/api/v1/party/committees/${committee.id}`)).statusCode).toBe(403);

    const unit = async (body: object) => {
      const res = await walk.call('secretary', 'POST', `/api/v1/party/committees/${committee.id}/member-units`, { contactPost: '负责人', joinedOn: '2022-07-09', ...body });
      expect(res.statusCode).toBe(201);
      return res.json();
    };
    const market = await unit({ kind: 'shop', name: '淮河路某某超市', contactName: '李店长', contactPhone: PHONE });
    const property = await unit({ kind: 'property_company', name: '某某物业', contactName: '王经理', contactPhone: '13800138000' });
    expect(market.contactPhone).toBe('139****5678');
    const badCode = await walk.call('secretary', 'POST', `/api/v1/party/committees/${committee.id}/member-units`, { kind: 'enterprise', name: 'x', uscc: '91370500MA3C4K7R0X', contactPost: 'x', contactName: 'x', contactPhone: PHONE, joinedOn: '2022-07-09' });
    expect(badCode.statusCode).toBe(400);
    expect(fieldsOf(badCode)).toEqual(['uscc']);

    const meeting = await walk.call('secretary', 'POST', `/api/v1/party/committees/${committee.id}/meetings`, {
      heldAt: '2022-07-09T19:30:00+08:00',
      title: '第一次工作委员会会议',
      place: '淮河路商圈网格驿站',
      presentUnitIds: [market.id, property.id],
      agenda: ['成立专属网格工作委员会', '商圈夏季安全'],
      resolutions: [
        { text: '夜间停车秩序由物业牵头整治', task: { owner: { kind: 'member_unit', id: property.id }, dueOn: '2022-08-31' } },
        { text: '商圈东侧垃圾堆放上报网格处置' },
      ],
    });
    expect(meeting.statusCode).toBe(201);
    const [taskResolution, caseResolution] = meeting.json().resolutions;

    const overdue = await walk.call('analyst', 'GET', `/api/v1/party/committees/${committee.id}/tasks?overdue=true`);
    expect(overdue.json()).toMatchObject({ total: 1, items: [{ resolutionId: taskResolution.id, overdue: true, owner: { name: '某某物业' } }] });
    const task = overdue.json().items[0];
    const noNote = await walk.call('secretary', 'PATCH', `/api/v1/party/committees/${committee.id}/tasks/${task.id}`, { status: 'done' });
    expect(noNote.statusCode).toBe(422);
    const done = await walk.call('secretary', 'PATCH', `/api/v1/party/committees/${committee.id}/tasks/${task.id}`, { status: 'done', note: '已划定夜间停车区' });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });

    // A resolution that became a task is not also a case; the other becomes one, once.
    const caseUrl = (id: string) => `/api/v1/party/committees/${committee.id}/resolutions/${id}/case`;
    expect((await walk.call('secretary', 'POST', caseUrl(taskResolution.id), { categoryCode: 'ENV.GARBAGE' })).statusCode).toBe(422);
    const badCategory = await walk.call('secretary', 'POST', caseUrl(caseResolution.id), { categoryCode: 'ENV' });
    expect(fieldsOf(badCategory)).toEqual(['categoryCode']);
    expect((await walk.call('otherSecretary', 'POST', caseUrl(caseResolution.id), { categoryCode: 'ENV.GARBAGE' })).statusCode).toBe(404);
    const opened = await walk.call('secretary', 'POST', caseUrl(caseResolution.id), { categoryCode: 'ENV.GARBAGE' });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({ resolution: { id: caseResolution.id, caseId: opened.json().caseId }, replayed: false });
    const retried = await walk.call('admin', 'POST', caseUrl(caseResolution.id), { categoryCode: 'ENV.GARBAGE' });
    expect(retried.json()).toMatchObject({ caseId: opened.json().caseId, replayed: true });

    const incident = await walk.call('admin', 'GET', `/api/v1/incidents/${opened.json().caseId}`);
    expect(incident.json()).toMatchObject({ gridCode: EXCLUSIVE, source: 'party_committee', title: '商圈东侧垃圾堆放上报网格处置' });
    const db = await walk.db();
    expect((await db.query(`select count(*)::int as n from incidents.incident where source = 'party_committee'`)).rows[0].n).toBe(1);
    const meetings = await walk.call('analyst', 'GET', `/api/v1/party/committees/${committee.id}/meetings`);
    expect(meetings.json()[0].resolutions.map((r: { caseId: string | null; taskId: string | null }) => [r.taskId !== null, r.caseId])).toEqual([
      [true, null],
      [false, opened.json().caseId],
    ]);
    const events = await db.query('select type, payload from party_building.outbox where aggregate_key = $1 order by id', [`committee:${committee.id}`]);
    expect(events.rows.filter((r) => r.type === PARTY_BUILDING_EVENTS.committeeCaseOpened.type).map((r) => r.payload.data)).toEqual([
      expect.objectContaining({ resolutionId: caseResolution.id, caseId: opened.json().caseId, gridCode: EXCLUSIVE }),
    ]);
    for (const secret of [PHONE, '13800138000', '李店长', '王经理']) expect(JSON.stringify(events.rows)).not.toContain(secret);
  });
});
