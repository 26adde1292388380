import type { Caller } from '@gridline/auth';
import type { LeagueTableQuery } from '@gridline/contracts-analytics';

export class GetLeagueTableQuery {
  constructor(
    readonly caller: Caller,
    readonly query: LeagueTableQuery,
  ) {}
}
