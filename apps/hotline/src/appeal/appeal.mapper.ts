import type { Caller } from '@gridline/auth';
import { maskName, maskPhone, type PersonalDataCipher } from '@gridline/persistence';
import type { AppealEventData, AppealView } from '@gridline/contracts-hotline';
import type { AppealEntity } from './appeal.entity';
import { allowedAppealActions } from './appeal-process';

export function toAppealView(a: AppealEntity, caller: Caller, cipher: PersonalDataCipher): AppealView {
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
    location: a.lat !== null || a.address !== null ? { lat: a.lat, lng: a.lng, address: a.address } : null,
    gridCode: a.gridCode,
    urgency: a.urgency,
    operator: a.operator,
    lead: a.lead,
    coOwners: a.coOwners,
    incidentId: a.incidentId,
    incidentStatus: a.incidentStatus,
    handoff: a.handoffCount || null,
    handoffFailure: a.handoffFailure,
    dispatchDueAt: a.dispatchDueAt?.toISOString() ?? null,
    signDueAt: a.signDueAt?.toISOString() ?? null,
    contactDueAt: a.contactDueAt?.toISOString() ?? null,
    contactedAt: a.contactedAt?.toISOString() ?? null,
    answerDueAt: a.answerDueAt?.toISOString() ?? null,
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

/** The payload of every appeal event: no caller name, no phone. */
export function toAppealEventData(a: AppealEntity, actor: string): AppealEventData {
  return {
    appealId: a.id,
    status: a.status,
    channel: a.channel,
    type: a.type,
    categoryCode: a.categoryCode,
    gridCode: a.gridCode,
    urgency: a.urgency,
    lead: a.lead,
    coOwners: a.coOwners,
    summary: a.content.slice(0, 500),
    location: a.lat !== null || a.address !== null ? { lat: a.lat, lng: a.lng, address: a.address } : null,
    answerDueAt: a.answerDueAt?.toISOString() ?? null,
    resolution: a.reply?.resolution ?? null,
    satisfaction: a.satisfaction,
    reopenCount: a.reopenCount,
    handoff: a.handoffCount || null,
    actor,
    at: new Date().toISOString(),
  };
}
