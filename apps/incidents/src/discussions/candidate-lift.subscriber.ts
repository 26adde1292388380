import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type CloudEvent, type EventSubscriber } from '@gridline/messaging';
import { ANALYTICS_EVENTS, type CandidateLiftedEventData } from '@gridline/contracts-analytics';
import { OpenCandidateDiscussionCommand } from './use-cases/open-candidate-discussion/open-candidate-discussion.command';
import { OpenCandidateDiscussionUseCase } from './use-cases/open-candidate-discussion/open-candidate-discussion.use-case';
import { RecordOpenFailureCommand } from './use-cases/record-open-failure/record-open-failure.command';
import { RecordOpenFailureUseCase } from './use-cases/record-open-failure/record-open-failure.use-case';

/**
 * Analytics' lifted 3+N candidates (durable `incidents-candidate-lift` on `events.analytics.candidate.lifted`): each
 * opens one candidate discussion, in the consumer's transaction with its inbox row, keyed by the candidate. A refusal
 * (an unknown street, …) is recorded as `discussion.open_failed` instead of being retried into a dead letter. The
 * consumer host creates analytics' stream when it is missing (or waits for it), so incidents starts cleanly first.
 */
@Injectable()
@EventSubscription()
export class CandidateLiftSubscriber implements EventSubscriber {
  readonly name = 'candidate-lift';
  readonly source = 'analytics';
  readonly filter = 'candidate.lifted';

  constructor(
    private readonly open: OpenCandidateDiscussionUseCase,
    private readonly recordFailure: RecordOpenFailureUseCase,
  ) {}

  handlers() {
    return [
      on(
        ANALYTICS_EVENTS.candidateLifted,
        async (event: CloudEvent<CandidateLiftedEventData>) => {
          await this.open.execute(new OpenCandidateDiscussionCommand(event.data));
        },
        { failed: (event: CloudEvent<CandidateLiftedEventData>, error: Error) => this.recordFailure.execute(new RecordOpenFailureCommand(event.data, error)) },
      ),
    ];
  }
}
