import { Injectable } from '@nestjs/common';
import { mayBackdate } from '@gridline/auth';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { HOTLINE_EVENTS, type AppealEventData } from '@gridline/contracts-hotline';
import type { CloudEvent } from '@gridline/messaging';
import { NoteAppealCallbackUseCase } from './use-cases/note-appeal-callback/note-appeal-callback.use-case';
import type { AppealHandedDown } from './use-cases/open-case-from-appeal/open-case-from-appeal.command';
import { OpenCaseFromAppealUseCase } from './use-cases/open-case-from-appeal/open-case-from-appeal.use-case';
import { RecordHandoffFailureCommand } from './use-cases/record-handoff-failure/record-handoff-failure.command';
import { RecordHandoffFailureUseCase } from './use-cases/record-handoff-failure/record-handoff-failure.use-case';
import { WithdrawSupersededCasesUseCase } from './use-cases/withdraw-superseded-cases/withdraw-superseded-cases.use-case';

const URGENCY = { emergency: 'emergency', utilities: 'urgent', general: 'normal' } as const;

/**
 * The grid linkage, down to the grid: each hand-off of an appeal to a grid — a dispatch to a grid, or the re-handling
 * of a grid's appeal after a dissatisfied callback — becomes a grid case there, once: the case is keyed by the
 * appeal's hand-off. The case opens in the consumer's transaction (ambient: the use cases' repositories join it). A hand-off incidents refuses (a business error)
 * is not retried: `handoff.failed` says why, and the hotline shows it on the appeal. The callback's satisfaction is
 * noted on the timeline of the case that answered the hand-off. A dispatch withdraws a case of an earlier hand-off
 * that is still open (an objection upheld): one appeal, one live hand-off.
 */
@Injectable()
@EventSubscription()
export class AppealHandoffSubscriber implements EventSubscriber {
  readonly name = 'appeal-handoff';
  readonly source = 'hotline';
  readonly filter = 'appeal.>';

  constructor(
    private readonly openCase: OpenCaseFromAppealUseCase,
    private readonly noteCallback: NoteAppealCallbackUseCase,
    private readonly withdraw: WithdrawSupersededCasesUseCase,
    private readonly recordFailure: RecordHandoffFailureUseCase,
  ) {}

  handlers() {
    const handOff = (event: CloudEvent<AppealEventData>) => this.handOff(event);
    const dispatched = async (event: CloudEvent<AppealEventData>) => {
      await this.withdrawSuperseded(event.data);
      await this.handOff(event);
    };
    const failed = async (event: CloudEvent<AppealEventData>, error: Error) => {
      const handedDown = toHandedDown(event.data);
      if (handedDown) this.recordFailure.execute(new RecordHandoffFailureCommand(handedDown, error));
    };
    // The callback's satisfaction goes on the timeline of the case that answered the appeal.
    const calledBack = (event: CloudEvent<AppealEventData>) =>
      this.noteCallback.execute({ appealId: event.data.appealId, handoff: event.data.handoff ?? null, satisfaction: event.data.satisfaction });
    // A refused hand-off still supersedes the earlier one: its case is withdrawn with the failure recorded.
    const dispatchFailed = async (event: CloudEvent<AppealEventData>, error: Error) => {
      await this.withdrawSuperseded(event.data);
      await failed(event, error);
    };
    return [on(HOTLINE_EVENTS.dispatched, dispatched, { failed: dispatchFailed }), on(HOTLINE_EVENTS.reopened, handOff, { failed }), on(HOTLINE_EVENTS.callback, calledBack)];
  }

  private async handOff(event: CloudEvent<AppealEventData>): Promise<void> {
    const handedDown = toHandedDown(event.data);
    if (handedDown) await this.openCase.execute(handedDown);
  }

  /** A dispatch supersedes the appeal's earlier hand-offs: a case of one still open is withdrawn first. */
  private async withdrawSuperseded(appeal: AppealEventData): Promise<void> {
    const toGrid = appeal.lead?.kind === 'unit' && appeal.lead.level === 'grid';
    await this.withdraw.execute({ appealId: appeal.appealId, handoff: appeal.handoff ?? null, toGrid, reason: withdrawalReason(appeal) });
  }
}

/** Why the hotline withdraws an earlier hand-off's case: re-dispatched, after an objection upheld if so. */
function withdrawalReason(appeal: AppealEventData): string {
  const objection = appeal.review?.kind === 'objection' && appeal.review.status === 'approved' ? appeal.review : null;
  return objection ? `12345已改派（异议成立）：${objection.decisionReason ?? objection.reason}` : '12345已改派，本工单撤销';
}

/** What the grid case needs from the appeal, when the event hands it down to a grid. */
function toHandedDown(appeal: AppealEventData): AppealHandedDown | null {
  if (appeal.lead?.kind !== 'unit' || appeal.lead.level !== 'grid' || !appeal.categoryCode) return null;
  // A re-handling event without a hand-off number is from before they were numbered: its case was the first.
  const handoff = appeal.handoff ?? null;
  const location = appeal.location?.lat != null && appeal.location.lng != null ? { lat: appeal.location.lat, lng: appeal.location.lng, address: appeal.location.address ?? '' } : undefined;
  // A case's location must lie in its grid: when the hotline chose another grid than the one the caller's place
  // lies in, the case keeps the address in its description, not the point.
  const inLeadGrid = appeal.gridCode === appeal.lead.unitCode;
  const address = appeal.location?.address;
  const again = appeal.reopenCount > 0 && appeal.status === 'dispatched' ? '（重办）' : '';
  // The grid's return refused by the dispatcher: the new case says why the grid keeps the appeal.
  const refusal = appeal.returnRefusal ? `\n【退单未获同意】12345派单员：${appeal.returnRefusal.reason}` : '';
  return {
    appealId: appeal.appealId,
    handoff,
    categoryCode: appeal.categoryCode,
    title: `12345${again}：${appeal.summary.slice(0, 60)}`,
    description: `${!inLeadGrid && address ? `${appeal.summary}（地点：${address}）` : appeal.summary}${refusal}`,
    gridCode: appeal.lead.unitCode,
    ...(location && location.address && inLeadGrid ? { location } : {}),
    urgency: URGENCY[appeal.urgency],
    reopenCount: appeal.reopenCount,
    satisfaction: appeal.satisfaction,
    // The demo seed's history: the hand-off happened when its event says, and so does the case's report.
    ...(mayBackdate({ sub: appeal.actor, roles: [], units: [] }) ? { handedDownAt: appeal.at } : {}),
  };
}
