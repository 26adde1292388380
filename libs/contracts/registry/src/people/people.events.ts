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

/** `events.registry.assignment.ended` */
export interface AssignmentEndedEvent {
  assignment: AssignmentSnapshot;
}
