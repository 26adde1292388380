/** An assignment as events carry it: ids, unit, role and dates — never a phone number. */
export interface AssignmentSnapshot {
  id: string;
  personId: string;
  unitCode: string;
  role: string;
  startsOn: string;
  endsOn: string | null;
}

/** `events.registry.assignment.created` */
export interface AssignmentCreatedEvent {
  assignment: AssignmentSnapshot;
}

/** `events.registry.assignment.updated`: what changed, by name (the published work phone itself is not carried). */
export interface AssignmentUpdatedEvent {
  assignment: AssignmentSnapshot;
  changed: 'workPhone'[];
}

/** `events.registry.assignment.ended` */
export interface AssignmentEndedEvent {
  assignment: AssignmentSnapshot;
}
