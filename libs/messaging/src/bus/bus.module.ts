import { Module, type DynamicModule } from '@nestjs/common';
import { MetricsRegistry, type ProcessConfig } from '@gridline/platform';
import { CallerSigner, CallerVerifier, loadCallerKeys } from '@gridline/auth';
import { NatsConnection, NatsReadinessCheck, natsSettings } from '../nats/nats-connection';
import { BusClient } from './bus-client';
import { BusRequester } from './bus-requester';

/**
 * The NATS connection, the bus client and the caller keys of a process (service or gateway), configured one way: the
 * process signs the callers it sends with its own key and verifies those it receives against the keys it trusts.
 */
@Module({})
export class BusModule {
  static forRoot(name: string, config: ProcessConfig): DynamicModule {
    // Read (and, in production, checked) here, so that a bad key stops the process at boot naming the variable.
    const keys = loadCallerKeys(name, config);
    return {
      module: BusModule,
      global: true,
      providers: [
        { provide: NatsConnection, useFactory: () => new NatsConnection(natsSettings(name, config)) },
        { provide: CallerSigner, useValue: keys.signer },
        { provide: CallerVerifier, useValue: new CallerVerifier(name, keys.trusted) },
        {
          provide: BusClient,
          useFactory: (nats: NatsConnection, metrics: MetricsRegistry) =>
            new BusClient(nats, { service: name, prefix: config.NATS_PREFIX, timeoutMs: config.REQUEST_TIMEOUT_MS }, metrics, keys.signer),
          inject: [NatsConnection, MetricsRegistry],
        },
        // What the contracts libraries' clients inject (they must not load NATS themselves).
        { provide: BusRequester, useExisting: BusClient },
        NatsReadinessCheck,
      ],
      exports: [NatsConnection, BusClient, BusRequester, CallerSigner, CallerVerifier, NatsReadinessCheck],
    };
  }
}
