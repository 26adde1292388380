import type { Caller } from '@gridline/auth';

export class RevealResidentCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly fields: ('idNumber' | 'phone')[],
    readonly reason: string,
  ) {}
}
