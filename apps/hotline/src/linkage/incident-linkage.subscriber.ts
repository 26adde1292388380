import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { INCIDENTS_EVENTS, type IncidentEventData } from '@gridline/contracts-incidents';
import type { CloudEvent } from '@gridline/messaging';
import { AppealJournal } from '../appeal/appeal-journal';
import { AppealEntity } from '../appeal/appeal.entity';

/**
 * The grid linkage, back from the grid: the case opened for an appeal moves the appeal — signed when the grid signs
 * for it, answered with the handling result when the case is closed after verification. Redelivered events change
 * nothing twice (the inbox, and the state checks below).
 */
@Injectable()
@EventSubscription()
export class IncidentLinkageSubscriber implements EventSubscriber {
  readonly name = 'incident-linkage';
  readonly source = 'incidents';
  readonly filter = 'incident.>';

  constructor(private readonly journal: AppealJournal) {}

  handlers() {
    const follow = (event: CloudEvent<IncidentEventData>, em: EntityManager) => this.follow(event, em);
    return [
      on(INCIDENTS_EVENTS.reported, follow),
      on(INCIDENTS_EVENTS.signed, follow),
      on(INCIDENTS_EVENTS.returned, follow),
      on(INCIDENTS_EVENTS.closed, follow),
      on(INCIDENTS_EVENTS.rejected, follow),
      on(INCIDENTS_EVENTS.cancelled, follow),
    ];
  }

  private async follow(event: CloudEvent<IncidentEventData>, em: EntityManager): Promise<void> {
    const data = event.data;
    if (!data.appealRef) return;
    const appeal = await em.findOne(AppealEntity, { id: data.appealRef });
    if (!appeal) return;
    appeal.incidentId = data.incidentId;
    appeal.incidentStatus = data.status;
    appeal.updatedAt = new Date();
    const from = appeal.status;
    const actor = `incident:${data.incidentId}`;
    if (event.type === INCIDENTS_EVENTS.signed.type && appeal.status === 'dispatched') {
      appeal.status = 'signed';
      appeal.signedAt = new Date(data.at);
      this.journal.record(em, appeal, { action: 'sign', actor, from }, 'signed');
    } else if (event.type === INCIDENTS_EVENTS.closed.type && (appeal.status === 'signed' || appeal.status === 'dispatched')) {
      appeal.status = 'answered';
      appeal.answeredAt = new Date(data.at);
      appeal.reply = { resolution: 'resolved', text: data.result ?? '网格已处置并经现场核查' };
      this.journal.record(em, appeal, { action: 'answer', actor, from, comment: appeal.reply.text }, 'answered');
    } else if ((event.type === INCIDENTS_EVENTS.rejected.type || event.type === INCIDENTS_EVENTS.cancelled.type) && (appeal.status === 'dispatched' || appeal.status === 'signed')) {
      // The grid will not handle it: back to the hotline for another owner.
      appeal.status = 'received';
      appeal.returnCount += 1;
      appeal.lead = null;
      appeal.leadKey = null;
      this.journal.record(em, appeal, { action: 'return', actor, from, comment: data.comment }, 'returned');
    }
    await em.flush();
  }
}
