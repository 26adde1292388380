import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { RegistryClient, RegistryRegistersClient, residentIdCheckCharacter, type ImportKind } from '@gridline/contracts-registry';
import { TestPlatform, unitFactory } from '@gridline/testing';
import { RegistryAppModule } from '../../registry-app.module';
import { RegistryConfig } from '../../registry.config';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const G1 = `${COMMUNITY}001`;
const G2 = `${COMMUNITY}002`;
const ADMIN: Caller = { sub: 'admin', roles: ['admin'], units: [] };

function idNumber(sequence: number): string {
  const first17 = `37050219800101${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

type Row = Record<string, string>;

/** Orders rows of values by their first two columns as text (independent of the database's collation). */
const byFirst = (a: unknown[], b: unknown[]) => `${a[0]}\u0000${a[1]}`.localeCompare(`${b[0]}\u0000${b[1]}`, 'en');

function resident(sequence: number, overrides: Partial<Row> = {}): Row {
  return { grid_code: G1, name: `居民${sequence}`, id_number: idNumber(sequence), building: '文汇小区5号楼', room: `1-${sequence}01`, phone: `1390546000${sequence}`, tags: '', ...overrides };
}

/**
 * The set-based batch statements of the import (households found or created in one statement, residents
 * inserted and updated in one statement each), on the paths the gateway's e2e test does not take: updates,
 * households named twice, the households import, and which grids get a quality announcement.
 */
describe('register import batches', () => {
  let platform: TestPlatform;
  let registers: RegistryRegistersClient;
  let db: Client;

  async function importRows(kind: ImportKind, rows: Row[]) {
    const job = await registers.startImport(ADMIN, kind);
    await registers.importBatch(ADMIN, job.id, 2, rows);
    return registers.finishImport(ADMIN, job.id);
  }

  async function qualityAnnouncements(): Promise<string[]> {
    const { rows } = await db.query<{ aggregate_key: string }>(`select aggregate_key from registry.outbox where type = 'gridline.registry.quality.updated.v1' order by id`);
    return rows.map((r) => r.aggregate_key.replace(/^quality:/, ''));
  }

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
    ]) {
      await units.createUnit(ADMIN, unit);
    }
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  it('creates residents, sharing a household named by several rows, and rejects a repeated ID number', async () => {
    const before = (await qualityAnnouncements()).length;
    const report = await importRows('residents', [
      resident(1),
      resident(2, { room: '1-101' }),
      resident(3, { building: '', room: '', phone: '' }),
      resident(4, { grid_code: G2, building: '李家楼', room: '' }),
      resident(1, { name: '重复' }),
    ]);
    expect(report).toMatchObject({ rowsTotal: 5, created: 4, updated: 0, unchanged: 0, rejected: 1 });
    expect(report.rejections).toEqual([{ row: 6, field: 'id_number', reason: 'repeats the resident of row 2' }]);
    const { rows } = await db.query<{ name: string; grid_code: string; address: string | null; room: string | null; phone_enc: string | null }>(
      `select r.name, r.grid_code, h.address, h.room, r.phone_enc from registry.resident r left join registry.household h on h.id = r.household_id`,
    );
    expect(rows.map(({ name, grid_code, address, room }) => [name, grid_code, address, room]).sort(byFirst)).toEqual(
      [
        ['居民1', G1, '文汇小区5号楼', '1-101'],
        ['居民2', G1, '文汇小区5号楼', '1-101'],
        ['居民3', G1, null, null],
        ['居民4', G2, '李家楼', ''],
      ].sort(byFirst),
    );
    expect(rows.find((r) => r.name === '居民3')!.phone_enc).toBeNull();
    expect(rows.find((r) => r.name === '居民1')!.phone_enc).toMatch(/^v1\./);
    expect((await qualityAnnouncements()).slice(before).sort()).toEqual([G1, G2]);
  });

  it('changes nothing, and announces no quality, when the same rows come again', async () => {
    const before = (await qualityAnnouncements()).length;
    const report = await importRows('residents', [resident(1), resident(2, { room: '1-101' }), resident(3, { building: '', room: '', phone: '' }), resident(4, { grid_code: G2, building: '李家楼', room: '' })]);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 4, rejected: 0 });
    expect((await qualityAnnouncements()).slice(before)).toEqual([]);
  });

  it('updates changed residents in one go: name, phone, tags, household and grid; announcing the grids that changed (both, for a move)', async () => {
    const before = (await qualityAnnouncements()).length;
    const report = await importRows('residents', [
      resident(1, { name: '居民一', tags: 'disabled|low_income' }),
      resident(2, { room: '1-102', phone: '' }),
      resident(3, { building: '', room: '', phone: '' }),
      resident(4, { grid_code: G1, building: '文汇小区5号楼', room: '1-102', phone: '13905469999' }),
    ]);
    expect(report).toMatchObject({ created: 0, updated: 3, unchanged: 1, rejected: 0 });
    const { rows } = await db.query<{ id_number_index: string; name: string; grid_code: string; path: string[]; room: string | null; phone_index: string | null; tags: string[] }>(
      `select r.name, r.grid_code, r.path, h.room, r.phone_index, r.tags from registry.resident r left join registry.household h on h.id = r.household_id`,
    );
    expect(rows.map(({ name, grid_code, path, room, tags }) => [name, grid_code, path, room, tags]).sort(byFirst)).toEqual(
      [
        ['居民2', G1, [STREET, COMMUNITY, G1], '1-102', []],
        ['居民3', G1, [STREET, COMMUNITY, G1], null, []],
        ['居民4', G1, [STREET, COMMUNITY, G1], '1-102', []],
        ['居民一', G1, [STREET, COMMUNITY, G1], '1-101', ['disabled', 'low_income']],
      ].sort(byFirst),
    );
    expect(rows.find((r) => r.name === '居民2')!.phone_index).toBeNull();
    expect(rows.find((r) => r.name === '居民4')!.phone_index).not.toBeNull();
    expect((await qualityAnnouncements()).slice(before).sort()).toEqual([G1, G2]);
  });

  it('imports households: a household named twice in a batch is created once, attached to its building', async () => {
    await registers.createBuilding(ADMIN, { gridCode: G2, address: '幸福小区1号楼', floors: 6 });
    const rows = [
      { grid_code: G2, address: '幸福小区1号楼', room: '2-301' },
      { grid_code: G2, address: '幸福小区1号楼', room: '2-301' },
      { grid_code: G2, address: '幸福小区1号楼', room: '2-302' },
      { grid_code: G2, address: '平房', room: '' },
    ];
    expect(await importRows('households', rows)).toMatchObject({ created: 3, unchanged: 1, rejected: 0 });
    expect(await importRows('households', rows)).toMatchObject({ created: 0, unchanged: 4, rejected: 0 });
    const { rows: stored } = await db.query<{ address: string; room: string; building: string | null }>(
      `select h.address, h.room, b.address as building from registry.household h left join registry.building b on b.id = h.building_id where h.grid_code = $1`,
      [G2],
    );
    expect(stored.map((h) => [h.address, h.room, h.building]).sort(byFirst)).toEqual(
      [
        ['平房', '', null],
        ['幸福小区1号楼', '2-301', '幸福小区1号楼'],
        ['幸福小区1号楼', '2-302', '幸福小区1号楼'],
        ['李家楼', '', null],
      ].sort(byFirst),
    );
  });
});
