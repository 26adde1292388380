import type { Caller } from '@gridline/auth';
import type { PartySnapshotQuery } from '@gridline/contracts-party-building';

/** A page of party building's snapshot, asked by `caller` (only `svc:analytics` is answered). */
export class GivePartySnapshotQuery {
  constructor(
    readonly caller: Caller,
    readonly query: PartySnapshotQuery,
  ) {}
}
