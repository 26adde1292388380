import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AckPolicy, DeliverPolicy, nanos, type ConsumerMessages, type JsMsg } from 'nats';
import { AppError, MetricsRegistry, RequestContext, SpanKind, describeError, endSpan, isPermanentError, startSpan, traceparentOf, type RequestContextStore } from '@gridline/platform';
import { parseCloudEvent, type CloudEvent } from '../events/cloud-event';
import { ensureStream, isNotFound } from '../events/streams';
import { streamName, withPrefix } from '../events/subjects';
import { NatsConnection } from '../nats/nats-connection';
import { EventSubscription, type EventHandlerBinding, type EventSubscriber } from './event-subscriber';
import { applyWithInbox, bindingsByType, consumerName } from './inbox-apply';

export interface ConsumerSettings {
  service: string;
  prefix: string;
  /** Deliveries of one message before it is parked in the dead-letter table. */
  maxDeliveries: number;
  /** First retry delay; doubles with each delivery, up to 30 s. */
  retryDelayMs: number;
  /**
   * How long an outage is retried before the message counts as failed: a handler that fails because a service it asks
   * is unavailable or times out, or its database is unreachable (`isOutageError`), is redelivered for about this long
   * (a restarting service is back in seconds to a minute) instead of `maxDeliveries` times (15 s at the defaults).
   */
  outageRetryMs: number;
  autoStart: boolean;
  /** Replicas of a source's stream if this consumer creates it first (NATS_STREAM_REPLICAS; default 1). */
  streamReplicas?: number;
}

export const CONSUMER_SETTINGS = Symbol('CONSUMER_SETTINGS');

const MAX_RETRY_DELAY_MS = 30_000;
const OUTAGE_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03'];

/**
 * Whether a handler's error says that something it needs is away for now, not that the handler failed: another
 * service unavailable or timing out (an `AppError` of kind unavailable or timeout, as the bus answers while a service
 * restarts), or the database unreachable (a refused or cut connection, PostgreSQL shutting down or starting, SQLSTATE
 * class 08). The fault suite (docs/faults.md) found a registry restart spending a hand-off's 5 deliveries.
 */
export function isOutageError(error: unknown): boolean {
  if (error instanceof AppError) return error.kind === 'unavailable' || error.kind === 'timeout';
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (OUTAGE_CODES.includes(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (/Connection terminated|not yet accepting connections|the database system is (starting up|shutting down)|connect ECONNREFUSED/i.test(String((e as Error).message))) return true;
  }
  return false;
}

/**
 * Runs the service's durable pull consumers. Each event's effect and its inbox row commit in one
 * transaction, and the message is acknowledged only after that commit.
 */
@Injectable()
export class EventConsumerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventConsumerHost.name);
  private running = false;
  private readonly runners: Promise<void>[] = [];
  private readonly open = new Set<ConsumerMessages>();

  constructor(
    private readonly orm: MikroORM,
    private readonly nats: NatsConnection,
    @Inject(CONSUMER_SETTINGS) private readonly settings: ConsumerSettings,
    private readonly discovery: DiscoveryService,
    private readonly metrics: MetricsRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.autoStart) await this.start();
  }

  /** Creates the consumers (if needed) and starts pulling. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    for (const subscriber of this.subscribers()) {
      const durable = this.durableName(subscriber);
      const stream = streamName(this.settings.prefix, subscriber.source);
      // Usually ready at once; when the source's stream is missing and this service may not create it (per-service
      // NATS permissions let only the owner do so), the runner waits for the owner instead of failing the boot.
      const ready = await this.prepare(subscriber, durable).then(
        () => true,
        (error: unknown) => {
          this.logger.warn({ msg: 'consumer not ready yet; retrying in the background', consumer: durable, err: error });
          return false;
        },
      );
      this.runners.push(this.run(subscriber, stream, durable, ready));
    }
  }

  private async prepare(subscriber: EventSubscriber, durable: string): Promise<void> {
    const stream = await ensureStream(this.nats.manager, this.settings.prefix, subscriber.source, this.settings.streamReplicas);
    await this.ensureConsumer(stream, durable, withPrefix(this.settings.prefix, `events.${subscriber.source}.${subscriber.filter}`));
  }

  /** The subscribers found in the application (every provider marked `@EventSubscription()`). */
  subscribers(): EventSubscriber[] {
    return this.discovery
      .getProviders({ metadataKey: EventSubscription.KEY })
      .map((wrapper) => wrapper.instance as EventSubscriber)
      .filter((instance) => !!instance);
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const messages of this.open) messages.stop();
    await Promise.all(this.runners);
    this.runners.length = 0;
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /**
   * Whether the subscriber's stream has dropped messages (aged out: a stream keeps 30 days) that its durable consumer
   * never read — a subscriber that was down longer than that, or one that never ran while the stream lost its first
   * messages: what it keeps misses them. Asked before the consumers start (they move past the gap).
   */
  async missedAgedOut(subscriber: EventSubscriber): Promise<boolean> {
    const stream = streamName(this.settings.prefix, subscriber.source);
    let first: number;
    try {
      first = (await this.nats.manager.streams.info(stream)).state.first_seq;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
    if (first <= 1) return false;
    try {
      return (await this.nats.manager.consumers.info(stream, this.durableName(subscriber))).delivered.stream_seq + 1 < first;
    } catch (error) {
      if (isNotFound(error)) return true;
      throw error;
    }
  }

  durableName(subscriber: EventSubscriber): string {
    return consumerName(this.settings.service, subscriber);
  }

  /** Deliveries of a message whose handler meets an outage: as many as fit in `outageRetryMs` with the backoff. */
  private get outageDeliveries(): number {
    let deliveries = 1;
    for (let waited = 0; waited < this.settings.outageRetryMs; deliveries++) waited += this.retryDelay(deliveries);
    return Math.max(deliveries, this.settings.maxDeliveries);
  }

  private retryDelay(deliveries: number): number {
    return Math.min(this.settings.retryDelayMs * 2 ** (deliveries - 1), MAX_RETRY_DELAY_MS);
  }

  private async ensureConsumer(stream: string, durable: string, filter: string): Promise<void> {
    // A backstop only: the host parks a message in the dead-letter table well before this.
    const maxDeliver = this.outageDeliveries * 2;
    try {
      const info = await this.nats.manager.consumers.info(stream, durable);
      // A durable made by an older version (a lower backstop) would stop delivering during an outage's retries.
      if (info.config.max_deliver !== undefined && info.config.max_deliver > 0 && info.config.max_deliver < maxDeliver) {
        await this.nats.manager.consumers.update(stream, durable, { max_deliver: maxDeliver });
      }
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.nats.manager.consumers.add(stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: filter,
        ack_wait: nanos(30_000),
        max_deliver: maxDeliver,
        max_ack_pending: 1000,
      });
    }
  }

  private async run(subscriber: EventSubscriber, stream: string, durable: string, ready: boolean): Promise<void> {
    const bindings = bindingsByType(subscriber);
    while (this.running) {
      let messages: ConsumerMessages | undefined;
      try {
        if (!ready) {
          await this.prepare(subscriber, durable);
          ready = true;
        }
        const consumer = await this.nats.js.consumers.get(stream, durable);
        messages = await consumer.consume({ max_messages: 64 });
        this.open.add(messages);
        for await (const msg of messages) {
          await this.handle(durable, bindings, msg);
          if (!this.running) break;
        }
      } catch (error) {
        if (this.running) {
          this.logger.warn({ msg: 'consumer interrupted; restarting', consumer: durable, err: error });
          await new Promise((r) => setTimeout(r, 1000));
        }
      } finally {
        if (messages) {
          messages.stop();
          this.open.delete(messages);
        }
      }
    }
  }

  private async handle(consumer: string, bindings: Map<string, EventHandlerBinding<unknown>>, msg: JsMsg): Promise<void> {
    const deliveries = msg.info.redeliveryCount;
    let event: CloudEvent;
    try {
      event = parseCloudEvent(msg.data);
    } catch (error) {
      await this.park(consumer, msg, undefined, `not a CloudEvent: ${(error as Error).message}`);
      return;
    }
    const binding = bindings.get(event.type);
    if (!binding) {
      msg.ack(); // an event this subscriber does not need
      return;
    }
    const timer = this.metrics.eventHandleSeconds.startTimer({ consumer });
    // Each delivery in a span of its own, child of the span that recorded the event: one trace from the request that
    // caused it, through this consumer's effects (its bus requests, the events it records in turn).
    const span = startSpan({
      service: this.settings.service,
      name: `${consumer} ${event.type}`,
      kind: SpanKind.CONSUMER,
      parent: event.traceparent,
      attributes: { 'messaging.system': 'nats', 'messaging.consumer.group.name': consumer, 'messaging.message.id': event.id, 'gridline.delivery': deliveries },
    });
    const context = { correlationId: event.correlationid, causationId: event.id, traceparent: traceparentOf(span, event.traceparent) };
    const ended = (name: string) => endSpan(span, name === 'applied' || name === 'duplicate' ? undefined : name, { 'gridline.outcome': name });
    const outcome = (name: string) => {
      timer({ outcome: name });
      this.metrics.eventsConsumed.inc({ consumer, outcome: name });
      ended(name);
    };
    try {
      const applied = await RequestContext.run(context, () => this.apply(consumer, binding, event));
      msg.ack();
      outcome(applied ? 'applied' : 'duplicate');
    } catch (error) {
      // Logged and kept in the dead-letter table: without the values of a statement that failed.
      const reason = describeError(error);
      // A business error (a refused command) fails the same way on every delivery: it is never retried.
      const permanent = isPermanentError(error);
      // An outage (a service restarting, the database away) is retried longer than a handler's own failure.
      const limit = isOutageError(error) ? this.outageDeliveries : this.settings.maxDeliveries;
      if (permanent || deliveries >= limit) {
        // The hook sees a domain error as it is, anything else only by its scrubbed description.
        if (binding.failed && (await this.recordFailure(consumer, binding, event, error instanceof AppError ? error : new Error(reason), context))) {
          msg.ack();
          outcome('failed');
          this.logger.warn({ msg: 'event handler failed; failure recorded', consumer, eventId: event.id, deliveries, permanent, reason });
          return;
        }
        await this.park(consumer, msg, event, reason); // counted there (also for what is not a CloudEvent)
        timer({ outcome: 'dead_lettered' });
        ended('dead_lettered');
      } else {
        this.logger.warn({ msg: 'event handler failed; will retry', consumer, eventId: event.id, deliveries, reason });
        outcome('retried');
        msg.nak(this.retryDelay(deliveries));
      }
    }
  }

  /** Applies the event once: returns false when the inbox shows it was applied already. */
  private async apply(consumer: string, binding: EventHandlerBinding<unknown>, event: CloudEvent): Promise<boolean> {
    const em = this.orm.em.fork() as EntityManager;
    return em.transactional((tx) => applyWithInbox(tx, consumer, binding, event));
  }

  /**
   * Records the handler's failure through its `failed` hook with the inbox row, in one transaction: the event is
   * then consumed (a redelivery finds the inbox row). Returns false when that could not be written (retried later).
   */
  private async recordFailure(consumer: string, binding: EventHandlerBinding<unknown>, event: CloudEvent, error: Error, context: RequestContextStore): Promise<boolean> {
    try {
      await RequestContext.run(context, async () => {
        const em = this.orm.em.fork() as EntityManager;
        const schema = this.orm.config.get('schema');
        await em.transactional(async (tx) => {
          const inserted: unknown[] = await tx.execute(
            `insert into "${schema}"."inbox" (consumer, event_id, event_type) values (?, ?, ?) on conflict do nothing returning event_id`,
            [consumer, event.id, event.type],
          );
          if (inserted.length > 0) await binding.failed!(event, error, tx);
        });
      });
      return true;
    } catch (hookError) {
      this.logger.warn({ msg: 'could not record a failure; parking the message', consumer, eventId: event.id, err: hookError });
      return false;
    }
  }

  /** Parks a message in the dead-letter table, then terminates it so that the stream goes on. */
  private async park(consumer: string, msg: JsMsg, event: CloudEvent | undefined, error: string): Promise<void> {
    const schema = this.orm.config.get('schema');
    const raw = Buffer.from(msg.data);
    const text = raw.toString('utf8');
    const body = Buffer.from(text, 'utf8').equals(raw) ? text : `base64:${raw.toString('base64')}`;
    try {
      await this.orm.em
        .fork()
        .getConnection()
        .execute(
          `insert into "${schema}"."dead_letter" (consumer, subject, stream_sequence, event_id, event_type, body, error, deliveries) values (?, ?, ?, ?, ?, ?, ?, ?)`,
          [consumer, msg.subject, String(msg.seq), event?.id ?? null, event?.type ?? null, body, error.slice(0, 2000), msg.info.redeliveryCount],
        );
    } catch (dbError) {
      this.logger.warn({ msg: 'could not park a message; will retry', consumer, err: dbError });
      msg.nak(this.settings.retryDelayMs);
      return;
    }
    msg.term();
    this.metrics.eventsConsumed.inc({ consumer, outcome: 'dead_lettered' });
    this.logger.error({ msg: 'message parked in the dead-letter table', consumer, subject: msg.subject, seq: msg.seq, eventId: event?.id, error });
  }
}
