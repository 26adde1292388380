import { Inject, Injectable } from '@nestjs/common';
import { EventSubscription, on, type CloudEvent, type EventSubscriber } from '@gridline/messaging';
import { REGISTRY_EVENTS, type AssignmentCreatedEvent } from '@gridline/contracts-registry';
import { ReferenceRepository } from './reference.repository';
import { REGISTRY_REFERENCE_FILL, type RegistryReferenceFillSettings } from './registry-reference.settings';

/**
 * A service's copy of the grid map, the responsibility list and the calendar, from `events.registry.>` (durable
 * `<service>-registry-copy`; the registry's other events are passed over), and where the service keeps the grid staff
 * (`staff`), the `grid_staff` assignments (their names come from the registry's staff snapshot: events carry none).
 * Each write commits with its inbox row, newest record wins.
 */
@Injectable()
@EventSubscription()
export class RegistryReferenceSubscriber implements EventSubscriber {
  readonly name = 'registry-copy';
  readonly source = 'registry';
  readonly filter = '>';

  constructor(
    private readonly copy: ReferenceRepository,
    @Inject(REGISTRY_REFERENCE_FILL) private readonly settings: RegistryReferenceFillSettings,
  ) {}

  handlers() {
    const staff = async (event: CloudEvent<AssignmentCreatedEvent>) => {
      if (event.data.assignment.role === 'grid_staff') await this.copy.saveStaffAssignment(event.data.assignment, new Date(event.time));
    };
    return [
      on(REGISTRY_EVENTS.unitCreated, (event) => this.copy.saveUnit(event.data.unit, new Date(event.time))),
      on(REGISTRY_EVENTS.unitUpdated, (event) => this.copy.saveUnit(event.data.unit, new Date(event.time))),
      on(REGISTRY_EVENTS.departmentChanged, (event) => this.copy.saveDepartment(event.data.department)),
      on(REGISTRY_EVENTS.categoryChanged, (event) => this.copy.saveCategory(event.data.category)),
      on(REGISTRY_EVENTS.calendarChanged, (event) => this.copy.saveCalendarYear(event.data.calendar)),
      ...(this.settings.staff
        ? [on(REGISTRY_EVENTS.assignmentCreated, staff), on(REGISTRY_EVENTS.assignmentUpdated, staff), on(REGISTRY_EVENTS.assignmentEnded, staff)]
        : []),
    ];
  }
}
