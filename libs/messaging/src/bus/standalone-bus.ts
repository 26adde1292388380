import { MetricsRegistry, type ProcessConfig } from '@gridline/platform';
import { NatsConnection } from '../nats/nats-connection';
import { BusClient } from './bus-client';

/** A bus client outside a Nest application (tools such as the seed), configured like any process. */
export async function connectStandaloneBus(name: string, config: Pick<ProcessConfig, 'NATS_URL' | 'NATS_PREFIX' | 'REQUEST_TIMEOUT_MS'>): Promise<{ bus: BusClient; close(): Promise<void> }> {
  const nats = new NatsConnection({ servers: config.NATS_URL.split(','), name });
  await nats.connect();
  const bus = new BusClient(nats, { prefix: config.NATS_PREFIX, timeoutMs: config.REQUEST_TIMEOUT_MS }, new MetricsRegistry(name));
  return { bus, close: () => nats.onApplicationShutdown() };
}
