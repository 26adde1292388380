import type { Caller } from '@gridline/auth';

export class GetBusinessQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
