import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type CloudEvent, type EventSubscriber } from '@gridline/messaging';
import { INCIDENTS_EVENTS, type IncidentEventData } from '@gridline/contracts-incidents';
import { FollowGridCaseCommand } from './use-cases/follow-grid-case/follow-grid-case.command';
import { FollowGridCaseUseCase } from './use-cases/follow-grid-case/follow-grid-case.use-case';
import { RecordHandoffFailureCommand } from './use-cases/record-handoff-failure/record-handoff-failure.command';
import { RecordHandoffFailureUseCase } from './use-cases/record-handoff-failure/record-handoff-failure.use-case';

/**
 * The grid linkage, back from the grid: each event of a case opened for an appeal's hand-off, in its transaction with
 * the inbox row (`FollowGridCaseUseCase` says what it moves). Redelivered events change nothing twice.
 */
@Injectable()
@EventSubscription()
export class IncidentLinkageSubscriber implements EventSubscriber {
  readonly name = 'incident-linkage';
  readonly source = 'incidents';
  readonly filter = 'incident.>';

  constructor(private readonly followCase: FollowGridCaseUseCase) {}

  handlers() {
    const follow = (event: CloudEvent<IncidentEventData>) => this.followCase.execute(new FollowGridCaseCommand(event.type, event.data));
    return [
      on(INCIDENTS_EVENTS.reported, follow),
      on(INCIDENTS_EVENTS.accepted, follow),
      on(INCIDENTS_EVENTS.dispatched, follow),
      on(INCIDENTS_EVENTS.signed, follow),
      on(INCIDENTS_EVENTS.returned, follow),
      on(INCIDENTS_EVENTS.handled, follow),
      on(INCIDENTS_EVENTS.reworked, follow),
      on(INCIDENTS_EVENTS.extended, follow),
      on(INCIDENTS_EVENTS.closed, follow),
      on(INCIDENTS_EVENTS.rejected, follow),
      on(INCIDENTS_EVENTS.cancelled, follow),
      on(INCIDENTS_EVENTS.merged, follow),
    ];
  }
}

/** The other half of the linkage's failures: a hand-off incidents refused shows on the appeal, which goes back to its operators. */
@Injectable()
@EventSubscription()
export class HandoffFailureSubscriber implements EventSubscriber {
  readonly name = 'handoff-failure';
  readonly source = 'incidents';
  readonly filter = 'handoff.>';

  constructor(private readonly recordFailure: RecordHandoffFailureUseCase) {}

  handlers() {
    return [on(INCIDENTS_EVENTS.handoffFailed, (event) => this.recordFailure.execute(new RecordHandoffFailureCommand(event.data)))];
  }
}
