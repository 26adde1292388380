import type { PersonalDataService } from '@gridline/persistence';
import type { MemberAuditEntryView, MemberEventData, MemberView } from '@gridline/contracts-party-building';
import type { MemberAuditEntity, MemberEntity } from './member.entity';

/**
 * A member with name, ID number and phone masked. Nothing else derived from the ID number is shown (no birth date,
 * no sex): the mask hides the birth date, another field must not give it back.
 */
export function toMemberView(m: MemberEntity, personalData: PersonalDataService): MemberView {
  return {
    id: m.id,
    name: personalData.maskedName(m.nameEnc),
    idNumber: personalData.maskedIdNumber(m.idNumberEnc),
    phone: personalData.maskedPhone(m.phoneEnc) ?? '',
    status: m.status,
    joinedOn: day(m.joinedOn),
    organisationId: m.organisationId,
    unitPath: [...m.path],
    homeGridCode: m.homeGridCode,
    account: m.account,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

export function toMemberEventData(m: MemberEntity, changed: string[], from?: { organisationId: string; path: string[] }): MemberEventData {
  return {
    memberId: m.id,
    organisationId: m.organisationId,
    unitPath: [...m.path],
    status: m.status,
    homeGridCode: m.homeGridCode,
    account: m.account,
    changed,
    ...(from ? { fromOrganisationId: from.organisationId, fromUnitPath: [...from.path] } : {}),
  };
}

export function toMemberAuditEntryView(a: MemberAuditEntity): MemberAuditEntryView {
  return { id: String(a.id), at: a.at.toISOString(), actor: a.actor, actorRoles: a.actorRoles, memberId: a.memberId, fields: a.fields, reason: a.reason, correlationId: a.correlationId };
}

/** A `date` column as YYYY-MM-DD (MikroORM gives a string, a driver may give a Date at UTC midnight). */
function day(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
