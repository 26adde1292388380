import type { Caller } from '@gridline/auth';
import type { LedgerTotalsQuery } from '@gridline/contracts-party-building';

/** Approved service per organisation and per unit, for a year or a period, within the caller's scope. */
export class GetLedgerTotalsQuery {
  constructor(
    readonly caller: Caller,
    readonly query: LedgerTotalsQuery,
  ) {}
}
