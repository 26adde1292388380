import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CloudEvent } from '../events/cloud-event';
import type { EventDefinition } from '../events/definitions';

/** Applies one kind of event inside the consumer's transaction (the same one that records it in the inbox). */
export interface EventHandlerBinding<TData = unknown> {
  readonly definition: EventDefinition<TData>;
  handle(event: CloudEvent<TData>, em: EntityManager): Promise<void>;
  /**
   * Records a handler's final failure where an operator sees it (a business error at once, a transient one once its
   * retries are spent), in a transaction of its own with the inbox row; the event then counts as consumed. Without
   * it, such an event is parked in the dead-letter table.
   */
  failed?(event: CloudEvent<TData>, error: Error, em: EntityManager): Promise<void>;
}

export interface EventHandlerOptions<TData> {
  failed?: (event: CloudEvent<TData>, error: Error, em: EntityManager) => Promise<void>;
}

export function on<TData>(
  definition: EventDefinition<TData>,
  handle: (event: CloudEvent<TData>, em: EntityManager) => Promise<void>,
  options: EventHandlerOptions<TData> = {},
): EventHandlerBinding<TData> {
  return { definition, handle, ...(options.failed ? { failed: options.failed } : {}) };
}

/**
 * A durable subscription of this service to another service's events. JetStream 2.9 takes one
 * filter subject per consumer, so a subscriber names one, e.g. `unit.>` for `events.registry.unit.>`.
 */
export interface EventSubscriber {
  /** Unique within the subscribing service; part of the durable consumer's name. */
  readonly name: string;
  /** The service whose events it reads. */
  readonly source: string;
  /** The filter below `events.<source>.`. */
  readonly filter: string;
  // any: each binding has its own payload type, checked where `on()` pairs it with its definition.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handlers(): EventHandlerBinding<any>[];
}

/** Marks a provider as an event subscriber; the consumer host finds every one in the application. */
export const EventSubscription = DiscoveryService.createDecorator<void>();
