import type { Caller } from '@gridline/auth';
import type { PartyFiguresQuery } from '@gridline/contracts-analytics';

export class GetPartyFiguresQuery {
  constructor(
    readonly caller: Caller,
    readonly query: PartyFiguresQuery,
  ) {}
}
