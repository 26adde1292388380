import { EntitySchema, MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@gridline/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { TransactionRunner } from './transaction-runner';

interface Note {
  id: number;
  text: string;
}
const NoteSchema = new EntitySchema<Note>({ name: 'Note', tableName: 'note', properties: { id: { type: 'number', primary: true, autoincrement: true }, text: { type: 'string' } } });

/** A repository as services write them: it holds the injected EntityManager and never opens a transaction. */
@Injectable()
class NoteRepository {
  constructor(private readonly em: EntityManager) {}
  add(text: string): void {
    this.em.persist(this.em.create(NoteSchema, { text }));
  }
  async count(): Promise<number> {
    return this.em.count(NoteSchema, {});
  }
  async saveNow(): Promise<void> {
    await this.em.flush();
  }
}

describe(TransactionRunner.name, () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let transactions: TransactionRunner;
  let notes: NoteRepository;
  const committed = async () => (await orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from note'))[0].n;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init({ clientUrl: db.url, entities: [NoteSchema], allowGlobalContext: false, debug: false });
    await orm.em.fork().getConnection().execute('create table note (id serial primary key, text text not null)');
    transactions = new TransactionRunner(orm.em);
    notes = new NoteRepository(orm.em);
  });

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  beforeEach(async () => {
    await orm.em.fork().getConnection().execute('truncate note');
  });

  it('commits what the repositories persisted inside the work, when the work resolves', async () => {
    const answer = await transactions.run(async () => {
      notes.add('one');
      notes.add('two');
      return 'done';
    });
    expect(answer).toBe('done');
    expect(await committed()).toBe(2);
  });

  it('lets repositories read their own uncommitted writes inside the work', async () => {
    const seen = await transactions.run(async () => {
      notes.add('one');
      await notes.saveNow();
      return notes.count();
    });
    expect(seen).toBe(1);
  });

  it('rolls back everything, flushed or not, when the work throws', async () => {
    await expect(
      transactions.run(async () => {
        notes.add('flushed');
        await notes.saveNow();
        notes.add('pending');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await committed()).toBe(0);
  });

  it('joins an outer run: an inner run commits only with the outer, and its throw undoes only itself when caught', async () => {
    await expect(
      transactions.run(async () => {
        notes.add('outer');
        await transactions.run(async () => notes.add('inner'));
        throw new Error('outer refused');
      }),
    ).rejects.toThrow('outer refused');
    expect(await committed()).toBe(0);

    await transactions.run(async () => {
      notes.add('kept');
      await transactions
        .run(async () => {
          notes.add('undone');
          await notes.saveNow();
          throw new Error('inner refused');
        })
        .catch(() => undefined);
    });
    expect((await orm.em.fork().getConnection().execute<{ text: string }[]>('select text from note order by id')).map((r) => r.text)).toEqual(['kept']);
  });

  it('refuses a repository used outside any run or request context (no global identity map)', async () => {
    await expect(notes.count()).rejects.toThrow(/global EntityManager/i);
  });
});
