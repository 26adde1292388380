import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager, MikroORM as PgMikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { AckPolicy, DeliverPolicy, nanos, type Consumer, type JsMsg } from 'nats';
import { migrateSchema, pgTextArray } from '@gridline/persistence';
import { describeError } from '@gridline/platform';
import {
  NatsConnection,
  applyWithInbox,
  bindingsByType,
  consumerName,
  isNotFound,
  parseCloudEvent,
  streamName,
  withPrefix,
  type EventHandlerBinding,
} from '@gridline/messaging';
import { ANALYTICS_SERVICE, AnalyticsAppModule } from '../analytics-app.module';
import { AnalyticsConfig } from '../analytics.config';
import { RegistryReferenceSubscriber } from '@gridline/registry-reference';
import { ANALYTICS_PROJECTIONS, type AnalyticsProjection } from '../projection/analytics-projections';
import { ProjectionBootstrap } from '../projection/projection-bootstrap';

/** Another rebuild of the same schema holds the lock: this one changes nothing. */
export class RebuildRefusedError extends Error {
  constructor(schema: string) {
    super(`another rebuild of "${schema}" is running; nothing was changed`);
    this.name = 'RebuildRefusedError';
  }
}

/** Points a test (or an operator's tooling) can wait at; none is needed to rebuild. */
export interface RebuildHooks {
  /** The fresh tables have caught up with the streams; the swap comes next. */
  caughtUp?(): Promise<void>;
  /** The live consumers' writes are blocked (the inbox locked); the tail is replayed next, then the swap. */
  locked?(): Promise<void>;
}

export interface RebuildResult {
  schema: string;
  backup: string;
  /** Stream messages replayed (every one of each projection's subjects, since its first). */
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Records read from the sources' snapshots (for projections whose streams had lost their first messages). */
  snapshotRecords: number;
  projections: { consumer: string; events: number; deadLettered: number; fromSnapshot: boolean }[];
}

const BATCH = 500;
/** A catch-up pass replaying fewer than this many messages is followed by the swap. */
const SMALL_TAIL = 200;
const MAX_PASSES = 10;
const SWAP_ATTEMPTS = 3;

/**
 * One projection's replay: an ephemeral consumer of its subjects (no acks) from the stream's first message, asked
 * each time for what is pending as of then, so a replay never waits on an empty subject.
 */
class Replay {
  /** The last stream sequence whose effect is committed in the fresh tables. */
  committed = 0;
  /** The last stream sequence handed out (applied in the open transaction, or committed). */
  private position = 0;
  events = 0;
  deadLettered = 0;
  private consumer: { name: string; pull: Consumer } | null = null;

  constructor(
    readonly projection: AnalyticsProjection,
    readonly consumerName: string,
    readonly stream: string,
    readonly subject: string,
    readonly bindings: Map<string, EventHandlerBinding<unknown>>,
    private readonly nats: NatsConnection,
  ) {}

  /** The messages after the last handed out, up to the stream's end as of now (at most `BATCH`); empty when caught up. */
  async next(): Promise<JsMsg[]> {
    let pending: number;
    if (!this.consumer) {
      let info;
      try {
        info = await this.nats.manager.consumers.add(this.stream, {
          ack_policy: AckPolicy.None,
          deliver_policy: DeliverPolicy.StartSequence,
          opt_start_seq: this.position + 1,
          filter_subject: this.subject,
          inactive_threshold: nanos(5 * 60_000),
          mem_storage: true,
        });
      } catch (error) {
        if (isNotFound(error)) return []; // no stream yet: no event of that source was ever published
        throw error;
      }
      this.consumer = { name: info.name, pull: await this.nats.js.consumers.get(this.stream, info.name) };
      pending = info.num_pending;
    } else {
      pending = (await this.consumer.pull.info()).num_pending;
    }
    if (pending === 0) return [];
    const messages: JsMsg[] = [];
    for await (const msg of await this.consumer.pull.fetch({ max_messages: Math.min(pending, BATCH), expires: 30_000 })) {
      messages.push(msg);
      this.position = msg.seq;
      if (messages.length >= Math.min(pending, BATCH)) break;
    }
    return messages;
  }

  /** What was handed out since the last commit is committed now. */
  commit(messages: number): void {
    this.committed = this.position;
    this.events += messages;
  }

  /** After a rolled-back transaction: read again after the last committed message. */
  async rewind(): Promise<void> {
    this.position = this.committed;
    await this.close();
  }

  async close(): Promise<void> {
    if (this.consumer) await this.nats.manager.consumers.delete(this.stream, this.consumer.name).catch(() => undefined);
    this.consumer = null;
  }
}

/**
 * `nx run analytics:rebuild`: replays each projection of `ANALYTICS_PROJECTIONS` from its stream's first message into
 * fresh tables, through the same subscribers and apply functions as the live consumers, and swaps them in.
 *
 * - The fresh tables are built in a shadow schema (`<schema>_rebuild`, the analytics migrations run there), by a
 *   second instance of the analytics module pointed at it (no consumers, no relay): each event is applied with its
 *   inbox row under the live durable's consumer name, by `applyWithInbox`.
 * - It catches up pass by pass while the live service goes on; then, in one transaction, it locks the live inbox
 *   (every live consumer's transaction writes its inbox row first, so they wait there; readers do not), replays the
 *   tail up to the streams' current end, and moves each projection's tables and the inbox: the live ones into
 *   `<schema>_backup` (kept until the next run), the fresh ones into the schema. Readers see the old tables until the
 *   commit and the new ones after it. A live consumer that waited on the lock goes on in the new tables: its event is
 *   in the new inbox if the rebuild replayed it (skipped), else applied there.
 * - Inbox rows of consumers that are not projections, the dead letters of the replay, and every other table
 *   (outbox, idempotency keys, what analytics owns) are kept.
 * - One rebuild per schema at a time (a session advisory lock: a second is refused, `RebuildRefusedError`); a retry
 *   after a failure starts afresh (the shadow schema is dropped first), and a failure before the swap leaves the live
 *   tables untouched.
 */
export async function rebuildProjections(config: AnalyticsConfig, hooks: RebuildHooks = {}, log: (line: string) => void = () => undefined): Promise<RebuildResult> {
  const schema = config.DB_SCHEMA ?? ANALYTICS_SERVICE;
  const shadow = `${schema}_rebuild`;
  const backup = `${schema}_backup`;
  const lock = new Client({ connectionString: config.DATABASE_URL });
  await lock.connect();
  let app: INestApplicationContext | undefined;
  try {
    const [{ ok }] = (await lock.query('select pg_try_advisory_lock(hashtext($1)) as ok', [`gridline-rebuild:${schema}`])).rows as { ok: boolean }[];
    if (!ok) throw new RebuildRefusedError(schema);
    await lock.query(`drop schema if exists "${shadow}" cascade`);
    const shadowConfig = Object.assign(new AnalyticsConfig(), config, { DB_SCHEMA: shadow });
    app = await NestFactory.createApplicationContext(AnalyticsAppModule.register(shadowConfig, { startWorkers: false }), { logger: false, abortOnError: false });
    const orm = app.get(MikroORM) as PgMikroORM;
    await migrateSchema(orm);
    await sameMigrations(lock, schema, shadow);
    const nats = app.get(NatsConnection);
    const replays = ANALYTICS_PROJECTIONS.map((projection) => {
      const subscriber = app!.get(projection.subscriber, { strict: false });
      return new Replay(
        projection,
        consumerName(ANALYTICS_SERVICE, subscriber),
        streamName(config.NATS_PREFIX, subscriber.source),
        withPrefix(config.NATS_PREFIX, `events.${subscriber.source}.${subscriber.filter}`),
        bindingsByType(subscriber),
        nats,
      );
    });

    const started = Date.now();
    // The registry copy first (the case fold reads its calendar), then what the streams lost, from the snapshots.
    const copy = replays.filter((r) => r.projection.subscriber === RegistryReferenceSubscriber);
    for (const replay of copy) await catchUp(orm, replay);
    const bootstrap = app.get(ProjectionBootstrap, { strict: false });
    const filled = await bootstrap.decide();
    const snapshotRecords = await bootstrap.fillPending();
    if (filled.length > 0) log(`filled from snapshots: ${filled.join(', ')} (${snapshotRecords} records)`);
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
      let replayed = 0;
      for (const replay of replays) replayed += await catchUp(orm, replay);
      log(`pass ${pass}: ${replayed} events`);
      if (replayed < SMALL_TAIL) break;
    }
    await hooks.caughtUp?.();

    for (let attempt = 1; ; attempt++) {
      try {
        await swap(orm, replays, { schema, shadow, backup }, hooks);
        break;
      } catch (error) {
        for (const replay of replays) await replay.rewind();
        if (attempt >= SWAP_ATTEMPTS) throw error;
        log(`swap attempt ${attempt} failed (${describeError(error)}); catching up and trying again`);
        for (const replay of replays) await catchUp(orm, replay);
      }
    }
    const seconds = (Date.now() - started) / 1000;
    for (const replay of replays) await replay.close();
    const events = replays.reduce((sum, r) => sum + r.events, 0);
    await app.close();
    app = undefined;
    await lock.query(`drop schema if exists "${shadow}" cascade`);
    return {
      schema,
      backup,
      events,
      seconds,
      eventsPerSecond: seconds > 0 ? events / seconds : events,
      snapshotRecords,
      projections: replays.map((r) => ({ consumer: r.consumerName, events: r.events, deadLettered: r.deadLettered, fromSnapshot: filled.includes(r.consumerName) })),
    };
  } finally {
    await app?.close();
    await lock.end(); // ends the session: the advisory lock goes with it
  }
}

/** The fresh tables must have the live ones' shape: a rebuild by a newer version waits for the service's migrations. */
async function sameMigrations(db: Client, schema: string, shadow: string): Promise<void> {
  const found = await db.query(`select 1 from information_schema.tables where table_schema = $1 and table_name = 'mikro_orm_migrations'`, [schema]);
  if (found.rowCount === 0) throw new Error(`"${schema}" holds no analytics tables yet: start the service (or npm run migrate -- analytics) first`);
  const names = async (s: string) => (await db.query(`select name from "${s}"."mikro_orm_migrations" order by name`)).rows.map((r: { name: string }) => r.name).join(',');
  if ((await names(schema)) !== (await names(shadow))) {
    throw new Error(`the migrations applied to "${schema}" are not this version's: migrate the service (npm run migrate -- analytics) or run the rebuild of its version`);
  }
}

/** Replays a projection's stream into the fresh tables until it has reached the end (as of now), a batch a transaction. */
async function catchUp(orm: PgMikroORM, replay: Replay): Promise<number> {
  let replayed = 0;
  for (;;) {
    const messages = await replay.next();
    if (messages.length === 0) return replayed;
    try {
      await orm.em.fork().transactional((tx) => applyAll(tx as EntityManager, replay, messages, false));
    } catch {
      // One of them failed: each in a savepoint of its own, a failing one parked in the dead letters.
      await orm.em.fork().transactional((tx) => applyAll(tx as EntityManager, replay, messages, true));
    }
    replay.commit(messages.length);
    replayed += messages.length;
  }
}

/** Applies the messages in the transaction: as the live consumer would (inbox row, then the subscriber's handler). */
async function applyAll(tx: EntityManager, replay: Replay, messages: JsMsg[], savepoints: boolean): Promise<void> {
  for (const msg of messages) {
    let event;
    try {
      event = parseCloudEvent(msg.data);
    } catch (error) {
      await deadLetter(tx, replay, msg, null, `not a CloudEvent: ${(error as Error).message}`);
      continue;
    }
    const binding = replay.bindings.get(event.type);
    if (!binding) continue; // an event the projection does not need: as the live consumer, passed over
    if (!savepoints) {
      await applyWithInbox(tx, replay.consumerName, binding, event);
      continue;
    }
    try {
      await tx.transactional((inner) => applyWithInbox(inner as EntityManager, replay.consumerName, binding, event));
    } catch (error) {
      await deadLetter(tx, replay, msg, event, describeError(error));
    }
  }
}

async function deadLetter(tx: EntityManager, replay: Replay, msg: JsMsg, event: { id: string; type: string } | null, error: string): Promise<void> {
  replay.deadLettered++;
  await tx.execute(
    `insert into "${tx.config.get('schema')}"."dead_letter" (consumer, subject, stream_sequence, event_id, event_type, body, error, deliveries) values (?, ?, ?, ?, ?, ?, ?, 1)`,
    [replay.consumerName, msg.subject, String(msg.seq), event?.id ?? null, event?.type ?? null, Buffer.from(msg.data).toString('utf8'), `rebuild: ${error}`.slice(0, 2000)],
  );
}

/** The roll-ups' trigger functions of a schema (`projection/rollups.ts`: `rollup_<table>_<operation>`). */
async function rollupFunctions(tx: EntityManager, schema: string): Promise<string[]> {
  const rows: { name: string }[] = await tx.execute(`select proname as name from pg_proc where pronamespace = ?::regnamespace and proname like 'rollup\\_%' order by 1`, [`"${schema}"`]);
  return rows.map((r) => r.name);
}

/** The tail and the swap, in one transaction that holds the live consumers' writes for its length. */
async function swap(orm: PgMikroORM, replays: Replay[], names: { schema: string; shadow: string; backup: string }, hooks: RebuildHooks): Promise<void> {
  const { schema, shadow, backup } = names;
  const q = (s: string, table: string) => `"${s}"."${table}"`;
  const tables = ['inbox', ...replays.flatMap((r) => r.projection.tables)];
  const tails = new Map<Replay, number>();
  await orm.em.fork().transactional(async (em) => {
    const tx = em as EntityManager;
    // Waits for nothing for long: a reader holding a table past this fails the attempt, and the rebuild tries again.
    await tx.execute(`set local lock_timeout = '10s'`);
    await tx.execute(`lock table ${q(schema, 'inbox')} in exclusive mode`);
    await hooks.locked?.();
    for (const replay of replays) {
      let tail = 0;
      for (let messages = await replay.next(); messages.length > 0; messages = await replay.next()) {
        await applyAll(tx, replay, messages, true);
        tail += messages.length;
      }
      tails.set(replay, tail);
    }
    await tx.execute(`lock table ${tables.map((t) => q(schema, t)).join(', ')} in access exclusive mode`);
    await tx.execute(`drop schema if exists "${backup}" cascade`);
    await tx.execute(`create schema "${backup}"`);
    for (const table of tables) {
      await tx.execute(`alter table ${q(schema, table)} set schema "${backup}"`);
      await tx.execute(`alter table ${q(shadow, table)} set schema "${schema}"`);
    }
    // The roll-ups' trigger functions go with their tables (the fresh tables' triggers call the shadow's, which the
    // drop of the shadow schema would take with it).
    for (const fn of await rollupFunctions(tx, shadow)) {
      await tx.execute(`alter function ${q(schema, fn)}() set schema "${backup}"`);
      await tx.execute(`alter function ${q(shadow, fn)}() set schema "${schema}"`);
    }
    // What the live inbox knew of consumers that are not projections stays; so do the replay's dead letters.
    await tx.execute(`insert into ${q(schema, 'inbox')} select * from ${q(backup, 'inbox')} where not (consumer = any(?::text[])) on conflict do nothing`, [
      pgTextArray(replays.map((r) => r.consumerName)),
    ]);
    await tx.execute(
      `insert into ${q(schema, 'dead_letter')} (consumer, subject, stream_sequence, event_id, event_type, body, error, deliveries, failed_at)
       select consumer, subject, stream_sequence, event_id, event_type, body, error, deliveries, failed_at from ${q(shadow, 'dead_letter')}`,
    );
  });
  for (const [replay, tail] of tails) replay.commit(tail);
}
