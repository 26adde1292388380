import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import type { PartySnapshotQuery } from './snapshot.dto';
import { SNAPSHOT_REQUESTS } from './snapshot.requests';
import type { PartySnapshotPage } from './snapshot.types';

/** Party building's snapshot, typed. */
@Injectable()
export class PartySnapshotClient {
  constructor(private readonly bus: BusRequester) {}

  /** A page of every record the party figures count, as its newest state: answered to the analytics service acting for itself. */
  snapshot(caller: Caller, query: PartySnapshotQuery): Promise<PartySnapshotPage> {
    return this.bus.request(SNAPSHOT_REQUESTS.snapshot, query, { caller });
  }
}
