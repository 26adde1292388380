import type { Caller } from '@gridline/auth';
import type { RequestDefinition } from '../events/definitions';

export interface BusRequestOptions {
  caller?: Caller;
  /** Overrides the process's default time to wait for a reply. */
  timeoutMs?: number;
  idempotencyKey?: string;
}

/**
 * What a contracts library's client needs of the bus: one typed request. A class (so that Nest injects it by type)
 * free of NATS, so that a consumer of a contracts library's DTOs does not load the NATS client; the BusModule binds it
 * to the process's BusClient.
 */
export abstract class BusRequester {
  abstract request<TReq, TRes>(definition: RequestDefinition<TReq, TRes>, data: TReq, options?: BusRequestOptions): Promise<TRes>;
}
