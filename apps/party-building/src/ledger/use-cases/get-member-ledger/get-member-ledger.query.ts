import type { Caller } from '@gridline/auth';

/** A member's ledger for a China year; `memberId` null: the caller's own. */
export class GetMemberLedgerQuery {
  constructor(
    readonly caller: Caller,
    readonly memberId: string | null,
    readonly year: number | undefined,
  ) {}
}
