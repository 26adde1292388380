import type { Caller } from '@gridline/auth';
import type { GridStaffSnapshotQuery } from '@gridline/contracts-registry';

export class GiveGridStaffSnapshotQuery {
  constructor(
    readonly caller: Caller,
    readonly query: GridStaffSnapshotQuery,
  ) {}
}
