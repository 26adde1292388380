import { Module, type DynamicModule } from '@nestjs/common';
import { MetricsRegistry, type ProcessConfig } from '@gridline/platform';
import { NatsConnection, NatsReadinessCheck } from '../nats/nats-connection';
import { BusClient } from './bus-client';

/** The NATS connection and the bus client of a process (service or gateway), configured one way. */
@Module({})
export class BusModule {
  static forRoot(name: string, config: ProcessConfig): DynamicModule {
    return {
      module: BusModule,
      global: true,
      providers: [
        { provide: NatsConnection, useFactory: () => new NatsConnection({ servers: config.NATS_URL.split(','), name }) },
        {
          provide: BusClient,
          useFactory: (nats: NatsConnection, metrics: MetricsRegistry) =>
            new BusClient(nats, { prefix: config.NATS_PREFIX, timeoutMs: config.REQUEST_TIMEOUT_MS }, metrics),
          inject: [NatsConnection, MetricsRegistry],
        },
        NatsReadinessCheck,
      ],
      exports: [NatsConnection, BusClient, NatsReadinessCheck],
    };
  }
}
