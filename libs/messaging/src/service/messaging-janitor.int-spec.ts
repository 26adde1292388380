import { Module, type DynamicModule } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { ServiceConfig } from '@gridline/platform';
import { TestPlatform, type RunningTestService } from '@gridline/testing';
import { STREAM_MAX_AGE_DAYS } from '../events/streams';
import { MessagingJanitor } from './messaging-janitor';
import { ServiceModule } from './service.module';

@Module({})
class ProbeModule {
  static register(config: ServiceConfig): DynamicModule {
    return { module: ProbeModule, imports: [ServiceModule.forRoot({ service: 'probe', config, entities: [], migrations: [], startWorkers: false })] };
  }
}

describe('MessagingJanitor: the outbox, inbox and dead letters kept to their retention', () => {
  let platform: TestPlatform;
  let probe: RunningTestService;
  let second: RunningTestService;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => probe.app.get(MikroORM).em.fork().getConnection().execute(text, params);
  const count = async (table: string, where = 'true') => Number((await sql<{ n: string }>(`select count(*) as n from probe.${table} where ${where}`))[0].n);

  beforeAll(async () => {
    platform = await TestPlatform.create();
    const env = { DB_SCHEMA: 'probe', OUTBOX_RETENTION_HOURS: '72', INBOX_RETENTION_DAYS: '35', DEAD_LETTER_RETENTION_DAYS: '90' };
    probe = await platform.start('probe', ServiceConfig, (config) => ProbeModule.register(config), env);
    second = await platform.start('probe-2', ServiceConfig, (config) => ProbeModule.register(config), env);
  });

  afterAll(async () => {
    await platform?.close();
  });

  /** `n` rows of each table at `age` before now: outbox rows published then (and pending ones as old), inbox rows applied then, dead letters failed then. */
  async function rows(label: string, n: number, age: string): Promise<void> {
    await sql(
      `insert into probe.outbox (event_id, subject, type, aggregate_key, payload, created_at, published_at)
         select gen_random_uuid(), 'events.probe.thing.happened', 'gridline.probe.thing.happened', ?, '{}'::jsonb, now() - ?::interval, now() - ?::interval from generate_series(1, ?)`,
      [label, age, age, n],
    );
    await sql(
      `insert into probe.outbox (event_id, subject, type, aggregate_key, payload, created_at) select gen_random_uuid(), 'events.probe.thing.happened', 'gridline.probe.thing.happened', ?, '{}'::jsonb, now() - ?::interval from generate_series(1, ?)`,
      [`${label}-pending`, age, n],
    );
    await sql(`insert into probe.inbox (consumer, event_id, event_type, processed_at) select 'effects', ? || i, 'gridline.probe.thing.happened', now() - ?::interval from generate_series(1, ?) i`, [label, age, n]);
    await sql(
      `insert into probe.dead_letter (consumer, subject, stream_sequence, body, error, deliveries, failed_at) select 'effects', 'events.probe.thing.happened', i, '{}', 'bad', 5, now() - ?::interval from generate_series(1, ?) i`,
      [age, n],
    );
  }

  it('deletes only what is past its time, never a pending outbox row; two replicas share the passes', async () => {
    await rows('fresh', 30, '1 hour'); // within every retention
    await rows('days-old', 40, '4 days'); // past the outbox's 72 hours only
    await rows('month-old', 50, '40 days'); // past the inbox's 35 days too
    await rows('season-old', 60, '100 days'); // past the dead letters' 90 days too

    // Each replica's janitor, in small batches so that the work takes several passes; both at once until a pass finds nothing.
    expect(probe.app.get(MessagingJanitor)).toBeInstanceOf(MessagingJanitor);
    const retention = { outboxHours: 72, inboxDays: 35, deadLetterDays: 90 };
    const janitors = [probe, second].map((service) => new MessagingJanitor(service.app.get(MikroORM), retention, { pollMs: 1000, batchSize: 7, autoStart: false }));
    const taken = [0, 0];
    await Promise.all(
      janitors.map(async (janitor, i) => {
        for (;;) {
          const pass = await janitor.pass();
          const n = pass.outbox + pass.inbox + pass.deadLetters;
          taken[i] += n;
          if (n === 0) return;
        }
      }),
    );

    expect(await count('outbox', 'published_at is not null')).toBe(30);
    expect(await count('outbox', 'published_at is null')).toBe(30 + 40 + 50 + 60);
    expect(await count('inbox')).toBe(30 + 40);
    expect(await count('dead_letter')).toBe(30 + 40 + 50);
    expect(taken[0] + taken[1]).toBe(40 + 50 + 60 + (50 + 60) + 60);
  });

  it('refuses an inbox retention a stream can outlast: a redelivered event would no longer be recognised', () => {
    const orm = probe.app.get(MikroORM);
    expect(() => new MessagingJanitor(orm, { outboxHours: 72, inboxDays: STREAM_MAX_AGE_DAYS, deadLetterDays: 90 }, { pollMs: 1000, batchSize: 10, autoStart: false })).toThrow(/INBOX_RETENTION_DAYS must be more than the 30 days/);
  });

  it('refuses the setting at start: ServiceConfig names it', async () => {
    await expect(platform.start('probe-3', ServiceConfig, (config) => ProbeModule.register(config), { DB_SCHEMA: 'probe', INBOX_RETENTION_DAYS: '30' })).rejects.toThrow(/INBOX_RETENTION_DAYS/);
  });
});
