import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { INCIDENTS_EVENTS } from '@gridline/contracts-incidents';
import { ProjectionRepository } from './projection.repository';

/** Keeps each household visit logged, by visitor, for the staff workload, from `events.incidents.visit.>` (durable `analytics-visits`). */
@Injectable()
@EventSubscription()
export class VisitLogSubscriber implements EventSubscriber {
  readonly name = 'visits';
  readonly source = 'incidents';
  readonly filter = 'visit.>';

  constructor(private readonly projections: ProjectionRepository) {}

  handlers() {
    return [on(INCIDENTS_EVENTS.visitLogged, (event) => this.projections.addVisit(event.data))];
  }
}
