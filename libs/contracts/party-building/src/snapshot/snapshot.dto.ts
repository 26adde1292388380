import { CursorQuery } from '@gridline/platform';

/** A page of party building's snapshot (`party-building.figures.snapshot`): `cursor` (the previous page's) and `limit`. */
export class PartySnapshotQuery extends CursorQuery {}
