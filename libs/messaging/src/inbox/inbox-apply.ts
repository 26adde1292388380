import type { EntityManager } from '@mikro-orm/postgresql';
import type { CloudEvent } from '../events/cloud-event';
import type { EventHandlerBinding, EventSubscriber } from './event-subscriber';

/** The durable consumer (and inbox `consumer`) name of a service's subscriber: `<service>-<name>`. */
export function consumerName(service: string, subscriber: Pick<EventSubscriber, 'name'>): string {
  return `${service}-${subscriber.name}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * Applies one event with its inbox row inside the caller's transaction: the row first (a copy finds it and changes
 * nothing), then the handler. Answers false when the inbox shows the event applied already. The one way an event's
 * effect is written, in the schema of the transaction's ORM — by the live consumers (`EventConsumerHost`) and by a projection rebuild alike.
 */
export async function applyWithInbox(tx: EntityManager, consumer: string, binding: EventHandlerBinding<unknown>, event: CloudEvent): Promise<boolean> {
  const schema = tx.config.get('schema');
  const inserted: unknown[] = await tx.execute(
    `insert into "${schema}"."inbox" (consumer, event_id, event_type) values (?, ?, ?) on conflict do nothing returning event_id`,
    [consumer, event.id, event.type],
  );
  if (inserted.length === 0) return false;
  await binding.handle(event, tx);
  return true;
}

/** A subscriber's bindings by event type. */
export function bindingsByType(subscriber: EventSubscriber): Map<string, EventHandlerBinding<unknown>> {
  return new Map(subscriber.handlers().map((b) => [b.definition.type, b as unknown as EventHandlerBinding<unknown>]));
}
