import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { REGISTRY_EVENTS } from '@gridline/contracts-registry';
import { ReferenceRepository } from './reference.repository';

/** The grid map, from `events.registry.unit.>`. */
@Injectable()
@EventSubscription()
export class UnitCopySubscriber implements EventSubscriber {
  readonly name = 'unit-copy';
  readonly source = 'registry';
  readonly filter = 'unit.>';
  constructor(private readonly reference: ReferenceRepository) {}

  handlers() {
    return [
      on(REGISTRY_EVENTS.unitCreated, (event) => this.reference.saveUnit(event.data.unit, new Date(event.time))),
      on(REGISTRY_EVENTS.unitUpdated, (event) => this.reference.saveUnit(event.data.unit, new Date(event.time))),
    ];
  }
}

/** The responsibility list's categories, from `events.registry.category.>`. */
@Injectable()
@EventSubscription()
export class CategoryCopySubscriber implements EventSubscriber {
  readonly name = 'category-copy';
  readonly source = 'registry';
  readonly filter = 'category.>';
  constructor(private readonly reference: ReferenceRepository) {}

  handlers() {
    return [on(REGISTRY_EVENTS.categoryChanged, (event) => this.reference.saveCategory(event.data.category))];
  }
}

/** The working-day calendar, from `events.registry.calendar.>`. */
@Injectable()
@EventSubscription()
export class CalendarCopySubscriber implements EventSubscriber {
  readonly name = 'calendar-copy';
  readonly source = 'registry';
  readonly filter = 'calendar.>';
  constructor(private readonly reference: ReferenceRepository) {}

  handlers() {
    return [on(REGISTRY_EVENTS.calendarChanged, (event) => this.reference.saveCalendar(event.data.calendar))];
  }
}

/** The responsibility list's departments, from `events.registry.department.>`. */
@Injectable()
@EventSubscription()
export class DepartmentCopySubscriber implements EventSubscriber {
  readonly name = 'department-copy';
  readonly source = 'registry';
  readonly filter = 'department.>';
  constructor(private readonly reference: ReferenceRepository) {}

  handlers() {
    return [on(REGISTRY_EVENTS.departmentChanged, (event) => this.reference.saveDepartment(event.data.department))];
  }
}
