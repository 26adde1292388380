import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ROLES, mayAccessRegister, type Caller, type RegisterAction, type RegisterKind, type Role } from '@gridline/auth';
import { RegistryClient, RegistryRegistersClient, residentIdCheckCharacter, usccCheckCharacter, type ResidentView } from '@gridline/contracts-registry';
import { TestPlatform, unitFactory } from '@gridline/testing';
import { RegistryAppModule } from '../registry-app.module';
import { RegistryConfig } from '../registry.config';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const G1 = `${COMMUNITY}001`;
const G2 = `${COMMUNITY}002`;
const NO_GRID = `${COMMUNITY}099`;
const ADMIN: Caller = { sub: 'admin', roles: ['admin'], units: [] };
/** Grid staff of G1: G2's records are outside their scope. */
const STAFF_G1: Caller = { sub: 'staff-g1', roles: ['grid_staff'], units: [G1] };
const STAFF_G2: Caller = { sub: 'staff-g2', roles: ['grid_staff'], units: [G2] };

function idNumber(birth: string, sequence: string): string {
  const first17 = `370502${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

function creditCode(body: string): string {
  return body + usccCheckCharacter(body);
}

/** What a bus call was refused with (or undefined when it was answered). */
async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string; details?: Record<string, unknown> } | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    return error as { code: string; message: string; details?: Record<string, unknown> };
  }
}

/**
 * Scope on every path of the registers, not only on reads by id: imports do not take over records outside
 * the caller's scope, conflicts do not name them, masked views cannot be unmasked, and the registry itself
 * applies the access table of @gridline/auth whatever the gateway did.
 */
describe('registers: scope on every path', () => {
  let platform: TestPlatform;
  let registers: RegistryRegistersClient;
  let db: Client;

  /** A resident of G2, kept by STAFF_G2, whose ID number STAFF_G1 will try. */
  const WANG = { idNumber: idNumber('19450302', '123'), phone: '13805461234', name: '王五' };
  let wangId: string;
  let g2HouseholdId: string;
  let g2BuildingId: string;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config));
    // Callers signed as the gateway signs them: the registry's own checks are what is tested.
    const bus = await platform.bus();
    registers = new RegistryRegistersClient(bus);
    const units = new RegistryClient(bus);
    for (const unit of [
      unitFactory().street(STREET).build(),
      unitFactory().community(COMMUNITY).build(),
      unitFactory().grid(G1).at(118.5, 37.4).build(),
      unitFactory().grid(G2).at(118.51, 37.4).build(),
    ]) {
      await units.createUnit(ADMIN, unit);
    }
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
    g2BuildingId = (await registers.createBuilding(STAFF_G2, { gridCode: G2, address: '李家楼' })).id;
    g2HouseholdId = (await registers.createHousehold(STAFF_G2, { buildingId: g2BuildingId, room: '1-101' })).id;
    wangId = (await registers.createResident(STAFF_G2, { householdId: g2HouseholdId, name: WANG.name, idNumber: WANG.idNumber, phone: WANG.phone })).id;
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  const wangRow = async () =>
    (await db.query(`select name, grid_code, path, household_id, phone_enc, phone_index, tags, updated_at from registry.resident where id = $1`, [wangId])).rows[0];

  describe('CSV import', () => {
    it('rejects a row whose ID number is a resident outside the scope, without naming it, and changes nothing', async () => {
      const before = await wangRow();
      const job = await registers.startImport(STAFF_G1, 'residents');
      const newcomer = idNumber('19800101', '105');
      const batch = await registers.importBatch(STAFF_G1, job.id, 2, [
        { grid_code: G1, name: '冒名', id_number: WANG.idNumber, building: '文汇小区9号楼', room: '9-901', phone: '', tags: 'low_income' },
        { grid_code: G1, name: '新居民', id_number: newcomer, building: '文汇小区5号楼', room: '1-101', phone: '', tags: '' },
      ]);
      const report = await registers.finishImport(STAFF_G1, job.id);
      expect(report).toMatchObject({ rowsTotal: 2, created: 1, updated: 0, unchanged: 0, rejected: 1 });
      expect(report.rejections).toEqual([{ row: 2, field: 'id_number', reason: 'a record with this ID number exists outside your scope' }]);
      for (const answer of [JSON.stringify(batch), JSON.stringify(report)]) {
        for (const secret of [wangId, G2, WANG.name, g2HouseholdId]) expect(answer).not.toContain(secret);
      }
      // Not moved, renamed, re-tagged or stripped of its phone; the rejected row's household was not made either.
      expect(await wangRow()).toEqual(before);
      expect((await db.query(`select count(*)::int as n from registry.household where address = '文汇小区9号楼'`)).rows[0].n).toBe(0);
      expect((await db.query(`select count(*)::int as n from registry.resident where grid_code = $1`, [G1])).rows[0].n).toBe(1);
    });

    it('still updates and moves a resident inside the scope', async () => {
      const community: Caller = { sub: 'community', roles: ['community_admin'], units: [COMMUNITY] };
      const job = await registers.startImport(community, 'residents');
      await registers.importBatch(community, job.id, 2, [{ grid_code: G1, name: WANG.name, id_number: WANG.idNumber, building: '', room: '', phone: WANG.phone, tags: '' }]);
      expect(await registers.finishImport(community, job.id)).toMatchObject({ updated: 1, rejected: 0 });
      expect((await wangRow()).grid_code).toBe(G1);
      // Back to G2 for the tests that follow.
      await registers.updateResident(ADMIN, wangId, { householdId: g2HouseholdId });
      expect((await wangRow()).grid_code).toBe(G2);
    });

    it('matches buildings and households only inside the row grid, which must be in scope', async () => {
      const job = await registers.startImport(STAFF_G1, 'buildings');
      await registers.importBatch(STAFF_G1, job.id, 2, [
        { grid_code: G1, address: '李家楼', name: '同名楼', floors: '3', units: '' },
        { grid_code: G2, address: '李家楼', name: '改名', floors: '9', units: '' },
      ]);
      const report = await registers.finishImport(STAFF_G1, job.id);
      expect(report).toMatchObject({ created: 1, updated: 0, rejected: 1 });
      expect(report.rejections).toEqual([{ row: 3, field: 'grid_code', reason: 'is outside your scope' }]);
      const g2 = (await db.query(`select name, floors from registry.building where id = $1`, [g2BuildingId])).rows[0];
      expect(g2).toEqual({ name: null, floors: null });
    });
  });

  describe('conflicts', () => {
    it('answers RESIDENT_DUPLICATE without the id when the resident is outside the scope, with it inside', async () => {
      const outside = await refusal(registers.createResident(STAFF_G1, { gridCode: G1, name: '冒名', idNumber: WANG.idNumber }));
      expect(outside).toMatchObject({ code: 'RESIDENT_DUPLICATE', message: 'A resident with this ID number is already registered outside your scope', details: { outsideYourScope: true } });
      for (const secret of [wangId, G2, WANG.name]) expect(JSON.stringify({ ...outside, message: outside?.message })).not.toContain(secret);
      const inside = await refusal(registers.createResident(STAFF_G2, { gridCode: G2, name: '王五', idNumber: WANG.idNumber }));
      expect(inside).toMatchObject({ code: 'RESIDENT_DUPLICATE', details: { residentId: wangId } });
    });

    it('answers BUSINESS_DUPLICATE without the id when the business is outside the scope, with it inside', async () => {
      const code = creditCode('91370502MA3C1234X'.slice(0, 17));
      const businessId = (await registers.createBusiness(STAFF_G2, { gridCode: G2, name: '淮河路便利店', creditCode: code })).id;
      const outside = await refusal(registers.createBusiness(STAFF_G1, { gridCode: G1, name: '冒名店', creditCode: code }));
      expect(outside).toMatchObject({ code: 'BUSINESS_DUPLICATE', details: { outsideYourScope: true } });
      expect(JSON.stringify({ ...outside, message: outside?.message })).not.toContain(businessId);
      expect(JSON.stringify({ ...outside, message: outside?.message })).not.toContain('淮河路便利店');
      expect(await refusal(registers.createBusiness(STAFF_G2, { gridCode: G2, name: 'x', creditCode: code }))).toMatchObject({ details: { businessId } });
    });

    it('treats a building or household outside the scope as one that does not exist, naming no grid', async () => {
      const household = await refusal(registers.createHousehold(STAFF_G1, { buildingId: g2BuildingId, room: '2-202' }));
      expect(household).toMatchObject({ code: 'REGISTER_INVALID', details: { fields: [{ field: 'buildingId', reasons: ['is not a building in your scope'] }] } });
      const resident = await refusal(registers.createResident(STAFF_G1, { householdId: g2HouseholdId, name: '某人', idNumber: idNumber('19700101', '777') }));
      expect(resident).toMatchObject({ code: 'REGISTER_INVALID', details: { fields: [{ field: 'householdId', reasons: ['is not a household in your scope'] }] } });
      const mine = await registers.createResident(STAFF_G1, { gridCode: G1, name: '本格居民', idNumber: idNumber('19700101', '779') });
      const move = await refusal(registers.updateResident(STAFF_G1, mine.id, { householdId: g2HouseholdId }));
      expect(move).toMatchObject({ code: 'REGISTER_INVALID', details: { fields: [{ field: 'householdId', reasons: ['is not a household in your scope'] }] } });
      for (const answer of [household, resident, move]) expect(JSON.stringify({ ...answer, message: answer?.message })).not.toContain(G2);
      expect((await db.query(`select count(*)::int as n from registry.household where room = '2-202'`)).rows[0].n).toBe(0);
    });
  });

  describe('masked views', () => {
    /** Every field of the masked view: none of them carries what the masks hide. */
    const FIELDS = ['birthYear', 'createdAt', 'gridCode', 'householdId', 'id', 'idNumber', 'name', 'phone', 'sex', 'tags', 'updatedAt'];

    /** A masked resident answer: the birth year, never the date that the ID number's mask hides. */
    function expectMasked(view: ResidentView) {
      expect(Object.keys(view).sort()).toEqual(FIELDS);
      expect(view).toMatchObject({ idNumber: `370502********${WANG.idNumber.slice(-4)}`, birthYear: 1945, phone: '138****1234', sex: 'male' });
      const text = JSON.stringify(view);
      for (const hidden of ['19450302', '1945-03-02', WANG.idNumber, WANG.phone]) expect(text).not.toContain(hidden);
    }

    it('answers the birth year, not the birth date, in every view of a resident', async () => {
      expectMasked(await registers.getResident(STAFF_G2, wangId));
      const search = await registers.searchResidents(STAFF_G2, { idNumber: WANG.idNumber });
      expect(search.items).toHaveLength(1);
      search.items.forEach(expectMasked);
      const household = await registers.getHousehold(STAFF_G2, g2HouseholdId);
      expect(household.members).toHaveLength(1);
      household.members!.forEach(expectMasked);
      expectMasked(await registers.updateResident(STAFF_G2, wangId, { tags: ['elderly_alone'] }));
      const created = await registers.createResident(STAFF_G2, { gridCode: G2, name: '赵六', idNumber: idNumber('19900615', '246') });
      expect(created).toMatchObject({ birthYear: 1990, sex: 'female' });
      expect(Object.keys(created).sort()).toEqual(FIELDS);
      expect(JSON.stringify(created)).not.toContain('1990-06-15');
    });
  });

  describe('the access table, applied by the registry itself', () => {
    const missing = () => randomUUID();
    /** Every register request on the bus, with its row of the table; ids and grids that do not exist, so that nothing allowed changes. */
    const requests: { name: string; kind: RegisterKind; action: RegisterAction; send: (caller: Caller) => Promise<unknown> }[] = [
      { name: 'listBuildings', kind: 'building', action: 'read', send: (c) => registers.listBuildings(c, {}) },
      { name: 'getBuilding', kind: 'building', action: 'read', send: (c) => registers.getBuilding(c, missing()) },
      { name: 'createBuilding', kind: 'building', action: 'write', send: (c) => registers.createBuilding(c, { gridCode: NO_GRID, address: 'x' }) },
      { name: 'updateBuilding', kind: 'building', action: 'write', send: (c) => registers.updateBuilding(c, missing(), { floors: 3 }) },
      { name: 'deleteBuilding', kind: 'building', action: 'write', send: (c) => registers.deleteRecord(c, 'building', missing()) },
      { name: 'importBuildings', kind: 'building', action: 'import', send: (c) => registers.startImport(c, 'buildings') },
      { name: 'listHouseholds', kind: 'household', action: 'read', send: (c) => registers.listHouseholds(c, {}) },
      { name: 'getHousehold', kind: 'household', action: 'read', send: (c) => registers.getHousehold(c, missing()) },
      { name: 'createHousehold', kind: 'household', action: 'write', send: (c) => registers.createHousehold(c, { gridCode: NO_GRID, address: 'x' }) },
      { name: 'updateHousehold', kind: 'household', action: 'write', send: (c) => registers.updateHousehold(c, missing(), { headResidentId: missing() }) },
      { name: 'deleteHousehold', kind: 'household', action: 'write', send: (c) => registers.deleteRecord(c, 'household', missing()) },
      { name: 'importHouseholds', kind: 'household', action: 'import', send: (c) => registers.startImport(c, 'households') },
      { name: 'searchResidents', kind: 'resident', action: 'read', send: (c) => registers.searchResidents(c, {}) },
      { name: 'getResident', kind: 'resident', action: 'read', send: (c) => registers.getResident(c, missing()) },
      { name: 'createResident', kind: 'resident', action: 'write', send: (c) => registers.createResident(c, { gridCode: NO_GRID, name: 'x', idNumber: idNumber('19700101', '999') }) },
      { name: 'updateResident', kind: 'resident', action: 'write', send: (c) => registers.updateResident(c, missing(), { name: 'x' }) },
      { name: 'deleteResident', kind: 'resident', action: 'write', send: (c) => registers.deleteRecord(c, 'resident', missing()) },
      { name: 'importResidents', kind: 'resident', action: 'import', send: (c) => registers.startImport(c, 'residents') },
      { name: 'revealResident', kind: 'resident', action: 'reveal', send: (c) => registers.revealResident(c, missing(), { fields: ['idNumber'], reason: '核实身份信息' }) },
      { name: 'listAudit', kind: 'resident', action: 'audit', send: (c) => registers.listAudit(c, {}) },
      { name: 'listBusinesses', kind: 'business', action: 'read', send: (c) => registers.listBusinesses(c, {}) },
      { name: 'getBusiness', kind: 'business', action: 'read', send: (c) => registers.getBusiness(c, missing()) },
      { name: 'createBusiness', kind: 'business', action: 'write', send: (c) => registers.createBusiness(c, { gridCode: NO_GRID, name: 'x', creditCode: creditCode('91370502MA3C9999X'.slice(0, 17)) }) },
      { name: 'updateBusiness', kind: 'business', action: 'write', send: (c) => registers.updateBusiness(c, missing(), { name: 'x' }) },
      { name: 'deleteBusiness', kind: 'business', action: 'write', send: (c) => registers.deleteRecord(c, 'business', missing()) },
    ];

    it('refuses every role the table does not list (FORBIDDEN), and only those', async () => {
      const wrong: string[] = [];
      let allowed = 0;
      for (const role of ROLES as readonly Role[]) {
        const caller: Caller = { sub: `matrix-${role}`, roles: [role], units: [STREET] };
        for (const request of requests) {
          const expected = mayAccessRegister(caller, request.kind, request.action);
          const forbidden = (await refusal(request.send(caller)))?.code === 'FORBIDDEN';
          if (expected) allowed += 1;
          if (forbidden === expected) wrong.push(`${role} ${request.name}: ${forbidden ? 'FORBIDDEN' : 'answered'}, table says ${expected ? 'allowed' : 'forbidden'}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(allowed).toBeGreaterThan(requests.length);
    });
  });
});
