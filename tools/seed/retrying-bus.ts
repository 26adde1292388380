import { randomUUID } from 'node:crypto';
import { AppError } from '@gridline/platform';
import type { BusClient } from '@gridline/messaging';

/** The answers worth asking again: the service (or one it asked) was slow or away; nothing was refused. */
const TRANSIENT = new Set(['timeout', 'unavailable']);

/**
 * The seed's bus: a request that timed out or met a service that was away is sent again, a few times with growing
 * pauses, under the same Idempotency-Key — so a create or an appeal step whose answer was lost is not done twice
 * (the services' `@Idempotent()` handlers answer the first outcome). A machine busy with other work (CI beside a
 * full test run) no longer fails the demo on one slow answer. Business errors are never retried.
 */
export function retryingBus(bus: BusClient, { attempts = 5, pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) } = {}): BusClient {
  const request: BusClient['request'] = async (definition, data, options = {}) => {
    const idempotencyKey = options.idempotencyKey ?? `seed-${randomUUID()}`;
    for (let attempt = 1; ; attempt++) {
      try {
        return await bus.request(definition, data, { ...options, idempotencyKey });
      } catch (error) {
        if (!(error instanceof AppError) || !TRANSIENT.has(error.kind) || attempt >= attempts) throw error;
        await pause(250 * 2 ** attempt);
      }
    }
  };
  return Object.assign(Object.create(bus) as BusClient, { request });
}
