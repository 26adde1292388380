import type { AppealHandoffFailedEventData } from '@gridline/contracts-incidents';

/** Incidents could not open the case of an appeal's hand-off. */
export class RecordHandoffFailureCommand {
  constructor(readonly failure: AppealHandoffFailedEventData) {}
}
