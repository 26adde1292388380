import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { HealthModule, MetricsModule, MetricsRegistry, type ServiceConfig } from '@gridline/platform';
import { DatabaseReadinessCheck, createOrmOptions, type OrmSettings } from '@gridline/persistence';
import { BusModule } from '../bus/bus.module';
import { BusContextInterceptor } from '../bus/bus-context.interceptor';
import { NatsConnection, NatsReadinessCheck } from '../nats/nats-connection';
import { EventPublisher } from '../outbox/event-publisher';
import { Outbox } from '../outbox/outbox';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { OutboxRelay } from '../outbox/outbox-relay';
import { CONSUMER_SETTINGS, EventConsumerHost } from '../inbox/event-consumer-host';
import { InboxRecord } from '../inbox/inbox-record.entity';
import { DeadLetter } from '../inbox/dead-letter.entity';
import { IDEMPOTENCY_SETTINGS, IdempotencyStore } from '../idempotency/idempotency-store';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { IdempotencyJanitor } from '../idempotency/idempotency-janitor';
import { MESSAGING_MIGRATIONS } from './messaging-tables.migration';
import { MessagingJanitor } from './messaging-janitor';
import { serviceInfoBusController } from './service-info.bus-controller';

export interface ServiceModuleOptions {
  /** The service's name: its schema, stream, queue group and subject root. */
  service: string;
  config: ServiceConfig;
  entities: Function[];
  /** The service's own migrations, after the messaging tables. */
  migrations: OrmSettings['migrations'];
  /** Whether the relay and consumers start with the app (tests may start them by hand). */
  startWorkers?: boolean;
  /** Consumer retry policy (tests shorten it). */
  consumer?: { maxDeliveries?: number; retryDelayMs?: number; outageRetryMs?: number };
  /** Outbox relay tuning (tests shorten it). */
  relay?: { publishTimeoutMs?: number; batchSize?: number };
}

/** The ORM settings of a service: its schema, the messaging tables and its own entities and migrations. */
export function serviceOrmOptions(options: Pick<ServiceModuleOptions, 'service' | 'config' | 'entities' | 'migrations'>) {
  const { config, service } = options;
  return createOrmOptions({
    clientUrl: config.DATABASE_URL,
    schema: config.DB_SCHEMA ?? service.replace(/-/g, '_'),
    poolSize: config.DB_POOL_SIZE,
    entities: [OutboxMessage, InboxRecord, DeadLetter, ...options.entities],
    migrations: [...MESSAGING_MIGRATIONS, ...options.migrations],
  });
}

/**
 * Everything a Gridline service stands on, wired the same way for each: config, metrics, health,
 * its own schema through MikroORM, the NATS connection, the bus client, the outbox, the inbox, the
 * Idempotency-Keys of creates and the `service.info` answer.
 */
@Module({})
export class ServiceModule {
  static forRoot(options: ServiceModuleOptions): DynamicModule {
    const { config, service } = options;
    const startWorkers = options.startWorkers ?? true;
    return {
      module: ServiceModule,
      global: true,
      // `<service>.service.info`, answered by every service the same way.
      controllers: [serviceInfoBusController(service, config.npm_package_version)],
      imports: [
        DiscoveryModule,
        MetricsModule.forService(service),
        BusModule.forRoot(service, config),
        MikroOrmModule.forRoot(serviceOrmOptions(options)),
        HealthModule.forChecks([DatabaseReadinessCheck, NatsReadinessCheck]),
      ],
      providers: [
        EventPublisher,
        Outbox,
        {
          provide: OutboxRelay,
          useFactory: (orm: MikroORM, nats: NatsConnection, metrics: MetricsRegistry) =>
            new OutboxRelay(
              orm,
              nats,
              { service, prefix: config.NATS_PREFIX, pollMs: config.OUTBOX_POLL_MS, batchSize: options.relay?.batchSize ?? 100, publishTimeoutMs: options.relay?.publishTimeoutMs ?? 5000, streamReplicas: config.NATS_STREAM_REPLICAS, autoStart: startWorkers },
              metrics,
            ),
          inject: [MikroORM, NatsConnection, MetricsRegistry],
        },
        {
          provide: CONSUMER_SETTINGS,
          useValue: {
            service,
            prefix: config.NATS_PREFIX,
            maxDeliveries: options.consumer?.maxDeliveries ?? 5,
            retryDelayMs: options.consumer?.retryDelayMs ?? 1000,
            streamReplicas: config.NATS_STREAM_REPLICAS,
            outageRetryMs: options.consumer?.outageRetryMs ?? 5 * 60_000,
            autoStart: startWorkers,
          },
        },
        EventConsumerHost,
        BusContextInterceptor,
        { provide: IDEMPOTENCY_SETTINGS, useValue: { ttlHours: config.IDEMPOTENCY_KEY_TTL_HOURS } },
        IdempotencyStore,
        IdempotencyInterceptor,
        {
          // Expired keys are also taken over on claim; this only keeps the table small. Once a minute, 500 a pass.
          provide: IdempotencyJanitor,
          useFactory: (store: IdempotencyStore) => new IdempotencyJanitor(store, { pollMs: 60_000, batchSize: 500, autoStart: startWorkers }),
          inject: [IdempotencyStore],
        },
        {
          // The outbox's published rows, the inbox and the dead letters kept to their retention. Once a minute, 1000 of each a pass.
          provide: MessagingJanitor,
          useFactory: (orm: MikroORM) =>
            new MessagingJanitor(
              orm,
              { outboxHours: config.OUTBOX_RETENTION_HOURS, inboxDays: config.INBOX_RETENTION_DAYS, deadLetterDays: config.DEAD_LETTER_RETENTION_DAYS },
              { pollMs: 60_000, batchSize: 1000, autoStart: startWorkers },
            ),
          inject: [MikroORM],
        },
      ],
      exports: [EventPublisher, Outbox, OutboxRelay, EventConsumerHost, BusContextInterceptor, IdempotencyStore, IdempotencyInterceptor, IdempotencyJanitor, MessagingJanitor],
    };
  }
}
