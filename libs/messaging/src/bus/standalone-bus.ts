import { MetricsRegistry, type ProcessConfig } from '@gridline/platform';
import { loadCallerKeys } from '@gridline/auth';
import { NatsConnection, natsSettings } from '../nats/nats-connection';
import { BusClient } from './bus-client';

/** A bus client outside a Nest application (tools such as the seed), configured like any process and signing as `name`. */
export async function connectStandaloneBus(
  name: string,
  config: Pick<ProcessConfig, 'NATS_URL' | 'NATS_PREFIX' | 'REQUEST_TIMEOUT_MS'> & Partial<Pick<ProcessConfig, 'NODE_ENV' | 'NATS_USER' | 'NATS_PASSWORD' | 'CALLER_SIGNING_KEY' | 'CALLER_TRUSTED_KEYS'>>,
): Promise<{ bus: BusClient; close(): Promise<void> }> {
  const keys = loadCallerKeys(name, { NODE_ENV: 'development', ...config });
  const nats = new NatsConnection(natsSettings(name, config));
  await nats.connect();
  const bus = new BusClient(nats, { service: name, prefix: config.NATS_PREFIX, timeoutMs: config.REQUEST_TIMEOUT_MS }, new MetricsRegistry(name), keys.signer);
  return { bus, close: () => nats.onApplicationShutdown() };
}
