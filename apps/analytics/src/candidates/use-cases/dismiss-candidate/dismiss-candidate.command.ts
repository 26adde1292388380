import type { Caller } from '@gridline/auth';

export class DismissCandidateCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly reason: string,
  ) {}
}
