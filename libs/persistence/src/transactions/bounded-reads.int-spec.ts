import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { IsolationLevel, RequestContext } from '@mikro-orm/core';
import { AppError, CommonErrorCode } from '@gridline/platform';
import { createTestDatabase, type TestDatabase } from '@gridline/testing';
import { BoundedReads, readTimedOut } from './bounded-reads';

/** A repository as services write them: raw SQL through the injected EntityManager, no transaction of its own. */
class SlowRepository {
  constructor(private readonly em: EntityManager) {}
  async sleep(seconds: number): Promise<void> {
    await this.em.execute('select pg_sleep(?)', [seconds]);
  }
  async setting(): Promise<string> {
    return (await this.em.execute<{ statement_timeout: string }[]>('show statement_timeout'))[0].statement_timeout;
  }
  async isolation(): Promise<string> {
    return (await this.em.execute<{ transaction_isolation: string }[]>('show transaction_isolation'))[0].transaction_isolation;
  }
  async note(text: string): Promise<void> {
    await this.em.execute('insert into note (text) values (?)', [text]);
  }
  async fail(): Promise<void> {
    await this.em.execute('select 1 / 0');
  }
}

/** The AppError a promise fails with and how long it took (throws when it succeeds or fails otherwise). */
async function timedRefusal(work: () => Promise<unknown>): Promise<{ error: AppError; ms: number }> {
  const started = Date.now();
  const error = await work().then(() => new Error('expected the read to fail, it answered'), (e: unknown) => e);
  if (!(error instanceof AppError)) throw error;
  return { error, ms: Date.now() - started };
}

describe(BoundedReads.name, () => {
  const TIMEOUT_MS = 300;
  let db: TestDatabase;
  let orm: MikroORM;
  let reads: BoundedReads;
  let slow: SlowRepository;
  const fresh = () => orm.em.fork().getConnection();

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init({ clientUrl: db.url, entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: false, debug: false });
    await fresh().execute('create table note (id serial primary key, text text not null)');
    reads = new BoundedReads(orm.em, { service: 'analytics', timeoutMs: TIMEOUT_MS });
    slow = new SlowRepository(orm.em);
  });

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('stops a statement that runs past the timeout, answering a timeout that names the service and the limit', async () => {
    const { error, ms } = await timedRefusal(() => reads.run(() => slow.sleep(5)));
    expect(error.toEnvelope()).toEqual({
      code: CommonErrorCode.StatementTimeout,
      kind: 'timeout',
      message: expect.stringContaining('after 300 ms'),
      details: { service: 'analytics', reason: 'statement_timeout', timeoutMs: TIMEOUT_MS },
    });
    expect(error.toEnvelope()).toEqual(readTimedOut({ service: 'analytics', timeoutMs: TIMEOUT_MS }).toEnvelope());
    expect(ms).toBeLessThan(3000);
    // Nothing of it goes on running in the database.
    expect(await fresh().execute(`select count(*)::int as n from pg_stat_activity where datname = current_database() and query like 'select pg_sleep%' and state = 'active'`)).toEqual([{ n: 0 }]);
  });

  it('stops a read of several statements, each under the limit, once the whole has taken the limit', async () => {
    // Ten statements of 150 ms: 1.5 s unbounded; each alone is well under 300 ms. The whole read's 300 ms leave room
    // for two at most, however busy the machine (a statement never sleeps less than it is asked).
    let completed = 0;
    const { error } = await timedRefusal(() =>
      reads.run(async () => {
        for (let i = 0; i < 10; i++) {
          await slow.sleep(0.15);
          completed++;
        }
      }),
    );
    expect(error.code).toBe(CommonErrorCode.StatementTimeout);
    expect(completed).toBeLessThanOrEqual(2);
  });

  it('answers a read within the limit, sets the timeout on its own transaction only, and commits what it wrote', async () => {
    const seen = await reads.run(async () => {
      await slow.note('kept');
      await slow.sleep(0.01);
      return slow.setting();
    });
    expect(seen).toBe('300ms');
    expect(await fresh().execute('show statement_timeout')).toEqual([{ statement_timeout: '0' }]);
    expect(await fresh().execute('select text from note')).toEqual([{ text: 'kept' }]);
  });

  it('runs at the isolation level asked, and joins a transaction it is already in', async () => {
    expect(await reads.run(() => slow.isolation(), { isolationLevel: IsolationLevel.REPEATABLE_READ })).toBe('repeatable read');
    expect(await reads.run(() => slow.isolation())).toBe('read committed');
    const inner = await orm.em.transactional(() => reads.run(() => slow.setting()));
    expect(inner).toBe('0');
  });

  it('lets other failures through as they are', async () => {
    await expect(reads.run(() => slow.fail())).rejects.toMatchObject({ code: '22012' });
    await expect(reads.run(async () => Promise.reject(new AppError('X_INVALID', 'validation', 'no')))).rejects.toMatchObject({ code: 'X_INVALID' });
  });

  it('is unbounded with a timeout of 0', async () => {
    const unbounded = new BoundedReads(orm.em, { service: 'analytics', timeoutMs: 0 });
    await expect(RequestContext.create(orm.em, () => unbounded.run(() => slow.setting()))).resolves.toBe('0');
  });
});
