import { Controller, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { connect, headers as natsHeaders, type NatsConnection as RawNats } from 'nats';
import { SchemaMigration } from '@gridline/persistence';
import { MetricsRegistry, ServiceConfig } from '@gridline/platform';
import { PrivateNatsCluster, PrivateNatsServer, TestPlatform, eventually, metricValue, TEST_SERVERS, type RunningTestService } from '@gridline/testing';
import { buildCloudEvent } from './events/cloud-event';
import { defineEvent, defineRequest } from './events/definitions';
import { connectStandaloneBus } from './bus/standalone-bus';
import { AppError } from '@gridline/platform';
import { streamName, withPrefix } from './events/subjects';
import { EventConsumerHost } from './inbox/event-consumer-host';
import { EventSubscription, on, type EventSubscriber } from './inbox/event-subscriber';
import { EventPublisher } from './outbox/event-publisher';
import { OutboxRelay } from './outbox/outbox-relay';
import { ServiceModule } from './service/service.module';

/** A probe service: it records `thing.happened` events and applies them to an `effect` table. */
const THING_HAPPENED = defineEvent<{ note: string; seq?: number; fail?: boolean; refuse?: boolean }>('probe', 'thing', 'happened');
/** Handled with a `failed` hook: a refused one is recorded as an effect of its own. */
const THING_NOTED = defineEvent<{ note: string; refuse?: boolean; fail?: boolean; awayFor?: number }>('probe', 'thing', 'noted');
/** Deliveries of each `thing.noted` event so far (`awayFor`: the first that many meet a service that is away). */
const notedDeliveries = new Map<string, number>();
const refused = () => new AppError('PROBE_REFUSED', 'rule_violation', 'the probe refuses this note');

class ProbeMigration extends SchemaMigration {
  up(): void {
    this.addSql(`create table ${this.t('effect')} (id serial primary key, event_id text not null, note text not null)`);
  }
}

@Injectable()
@EventSubscription()
class ProbeSubscriber implements EventSubscriber {
  readonly name = 'effects';
  readonly source = 'probe';
  readonly filter = 'thing.>';
  handlers() {
    const effect = (em: EntityManager, eventId: string, note: string) => em.execute(`insert into "${em.config.get('schema')}"."effect" (event_id, note) values (?, ?)`, [eventId, note]);
    return [
      on(THING_HAPPENED, async (event, em) => {
        if (event.data.fail) throw new Error('the handler refuses this event');
        if (event.data.refuse) throw refused();
        await effect(em, event.id, event.data.note);
      }),
      on(
        THING_NOTED,
        async (event, em) => {
          // An effect written before the refusal must roll back with it.
          await effect(em, event.id, `partial:${event.data.note}`);
          const delivery = (notedDeliveries.get(event.id) ?? 0) + 1;
          notedDeliveries.set(event.id, delivery);
          if (delivery <= (event.data.awayFor ?? 0)) throw new AppError('SERVICE_UNAVAILABLE', 'unavailable', 'The registry service is not available');
          if (event.data.refuse) throw refused();
          if (event.data.fail) throw new Error('the store is away');
          await effect(em, event.id, event.data.note);
        },
        { failed: async (event, error, em) => void (await effect(em, event.id, `failed:${event.data.note}:${error.message}`)) },
      ),
    ];
  }
}

const SLOW = defineRequest<{ ms: number }, { slept: number }>('probe', 'probe.work.slow');

/** A handler that takes its time, to see shutdown finish work in flight. */
@Controller()
class ProbeBusController {
  @MessagePattern(SLOW.pattern)
  async slow(@Payload() { ms }: { ms: number }) {
    await new Promise((r) => setTimeout(r, ms));
    return { slept: ms };
  }
}

@Module({})
class ProbeModule {
  static register(config: ServiceConfig, startWorkers: boolean): DynamicModule {
    return {
      module: ProbeModule,
      imports: [
        ServiceModule.forRoot({
          service: 'probe',
          config,
          entities: [],
          migrations: [{ name: 'probe_effect', class: ProbeMigration }],
          startWorkers,
          consumer: { maxDeliveries: 3, retryDelayMs: 50, outageRetryMs: 3000 },
          relay: { publishTimeoutMs: 1000 },
        }),
      ],
      providers: [ProbeSubscriber],
      controllers: [ProbeBusController],
    };
  }
}

type Probe = RunningTestService;

function startProbe(platform: TestPlatform, natsUrl = TEST_SERVERS.natsUrl, startWorkers = true): Promise<Probe> {
  return platform.start('probe', ServiceConfig, (config) => ProbeModule.register(config, startWorkers), { NATS_URL: natsUrl, DB_SCHEMA: 'probe' });
}

/** Records events the way a use case does: in the transaction of the state change. */
async function record(probe: Probe, notes: { note: string; aggregate?: string; seq?: number; fail?: boolean }[]): Promise<void> {
  const em = probe.app.get(MikroORM).em.fork() as EntityManager;
  const publisher = probe.app.get(EventPublisher);
  await em.transactional(async (tx) => {
    for (const n of notes) publisher.record(tx, THING_HAPPENED, n.aggregate ?? n.note, { note: n.note, seq: n.seq, fail: n.fail });
  });
}

async function query<T>(probe: Probe, sql: string, params: unknown[] = []): Promise<T[]> {
  return probe.app.get(MikroORM).em.fork().getConnection().execute(sql, params);
}

describe('transactional outbox', () => {
  let platform: TestPlatform;
  let prefix: string;
  let probe: Probe;
  let nc: RawNats;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    prefix = platform.prefix;
    probe = await startProbe(platform, TEST_SERVERS.natsUrl, false);
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
  });

  afterAll(async () => {
    await nc?.close();
    await platform?.close();
  });

  const streamCount = async () => {
    const jsm = await nc.jetstreamManager();
    return (await jsm.streams.info(streamName(prefix, 'probe'))).state.messages;
  };

  it('publishes nothing from a transaction that rolls back', async () => {
    const em = probe.app.get(MikroORM).em.fork() as EntityManager;
    const publisher = probe.app.get(EventPublisher);
    await expect(
      em.transactional(async (tx) => {
        publisher.record(tx, THING_HAPPENED, 'rolled-back', { note: 'rolled-back' });
        await tx.flush();
        throw new Error('the state change fails');
      }),
    ).rejects.toThrow('the state change fails');
    const relay = probe.app.get(OutboxRelay);
    relay.start();
    await relay.stop();
    expect(await query(probe, 'select * from probe.outbox')).toEqual([]);
    await relay.publishBatch();
    expect(await streamCount()).toBe(0);
  });

  it('lets two relays share the work without publishing a row twice, each aggregate in order', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ note: `n${i}`, aggregate: `a${i % 10}`, seq: Math.floor(i / 10) }));
    for (let i = 0; i < rows.length; i += 20) await record(probe, rows.slice(i, i + 20));
    const second = await startProbe(platform, TEST_SERVERS.natsUrl, false);
    {
      const relays = [probe.app.get(OutboxRelay), second.app.get(OutboxRelay)];
      const published = [0, 0];
      await Promise.all(
        relays.map(async (relay, i) => {
          for (;;) {
            const n = await relay.publishBatch();
            published[i] += n;
            if (n === 0) {
              const [{ pending }] = await query<{ pending: string }>(probe, 'select count(*) as pending from probe.outbox where published_at is null');
              if (Number(pending) === 0) return;
            }
          }
        }),
      );
      expect(published[0] + published[1]).toBe(200);
      expect(published[0]).toBeGreaterThan(0);
      expect(published[1]).toBeGreaterThan(0);
    }
    expect(await streamCount()).toBe(200);
    // Per aggregate, the stream holds the events in the order they were recorded.
    const jsm = await nc.jetstreamManager();
    const seen = new Map<string, number[]>();
    for (let seq = 1; seq <= 200; seq++) {
      const event = (await jsm.streams.getMessage(streamName(prefix, 'probe'), { seq })).json<{ subject: string; data: { seq: number } }>();
      seen.set(event.subject, [...(seen.get(event.subject) ?? []), event.data.seq]);
    }
    for (const order of seen.values()) expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('outbox and inbox through a NATS outage', () => {
  let platform: TestPlatform;
  let prefix: string;
  let nats: PrivateNatsServer;
  let probe: Probe;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    prefix = platform.prefix;
    nats = await PrivateNatsServer.start();
    probe = await startProbe(platform, nats.url);
  });

  afterAll(async () => {
    for (const service of platform.services.splice(0)) await service.close();
    await nats?.dispose();
    await platform?.close();
  });

  it('commits writes while NATS is down and delivers every event exactly once when it is back', async () => {
    await record(probe, [{ note: 'before-1' }, { note: 'before-2' }]);
    await eventually(async () => expect(await query(probe, 'select note from probe.effect')).toHaveLength(2));

    await nats.halt();
    await record(probe, [{ note: 'during-1' }, { note: 'during-2' }, { note: 'during-3' }]);
    await eventually(async () => {
      const pending = await query<{ attempts: number }>(probe, 'select attempts from probe.outbox where published_at is null');
      expect(pending).toHaveLength(3);
      expect(pending.every((p) => p.attempts > 0)).toBe(true);
    });

    await nats.resume();
    await eventually(
      async () => {
        const effects = await query<{ note: string }>(probe, 'select note from probe.effect order by note');
        expect(effects.map((e) => e.note)).toEqual(['before-1', 'before-2', 'during-1', 'during-2', 'during-3']);
      },
      { timeoutMs: 30_000 },
    );
    const nc = await connect({ servers: nats.url });
    try {
      const info = await (await nc.jetstreamManager()).streams.info(streamName(prefix, 'probe'));
      expect(info.state.messages).toBe(5);
    } finally {
      await nc.close();
    }
  });
});

describe('outbox and inbox on a 3-node NATS cluster (JetStream R3, the production topology) losing the stream leader mid-load', () => {
  const EVENTS = 150;
  let platform: TestPlatform;
  let prefix: string;
  let cluster: PrivateNatsCluster;
  let probe: Probe;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    prefix = platform.prefix;
    cluster = await PrivateNatsCluster.start(3);
    probe = await platform.start('probe', ServiceConfig, (config) => ProbeModule.register(config, true), { NATS_URL: cluster.url, NATS_STREAM_REPLICAS: '3', DB_SCHEMA: 'probe' });
  });

  afterAll(async () => {
    for (const service of platform.services.splice(0)) await service.close();
    await cluster?.dispose();
    await platform?.close();
  });

  it('publishes every committed event once, stored on three nodes, and applies each once while the leader is killed (-9) and comes back', async () => {
    const stream = streamName(prefix, 'probe');
    // The load: one committed write after another, each with its event in the outbox (acknowledged once committed).
    let written = 0;
    const load = (async () => {
      for (; written < EVENTS; written++) await record(probe, [{ note: `n-${written}` }]);
    })();
    await eventually(async () => expect((await query(probe, 'select 1 from probe.effect')).length).toBeGreaterThanOrEqual(20));
    const info = await cluster.withJetStream((jsm) => jsm.streams.info(stream));
    expect(info.config.num_replicas).toBe(3);
    const leader = await cluster.streamLeader(stream);
    await cluster.halt(leader);
    const killedAt = written;
    await load;
    expect(killedAt).toBeLessThan(EVENTS);

    // Every acknowledged write's event applied exactly once: none lost, none twice.
    await eventually(
      async () => {
        const effects = await query<{ note: string; event_id: string }>(probe, 'select note, event_id from probe.effect');
        expect(effects).toHaveLength(EVENTS);
        expect(new Set(effects.map((e) => e.note)).size).toBe(EVENTS);
        expect(new Set(effects.map((e) => e.event_id)).size).toBe(EVENTS);
      },
      { timeoutMs: 60_000 },
    );
    expect(await query(probe, 'select id from probe.outbox where published_at is null')).toEqual([]);
    // The stream, led by a node that stayed up, holds each event once (a publish retried across the election is
    // deduplicated by its Nats-Msg-Id) — and the killed node, back, catches up to the same.
    const after = await cluster.withJetStream((jsm) => jsm.streams.info(stream));
    expect(after.cluster?.leader).not.toBe(leader);
    expect(after.state.messages).toBe(EVENTS);
    await cluster.resume(leader);
    await eventually(
      async () => {
        const replicas = (await cluster.withJetStream((jsm) => jsm.streams.info(stream))).cluster?.replicas ?? [];
        expect(replicas.map((r) => ({ name: r.name, current: r.current })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
          cluster.nodes.map((n) => n.name).filter((name) => name !== after.cluster?.leader).map((name) => ({ name, current: true })),
        );
      },
      { timeoutMs: 30_000 },
    );
  });
});

describe('idempotent consumers', () => {
  let platform: TestPlatform;
  let prefix: string;
  let probe: Probe;
  let nc: RawNats;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    prefix = platform.prefix;
    probe = await startProbe(platform);
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
  });

  afterAll(async () => {
    await nc?.close();
    await platform?.close();
  });

  const publishRaw = async (body: string | Uint8Array, msgID: string) => {
    const h = natsHeaders();
    await nc.jetstream().publish(withPrefix(prefix, THING_HAPPENED.subject), typeof body === 'string' ? Buffer.from(body) : body, { msgID, headers: h });
  };

  it('applies an event delivered twice only once', async () => {
    const metrics = async () => probe.app.get(MetricsRegistry).registry.metrics();
    const before = await metrics();
    const event = buildCloudEvent(THING_HAPPENED, 'dup', { note: 'dup' }, { correlationId: 'c-dup' });
    // Two copies under different message ids, so that JetStream's own de-duplication does not hide the second.
    await publishRaw(JSON.stringify(event), 'dup-1');
    await publishRaw(JSON.stringify(event), 'dup-2');
    const marker = buildCloudEvent(THING_HAPPENED, 'after-dup', { note: 'after-dup' }, { correlationId: 'c' });
    await publishRaw(JSON.stringify(marker), marker.id);
    await eventually(async () => expect(await query(probe, `select 1 from probe.effect where note = 'after-dup'`)).toHaveLength(1));
    expect(await query(probe, `select 1 from probe.effect where note = 'dup'`)).toHaveLength(1);
    expect(await query(probe, `select 1 from probe.inbox where event_id = ?`, [event.id])).toHaveLength(1);
    // The consumer's RED: each delivery counted and timed by its outcome.
    const after = await metrics();
    const grew = (name: string, labels: Record<string, string>) => metricValue(after, name, labels) - metricValue(before, name, labels);
    const consumer = { consumer: 'probe-effects' };
    expect(grew('gridline_events_consumed_total', { ...consumer, outcome: 'applied' })).toBe(2);
    expect(grew('gridline_events_consumed_total', { ...consumer, outcome: 'duplicate' })).toBe(1);
    expect(grew('gridline_event_handle_seconds_count', { ...consumer, outcome: 'applied' })).toBe(2);
    expect(grew('gridline_event_handle_seconds_count', { ...consumer, outcome: 'duplicate' })).toBe(1);
  });

  it('parks a poison message and a handler that keeps failing in the dead-letter table, and goes on', async () => {
    await publishRaw('this is not json', 'poison-1');
    const failing = buildCloudEvent(THING_HAPPENED, 'bad', { note: 'bad', fail: true }, { correlationId: 'c-bad' });
    await publishRaw(JSON.stringify(failing), failing.id);
    const good = buildCloudEvent(THING_HAPPENED, 'good', { note: 'good' }, { correlationId: 'c-good' });
    await publishRaw(JSON.stringify(good), good.id);

    await eventually(async () => expect(await query(probe, `select 1 from probe.effect where note = 'good'`)).toHaveLength(1));
    await eventually(async () => {
      const parked = await query<{ event_id: string | null; error: string; deliveries: number; body: string }>(
        probe,
        'select event_id, error, deliveries, body from probe.dead_letter order by id',
      );
      expect(parked).toEqual([
        expect.objectContaining({ event_id: null, body: 'this is not json', error: expect.stringContaining('not a CloudEvent') }),
        expect.objectContaining({ event_id: failing.id, error: 'the handler refuses this event', deliveries: 3 }),
      ]);
    });
    expect(await query(probe, `select 1 from probe.effect where note = 'bad'`)).toHaveLength(0);
    expect(probe.app.get(EventConsumerHost)).toBeDefined();
  });

  it('never retries a business error: parks it at once without a failure hook, records it once with one', async () => {
    const parkedAtOnce = buildCloudEvent(THING_HAPPENED, 'refused', { note: 'refused', refuse: true }, { correlationId: 'c-refused' });
    const recorded = buildCloudEvent(THING_NOTED, 'refused-noted', { note: 'refused-noted', refuse: true }, { correlationId: 'c-noted' });
    const transient = buildCloudEvent(THING_NOTED, 'flaky-noted', { note: 'flaky-noted', fail: true }, { correlationId: 'c-flaky' });
    for (const event of [parkedAtOnce, recorded, transient]) await publishRaw(JSON.stringify(event), event.id);
    await publishRaw(JSON.stringify(recorded), `${recorded.id}-again`); // redelivered: no second record

    await eventually(async () => {
      const effects = await query<{ note: string }>(probe, `select note from probe.effect where note like 'failed:%' order by note`);
      expect(effects.map((e) => e.note)).toEqual(['failed:flaky-noted:the store is away', 'failed:refused-noted:the probe refuses this note']);
      expect(await query(probe, `select deliveries from probe.dead_letter where event_id = ?`, [parkedAtOnce.id])).toEqual([{ deliveries: 1 }]);
    });
    // The business error was recorded on its first delivery, the transient one after its retries; neither is parked.
    expect(await query(probe, `select 1 from probe.dead_letter where event_id in (?, ?)`, [recorded.id, transient.id])).toHaveLength(0);
    expect(await query(probe, `select 1 from probe.effect where note like 'partial:%'`)).toHaveLength(0);
    expect(await query(probe, `select 1 from probe.inbox where event_id in (?, ?)`, [recorded.id, transient.id])).toHaveLength(2);
  });
});

describe('consumers through another service\'s outage', () => {
  let platform: TestPlatform;
  let probe: Probe;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    probe = await startProbe(platform);
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('retries a handler that meets an unavailable service past maxDeliveries, for outageRetryMs, then applies it once', async () => {
    const em = probe.app.get(MikroORM).em.fork() as EntityManager;
    const publisher = probe.app.get(EventPublisher);
    // maxDeliveries is 3: a service away for 6 deliveries (50 ms doubling, ~1.6 s) used to fail the event.
    await em.transactional(async (tx) => void publisher.record(tx, THING_NOTED, 'outage', { note: 'through-outage', awayFor: 6 }));
    await eventually(async () => expect(await query<{ note: string }>(probe, `select note from probe.effect where note like '%through-outage' order by id`)).toEqual([{ note: 'partial:through-outage' }, { note: 'through-outage' }]), { timeoutMs: 15_000 });
    expect(await query(probe, `select 1 from probe.dead_letter`)).toHaveLength(0);
  });

  it('still counts an outage as failed once outageRetryMs is spent', async () => {
    const em = probe.app.get(MikroORM).em.fork() as EntityManager;
    const publisher = probe.app.get(EventPublisher);
    await em.transactional(async (tx) => void publisher.record(tx, THING_NOTED, 'long-outage', { note: 'long-outage', awayFor: 1000 }));
    await eventually(
      async () => expect(await query<{ note: string }>(probe, `select note from probe.effect where note like 'failed:long-outage%'`)).toEqual([{ note: 'failed:long-outage:The registry service is not available' }]),
      { timeoutMs: 20_000 },
    );
  });
});

describe('graceful shutdown', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await TestPlatform.create();
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('finishes a request in flight, then takes no more work', async () => {
    const probe = await startProbe(platform, TEST_SERVERS.natsUrl, false);
    platform.services.splice(platform.services.indexOf(probe), 1);
    const { bus, close } = await connectStandaloneBus('seed', { NATS_URL: TEST_SERVERS.natsUrl, NATS_PREFIX: platform.prefix, REQUEST_TIMEOUT_MS: 5000 });
    try {
      const inFlight = bus.request(SLOW, { ms: 400 });
      await new Promise((r) => setTimeout(r, 100));
      const closing = probe.close();
      await expect(inFlight).resolves.toEqual({ slept: 400 });
      await closing;
      const after = await bus.request(SLOW, { ms: 1 }).catch((e: unknown) => e);
      expect(after).toBeInstanceOf(AppError);
      expect((after as AppError).code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await close();
    }
  });
});
