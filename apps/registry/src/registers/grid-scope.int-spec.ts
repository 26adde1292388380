import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { RegistryClient, RegistryRegistersClient, residentIdCheckCharacter, usccCheckCharacter } from '@gridline/contracts-registry';
import { TestPlatform, unitFactory } from '@gridline/testing';
import { RegistryAppModule } from '../registry-app.module';
import { RegistryConfig } from '../registry.config';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const G1 = `${COMMUNITY}001`;
const G2 = `${COMMUNITY}002`;
/** An exclusive grid right under the street: its path skips the community. */
const EXCLUSIVE = `${STREET}900001`;
const ADMIN: Caller = { sub: 'admin', roles: ['admin'], units: [] };

const CALLERS: Caller[] = [
  { sub: 'staff-g1', roles: ['grid_staff'], units: [G1] },
  { sub: 'staff-g2-exclusive', roles: ['grid_staff'], units: [G2, EXCLUSIVE] },
  { sub: 'staff-exclusive', roles: ['grid_staff'], units: [EXCLUSIVE] },
  { sub: 'community', roles: ['community_admin'], units: [COMMUNITY] },
  { sub: 'street', roles: ['street_admin'], units: [STREET] },
];

function idNumber(n: number): string {
  const first17 = `370502198001${String(10 + n).padStart(2, '0')}${String(100 + n).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/**
 * A grid member's register lists are scoped by `grid_code` (read through the indexes led by the grid), everybody
 * else's by the path: the same records either way, for every register and every kind of scope — one grid, a grid and
 * an exclusive grid, an exclusive grid alone, a community, a street.
 */
describe('registers: a grid member’s lists by grid_code', () => {
  let platform: TestPlatform;
  let registers: RegistryRegistersClient;
  let db: Client;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config));
    const bus = await platform.bus();
    registers = new RegistryRegistersClient(bus);
    const units = new RegistryClient(bus);
    for (const unit of [
      unitFactory().street(STREET).build(),
      unitFactory().community(COMMUNITY).build(),
      unitFactory().grid(G1).at(118.5, 37.4).build(),
      unitFactory().grid(G2).at(118.51, 37.4).build(),
      unitFactory().exclusiveGrid(EXCLUSIVE, 'commercial').under(STREET).at(118.52, 37.4).build(),
    ]) {
      await units.createUnit(ADMIN, unit);
    }
    let n = 0;
    for (const grid of [G1, G2, EXCLUSIVE]) {
      for (const address of ['一号楼', '二号楼']) {
        const building = await registers.createBuilding(ADMIN, { gridCode: grid, address: `${grid}${address}` });
        const household = await registers.createHousehold(ADMIN, { buildingId: building.id, room: '1-101' });
        await registers.createResident(ADMIN, { householdId: household.id, name: `居民${++n}`, idNumber: idNumber(n) });
        await registers.createResident(ADMIN, { gridCode: grid, name: `居民${++n}`, idNumber: idNumber(n) });
      }
      await registers.createBusiness(ADMIN, { gridCode: grid, name: `${grid}商户`, creditCode: `91370502MA3C${grid.slice(-5)}` + usccCheckCharacter(`91370502MA3C${grid.slice(-5)}`) });
    }
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  /** The ids the path rule selects, straight from the table. */
  async function byPath(table: string, units: string[]): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(`select id from registry.${table} where path && $1::text[] order by id`, [units]);
    return rows.map((r) => r.id);
  }

  const sorted = (items: { id: string }[]) => items.map((i) => i.id).sort();

  it.each(CALLERS.map((c) => [c.sub, c] as const))('answers %s the records the path rule selects, in every register', async (_name, caller) => {
    expect(sorted((await registers.searchResidents(caller, { pageSize: 100 })).items)).toEqual(await byPath('resident', caller.units));
    expect(sorted((await registers.listBuildings(caller, { pageSize: 100 })).items)).toEqual(await byPath('building', caller.units));
    expect(sorted((await registers.listHouseholds(caller, { pageSize: 100 })).items)).toEqual(await byPath('household', caller.units));
    expect(sorted((await registers.listBusinesses(caller, { pageSize: 100 })).items)).toEqual(await byPath('business', caller.units));
    expect((await registers.searchResidents(caller, { pageSize: 1 })).total).toBe((await byPath('resident', caller.units)).length);
  });

  it('finds a resident of the grid by ID number, and none of another grid', async () => {
    const staff = CALLERS[0];
    expect((await registers.searchResidents(staff, { idNumber: idNumber(1) })).items).toHaveLength(1);
    expect((await registers.searchResidents(staff, { idNumber: idNumber(5) })).items).toHaveLength(0);
  });
});
