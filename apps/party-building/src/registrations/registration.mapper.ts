import type { ReferenceUnit } from '@gridline/registry-reference';
import type { RegistrationEventData, RegistrationView } from '@gridline/contracts-party-building';
import type { RegistrationEntity } from './registration.entity';

type UnitName = Pick<ReferenceUnit, 'name'> | null | undefined;

export function toRegistrationView(r: RegistrationEntity, names: { member: string | null; community: UnitName; grid: UnitName }): RegistrationView {
  return {
    id: r.id,
    memberId: r.memberId,
    memberName: names.member,
    workUnit: r.workUnit,
    workUnitPartyOrganisation: r.workUnitPartyOrganisation,
    communityCode: r.communityCode,
    communityName: names.community?.name ?? null,
    gridCode: r.gridCode,
    gridName: names.grid?.name ?? null,
    post: r.post,
    postNote: r.postNote,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    state: r.state,
    rejectionReason: r.rejectionReason,
    submittedBy: r.submittedBy,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    endedAt: r.endedAt?.toISOString() ?? null,
    handoff: {
      status: r.handoffStatus,
      assignmentId: r.handoffAssignmentId,
      personId: r.handoffPersonId,
      reason: r.handoffReason,
      at: r.handoffAt?.toISOString() ?? null,
    },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** What the registration's events carry: ids, units, post and dates — no name, no rejection words. */
export function toRegistrationEventData(r: RegistrationEntity): RegistrationEventData {
  return {
    registrationId: r.id,
    memberId: r.memberId,
    state: r.state,
    communityCode: r.communityCode,
    gridCode: r.gridCode,
    unitPath: [...r.path],
    post: r.post,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
  };
}
