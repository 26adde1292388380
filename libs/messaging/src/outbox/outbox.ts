import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import type { InsertRow } from '@gridline/persistence';
import type { EventDefinition } from '../events/definitions';
import { EventPublisher } from './event-publisher';

/**
 * A service's events, written to its outbox in the current unit of work: inside `TransactionRunner.run` that is the
 * transaction's (the injected EntityManager resolves to it), so an event commits with the change it announces, or
 * neither does. Repositories and use cases record through this; only it hands an EntityManager to the publisher.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EventPublisher,
  ) {}

  record<TData>(definition: EventDefinition<TData>, aggregateId: string, data: TData): void {
    this.events.record(this.em, definition, aggregateId, data);
  }

  /**
   * The event as an outbox row, for a repository that stores a new object and its events in one statement
   * (`insertTogether`): the lean create, with no unit of work.
   */
  row<TData>(definition: EventDefinition<TData>, aggregateId: string, data: TData): InsertRow {
    return this.events.row(definition, aggregateId, data);
  }
}
