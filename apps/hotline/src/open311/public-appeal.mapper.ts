import type { PublicAppealView } from '@gridline/contracts-hotline';
import type { AppealEntity } from '../appeal/appeal.entity';

/** What Open311 may show of an appeal: never the caller, the operator or the timeline. */
export function toPublicAppealView(a: AppealEntity, mediaUrl: string | null): PublicAppealView {
  return {
    id: a.id,
    status: a.status,
    categoryCode: a.categoryCode,
    content: a.content,
    location: a.lat !== null || a.address !== null ? { lat: a.lat, lng: a.lng, address: a.address } : null,
    lead: a.lead,
    answerDueAt: a.answerDueAt?.toISOString() ?? null,
    replyText: a.reply?.text ?? null,
    mergedInto: a.mergedInto,
    mediaUrl,
    receivedAt: a.receivedAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
