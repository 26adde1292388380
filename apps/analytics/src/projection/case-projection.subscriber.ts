import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type CloudEvent, type EventSubscriber } from '@gridline/messaging';
import { INCIDENTS_EVENTS, type IncidentEventData } from '@gridline/contracts-incidents';
import { ReferenceRepository } from '@gridline/registry-reference';
import { CaseProjectionRepository } from './case-projection.repository';

/** Every event of the case process (those carrying a case), by name. */
const CASE_EVENTS = (['reported', 'accepted', 'rejected', 'dispatched', 'returned', 'signed', 'handled', 'verified', 'reworked', 'closed', 'evaluated', 'extended', 'cancelled', 'merged', 'overdue', 'supervised', 'escalated'] as const).map(
  (name) => [name, INCIDENTS_EVENTS[name]] as const,
);

/** Keeps each grid case, its steps and dated facts from `events.incidents.incident.>` (durable `analytics-cases`). */
@Injectable()
@EventSubscription()
export class CaseProjectionSubscriber implements EventSubscriber {
  readonly name = 'cases';
  readonly source = 'incidents';
  readonly filter = 'incident.>';

  constructor(
    private readonly cases: CaseProjectionRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  handlers() {
    return CASE_EVENTS.map(([name, definition]) => on(definition, (event: CloudEvent<IncidentEventData>) => this.apply(name, event)));
  }

  private async apply(name: string, event: CloudEvent<IncidentEventData>): Promise<void> {
    // Handling hours count on the working calendar in force at the case's closure (the registry's copy).
    await this.cases.apply(event.id, name, event.data, await this.reference.calendar(new Date(event.data.at)));
  }
}
