import { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '@gridline/testing';
import { executePrepared, preparedStatementName } from './prepared-statements';

describe(executePrepared.name, () => {
  let db: TestDatabase;
  let orm: MikroORM;
  const SQL = 'select text, ?::int + 1 as next from note where id >= ? order by id';

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection: the statements prepared on it are those `pg_prepared_statements` shows.
    orm = await MikroORM.init({ clientUrl: db.url, entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: false, debug: false, pool: { min: 1, max: 1 } });
    await orm.em.fork().execute(`create table note (id serial primary key, text text not null); insert into note (text) values ('a'), ('b')`);
  });

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('answers the rows of a statement with its parameters bound, prepared once on its connection by the name of its text', async () => {
    const em = orm.em.fork();
    expect(await executePrepared(em, SQL, [1, 1])).toEqual([{ text: 'a', next: 2 }, { text: 'b', next: 2 }]);
    expect(await executePrepared(em, SQL, [41, 2])).toEqual([{ text: 'b', next: 42 }]);
    // A value that would break a statement written into its text is only a value.
    expect(await executePrepared(em, 'select ?::text as v', ["x'); drop table note; --"])).toEqual([{ v: "x'); drop table note; --" }]);
    const prepared = await em.execute<{ name: string }[]>(`select name from pg_prepared_statements order by name`);
    expect(prepared.map((p) => p.name).sort()).toEqual([preparedStatementName(SQL), preparedStatementName('select ?::text as v')].sort());
    expect(preparedStatementName(SQL)).not.toEqual(preparedStatementName(`${SQL} `));
  });

  it('runs in the entity manager’s transaction: what the transaction wrote is read, and gone when it rolls back', async () => {
    const failed = orm.em.fork().transactional(async (em) => {
      await em.execute(`insert into note (text) values ('inside')`);
      expect(await executePrepared(em, 'select text from note where text = ?', ['inside'])).toEqual([{ text: 'inside' }]);
      throw new Error('roll back');
    });
    await expect(failed).rejects.toThrow('roll back');
    expect(await executePrepared(orm.em.fork(), 'select text from note where text = ?', ['inside'])).toEqual([]);
  });
});
