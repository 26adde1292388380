import { defineEvent } from '@gridline/messaging/contracts';
import type { ExclusiveGridKind, UnitLevel } from './unit.types';
import type { ImportCompletedEvent, QualityUpdatedEvent } from './registers/registers.events';
import type { AssignmentCreatedEvent, AssignmentEndedEvent, AssignmentRefusedEvent, AssignmentUpdatedEvent } from './people/people.events';
import type { CalendarChangedEvent, CategoryChangedEvent, DepartmentChangedEvent } from './responsibility/responsibility.events';

/** A unit as events carry it: no boundary (large, and available from the registry). */
export interface UnitSnapshot {
  code: string;
  name: string;
  level: UnitLevel;
  kind: ExclusiveGridKind | null;
  parentCode: string | null;
  /** Codes from the street down to this unit. */
  path: string[];
  active: boolean;
  hasBoundary: boolean;
}

/** `events.registry.unit.created` */
export interface UnitCreatedEvent {
  unit: UnitSnapshot;
}

/** `events.registry.unit.updated` */
export interface UnitUpdatedEvent {
  unit: UnitSnapshot;
  /** Names of the fields that changed. */
  changed: string[];
}

/** Every event the registry publishes; the map binds each subject to its payload. */
export const REGISTRY_EVENTS = {
  unitCreated: defineEvent<UnitCreatedEvent>('registry', 'unit', 'created'),
  unitUpdated: defineEvent<UnitUpdatedEvent>('registry', 'unit', 'updated'),
  departmentChanged: defineEvent<DepartmentChangedEvent>('registry', 'department', 'changed'),
  categoryChanged: defineEvent<CategoryChangedEvent>('registry', 'category', 'changed'),
  calendarChanged: defineEvent<CalendarChangedEvent>('registry', 'calendar', 'changed'),
  assignmentCreated: defineEvent<AssignmentCreatedEvent>('registry', 'assignment', 'created'),
  assignmentEnded: defineEvent<AssignmentEndedEvent>('registry', 'assignment', 'ended'),
  assignmentUpdated: defineEvent<AssignmentUpdatedEvent>('registry', 'assignment', 'updated'),
  assignmentRefused: defineEvent<AssignmentRefusedEvent>('registry', 'assignment', 'refused'),
  qualityUpdated: defineEvent<QualityUpdatedEvent>('registry', 'quality', 'updated'),
  importCompleted: defineEvent<ImportCompletedEvent>('registry', 'import', 'completed'),
} as const;
