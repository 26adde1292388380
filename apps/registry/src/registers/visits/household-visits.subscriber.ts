import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { INCIDENTS_EVENTS } from '@gridline/contracts-incidents';
import { RecordHouseholdVisitCommand } from '../use-cases/record-household-visit/record-household-visit.command';
import { RecordHouseholdVisitUseCase } from '../use-cases/record-household-visit/record-household-visit.use-case';

/**
 * Keeps the day each household was last visited from `events.incidents.visit.>`, and announces the collection
 * quality of the household's grid (its visited share changed) in the same transaction as the inbox row.
 */
@Injectable()
@EventSubscription()
export class HouseholdVisitsSubscriber implements EventSubscriber {
  readonly name = 'visits';
  readonly source = 'incidents';
  readonly filter = 'visit.>';

  constructor(private readonly recordVisit: RecordHouseholdVisitUseCase) {}

  handlers() {
    // The use case's repositories join the consumer's transaction (the inbox row commits with the effect).
    return [on(INCIDENTS_EVENTS.visitLogged, (event) => this.recordVisit.execute(new RecordHouseholdVisitCommand(event.data.householdId, event.data.date)))];
  }
}
