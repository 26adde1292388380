import { MetricsRegistry, RequestContext } from '@gridline/platform';
import type { CallerSigner } from '@gridline/auth';
import { JSONCodec } from 'nats';
import { defineRequest } from '../events/definitions';
import type { NatsConnection } from '../nats/nats-connection';
import { BusClient, withBusTimeout } from './bus-client';

const ping = defineRequest<Record<string, never>, string>('registry', 'registry.ping');

describe(withBusTimeout.name, () => {
  const request = jest.fn(async () => ({ data: JSONCodec().encode({ response: 'pong' }) }));
  const signer = { sign: jest.fn(async () => 'assertion') } as unknown as CallerSigner;
  const bus = new BusClient({ nc: { request } } as unknown as NatsConnection, { service: 'spec', prefix: 't', timeoutMs: 5000 }, new MetricsRegistry('bus-client-spec'), signer);
  const timeoutOfLastRequest = () => (request.mock.calls.at(-1) as unknown as [string, Uint8Array, { timeout: number }])[2].timeout;

  it('makes the bus requests within it wait the budget instead of the default, and only those', async () => {
    await withBusTimeout(1200, () => bus.request(ping, {}));
    expect(timeoutOfLastRequest()).toBe(1200);
    await bus.request(ping, {});
    expect(timeoutOfLastRequest()).toBe(5000);
  });

  it("leaves a request's own timeout first and keeps the surrounding correlation id", async () => {
    await RequestContext.run({ correlationId: 'corr-1' }, () =>
      withBusTimeout(1200, async () => {
        expect(RequestContext.correlationId()).toBe('corr-1');
        await bus.request(ping, {}, { timeoutMs: 300 });
      }),
    );
    expect(timeoutOfLastRequest()).toBe(300);
  });
});
