import { Controller, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { SchemaMigration } from '@gridline/persistence';
import { AppError, RequestContext, ServiceConfig } from '@gridline/platform';
import type { Caller } from '@gridline/auth';
import { TestPlatform, type RunningTestService } from '@gridline/testing';
import { BusCaller } from '../bus/bus-caller.decorator';
import { BusClient } from '../bus/bus-client';
import { defineRequest } from '../events/definitions';
import { ServiceModule } from '../service/service.module';
import { keyHash } from './idempotent-answer';
import { IdempotencyStore } from './idempotency-store';
import { Idempotent } from './idempotent.decorator';

interface CreateThing {
  note: string;
  /** Wait this long after writing, before answering (to overlap two requests). */
  holdMs?: number;
  /** Fail after writing, as a crash before the commit would. */
  failAfterWrite?: boolean;
  /** Write a row in a nested transaction that fails and is caught (a savepoint must undo just that). */
  withCaughtInnerFailure?: boolean;
}
interface ThingView {
  id: number;
  note: string;
  by: string;
}

const CREATE = defineRequest<CreateThing, ThingView>('probe', 'probe.thing.create');
const CREATE_OTHER = defineRequest<CreateThing, ThingView>('probe', 'probe.other.create');

class ThingMigration extends SchemaMigration {
  up(): void {
    this.addSql(`create table ${this.t('thing')} (id serial primary key, note text not null, by text not null)`);
  }
}

/** Writes the way the services' repositories do: `em.transactional()` on the injected EntityManager. */
@Injectable()
class ThingRepository {
  constructor(private readonly em: EntityManager) {}

  /** Inserts a row; `failing` throws after the insert, inside the transaction. */
  insert(note: string, by: string, failing = false): Promise<ThingView> {
    return this.em.transactional(async (em) => {
      const [row]: ThingView[] = await em.execute(`insert into "${em.config.get('schema')}"."thing" (note, by) values (?, ?) returning id, note, by`, [note, by]);
      if (failing) throw new Error('the inner step fails');
      return row;
    });
  }
}

@Controller()
class ThingBusController {
  constructor(private readonly things: ThingRepository) {}

  @MessagePattern(CREATE.pattern)
  @Idempotent()
  create(@Payload() input: CreateThing, @BusCaller() caller: Caller) {
    return this.make(input, caller);
  }

  @MessagePattern(CREATE_OTHER.pattern)
  @Idempotent({ replay: (view: ThingView) => ({ ...view, replayed: true }) })
  createOther(@Payload() input: CreateThing, @BusCaller() caller: Caller) {
    return this.make(input, caller);
  }

  private async make(input: CreateThing, caller: Caller): Promise<ThingView> {
    if (input.withCaughtInnerFailure) {
      await this.things.insert('discarded', caller.sub, true).catch(() => undefined);
    }
    const view = await this.things.insert(input.note, caller.sub);
    if (input.holdMs) await new Promise((r) => setTimeout(r, input.holdMs));
    if (input.failAfterWrite) throw new Error('the process dies before the commit');
    return view;
  }
}

@Module({})
class ThingModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: ThingModule,
      imports: [ServiceModule.forRoot({ service: 'probe', config, entities: [], migrations: [{ name: 'probe_thing', class: ThingMigration }], startWorkers: false })],
      providers: [ThingRepository],
      controllers: [ThingBusController],
    };
  }
}

const ALICE: Caller = { sub: 'alice', roles: ['grid_staff'], units: ['370502003001001'] };
const BOB: Caller = { sub: 'bob', roles: ['grid_staff'], units: ['370502003001001'] };

describe('@Idempotent() bus handlers', () => {
  let platform: TestPlatform;
  let probe: RunningTestService;
  let bus: BusClient;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    probe = await platform.start('probe', ServiceConfig, (config) => ThingModule.register(config), { DB_SCHEMA: 'probe' });
    bus = await platform.bus();
  });

  afterAll(async () => {
    await platform?.close();
  });

  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> => probe.app.get(MikroORM).em.fork().getConnection().execute(text, params);
  const things = (note: string) => sql<ThingView>('select id, note, by from probe.thing where note = ?', [note]);
  const create = (input: CreateThing, key?: string, caller = ALICE) => bus.request(CREATE, input, { caller, ...(key ? { idempotencyKey: key } : {}) });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => Promise.reject(new Error('expected the request to fail')),
      (e: unknown) => e as AppError,
    );

  it('answers a retry with the first answer and creates nothing more', async () => {
    const first = await create({ note: 'retried' }, 'key-retried-0001');
    const again = await create({ note: 'retried' }, 'key-retried-0001');
    expect(again).toEqual(first);
    expect(await things('retried')).toHaveLength(1);
  });

  it('takes the key from the request context too (the gateway puts it there)', async () => {
    const send = () => RequestContext.run({ correlationId: 'c-1', idempotencyKey: 'key-context-0001' }, () => bus.request(CREATE, { note: 'from context' }, { caller: ALICE }));
    const first = await send();
    expect(await send()).toEqual(first);
    expect(await things('from context')).toHaveLength(1);
  });

  it('creates again without a key', async () => {
    await create({ note: 'no key' });
    await create({ note: 'no key' });
    expect(await things('no key')).toHaveLength(2);
  });

  it('refuses the same key with another request (422 IDEMPOTENCY_KEY_REUSED naming the header), also on another route', async () => {
    await create({ note: 'original' }, 'key-reused-0001');
    const other = await failure(create({ note: 'something else' }, 'key-reused-0001'));
    expect(other).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', kind: 'rule_violation', details: { header: 'Idempotency-Key' } });
    const otherRoute = await failure(bus.request(CREATE_OTHER, { note: 'original' }, { caller: ALICE, idempotencyKey: 'key-reused-0001' }));
    expect(otherRoute).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await things('something else')).toHaveLength(0);
    expect(await things('original')).toHaveLength(1);
  });

  it('scopes keys to the caller: the same key of two callers is two requests', async () => {
    const alice = await create({ note: 'two callers' }, 'key-shared-0001', ALICE);
    const bob = await create({ note: 'two callers' }, 'key-shared-0001', BOB);
    expect(bob.id).not.toBe(alice.id);
    expect((await things('two callers')).map((t) => t.by).sort()).toEqual(['alice', 'bob']);
  });

  it('has one effect for concurrent requests with one key, all answered alike', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => create({ note: 'concurrent', holdMs: 150 }, 'key-concurrent-0001')));
    expect(await things('concurrent')).toHaveLength(1);
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
  });

  it('keeps neither the object nor the key when the request fails before its commit, so the retry runs', async () => {
    const crashed = await failure(create({ note: 'crash', failAfterWrite: true }, 'key-crash-0001'));
    expect(crashed.code).toBe('INTERNAL_ERROR');
    expect(await things('crash')).toHaveLength(0);
    expect(await sql('select 1 from probe.idempotent_request where key_hash = ?', [keyHash('key-crash-0001')])).toEqual([]);
    await create({ note: 'crash' }, 'key-crash-0001');
    expect(await things('crash')).toHaveLength(1);
  });

  it("joins the handler's own em.transactional(): a caught inner failure undoes only its savepoint", async () => {
    const first = await create({ note: 'nested', withCaughtInnerFailure: true }, 'key-nested-0001');
    expect(await create({ note: 'nested', withCaughtInnerFailure: true }, 'key-nested-0001')).toEqual(first);
    expect(await things('nested')).toHaveLength(1);
    expect(await things('discarded')).toHaveLength(0);
  });

  it('marks a replay when the handler asks for it', async () => {
    const first = await bus.request(CREATE_OTHER, { note: 'marked' }, { caller: ALICE, idempotencyKey: 'key-marked-0001' });
    const again = await bus.request(CREATE_OTHER, { note: 'marked' }, { caller: ALICE, idempotencyKey: 'key-marked-0001' });
    expect(first).not.toHaveProperty('replayed');
    expect(again).toEqual({ ...first, replayed: true });
  });

  it('refuses a malformed key (400 naming Idempotency-Key) and creates nothing', async () => {
    for (const key of ['short', 'has space in it', 'x'.repeat(129), 'ключ-ключ-ключ']) {
      const refused = await failure(create({ note: 'bad key' }, key));
      expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'Idempotency-Key' })] } });
    }
    expect(await things('bad key')).toHaveLength(0);
  });

  it('stores neither the key nor the answer in clear', async () => {
    await create({ note: 'phone 13800138000' }, 'key-sealed-0001');
    const rows = await sql<Record<string, unknown>>('select * from probe.idempotent_request');
    const text = JSON.stringify(rows);
    expect(text).not.toContain('key-sealed-0001');
    expect(text).not.toContain('13800138000');
  });

  it('forgets a key past its time: the retry is a new request, and the janitor deletes such rows', async () => {
    await create({ note: 'expiring' }, 'key-expiring-0001');
    await sql(`update probe.idempotent_request set expires_at = now() - interval '1 second' where operation = 'probe.thing.create'`);
    await create({ note: 'expiring' }, 'key-expiring-0001');
    expect(await things('expiring')).toHaveLength(2);
    const store = probe.app.get(IdempotencyStore);
    expect(await store.deleteExpired(1000)).toBeGreaterThan(0);
    expect(await sql('select 1 from probe.idempotent_request where expires_at <= now()')).toEqual([]);
    expect(await create({ note: 'expiring' }, 'key-expiring-0001')).toMatchObject({ note: 'expiring' });
    expect(await things('expiring')).toHaveLength(2);
  });
});
