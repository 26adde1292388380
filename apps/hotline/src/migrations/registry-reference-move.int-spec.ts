import { MikroORM } from '@mikro-orm/postgresql';
import { migrateSchema } from '@gridline/persistence';
import { loadConfig } from '@gridline/platform';
import { serviceOrmOptions } from '@gridline/messaging';
import { TEST_SERVERS, createTestDatabase, type TestDatabase } from '@gridline/testing';
import { HOTLINE_PERSISTENCE } from '../hotline-app.module';
import { HotlineConfig } from '../hotline.config';
import { HotlineRegistryReferenceMigration } from './20261207000100_registry_reference.migration';

/** A hotline from before the shared registry copy: the rows of its one-table copy move to the typed tables. */
describe(HotlineRegistryReferenceMigration.name, () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig(HotlineConfig, { DATABASE_URL: db.url, NATS_URL: TEST_SERVERS.natsUrl, LOG_LEVEL: 'warn' });
    orm = await MikroORM.init(serviceOrmOptions({ ...HOTLINE_PERSISTENCE, config }));
  });

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('moves units, categories, departments and calendar years of the old copy into the registry-reference tables', async () => {
    const names = orm.config.get('migrations').migrationsList!.map((m) => m.name);
    const before = names[names.indexOf(HotlineRegistryReferenceMigration.migrationName) - 1];
    const sql = orm.em.fork().getConnection();
    await sql.execute('create schema if not exists "hotline"');
    await orm.getMigrator().up({ to: before });

    await sql.execute(`insert into hotline.registry_copy (kind, code, name, active, facts, updated_at) values
      ('unit', '370502003001001', '文汇社区第1网格', true, '{"level":"grid","parentCode":"370502003001","path":["370502003","370502003001","370502003001001"]}', '2026-11-01T00:00:00Z'),
      ('category', 'ENV.GARBAGE', '垃圾堆放', false, '{"parentCode":"ENV","owner":{"level":"grid"},"handleLimit":{"amount":5,"unit":"working_days"}}', '2026-11-02T00:00:00Z'),
      ('department', 'URBAN_MGMT', '城市管理办公室', true, '{}', '2026-11-03T00:00:00Z')`);
    await sql.execute(`insert into hotline.calendar_year_copy (year, holidays, workdays) values (2026, '{2026-10-01}', '{2026-09-27}')`);

    expect(await migrateSchema(orm)).toContain(HotlineRegistryReferenceMigration.migrationName);

    expect(await sql.execute(`select code, name, level, parent_code, path, active from hotline.registry_unit`)).toEqual([
      { code: '370502003001001', name: '文汇社区第1网格', level: 'grid', parent_code: '370502003001', path: ['370502003', '370502003001', '370502003001001'], active: true },
    ]);
    // The old copy kept no accept limit or urgency: null and normal until the category's next event.
    expect(await sql.execute(`select code, parent_code, name, owner, accept_limit, handle_limit, urgency, active from hotline.registry_category`)).toEqual([
      { code: 'ENV.GARBAGE', parent_code: 'ENV', name: '垃圾堆放', owner: { level: 'grid' }, accept_limit: null, handle_limit: { amount: 5, unit: 'working_days' }, urgency: 'normal', active: false },
    ]);
    expect(await sql.execute(`select code, name, active from hotline.registry_department`)).toEqual([{ code: 'URBAN_MGMT', name: '城市管理办公室', active: true }]);
    expect(await sql.execute(`select year, holidays, workdays from hotline.registry_calendar_year`)).toEqual([{ year: 2026, holidays: ['2026-10-01'], workdays: ['2026-09-27'] }]);
    const old = await sql.execute(`select table_name from information_schema.tables where table_schema = 'hotline' and table_name in ('registry_copy', 'calendar_year_copy')`);
    expect(old).toEqual([]);
  });
});
