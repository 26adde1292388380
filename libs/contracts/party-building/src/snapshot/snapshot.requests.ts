import { defineRequest } from '@gridline/messaging/contracts';
import type { PartySnapshotQuery } from './snapshot.dto';
import type { PartySnapshotPage } from './snapshot.types';

/** The snapshot analytics' party figures are filled from (spread into PARTY_BUILDING_REQUESTS). */
export const SNAPSHOT_REQUESTS = {
  /** Every record the party figures count, as its newest state in its events' payload, keyset-paged; for `svc:analytics` only (its bootstrap). */
  snapshot: defineRequest<PartySnapshotQuery, PartySnapshotPage>('party-building', 'party-building.figures.snapshot'),
} as const;
