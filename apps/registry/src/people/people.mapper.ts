import { isActiveOn } from '@gridline/platform';
import { GRID_ROLES, type AssignmentSnapshot, type AssignmentView, type PersonView } from '@gridline/contracts-registry';
import type { AssignmentEntity } from './assignment.entity';
import type { PersonEntity } from './person.entity';

/** Turns a stored phone token into what responses show: masked, never clear. */
export type PhoneMask = (enc: string | null) => string | null;

export function toPersonView(person: PersonEntity, mask: PhoneMask): PersonView {
  return { id: person.id, name: person.name, phone: mask(person.phoneEnc), account: person.account, createdAt: person.createdAt.toISOString() };
}

export function toAssignmentView(assignment: AssignmentEntity, person: PersonEntity, today: string, mask: PhoneMask): AssignmentView {
  return {
    id: assignment.id,
    personId: assignment.personId,
    personName: person.name,
    personPhone: mask(person.phoneEnc),
    unitCode: assignment.unitCode,
    role: assignment.role,
    startsOn: assignment.startsOn,
    endsOn: assignment.endsOn,
    active: isActiveOn(assignment, today),
    workPhone: assignment.workPhone,
  };
}

/** What events carry: ids, unit, role and dates — no name, no phone. */
export function toAssignmentSnapshot(assignment: AssignmentEntity): AssignmentSnapshot {
  return {
    id: assignment.id,
    personId: assignment.personId,
    unitCode: assignment.unitCode,
    role: assignment.role,
    startsOn: assignment.startsOn,
    endsOn: assignment.endsOn,
    source: assignment.source,
  };
}

/** Roles in the order of GRID_ROLES, then by start date, then by name. */
export function byRoleThenStart(a: AssignmentView, b: AssignmentView): number {
  return (
    GRID_ROLES.indexOf(a.role) - GRID_ROLES.indexOf(b.role) ||
    a.startsOn.localeCompare(b.startsOn) ||
    a.personName.localeCompare(b.personName) ||
    a.id.localeCompare(b.id)
  );
}
