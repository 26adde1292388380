/** Roles a person can hold on a unit (grid staff and the "seven into the grid", 七进网格). */
export const GRID_ROLES = [
  'grid_staff',
  'grid_instructor',
  'grid_partner',
  'two_committee_member',
  'social_worker',
  'building_chief',
  'in_service_party_member',
  'property_staff',
  'community_police',
] as const;
export type GridRole = (typeof GRID_ROLES)[number];

/** The seven kinds of people attached to each grid (七进网格). */
export const SEVEN_INTO_GRID_ROLES: readonly GridRole[] = [
  'two_committee_member',
  'social_worker',
  'grid_staff',
  'building_chief',
  'in_service_party_member',
  'property_staff',
  'community_police',
];

/** A person who works in the grids. `phone` is masked unless revealed. */
export interface PersonView {
  id: string;
  name: string;
  phone: string | null;
  /** The login subject (a token's `sub`) of the person's own account, when linked. */
  account: string | null;
  createdAt: string;
}

/** A person's role on a unit for a period; active when today is within [startsOn, endsOn]. */
export interface AssignmentView {
  id: string;
  personId: string;
  personName: string;
  /** Masked. */
  personPhone: string | null;
  unitCode: string;
  role: GridRole;
  startsOn: string;
  endsOn: string | null;
  active: boolean;
  /** The post's published work phone (shown by the public grid lookup), in clear; null when none was given. */
  workPhone: string | null;
}

/** Grids of a unit that lack people: no active grid staff, or missing any of the seven roles. */
export interface CoverageView {
  unitCode: string;
  grids: number;
  gridsWithoutStaff: string[];
  gridsMissingRoles: { gridCode: string; missing: GridRole[] }[];
}

/** A grid staff member's assignment as another service's copy keeps it (`registry.staff.snapshot`): no phone. */
export interface GridStaffRecord {
  assignmentId: string;
  personId: string;
  name: string;
  /** The person's login subject, when linked. */
  account: string | null;
  unitCode: string;
  startsOn: string;
  endsOn: string | null;
}

export interface GridStaffSnapshotPage {
  items: GridStaffRecord[];
  nextCursor: string | null;
}
