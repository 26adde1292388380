import type { Caller } from '@gridline/auth';
import type { IncidentSnapshotQuery } from '@gridline/contracts-incidents';

export class GiveIncidentSnapshotQuery {
  constructor(
    readonly caller: Caller,
    readonly query: IncidentSnapshotQuery,
  ) {}
}
