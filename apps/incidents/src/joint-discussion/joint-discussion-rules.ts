import { scopeCovers, type Caller } from '@gridline/auth';
import type { IncidentStatus, JointDiscussionOwner, JointDiscussionOwnerDto } from '@gridline/contracts-incidents';
import { fieldPath } from '@gridline/platform';
import type { IncidentEntity } from '../incident/incident.entity';
import { incidentInvalid } from '../incident/incident.errors';

/** A case can be lifted to a joint meeting while it is still being worked on. */
export const DISCUSSABLE_STATUSES: readonly IncidentStatus[] = ['reported', 'accepted', 'dispatched', 'in_progress', 'handled'];

/** The street's grid centre lifts hard cases to a "3+N" meeting: a street admin whose scope covers the case, or an admin. */
export function mayLift(caller: Caller, incident: IncidentEntity): boolean {
  if (caller.roles.includes('admin')) return true;
  return caller.roles.includes('street_admin') && scopeCovers(caller, incident.path);
}

/** The owners as stored: each names exactly one department or one unit (400 naming the owner otherwise). */
export function ownersOf(owners: readonly JointDiscussionOwnerDto[], field: (i: number) => string = (i) => fieldPath('owners', i)): JointDiscussionOwner[] {
  return owners.map((owner, i) => {
    if (!!owner.departmentCode === !!owner.unitCode) throw incidentInvalid(field(i), 'must give exactly one of departmentCode and unitCode');
    return owner.departmentCode ? { departmentCode: owner.departmentCode } : { unitCode: owner.unitCode! };
  });
}
