import type { Caller } from '@gridline/auth';

export class LocatePointQuery {
  constructor(
    readonly caller: Caller,
    readonly lat: number,
    readonly lng: number,
  ) {}
}
