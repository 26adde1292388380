import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { REGISTRY_EVENTS } from '@gridline/contracts-registry';
import { ReferenceRepository } from './reference.repository';

/**
 * A service's copy of the grid map, the responsibility list and the calendar, from `events.registry.>` (durable
 * `<service>-registry-copy`; the registry's other events are passed over). Each write commits with its inbox row,
 * newest record wins.
 */
@Injectable()
@EventSubscription()
export class RegistryReferenceSubscriber implements EventSubscriber {
  readonly name = 'registry-copy';
  readonly source = 'registry';
  readonly filter = '>';

  constructor(private readonly copy: ReferenceRepository) {}

  handlers() {
    return [
      on(REGISTRY_EVENTS.unitCreated, (event) => this.copy.saveUnit(event.data.unit, new Date(event.time))),
      on(REGISTRY_EVENTS.unitUpdated, (event) => this.copy.saveUnit(event.data.unit, new Date(event.time))),
      on(REGISTRY_EVENTS.departmentChanged, (event) => this.copy.saveDepartment(event.data.department)),
      on(REGISTRY_EVENTS.categoryChanged, (event) => this.copy.saveCategory(event.data.category)),
      on(REGISTRY_EVENTS.calendarChanged, (event) => this.copy.saveCalendarYear(event.data.calendar)),
    ];
  }
}
