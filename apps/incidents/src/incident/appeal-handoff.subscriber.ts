import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { HOTLINE_EVENTS, type AppealEventData } from '@gridline/contracts-hotline';
import type { CloudEvent } from '@gridline/messaging';
import { OpenCaseFromAppealUseCase } from './use-cases/open-case-from-appeal/open-case-from-appeal.use-case';

const URGENCY = { emergency: 'emergency', utilities: 'urgent', general: 'normal' } as const;

/**
 * The grid linkage, down to the grid: an appeal the hotline dispatches (or reopens) to a grid becomes a grid case
 * there, once — the case is keyed by the appeal.
 */
@Injectable()
@EventSubscription()
export class AppealHandoffSubscriber implements EventSubscriber {
  readonly name = 'appeal-handoff';
  readonly source = 'hotline';
  readonly filter = 'appeal.>';

  constructor(private readonly openCase: OpenCaseFromAppealUseCase) {}

  handlers() {
    return [on(HOTLINE_EVENTS.dispatched, (event) => this.handOff(event))];
  }

  private async handOff(event: CloudEvent<AppealEventData>): Promise<void> {
    const appeal = event.data;
    if (appeal.lead?.kind !== 'unit' || appeal.lead.level !== 'grid' || !appeal.categoryCode) return;
    const location = appeal.location?.lat != null && appeal.location.lng != null ? { lat: appeal.location.lat, lng: appeal.location.lng, address: appeal.location.address ?? '' } : undefined;
    // A case's location must lie in its grid: when the hotline chose another grid than the one the caller's place
    // lies in, the case keeps the address in its description, not the point.
    const inLeadGrid = appeal.gridCode === appeal.lead.unitCode;
    const address = appeal.location?.address;
    await this.openCase.execute({
      appealId: appeal.appealId,
      categoryCode: appeal.categoryCode,
      title: `12345：${appeal.summary.slice(0, 60)}`,
      description: !inLeadGrid && address ? `${appeal.summary}（地点：${address}）` : appeal.summary,
      gridCode: appeal.lead.unitCode,
      ...(location && location.address && inLeadGrid ? { location } : {}),
      urgency: URGENCY[appeal.urgency],
    });
  }
}
