import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { INCIDENTS_EVENTS } from '@gridline/contracts-incidents';
import { RecordDiscussionOutcomeCommand } from './use-cases/record-discussion-outcome/record-discussion-outcome.command';
import { RecordDiscussionOutcomeUseCase } from './use-cases/record-discussion-outcome/record-discussion-outcome.use-case';

/** The outcome of a lifted candidate's 3+N discussion, from incidents' `events.incidents.discussion.>` (durable `analytics-candidate-outcome`). */
@Injectable()
@EventSubscription()
export class CandidateOutcomeSubscriber implements EventSubscriber {
  readonly name = 'candidate-outcome';
  readonly source = 'incidents';
  readonly filter = 'discussion.>';

  constructor(private readonly record: RecordDiscussionOutcomeUseCase) {}

  handlers() {
    const { discussionOpened, discussionTaskAssigned, discussionTaskCompleted, discussionTaskOverdue, discussionClosed, discussionOpenFailed } = INCIDENTS_EVENTS;
    return [discussionOpened, discussionTaskAssigned, discussionTaskCompleted, discussionTaskOverdue, discussionClosed, discussionOpenFailed].map((definition) =>
      on(definition, async (event) => {
        await this.record.execute(new RecordDiscussionOutcomeCommand(definition.event, event.data));
      }),
    );
  }
}
