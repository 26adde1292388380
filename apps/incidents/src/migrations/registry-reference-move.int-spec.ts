import { MikroORM } from '@mikro-orm/postgresql';
import { migrateSchema } from '@gridline/persistence';
import { loadConfig } from '@gridline/platform';
import { serviceOrmOptions } from '@gridline/messaging';
import { TEST_SERVERS, createTestDatabase, type TestDatabase } from '@gridline/testing';
import { INCIDENTS_PERSISTENCE } from '../incidents-app.module';
import { IncidentsConfig } from '../incidents.config';
import { IncidentsRegistryReferenceMigration } from './20261207000100_registry_reference.migration';

/** A deployment from before the shared registry copy: its old copy's rows move to the new tables, nothing is lost. */
describe(IncidentsRegistryReferenceMigration.name, () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig(IncidentsConfig, { DATABASE_URL: db.url, NATS_URL: TEST_SERVERS.natsUrl, LOG_LEVEL: 'warn' });
    orm = await MikroORM.init(serviceOrmOptions({ ...INCIDENTS_PERSISTENCE, config }));
  });

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('moves units, categories, departments and calendar years of the old copy into the registry-reference tables', async () => {
    const names = orm.config.get('migrations').migrationsList!.map((m) => m.name);
    const before = names[names.indexOf(IncidentsRegistryReferenceMigration.migrationName) - 1];
    const sql = orm.em.fork().getConnection();
    await sql.execute('create schema if not exists "incidents"');
    await orm.getMigrator().up({ to: before });

    await sql.execute(`insert into incidents.unit_copy (code, name, level, parent_code, path, active, updated_at)
      values ('370502003001001', '文汇社区第1网格', 'grid', '370502003001', '{370502003,370502003001,370502003001001}', true, '2026-11-01T00:00:00Z')`);
    await sql.execute(`insert into incidents.category_copy (code, parent_code, name, owner, accept_limit, handle_limit, urgency, active, updated_at)
      values ('ENV.GARBAGE', 'ENV', '垃圾堆放', '{"level":"grid"}', '{"amount":1,"unit":"working_days"}', '{"amount":5,"unit":"working_days"}', 'urgent', false, '2026-11-02T00:00:00Z')`);
    await sql.execute(`insert into incidents.department_copy (code, name, active, updated_at) values ('URBAN_MGMT', '城市管理办公室', true, '2026-11-03T00:00:00Z')`);
    await sql.execute(`insert into incidents.calendar_copy (year, holidays, workdays) values (2026, '{2026-10-01,2026-10-02}', '{2026-09-27}')`);

    expect(await migrateSchema(orm)).toContain(IncidentsRegistryReferenceMigration.migrationName);

    expect(await sql.execute(`select code, name, level, parent_code, path, active from incidents.registry_unit`)).toEqual([
      { code: '370502003001001', name: '文汇社区第1网格', level: 'grid', parent_code: '370502003001', path: ['370502003', '370502003001', '370502003001001'], active: true },
    ]);
    expect(await sql.execute(`select code, parent_code, name, owner, accept_limit, handle_limit, urgency, active from incidents.registry_category`)).toEqual([
      { code: 'ENV.GARBAGE', parent_code: 'ENV', name: '垃圾堆放', owner: { level: 'grid' }, accept_limit: { amount: 1, unit: 'working_days' }, handle_limit: { amount: 5, unit: 'working_days' }, urgency: 'urgent', active: false },
    ]);
    expect(await sql.execute(`select code, name, active from incidents.registry_department`)).toEqual([{ code: 'URBAN_MGMT', name: '城市管理办公室', active: true }]);
    expect(await sql.execute(`select year, holidays, workdays from incidents.registry_calendar_year`)).toEqual([{ year: 2026, holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-09-27'] }]);
    const old = await sql.execute(`select table_name from information_schema.tables where table_schema = 'incidents' and table_name in ('unit_copy', 'category_copy', 'department_copy', 'calendar_copy')`);
    expect(old).toEqual([]);
  });
});
