import type { Caller } from '@gridline/auth';

export class GetActivityQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
