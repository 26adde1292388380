import type { AppealHandedDown } from '../open-case-from-appeal/open-case-from-appeal.command';

export class RecordHandoffFailureCommand {
  constructor(
    readonly appeal: Pick<AppealHandedDown, 'appealId' | 'handoff' | 'gridCode'>,
    /** Why incidents refused the hand-off: a domain error as it is, anything else by its scrubbed description. */
    readonly error: Error,
  ) {}
}
