import type { Caller } from '@gridline/auth';

export class GetMemberQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
