import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What travels with one unit of work: an HTTP request, a bus message or an event. */
export interface RequestContextStore {
  correlationId: string;
  /** The id of the message or event that caused this work, when there is one. */
  causationId?: string;
  /**
   * The client's Idempotency-Key of a create (gateway only): the bus client passes it on with the request,
   * and the service's `@Idempotent()` handler answers a retry with the first answer.
   */
  idempotencyKey?: string;
  /**
   * How long the bus client waits for each reply within this work, instead of the process's REQUEST_TIMEOUT_MS
   * (the gateway's composed answers give each part its own budget: `withBusTimeout` in @gridline/messaging).
   */
  busTimeoutMs?: number;
  /** The span in progress as a W3C traceparent (libs/platform/src/tracing): what a bus request and a recorded event carry on. */
  traceparent?: string;
}

const storage = new AsyncLocalStorage<RequestContextStore>();

export const RequestContext = {
  run<T>(store: RequestContextStore, fn: () => T): T {
    return storage.run(store, fn);
  },
  current(): RequestContextStore | undefined {
    return storage.getStore();
  },
  correlationId(): string | undefined {
    return storage.getStore()?.correlationId;
  },
  newCorrelationId(): string {
    return randomUUID();
  },
};
