import type { Caller } from '@gridline/auth';

export class GetStationQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
