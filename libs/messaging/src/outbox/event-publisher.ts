import { Injectable } from '@nestjs/common';
import type { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import { RequestContext } from '@gridline/platform';
import type { InsertRow } from '@gridline/persistence';
import { buildCloudEvent, type CloudEvent } from '../events/cloud-event';
import type { EventDefinition } from '../events/definitions';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Records domain events in the outbox of the unit of work that changes the state, so that both
 * commit together (or neither does). The relay publishes them afterwards.
 */
@Injectable()
export class EventPublisher {
  record<TData>(em: EntityManager, definition: EventDefinition<TData>, aggregateId: string, data: TData): CloudEvent<TData> {
    const { event, row } = this.outboxRow(definition, aggregateId, data);
    em.persist(em.create(OutboxMessage, row));
    return event;
  }

  /** The event's outbox row, for `insertTogether` with the row it announces (one statement, no unit of work). */
  row<TData>(definition: EventDefinition<TData>, aggregateId: string, data: TData): InsertRow {
    return { entity: OutboxMessage, data: this.outboxRow(definition, aggregateId, data).row };
  }

  private outboxRow<TData>(definition: EventDefinition<TData>, aggregateId: string, data: TData): { event: CloudEvent<TData>; row: RequiredEntityData<OutboxMessage> } {
    const ctx = RequestContext.current();
    const event = buildCloudEvent(definition, aggregateId, data, {
      correlationId: ctx?.correlationId ?? RequestContext.newCorrelationId(),
      ...(ctx?.causationId ? { causationId: ctx.causationId } : {}),
      ...(ctx?.traceparent ? { traceparent: ctx.traceparent } : {}),
    });
    return {
      event,
      row: { eventId: event.id, subject: definition.subject, type: definition.type, aggregateKey: `${definition.aggregate}:${aggregateId}`, payload: event as CloudEvent },
    };
  }
}
