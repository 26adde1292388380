import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { HOTLINE_EVENTS, type AppealEventData } from '@gridline/contracts-hotline';
import type { CloudEvent } from '@gridline/messaging';
import { NoteAppealCallbackUseCase } from './use-cases/note-appeal-callback/note-appeal-callback.use-case';
import { OpenCaseFromAppealUseCase, type AppealHandedDown } from './use-cases/open-case-from-appeal/open-case-from-appeal.use-case';

const URGENCY = { emergency: 'emergency', utilities: 'urgent', general: 'normal' } as const;

/**
 * The grid linkage, down to the grid: each hand-off of an appeal to a grid — a dispatch to a grid, or the re-handling
 * of a grid's appeal after a dissatisfied callback — becomes a grid case there, once: the case is keyed by the
 * appeal's hand-off. The case opens in the consumer's transaction. A hand-off incidents refuses (a business error)
 * is not retried: `handoff.failed` says why, and the hotline shows it on the appeal. The callback's satisfaction is
 * noted on the timeline of the case that answered the hand-off.
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
  ) {}

  handlers() {
    const handOff = (event: CloudEvent<AppealEventData>, em: EntityManager) => this.handOff(event, em);
    const failed = async (event: CloudEvent<AppealEventData>, error: Error, em: EntityManager) => {
      const handedDown = toHandedDown(event.data);
      if (handedDown) this.openCase.recordFailure(em, handedDown, error);
    };
    // The callback's satisfaction goes on the timeline of the case that answered the appeal.
    const calledBack = (event: CloudEvent<AppealEventData>, em: EntityManager) =>
      this.noteCallback.execute(em, { appealId: event.data.appealId, handoff: event.data.handoff ?? null, satisfaction: event.data.satisfaction });
    return [on(HOTLINE_EVENTS.dispatched, handOff, { failed }), on(HOTLINE_EVENTS.reopened, handOff, { failed }), on(HOTLINE_EVENTS.callback, calledBack)];
  }

  private async handOff(event: CloudEvent<AppealEventData>, em: EntityManager): Promise<void> {
    const handedDown = toHandedDown(event.data);
    if (handedDown) await this.openCase.execute(em, handedDown);
  }
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
  return {
    appealId: appeal.appealId,
    handoff,
    categoryCode: appeal.categoryCode,
    title: `12345${again}：${appeal.summary.slice(0, 60)}`,
    description: !inLeadGrid && address ? `${appeal.summary}（地点：${address}）` : appeal.summary,
    gridCode: appeal.lead.unitCode,
    ...(location && location.address && inLeadGrid ? { location } : {}),
    urgency: URGENCY[appeal.urgency],
    reopenCount: appeal.reopenCount,
    satisfaction: appeal.satisfaction,
  };
}
