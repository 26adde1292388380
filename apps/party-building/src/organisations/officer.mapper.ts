import { isActiveOn } from '@gridline/platform';
import type { OfficerEventData, OfficerView } from '@gridline/contracts-party-building';
import type { OfficerEntity } from './officer.entity';
import type { OrganisationEntity } from './organisation.entity';

/** An officer's term; `memberName` is the member's name already masked (null: the member is not known here). */
export function toOfficerView(o: OfficerEntity, memberName: string | null, today: string): OfficerView {
  return {
    id: o.id,
    organisationId: o.organisationId,
    memberId: o.memberId,
    memberName,
    role: o.role,
    startsOn: o.startsOn,
    endsOn: o.endsOn,
    current: isActiveOn(o, today),
    directsGridCentre: o.directsGridCentre,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export function toOfficerEventData(o: OfficerEntity, organisation: OrganisationEntity): OfficerEventData {
  return {
    organisationId: o.organisationId,
    officerId: o.id,
    memberId: o.memberId,
    role: o.role,
    startsOn: o.startsOn,
    endsOn: o.endsOn,
    directsGridCentre: o.directsGridCentre,
    unitCode: organisation.unitCode,
    unitPath: [...organisation.path],
  };
}
