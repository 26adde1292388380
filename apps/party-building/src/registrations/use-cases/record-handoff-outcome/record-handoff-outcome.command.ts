/** The registry's answer to an approved registration: the assignment it made, or why it refused. */
export class RecordHandoffOutcomeCommand {
  constructor(
    readonly registrationId: string,
    readonly outcome: { done: true; assignmentId: string; personId: string } | { done: false; reason: string },
    readonly at: Date,
  ) {}
}
