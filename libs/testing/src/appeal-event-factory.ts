import type { AppealEventData } from '@gridline/contracts-hotline';

/**
 * The payload of an appeal event as the hotline publishes it (`toAppealEventData`): a complaint received by phone at
 * `at`, unlocated and without owners, with what the spec sets over it. The caller's name and phone are never in it.
 */
export function appealEventData(appealId: string, at: string, data: Partial<AppealEventData> = {}): AppealEventData {
  return {
    appealId, status: 'received', channel: 'phone', type: 'complaint', categoryCode: null, gridCode: null, path: [], urgency: 'general', lead: null,
    coOwners: [], summary: '…', location: null, receivedAt: at, dispatchedAt: null, signDueAt: null, signedAt: null, answerDueAt: null, answeredAt: null,
    resolution: null, satisfaction: null, reopenCount: 0, returnCount: 0, extensionCount: 0, handoff: null, review: null, actor: 'operator-1', at, ...data,
  };
}
