import { Entity, PrimaryKey, Property, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ArrayType, MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '@gridline/testing';
import { insertTogether } from './insert-together';

@Entity({ tableName: 'thing' })
class Thing {
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'jsonb', nullable: true })
  shape: unknown = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'note' })
class Note {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  about!: string;

  @Property({ type: 'jsonb' })
  body!: unknown;
}

describe(insertTogether.name, () => {
  let db: TestDatabase;
  let orm: MikroORM;
  const count = async (table: string) => (await orm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from ${table}`))[0].n;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init({ clientUrl: db.url, entities: [Thing, Note], allowGlobalContext: false, debug: false });
    await orm.schema.createSchema();
  });

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('stores rows of several tables in one statement, with their types (arrays, JSON, times) as the ORM writes them', async () => {
    const em = orm.em.fork();
    const thing = em.create(Thing, { code: 'a1', path: ['a', "a'1"], shape: { type: 'Polygon', note: "it's ? $1" }, createdAt: new Date('2026-01-02T03:04:05.678Z') });
    await insertTogether(em, [
      { entity: Thing, data: thing },
      { entity: Note, data: { about: 'a1', body: { said: ['x', "y'z"] } } },
    ]);
    const stored = await orm.em.fork().findOneOrFail(Thing, { code: 'a1' });
    expect(stored).toMatchObject({ code: 'a1', path: ['a', "a'1"], shape: { type: 'Polygon', note: "it's ? $1" }, createdAt: new Date('2026-01-02T03:04:05.678Z') });
    expect(await orm.em.fork().find(Note, { about: 'a1' })).toEqual([expect.objectContaining({ about: 'a1', body: { said: ['x', "y'z"] } })]);
  });

  it('stores nothing of any table when one row breaks a constraint, and says which with the driver’s exception', async () => {
    const em = orm.em.fork();
    await insertTogether(em, [{ entity: Thing, data: em.create(Thing, { code: 'b1', path: ['b'], createdAt: new Date() }) }]);
    const [things, notes] = [await count('thing'), await count('note')];
    const again = insertTogether(em, [
      { entity: Note, data: { about: 'b1 again', body: {} } },
      { entity: Thing, data: em.create(Thing, { code: 'b1', path: ['b'], createdAt: new Date() }) },
    ]);
    await expect(again).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    expect([await count('thing'), await count('note')]).toEqual([things, notes]);
  });

  it('joins the transaction it runs in: rolled back with it', async () => {
    const notes = await count('note');
    const failed = orm.em.fork().transactional(async (em) => {
      await insertTogether(em, [{ entity: Note, data: { about: 'inside', body: 1 } }]);
      expect(await em.execute(`select about from note where about = 'inside'`)).toEqual([{ about: 'inside' }]);
      throw new Error('roll back');
    });
    await expect(failed).rejects.toThrow('roll back');
    expect(await count('note')).toBe(notes);
  });
});
