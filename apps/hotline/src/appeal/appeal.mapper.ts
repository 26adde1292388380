import type { Caller } from '@gridline/auth';
import { maskName, maskPhone, type PersonalDataCipher } from '@gridline/persistence';
import type { AppealEventData, AppealOwner, AppealOwnerView, AppealTimelineEntry, AppealView } from '@gridline/contracts-hotline';
import type { NameBook, NameRequest } from '@gridline/registry-reference';
import type { AppealEntity, AppealTimelineEntity } from './appeal.entity';
import { allowedAppealActions } from './appeal-process';

/** The codes the views of these appeals name: their grids, owners and categories. */
export function namesOf(appeals: AppealEntity[]): NameRequest {
  const owners = appeals.flatMap((a) => [...(a.lead ? [a.lead] : []), ...a.coOwners]);
  return {
    units: [...appeals.map((a) => a.gridCode), ...owners.map((o) => (o.kind === 'unit' ? o.unitCode : null))],
    departments: owners.map((o) => (o.kind === 'department' ? o.departmentCode : null)),
    categories: appeals.map((a) => a.categoryCode),
  };
}

export function ownerView(owner: AppealOwner, names: NameBook): AppealOwnerView {
  return { ...owner, name: owner.kind === 'department' ? names.department(owner.departmentCode) : names.unit(owner.unitCode) };
}

/** An appeal as its readers see it: the caller masked, codes with their names (`namesOf` says which to look up). */
export function toAppealView(a: AppealEntity, caller: Caller, cipher: PersonalDataCipher, names: NameBook): AppealView {
  return {
    id: a.id,
    workOrder: a.workOrder,
    status: a.status,
    channel: a.channel,
    type: a.type,
    caller: {
      name: a.callerNameEnc ? maskName(cipher.decrypt(a.callerNameEnc)) : null,
      phone: a.callerPhoneEnc ? maskPhone(cipher.decrypt(a.callerPhoneEnc)) : null,
      anonymous: a.anonymous,
      flagged: a.flagged,
    },
    content: a.content,
    categoryCode: a.categoryCode,
    categoryName: names.category(a.categoryCode),
    location: a.lat !== null || a.address !== null ? { lat: a.lat, lng: a.lng, address: a.address } : null,
    gridCode: a.gridCode,
    gridName: names.unit(a.gridCode),
    urgency: a.urgency,
    operator: a.operator,
    lead: a.lead ? ownerView(a.lead, names) : null,
    coOwners: a.coOwners.map((o) => ownerView(o, names)),
    incidentId: a.incidentId,
    incidentStatus: a.incidentStatus,
    handoff: a.handoffCount || null,
    handoffFailure: a.handoffFailure,
    review: a.review,
    dispatchDueAt: a.dispatchDueAt?.toISOString() ?? null,
    signDueAt: a.signDueAt?.toISOString() ?? null,
    contactDueAt: a.contactDueAt?.toISOString() ?? null,
    contactedAt: a.contactedAt?.toISOString() ?? null,
    answerDueAt: a.answerDueAt?.toISOString() ?? null,
    pendingExtension: a.extension ? { requestedUntil: a.extension.until, reason: a.extension.reason, requestedBy: a.extension.by, at: a.extension.at } : null,
    dueProvisional: a.dueProvisional,
    signedAt: a.signedAt?.toISOString() ?? null,
    answeredAt: a.answeredAt?.toISOString() ?? null,
    reply: a.reply,
    satisfaction: a.satisfaction,
    reopenCount: a.reopenCount,
    returnCount: a.returnCount,
    extensionCount: a.extensionCount,
    mergedInto: a.mergedInto,
    receivedAt: a.receivedAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
    allowedActions: allowedAppealActions(caller, a),
  };
}

export function toTimelineEntry(t: AppealTimelineEntity): AppealTimelineEntry {
  return { at: t.at.toISOString(), action: t.action, actor: t.actor, fromStatus: t.fromStatus, toStatus: t.toStatus, comment: t.comment, details: t.details };
}

/** The payload of every appeal event: no caller name, no phone. */
/** `at`: when the change happened (a back-dated step's time, a supervision mark's due time). */
export function toAppealEventData(a: AppealEntity, actor: string, extra: Pick<AppealEventData, 'categoryChange' | 'returnRefusal'> = {}, at: Date = new Date()): AppealEventData {
  return {
    appealId: a.id,
    status: a.status,
    channel: a.channel,
    type: a.type,
    categoryCode: a.categoryCode,
    gridCode: a.gridCode,
    path: a.path,
    urgency: a.urgency,
    lead: a.lead,
    coOwners: a.coOwners,
    summary: a.content.slice(0, 500),
    location: a.lat !== null || a.address !== null ? { lat: a.lat, lng: a.lng, address: a.address } : null,
    receivedAt: a.receivedAt.toISOString(),
    dispatchedAt: a.dispatchedAt?.toISOString() ?? null,
    signDueAt: a.signDueAt?.toISOString() ?? null,
    signedAt: a.signedAt?.toISOString() ?? null,
    answerDueAt: a.answerDueAt?.toISOString() ?? null,
    answeredAt: a.answeredAt?.toISOString() ?? null,
    resolution: a.reply?.resolution ?? null,
    satisfaction: a.satisfaction,
    reopenCount: a.reopenCount,
    returnCount: a.returnCount,
    extensionCount: a.extensionCount,
    handoff: a.handoffCount || null,
    ...extra,
    review: a.review,
    actor,
    at: at.toISOString(),
  };
}
