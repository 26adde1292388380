import type { Caller } from '@gridline/auth';
import type { IntakeAppealRequest } from '@gridline/contracts-hotline';

/** An appeal taken by the caller (an operator, or an Open311 client through the gateway). */
export class IntakeAppealCommand {
  constructor(
    readonly caller: Caller,
    readonly appeal: IntakeAppealRequest,
  ) {}
}
