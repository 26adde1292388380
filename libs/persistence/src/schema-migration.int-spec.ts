import { Client } from 'pg';
import { createTestDatabase, eventually, type TestDatabase } from '@gridline/testing';
import { extensionLockSql } from './schema-migration';

// Services migrate side by side in one database (`npm start`, the fault suite): each one's migrations run in a
// transaction, and two of them create pg_trgm. Session A creates it and has not committed; session B does the same.
describe('creating an extension while another migration does (SchemaMigration.addExtension)', () => {
  let db: TestDatabase;
  const clients: Client[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.end();
    await db.drop();
  });

  async function session(): Promise<Client> {
    const client = new Client({ connectionString: db.url, application_name: `ext-${clients.length}` });
    await client.connect();
    clients.push(client);
    return client;
  }

  /** Runs `statements` in a transaction on B while A holds its own, uncommitted; A commits once B waits on it. */
  async function race(statements: string[]): Promise<unknown> {
    const [a, b] = [await session(), await session()];
    await a.query('begin');
    for (const sql of statements) await a.query(sql);
    await b.query('begin');
    const second = (async () => {
      for (const sql of statements) await b.query(sql);
      await b.query('commit');
    })().then(
      () => undefined,
      (error: Error) => error,
    );
    const watcher = await session();
    await eventually(async () => {
      const { rows } = await watcher.query(`select wait_event_type from pg_stat_activity where application_name = 'ext-1'`);
      expect(rows[0]?.wait_event_type).toBe('Lock');
    });
    await a.query('commit');
    return second;
  }

  it('fails the second without the lock (`if not exists` does not see the first, uncommitted)', async () => {
    const error = await race(['create extension if not exists pg_trgm']);
    expect(error).toMatchObject({ code: '23505', constraint: 'pg_extension_name_index' });
  });

  it('lets the second wait on the advisory lock and then find the extension there', async () => {
    const error = await race([extensionLockSql('pg_trgm'), 'create extension if not exists pg_trgm']);
    expect(error).toBeUndefined();
    const [check] = clients;
    expect((await check.query(`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`)).rows[0].n).toBe(1);
  });
});
