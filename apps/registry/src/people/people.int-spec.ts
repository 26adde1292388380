import { connect, type NatsConnection as RawNats } from 'nats';
import { Client } from 'pg';
import { AppError, chinaDay } from '@gridline/platform';
import { streamName } from '@gridline/messaging';
import { SYSTEM_CALLER, type Caller } from '@gridline/auth';
import { RegistryClient, RegistryPeopleClient, GRID_ROLES, SEVEN_INTO_GRID_ROLES, type AssignmentView, type GridRole, type GridStaffRecord } from '@gridline/contracts-registry';
import { TestPlatform, eventually, unitFactory, TEST_SERVERS } from '@gridline/testing';
import { RegistryAppModule } from '../registry-app.module';
import { RegistryConfig } from '../registry.config';

const STREET = '370502003';
const C1 = '370502003001';
const G1 = `${C1}001`;
const G2 = `${C1}002`;
const X1 = `${C1}901`;
const C2 = '370502003002';
const G3 = `${C2}001`;
const C3 = '370502003003';
const G5 = `${C3}001`;
const G6 = `${C3}002`;
const G7 = `${C3}003`; // inactive
const X2 = `${C3}901`;

const ADMIN: Caller = { sub: 'admin', roles: ['admin'], units: [] };
const STREET_ADMIN: Caller = { sub: 'street', roles: ['street_admin'], units: [STREET] };
const C1_ADMIN: Caller = { sub: 'c1', roles: ['community_admin'], units: [C1] };
const C2_ADMIN: Caller = { sub: 'c2', roles: ['community_admin'], units: [C2] };
const C3_ADMIN: Caller = { sub: 'c3', roles: ['community_admin'], units: [C3] };
const G1_STAFF: Caller = { sub: 'g1', roles: ['grid_staff'], units: [G1] };
const G2_STAFF: Caller = { sub: 'g2', roles: ['grid_staff'], units: [G2] };

const PHONE = '13805461234';
const MASKED = '138****1234';

async function failure(promise: Promise<unknown>, code: string, field?: string): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (field) expect((error as AppError).details?.fields).toEqual([expect.objectContaining({ field })]);
  return error as AppError;
}

describe('people attached to grids, over the bus', () => {
  let platform: TestPlatform;
  let registry: RegistryClient;
  let people: RegistryPeopleClient;
  let nc: RawNats;
  const today = chinaDay();

  /** Every response of the run, to scan for the clear phone number at the end. */
  const responses: unknown[] = [];
  const seen = <T>(value: T): T => {
    responses.push(value);
    return value;
  };

  async function newPerson(name: string, phone?: string): Promise<string> {
    return seen(await people.createPerson(ADMIN, { name, ...(phone ? { phone } : {}) })).id;
  }

  async function assign(unitCode: string, personId: string, role: GridRole, period: { startsOn?: string; endsOn?: string } = {}): Promise<AssignmentView> {
    return seen(await people.assignPerson(ADMIN, unitCode, { personId, role, ...period }));
  }

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config));
    const bus = await platform.bus();
    registry = new RegistryClient(bus);
    people = new RegistryPeopleClient(bus);
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
    for (const unit of [
      unitFactory().street(STREET).build(),
      unitFactory().community(C1).build(),
      unitFactory().grid(G1).at(118.5, 37.4).build(),
      unitFactory().grid(G2).at(118.51, 37.4).build(),
      unitFactory().exclusiveGrid(X1, 'school').at(118.52, 37.4).build(),
      unitFactory().community(C2).build(),
      unitFactory().grid(G3).at(118.5, 37.41).build(),
      unitFactory().community(C3).build(),
      unitFactory().grid(G5).at(118.5, 37.42).build(),
      unitFactory().grid(G6).at(118.51, 37.42).build(),
      unitFactory().grid(G7).at(118.52, 37.42).inactive().build(),
      unitFactory().exclusiveGrid(X2, 'commercial').at(118.53, 37.42).build(),
    ]) {
      await registry.createUnit(ADMIN, unit);
    }
  });

  afterAll(async () => {
    await nc?.close();
    await platform?.close();
  });

  describe('persons', () => {
    it('creates a person, storing the phone encrypted and answering it masked', async () => {
      const person = seen(await people.createPerson(C1_ADMIN, { name: ' 王晓梅 ', phone: '+86 138-0546-1234' }));
      expect(person).toEqual({ id: expect.any(String), name: '王晓梅', phone: MASKED, account: null, createdAt: expect.any(String) });
      expect(JSON.stringify(person)).not.toContain(PHONE);

      const db = new Client({ connectionString: platform.db.url });
      await db.connect();
      try {
        const { rows } = await db.query<{ phone_enc: string; phone_index: string }>('select phone_enc, phone_index from registry.person where id = $1', [person.id]);
        expect(rows).toHaveLength(1);
        expect(JSON.stringify(rows)).not.toContain(PHONE);
        expect(JSON.stringify(rows)).not.toContain('0546');
      } finally {
        await db.end();
      }
    });

    it('creates a person without a phone', async () => {
      const person = seen(await people.createPerson(STREET_ADMIN, { name: '李四' }));
      expect(person.phone).toBeNull();
    });

    it('links a person to their login account, once per account', async () => {
      const person = seen(await people.createPerson(C1_ADMIN, { name: '周敏', account: 'zhou.min' }));
      expect(person).toMatchObject({ name: '周敏', account: 'zhou.min' });
      expect(seen(await people.getPerson(ADMIN, person.id))).toMatchObject({ account: 'zhou.min' });
      const taken = await failure(people.createPerson(STREET_ADMIN, { name: '周敏二', account: 'zhou.min' }), 'PERSON_ACCOUNT_TAKEN');
      expect(taken.kind).toBe('conflict');
      await failure(people.createPerson(ADMIN, { name: '周敏三', account: 'zhou min' }), 'VALIDATION_FAILED', 'account');
    });

    it('lets only admins and the street and community grid centres add people', async () => {
      await failure(people.createPerson(G1_STAFF, { name: '张三' }), 'FORBIDDEN');
    });

    it('refuses a phone that is not a mainland mobile, naming the field without echoing the value', async () => {
      const error = await failure(people.createPerson(ADMIN, { name: '张三', phone: '1380546123' }), 'VALIDATION_FAILED', 'phone');
      expect(JSON.stringify(error.toEnvelope())).not.toContain('1380546123');
    });

    it('answers 404 PERSON_NOT_FOUND for an unknown person', async () => {
      await failure(people.getPerson(ADMIN, '00000000-0000-4000-8000-000000000000'), 'PERSON_NOT_FOUND');
    });
  });

  describe('assignments', () => {
    let wang: string;

    beforeAll(async () => {
      wang = await newPerson('王晓梅', PHONE);
    });

    it('assigns grid staff on a grid from today, with the person masked, and announces it without the phone', async () => {
      const assignment = seen(await people.assignPerson(C1_ADMIN, G1, { personId: wang, role: 'grid_staff' }));
      expect(assignment).toEqual({
        id: expect.any(String),
        personId: wang,
        personName: '王晓梅',
        personPhone: MASKED,
        unitCode: G1,
        role: 'grid_staff',
        startsOn: today,
        endsOn: null,
        active: true,
        workPhone: null,
      });

      const jsm = await nc.jetstreamManager();
      await eventually(async () => {
        const msg = await jsm.streams.getMessage(streamName(platform.prefix, 'registry'), {
          last_by_subj: `${platform.prefix}.events.registry.assignment.created`,
        });
        expect(msg.json()).toMatchObject({
          type: 'gridline.registry.assignment.created.v1',
          source: '/gridline/registry',
          subject: assignment.id,
          data: { assignment: { id: assignment.id, personId: wang, unitCode: G1, role: 'grid_staff', startsOn: today, endsOn: null, source: null } },
        });
        expect(Object.keys(msg.json<{ data: { assignment: object } }>().data.assignment).sort()).toEqual(['endsOn', 'id', 'personId', 'role', 'source', 'startsOn', 'unitCode']);
        expect(msg.string()).not.toContain(PHONE);
        expect(msg.string()).not.toContain('王晓梅');
      });
    });

    it('answers 404 UNIT_NOT_FOUND for an unknown unit and 404 PERSON_NOT_FOUND for an unknown person', async () => {
      await failure(people.assignPerson(ADMIN, `${C1}099`, { personId: wang, role: 'grid_staff' }), 'UNIT_NOT_FOUND');
      await failure(people.assignPerson(ADMIN, G2, { personId: '00000000-0000-4000-8000-000000000000', role: 'grid_staff' }), 'PERSON_NOT_FOUND');
    });

    it('refuses an inactive unit, naming unitCode', async () => {
      const error = await failure(people.assignPerson(ADMIN, G7, { personId: wang, role: 'grid_staff' }), 'ASSIGNMENT_INVALID', 'unitCode');
      expect(error.kind).toBe('validation');
    });

    it.each<[GridRole, string]>([
      ['grid_staff', C1],
      ['grid_partner', STREET],
      ['building_chief', C1],
      ['property_staff', C1],
      ['community_police', STREET],
      ['two_committee_member', STREET],
    ])('refuses %s on %s (a level the role does not belong on), naming role', async (role, unit) => {
      await failure(people.assignPerson(ADMIN, unit, { personId: wang, role }), 'ASSIGNMENT_INVALID', 'role');
    });

    it.each<[GridRole, string]>([
      ['grid_instructor', STREET],
      ['grid_instructor', C1],
      ['grid_instructor', G1],
      ['community_police', C1],
      ['social_worker', X1],
      ['property_staff', X1],
    ])('accepts %s on %s', async (role, unit) => {
      const assignment = await assign(unit, wang, role);
      expect(assignment).toMatchObject({ role, unitCode: unit, active: true });
    });

    it('refuses an end before the start and a date that does not exist, naming the field', async () => {
      await failure(people.assignPerson(ADMIN, G2, { personId: wang, role: 'grid_staff', startsOn: '2025-03-01', endsOn: '2025-02-28' }), 'ASSIGNMENT_INVALID', 'endsOn');
      // A day that does not exist is refused by the contract's IsCalendarDate, before the use case.
      await failure(people.assignPerson(ADMIN, G2, { personId: wang, role: 'grid_staff', startsOn: '2025-02-30' }), 'VALIDATION_FAILED', 'startsOn');
      await failure(people.assignPerson(ADMIN, G2, { personId: wang, role: 'grid_staff', startsOn: '2025-01-01', endsOn: '2025-13-01' }), 'VALIDATION_FAILED', 'endsOn');
      await failure(people.assignPerson(ADMIN, G2, { personId: wang, role: 'grid_staff', startsOn: '2025-1-1' }), 'VALIDATION_FAILED', 'startsOn');
    });

    it('refuses the same person in the same role on the same unit over overlapping periods (409), and allows adjacent ones', async () => {
      const first = await assign(G2, wang, 'building_chief', { startsOn: '2024-01-01', endsOn: '2024-06-30' });
      const error = await failure(
        people.assignPerson(ADMIN, G2, { personId: wang, role: 'building_chief', startsOn: '2024-06-30', endsOn: '2024-12-31' }),
        'ASSIGNMENT_CONFLICT',
      );
      expect(error.kind).toBe('conflict');
      expect(error.details).toMatchObject({ reason: 'overlaps', assignmentId: first.id });
      await assign(G2, wang, 'building_chief', { startsOn: '2024-07-01', endsOn: '2024-12-31' });
      await assign(G2, wang, 'building_chief', { startsOn: '2025-01-01' });
      // open-ended: anything later overlaps it
      await failure(people.assignPerson(ADMIN, G2, { personId: wang, role: 'building_chief', startsOn: '2099-01-01' }), 'ASSIGNMENT_CONFLICT');
      // the same period in another role, or on another unit, is fine
      await assign(G2, wang, 'grid_partner', { startsOn: '2024-06-30', endsOn: '2024-12-31' });
      await assign(G1, wang, 'building_chief', { startsOn: '2024-06-30', endsOn: '2024-12-31' });
    });

    it('lets only one of two concurrent overlapping assignments through', async () => {
      const request = () => people.assignPerson(ADMIN, G2, { personId: wang, role: 'grid_staff', startsOn: '2025-05-01' });
      const results = await Promise.allSettled([request(), request(), request()]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('ASSIGNMENT_CONFLICT');
      responses.push(...results.map((r) => (r.status === 'fulfilled' ? r.value : null)));
    });

    it('lets the map editors assign within their scope only', async () => {
      await failure(people.assignPerson(C2_ADMIN, G1, { personId: wang, role: 'grid_partner' }), 'UNIT_OUT_OF_SCOPE');
      await failure(people.assignPerson(G1_STAFF, G1, { personId: wang, role: 'grid_partner' }), 'FORBIDDEN');
      const assignment = seen(await people.assignPerson(STREET_ADMIN, G3, { personId: wang, role: 'grid_partner' }));
      expect(assignment.unitCode).toBe(G3);
    });

    it('answers a person who works only outside the caller\'s scope like an unknown person: 404, no name, nothing assigned', async () => {
      const zhao = await newPerson('赵静', '13700004444');
      await assign(G3, zhao, 'grid_partner');
      const formerly = await newPerson('钱进', '13700005555');
      await assign(G3, formerly, 'grid_partner', { startsOn: '2024-01-01', endsOn: '2024-12-31' });
      for (const personId of [zhao, formerly]) {
        const error = await failure(people.assignPerson(C1_ADMIN, G1, { personId, role: 'grid_partner' }), 'PERSON_NOT_FOUND');
        expect(error.kind).toBe('not_found');
        expect(error.details).toEqual({ id: personId });
        expect(error.message).toBe(`Person ${personId} does not exist`);
      }
      expect(JSON.stringify(responses)).not.toContain('13700004444');
      expect((await people.getPerson(ADMIN, zhao)).assignments.map((a) => a.unitCode)).toEqual([G3]);
      expect((await people.getPerson(ADMIN, formerly)).assignments.map((a) => a.unitCode)).toEqual([G3]);
      // Who may see the person may give them a role in their own scope.
      expect(seen(await people.assignPerson(STREET_ADMIN, G1, { personId: zhao, role: 'grid_partner' }))).toMatchObject({ personName: '赵静', unitCode: G1 });
      expect(seen(await people.assignPerson(C2_ADMIN, G3, { personId: formerly, role: 'grid_partner' }))).toMatchObject({ personName: '钱进', unitCode: G3 });
    });

    it('lets a community centre place the person it has just created, who works nowhere yet', async () => {
      const created = seen(await people.createPerson(C1_ADMIN, { name: '李新', phone: '13700006666' }));
      await failure(people.getPerson(C1_ADMIN, created.id), 'PERSON_NOT_FOUND');
      const assignment = seen(await people.assignPerson(C1_ADMIN, G1, { personId: created.id, role: 'grid_partner' }));
      expect(assignment).toMatchObject({ personId: created.id, personName: '李新', personPhone: '137****6666', unitCode: G1 });
      expect((seen(await people.getPerson(C1_ADMIN, created.id))).assignments.map((a) => a.unitCode)).toEqual([G1]);
    });

    it('validates the payload again at the service, naming the fields', async () => {
      const bus = await platform.bus();
      const error = await failure(
        bus.request({ service: 'registry', pattern: 'registry.assignment.create' }, { unitCode: G1, personId: 'nope', role: 'mayor', extra: 1 } as never, { caller: ADMIN }),
        'VALIDATION_FAILED',
      );
      expect((error.details?.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['extra', 'personId', 'role']);
    });
  });

  describe('ending assignments', () => {
    let li: string;

    beforeAll(async () => {
      li = await newPerson('李红', '13912345678');
    });

    it('ends an assignment today by default (its last day), announces it, and refuses to end it again (409)', async () => {
      const assignment = await assign(G1, li, 'social_worker', { startsOn: '2025-01-01' });
      const ended = seen(await people.endAssignment(C1_ADMIN, assignment.id));
      expect(ended).toMatchObject({ id: assignment.id, startsOn: '2025-01-01', endsOn: today, active: true, personPhone: '139****5678' });

      const jsm = await nc.jetstreamManager();
      await eventually(async () => {
        const msg = await jsm.streams.getMessage(streamName(platform.prefix, 'registry'), { last_by_subj: `${platform.prefix}.events.registry.assignment.ended` });
        expect(msg.json()).toMatchObject({
          type: 'gridline.registry.assignment.ended.v1',
          subject: assignment.id,
          data: { assignment: { id: assignment.id, personId: li, unitCode: G1, role: 'social_worker', startsOn: '2025-01-01', endsOn: today } },
        });
        expect(msg.string()).not.toContain('13912345678');
      });

      const again = await failure(people.endAssignment(C1_ADMIN, assignment.id), 'ASSIGNMENT_CONFLICT');
      expect(again.kind).toBe('conflict');
      expect(again.details).toMatchObject({ reason: 'already_ended', endsOn: today });
    });

    it('ends on a given past day, after which the assignment is inactive; a second end is a conflict', async () => {
      const assignment = await assign(G1, li, 'two_committee_member', { startsOn: '2024-01-01' });
      const ended = seen(await people.endAssignment(ADMIN, assignment.id, { endsOn: '2024-06-30' }));
      expect(ended).toMatchObject({ endsOn: '2024-06-30', active: false });
      await failure(people.endAssignment(ADMIN, assignment.id, { endsOn: '2024-05-01' }), 'ASSIGNMENT_CONFLICT');
    });

    it('brings a planned end forward but never pushes it back, and never before the start', async () => {
      const assignment = await assign(G1, li, 'in_service_party_member', { startsOn: '2025-01-01', endsOn: '2099-12-31' });
      await failure(people.endAssignment(ADMIN, assignment.id, { endsOn: '2024-12-31' }), 'ASSIGNMENT_INVALID', 'endsOn');
      await failure(people.endAssignment(ADMIN, assignment.id, { endsOn: '2099-12-31' }), 'ASSIGNMENT_INVALID', 'endsOn');
      const ended = seen(await people.endAssignment(ADMIN, assignment.id, { endsOn: '2098-12-31' }));
      expect(ended.endsOn).toBe('2098-12-31');
    });

    it('lets only map editors within scope end assignments; one outside the scope answers 404 like an unknown one', async () => {
      const assignment = await assign(G1, li, 'property_staff');
      const outside = await failure(people.endAssignment(C2_ADMIN, assignment.id), 'ASSIGNMENT_NOT_FOUND');
      expect(outside.details).toEqual({ id: assignment.id });
      expect(outside.message).not.toContain(G1);
      await failure(people.endAssignment(G1_STAFF, assignment.id), 'FORBIDDEN');
      await failure(people.endAssignment(G1_STAFF, '00000000-0000-4000-8000-000000000000'), 'FORBIDDEN');
      await failure(people.endAssignment(ADMIN, '00000000-0000-4000-8000-000000000000'), 'ASSIGNMENT_NOT_FOUND');
      expect((await people.getPerson(ADMIN, li)).assignments.find((a) => a.id === assignment.id)).toMatchObject({ endsOn: null });
    });
  });

  describe('the people of a unit', () => {
    let zhao: string;
    let current: AssignmentView;
    let past: AssignmentView;
    let future: AssignmentView;

    beforeAll(async () => {
      zhao = await newPerson('赵敏', '13700001111');
      current = await assign(G2, zhao, 'grid_staff', { startsOn: '2025-01-01' });
      past = await assign(G2, zhao, 'community_police', { startsOn: '2023-01-01', endsOn: '2023-12-31' });
      future = await assign(G2, zhao, 'social_worker', { startsOn: '2099-01-01' });
    });

    it('lists the active assignments on the unit by default, masked', async () => {
      const list = seen(await people.unitPeople(G2_STAFF, G2));
      expect(list.map((a) => a.id)).toContain(current.id);
      expect(list.map((a) => a.id)).not.toContain(past.id);
      expect(list.map((a) => a.id)).not.toContain(future.id);
      expect(list.every((a) => a.active && a.unitCode === G2)).toBe(true);
      expect(list.find((a) => a.id === current.id)).toMatchObject({ personName: '赵敏', personPhone: '137****1111' });
      expect(JSON.stringify(list)).not.toContain('13700001111');
    });

    it('includes ended and planned assignments when asked, and filters by role', async () => {
      const all = seen(await people.unitPeople(C1_ADMIN, G2, { includeInactive: true }));
      expect(all.map((a) => a.id)).toEqual(expect.arrayContaining([current.id, past.id, future.id]));
      expect(all.find((a) => a.id === past.id)?.active).toBe(false);
      expect(all.find((a) => a.id === future.id)?.active).toBe(false);
      const order = all.map((a) => GRID_ROLES.indexOf(a.role));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      const police = seen(await people.unitPeople(C1_ADMIN, G2, { role: 'community_police', includeInactive: true }));
      expect(police.map((a) => a.id)).toEqual([past.id]);
      expect(await people.unitPeople(C1_ADMIN, G2, { role: 'community_police' })).toEqual([]);
    });

    it('lists only that unit, not the units beneath it', async () => {
      const onCommunity = seen(await people.unitPeople(ADMIN, C1));
      expect(onCommunity.every((a) => a.unitCode === C1)).toBe(true);
    });

    it('checks the scope like a unit read: 403 outside it, 404 for an unknown unit', async () => {
      await failure(people.unitPeople(G1_STAFF, G2), 'UNIT_OUT_OF_SCOPE');
      await failure(people.unitPeople(C2_ADMIN, G2), 'UNIT_OUT_OF_SCOPE');
      await failure(people.unitPeople(ADMIN, `${C1}099`), 'UNIT_NOT_FOUND');
    });
  });

  describe('reading a person', () => {
    let sun: string;
    let loner: string;

    beforeAll(async () => {
      sun = await newPerson('孙立', '13600002222');
      await assign(G1, sun, 'grid_partner');
      await assign(G3, sun, 'grid_partner', { startsOn: '2023-01-01', endsOn: '2023-12-31' });
      loner = await newPerson('周一', '13600003333');
    });

    it('shows an admin the person with all their assignments, masked', async () => {
      const person = seen(await people.getPerson(ADMIN, sun));
      expect(person).toMatchObject({ id: sun, name: '孙立', phone: '136****2222' });
      expect(person.assignments.map((a) => a.unitCode).sort()).toEqual([G1, G3]);
      expect(JSON.stringify(person)).not.toContain('13600002222');
    });

    it('shows a caller only the assignments within their scope, an ended one included', async () => {
      expect((seen(await people.getPerson(C1_ADMIN, sun))).assignments.map((a) => a.unitCode)).toEqual([G1]);
      expect((seen(await people.getPerson(G1_STAFF, sun))).assignments.map((a) => a.unitCode)).toEqual([G1]);
      const fromC2 = seen(await people.getPerson(C2_ADMIN, sun));
      expect(fromC2.assignments).toEqual([expect.objectContaining({ unitCode: G3, active: false })]);
      expect((seen(await people.getPerson(STREET_ADMIN, sun))).assignments).toHaveLength(2);
    });

    it('answers a caller whose scope covers none of the person\'s units like an unknown person (404, no name)', async () => {
      const error = await failure(people.getPerson(G2_STAFF, sun), 'PERSON_NOT_FOUND');
      const unknown = await failure(people.getPerson(G2_STAFF, '00000000-0000-4000-8000-000000000000'), 'PERSON_NOT_FOUND');
      expect(error.kind).toBe(unknown.kind);
      expect(error.message.replace(sun, 'ID')).toBe(unknown.message.replace('00000000-0000-4000-8000-000000000000', 'ID'));
      expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('孙立');
    });

    it('shows a person with no assignment to admins only', async () => {
      expect((seen(await people.getPerson(ADMIN, loner))).assignments).toEqual([]);
      await failure(people.getPerson(STREET_ADMIN, loner), 'PERSON_NOT_FOUND');
      await failure(people.getPerson(C1_ADMIN, loner), 'PERSON_NOT_FOUND');
    });
  });

  describe('the grid staff snapshot (for analytics)', () => {
    let analytics: RegistryClient;
    let staffer: string;

    beforeAll(async () => {
      analytics = new RegistryClient(await platform.bus('analytics'));
      staffer = seen(await people.createPerson(ADMIN, { name: '吴刚', phone: '13600002222', account: 'wu.gang' })).id;
      await assign(G1, staffer, 'grid_staff', { startsOn: '2026-02-01', endsOn: '2026-06-30' });
      await assign(G1, staffer, 'building_chief');
    });

    it('answers every grid staff assignment with its person’s name and login, never a phone, page by page', async () => {
      const all: GridStaffRecord[] = [];
      for (let cursor: string | undefined; ; ) {
        const page = seen(await analytics.staffSnapshot(SYSTEM_CALLER, { limit: 1, ...(cursor ? { cursor } : {}) }));
        expect(page.items.length).toBeLessThanOrEqual(1);
        all.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(all.length).toBeGreaterThan(1);
      expect(new Set(all.map((r) => r.assignmentId)).size).toBe(all.length);
      expect(all.filter((r) => r.personId === staffer)).toEqual([
        { assignmentId: expect.any(String), personId: staffer, name: '吴刚', account: 'wu.gang', unitCode: G1, startsOn: '2026-02-01', endsOn: '2026-06-30' },
      ]);
      expect(JSON.stringify(all)).not.toContain('1360000');
      const { items } = await analytics.staffSnapshot(SYSTEM_CALLER, { personIds: [staffer] });
      expect(items.map((r) => r.name)).toEqual(['吴刚']);
    });

    it('answers the analytics service only, and names a bad cursor', async () => {
      await failure(registry.staffSnapshot(ADMIN, {}), 'FORBIDDEN');
      await failure(new RegistryClient(await platform.bus('incidents')).staffSnapshot(SYSTEM_CALLER, {}), 'FORBIDDEN');
      await failure(analytics.staffSnapshot(SYSTEM_CALLER, { cursor: 'nope' }), 'VALIDATION_FAILED', 'cursor');
    });
  });

  describe('coverage', () => {
    beforeAll(async () => {
      // G5: all seven, community police through the community; G6: only the community police and staff
      // that is no longer or not yet active; X2: grid staff only; G7 is inactive and not counted.
      const police = await newPerson('民警甲');
      await assign(C3, police, 'community_police');
      for (const role of SEVEN_INTO_GRID_ROLES.filter((r) => r !== 'community_police')) {
        await assign(G5, await newPerson(`G5 ${role}`), role);
      }
      const former = await newPerson('前网格员');
      await assign(G6, former, 'grid_staff', { startsOn: '2023-01-01', endsOn: '2023-12-31' });
      await assign(G6, former, 'grid_staff', { startsOn: '2099-01-01' });
      await assign(X2, await newPerson('专属网格员'), 'grid_staff');
    });

    it('lists the active grids beneath a community without staff or missing any of the seven roles', async () => {
      const coverage = seen(await people.coverage(C3_ADMIN, C3));
      expect(coverage).toEqual({
        unitCode: C3,
        grids: 3,
        gridsWithoutStaff: [G6],
        gridsMissingRoles: [
          { gridCode: G6, missing: SEVEN_INTO_GRID_ROLES.filter((r) => r !== 'community_police') },
          { gridCode: X2, missing: SEVEN_INTO_GRID_ROLES.filter((r) => r !== 'community_police' && r !== 'grid_staff') },
        ],
      });
    });

    it('reports a grid itself, and the whole street', async () => {
      expect(await people.coverage(ADMIN, G5)).toEqual({ unitCode: G5, grids: 1, gridsWithoutStaff: [], gridsMissingRoles: [] });
      const street = seen(await people.coverage(STREET_ADMIN, STREET));
      expect(street.grids).toBe(7); // G1, G2, X1, G3, G5, G6, X2 — not the inactive G7
      expect(street.gridsWithoutStaff).toEqual([X1, G3, G6]);
      expect(street.gridsMissingRoles.map((g) => g.gridCode)).toEqual([G1, G2, X1, G3, G6, X2]);
    });

    it('checks the scope: 403 outside it, 404 for an unknown unit', async () => {
      await failure(people.coverage(C2_ADMIN, C3), 'UNIT_OUT_OF_SCOPE');
      await failure(people.coverage(G1_STAFF, C1), 'UNIT_OUT_OF_SCOPE');
      expect((await people.coverage(G1_STAFF, G1)).grids).toBe(1);
      await failure(people.coverage(ADMIN, `${C3}099`), 'UNIT_NOT_FOUND');
    });
  });

  describe('personal data', () => {
    const CLEAR = ['13805461234', '13912345678', '13700001111', '13600002222', '13600003333'];

    it('never answers a clear phone number', () => {
      const all = JSON.stringify(responses);
      expect(responses.length).toBeGreaterThan(30);
      for (const phone of CLEAR) expect(all).not.toContain(phone);
    });

    it('never publishes a phone number or a person\'s name in an event', async () => {
      const jsm = await nc.jetstreamManager();
      const stream = streamName(platform.prefix, 'registry');
      const { state } = await eventually(async () => {
        const info = await jsm.streams.info(stream);
        const created = await jsm.streams.getMessage(stream, { last_by_subj: `${platform.prefix}.events.registry.assignment.created` });
        expect(created.json<{ data: { assignment: { unitCode: string } } }>().data.assignment.unitCode).toBe(X2);
        return info;
      });
      let assignmentEvents = 0;
      for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
        const msg = await jsm.streams.getMessage(stream, { seq });
        const text = msg.string();
        for (const phone of CLEAR) expect(text).not.toContain(phone);
        // a mobile number, clear or masked, not inside a longer run of hex digits (ids, unit codes)
        expect(text).not.toMatch(/(?<![0-9a-f])1[3-9]\d(?:\d{4}|\*{4})\d{4}(?![0-9a-f])/);
        if (msg.subject.includes('.assignment.')) {
          assignmentEvents++;
          expect(text).not.toMatch(/王晓梅|李红|赵敏|孙立/);
        }
      }
      expect(assignmentEvents).toBeGreaterThan(20);
    });
  });
});
