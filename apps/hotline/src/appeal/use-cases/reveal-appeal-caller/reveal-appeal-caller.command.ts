import type { Caller } from '@gridline/auth';
import type { RevealableCallerField } from '@gridline/contracts-hotline';

export class RevealAppealCallerCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly fields: RevealableCallerField[],
    readonly reason: string,
  ) {}
}
