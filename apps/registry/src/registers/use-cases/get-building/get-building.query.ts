import type { Caller } from '@gridline/auth';

export class GetBuildingQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
