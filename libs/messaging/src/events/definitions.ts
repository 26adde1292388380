/**
 * A domain event, bound to its payload type so that a mismatched publish does not compile.
 * Subject `events.<service>.<aggregate>.<event>`, type `gridline.<service>.<aggregate>.<event>.v<version>`.
 */
export interface EventDefinition<TData> {
  readonly service: string;
  readonly aggregate: string;
  readonly event: string;
  readonly version: number;
  readonly subject: string;
  readonly type: string;
  readonly source: string;
  /** Phantom field carrying the payload type; never set at run time. */
  readonly __data?: TData;
}

export type EventData<D> = D extends EventDefinition<infer T> ? T : never;

export function defineEvent<TData>(service: string, aggregate: string, event: string, version = 1): EventDefinition<TData> {
  return {
    service,
    aggregate,
    event,
    version,
    subject: `events.${service}.${aggregate}.${event}`,
    type: `gridline.${service}.${aggregate}.${event}.v${version}`,
    source: `/gridline/${service}`,
  };
}

/** A command or query answered by one service over NATS request-reply. */
export interface RequestDefinition<TRequest, TResponse> {
  readonly service: string;
  /** `<service>.<aggregate>.<verb>`. */
  readonly pattern: string;
  readonly __request?: TRequest;
  readonly __response?: TResponse;
}

export function defineRequest<TRequest, TResponse>(service: string, pattern: string): RequestDefinition<TRequest, TResponse> {
  if (!pattern.startsWith(`${service}.`)) throw new Error(`Request pattern ${pattern} must start with "${service}."`);
  return { service, pattern };
}
