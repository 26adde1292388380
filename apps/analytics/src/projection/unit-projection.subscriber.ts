import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { REGISTRY_EVENTS } from '@gridline/contracts-registry';
import { ProjectionRepository } from './projection.repository';

/** Keeps the unit projection current from `events.registry.unit.>`. */
@Injectable()
@EventSubscription()
export class UnitProjectionSubscriber implements EventSubscriber {
  readonly name = 'unit-projection';
  readonly source = 'registry';
  readonly filter = 'unit.>';

  constructor(private readonly projections: ProjectionRepository) {}

  handlers() {
    return [
      on(REGISTRY_EVENTS.unitCreated, (event) => this.projections.upsertUnit(event.data.unit, new Date(event.time))),
      on(REGISTRY_EVENTS.unitUpdated, (event) => this.projections.upsertUnit(event.data.unit, new Date(event.time))),
    ];
  }
}
