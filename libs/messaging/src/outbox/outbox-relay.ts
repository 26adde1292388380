import { Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MetricsRegistry } from '@gridline/platform';
import { ensureStream } from '../events/streams';
import { withPrefix } from '../events/subjects';
import { NatsConnection } from '../nats/nats-connection';
import { PollingWorker, type PollingWorkerSettings } from '../workers/polling-worker';

export interface OutboxRelaySettings extends PollingWorkerSettings {
  /** The publishing service: its stream captures `events.<service>.>`. */
  service: string;
  prefix: string;
  publishTimeoutMs: number;
  /** Replicas of the stream when the relay creates it (NATS_STREAM_REPLICAS; default 1). */
  streamReplicas?: number;
}

export const OUTBOX_RELAY_SETTINGS = Symbol('OUTBOX_RELAY_SETTINGS');

interface ClaimedRow {
  id: string;
  event_id: string;
  subject: string;
  type: string;
  payload: unknown;
  attempts: number;
}

/**
 * Publishes outbox rows to JetStream. Several replicas may run: each claims rows with
 * FOR UPDATE SKIP LOCKED, and only the oldest pending row of an aggregate can be claimed, so each
 * aggregate's events leave in order. A publish that fails is retried with backoff under the same
 * Nats-Msg-Id, so JetStream drops the copy if the first attempt was in fact stored.
 */
@Injectable()
export class OutboxRelay extends PollingWorker {
  protected readonly logger = new Logger(OutboxRelay.name);
  private streamReady = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly nats: NatsConnection,
    private readonly settings: OutboxRelaySettings,
    private readonly metrics: MetricsRegistry,
  ) {
    super(settings);
  }

  /** One pass: makes sure the stream exists and publishes a batch (the `MessagingJanitor` forgets old published rows). */
  async tick(): Promise<number> {
    if (!this.streamReady) {
      await ensureStream(this.nats.manager, this.settings.prefix, this.settings.service, this.settings.streamReplicas);
      this.streamReady = true;
    }
    return this.publishBatch();
  }

  /** One pass: claims up to a batch of rows, publishes them and records the outcome. Returns how many went out. */
  async publishBatch(): Promise<number> {
    const em = this.orm.em.fork() as EntityManager;
    const table = `"${this.orm.config.get('schema')}"."outbox"`;
    return em.transactional(async (tx) => {
      // SKIP LOCKED: two relays must never claim the same row. NOT EXISTS: only the oldest pending
      // row of each aggregate, so that a later event never overtakes an earlier one.
      const rows: ClaimedRow[] = await tx.execute(
        `select o.id, o.event_id, o.subject, o.type, o.payload, o.attempts from ${table} o
          where o.published_at is null and o.next_attempt_at <= now()
            and not exists (select 1 from ${table} p where p.aggregate_key = o.aggregate_key and p.published_at is null and p.id < o.id)
          order by o.id limit ? for update of o skip locked`,
        [this.settings.batchSize],
      );
      if (rows.length === 0) return 0;
      const outcomes = await Promise.allSettled(rows.map((row) => this.publish(row)));
      const done: string[] = [];
      for (const [i, outcome] of outcomes.entries()) {
        const row = rows[i];
        if (outcome.status === 'fulfilled') {
          done.push(row.id);
          this.metrics.eventsPublished.inc({ type: row.type });
        } else {
          const delayMs = Math.min(30_000, 500 * 2 ** Math.min(row.attempts, 6));
          const reason = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
          await tx.execute(
            `update ${table} set attempts = attempts + 1, last_error = ?, next_attempt_at = now() + (? || ' milliseconds')::interval where id = ?`,
            [reason.slice(0, 500), String(delayMs), row.id],
          );
          this.logger.warn({ msg: 'event publish failed; will retry', eventId: row.event_id, attempts: row.attempts + 1, reason });
        }
      }
      if (done.length > 0) {
        await tx.execute(`update ${table} set published_at = now(), attempts = attempts + 1, last_error = null where id in (${done.map(() => '?').join(',')})`, done);
      }
      return done.length;
    });
  }

  private async publish(row: ClaimedRow): Promise<void> {
    const body = typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload);
    await this.nats.js.publish(withPrefix(this.settings.prefix, row.subject), Buffer.from(body), {
      msgID: row.event_id,
      timeout: this.settings.publishTimeoutMs,
    });
  }

}
