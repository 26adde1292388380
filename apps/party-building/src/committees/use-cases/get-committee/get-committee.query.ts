import type { Caller } from '@gridline/auth';

export class GetCommitteeQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
