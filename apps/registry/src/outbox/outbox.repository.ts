import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { EventPublisher, type EventDefinition } from '@gridline/messaging';

/**
 * The registry's events, written to its outbox in the current unit of work: inside `TransactionRunner.run` that is
 * the transaction's, so an event commits with the change it announces (or neither does).
 */
@Injectable()
export class OutboxRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EventPublisher,
  ) {}

  record<TData>(definition: EventDefinition<TData>, aggregateId: string, data: TData): void {
    this.events.record(this.em, definition, aggregateId, data);
  }
}
