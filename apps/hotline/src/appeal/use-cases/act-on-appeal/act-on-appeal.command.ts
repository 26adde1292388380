import type { Caller } from '@gridline/auth';
import type { AppealAction, AppealActionBody } from '@gridline/contracts-hotline';

/** One step of an appeal's process, by the caller, with what the step takes (`body`). */
export class ActOnAppealCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly action: AppealAction,
    readonly body: AppealActionBody,
  ) {}
}
