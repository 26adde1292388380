import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { PARTY_REGISTRATION_SOURCE, REGISTRY_EVENTS, assignmentSourceId } from '@gridline/contracts-registry';
import { RecordHandoffOutcomeCommand } from './use-cases/record-handoff-outcome/record-handoff-outcome.command';
import { RecordHandoffOutcomeUseCase } from './use-cases/record-handoff-outcome/record-handoff-outcome.use-case';

/**
 * The registry's answers to approved registrations (`events.registry.assignment.>`): an assignment made from a
 * registration (its `source`) marks the hand-off done, a refusal marks it failed with the reason. Every other
 * assignment is none of this feature's business.
 */
@Injectable()
@EventSubscription()
export class RegistryHandoffSubscriber implements EventSubscriber {
  readonly name = 'registration-handoff';
  readonly source = 'registry';
  readonly filter = 'assignment.>';

  constructor(private readonly record: RecordHandoffOutcomeUseCase) {}

  handlers() {
    return [
      on(REGISTRY_EVENTS.assignmentCreated, async (event) => {
        const { assignment } = event.data;
        const id = assignmentSourceId(assignment.source, PARTY_REGISTRATION_SOURCE);
        if (id) await this.record.execute(new RecordHandoffOutcomeCommand(id, { done: true, assignmentId: assignment.id, personId: assignment.personId }, new Date(event.time)));
      }),
      on(REGISTRY_EVENTS.assignmentRefused, async (event) => {
        const id = assignmentSourceId(event.data.source, PARTY_REGISTRATION_SOURCE);
        if (id) await this.record.execute(new RecordHandoffOutcomeCommand(id, { done: false, reason: `${event.data.code}: ${event.data.reason}` }, new Date(event.data.at)));
      }),
    ];
  }
}
