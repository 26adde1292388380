/** An assignment as events carry it: ids, unit, role and dates — never a phone number. */
export interface AssignmentSnapshot {
  id: string;
  personId: string;
  unitCode: string;
  role: string;
  startsOn: string;
  endsOn: string | null;
  /**
   * What made the assignment outside the registry (another service's record, `<service>.<aggregate>:<id>`, e.g.
   * `party-building.registration:<uuid>` for an in-service member's approved registration); null when a grid centre
   * made it.
   */
  source: string | null;
}

/** The `source` of an assignment the registry makes from another service's record (`kind` = `<service>.<aggregate>`). */
export function assignmentSource(kind: string, id: string): string {
  return `${kind}:${id}`;
}

/** The record id in an assignment's `source`, when it is of that kind (null otherwise). */
export function assignmentSourceId(source: string | null | undefined, kind: string): string | null {
  return source?.startsWith(`${kind}:`) ? source.slice(kind.length + 1) : null;
}

/** The kind of source an in-service party member's registration gives the assignment it makes. */
export const PARTY_REGISTRATION_SOURCE = 'party-building.registration';

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

/**
 * `events.registry.assignment.refused`: an assignment another service's event asked for (`source`) that the registry
 * refused — a business error (the grid inactive or gone, a clashing assignment): it is not retried, and the service
 * that asked shows the reason where a person sees it.
 */
export interface AssignmentRefusedEvent {
  source: string;
  unitCode: string;
  role: string;
  /** The registry's error code (e.g. ASSIGNMENT_INVALID). */
  code: string;
  reason: string;
  at: string;
}
