import type { Caller } from '@gridline/auth';
import type { AppealSnapshotQuery } from '@gridline/contracts-hotline';

/** A page of the appeals' snapshot, asked by `caller` (only `svc:analytics` is answered). */
export class GiveAppealSnapshotQuery {
  constructor(
    readonly caller: Caller,
    readonly query: AppealSnapshotQuery,
  ) {}
}
