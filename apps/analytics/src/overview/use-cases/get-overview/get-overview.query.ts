import type { Caller } from '@gridline/auth';

export class GetOverviewQuery {
  constructor(readonly caller: Caller) {}
}
