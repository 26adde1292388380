import { REGISTRY_REFERENCE_MIGRATIONS } from '@gridline/registry-reference';
import { PartyOrganisationsMigration } from './20261210001000_organisations.migration';
import { PartyLedgerMigration } from './20261210005000_ledger.migration';
import { PartyMembersMigration } from './20261210002000_members.migration';
import { PartyRegistrationsMigration } from './20261210003000_registrations.migration';
import { PartyCaseHandoffsMigration } from './20261210006000_case_handoffs.migration';
import { PartyOfficersMigration } from './20261210001100_officers.migration';
import { PartyActivitiesMigration } from './20261210004000_activities.migration';
import { PartyActivityPhotosMigration } from './20261210004500_activity_photos.migration';
import { PartyStationsMigration } from './20261210006100_stations.migration';
import { PartyCommitteesMigration } from './20261210007000_committees.migration';
import { PartyActivityAttendanceSheetMigration } from './20261210008500_activity_attendance_sheet.migration';
import { PartySnapshotOrderMigration } from './20261210009000_snapshot_order.migration';

/**
 * The party-building schema's migrations, in order: the copy of the registry's map first, then one file per
 * feature (a feature's later change is a new file after the last one here).
 */
export const PARTY_BUILDING_MIGRATIONS = [
  ...REGISTRY_REFERENCE_MIGRATIONS,
  ...[PartyOrganisationsMigration, PartyOfficersMigration, PartyMembersMigration, PartyRegistrationsMigration, PartyActivitiesMigration, PartyActivityPhotosMigration, PartyLedgerMigration, PartyCaseHandoffsMigration, PartyStationsMigration, PartyCommitteesMigration, PartyActivityAttendanceSheetMigration, PartySnapshotOrderMigration].map((m) => ({ name: m.migrationName, class: m })),
];
