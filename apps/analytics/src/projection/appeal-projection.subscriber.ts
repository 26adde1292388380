import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type CloudEvent, type EventDefinition, type EventSubscriber } from '@gridline/messaging';
import { HOTLINE_EVENTS, type AppealEventData } from '@gridline/contracts-hotline';
import { appealFromEvent } from './appeal-fold';
import { AppealProjectionRepository } from './appeal-projection.repository';

type AppealEventName = Exclude<keyof typeof HOTLINE_EVENTS, 'figuresUpdated'>;
/** Every event of an appeal's life, each carrying the whole appeal (the supervision's marks add their deadline): a Record, so a new one must be named here. */
const APPEAL_EVENT_NAMES: Record<AppealEventName, true> = {
  received: true, merged: true, dispatched: true, signed: true, returnRequested: true, returned: true, returnRefused: true, objectionRaised: true,
  objectionUpheld: true, objectionDismissed: true, extended: true, answered: true, callback: true, reopened: true, closed: true, handoffFailed: true,
  reminded: true, overdue: true,
};
const APPEAL_EVENTS = (Object.keys(APPEAL_EVENT_NAMES) as AppealEventName[]).map((name): EventDefinition<AppealEventData> => HOTLINE_EVENTS[name]);

/** Keeps each 12345 appeal's newest state from `events.hotline.appeal.>` (durable `analytics-appeals`). */
@Injectable()
@EventSubscription()
export class AppealProjectionSubscriber implements EventSubscriber {
  readonly name = 'appeals';
  readonly source = 'hotline';
  readonly filter = 'appeal.>';

  constructor(private readonly appeals: AppealProjectionRepository) {}

  handlers() {
    return APPEAL_EVENTS.map((definition) => on(definition, (event: CloudEvent<AppealEventData>) => this.appeals.apply(appealFromEvent(event.data))));
  }
}
