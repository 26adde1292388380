import type { Caller } from '@gridline/auth';

export class GetPersonQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
