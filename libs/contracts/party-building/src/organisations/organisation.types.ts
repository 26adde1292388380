/**
 * Levels of the party organisation, mirroring the grid (一网格一支部): the street's party working committee (党工委),
 * a community's party committee or general branch (党委/总支), a grid's branch (支部) — an exclusive grid's joint branch
 * (联合党支部) — and party groups (党小组) under a branch.
 */
export const ORGANISATION_LEVELS = ['working_committee', 'party_committee', 'general_branch', 'branch', 'joint_branch', 'party_group'] as const;
export type OrganisationLevel = (typeof ORGANISATION_LEVELS)[number];

/** A party organisation bound to a unit of the grid map. */
export interface OrganisationView {
  id: string;
  name: string;
  level: OrganisationLevel;
  /** The organisation above (null for the street's working committee). */
  parentId: string | null;
  /** The unit of the grid map it is bound to (a street, community or grid code). */
  unitCode: string;
  /** The unit's name as the registry last told it (null until known). */
  unitName: string | null;
  /** Whether the bound unit is still active on the map (a deactivated grid's branch shows false). */
  unitActive: boolean;
  /** False once the organisation is dissolved. */
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A grid's party branch as the public grid lookup shows it (有事找网格员, 党建引领): its name and level, nothing of its people. */
export interface PublicBranchView {
  /** The grid (or exclusive grid) it is bound to. */
  unitCode: string;
  name: string;
  level: 'branch' | 'joint_branch';
}
