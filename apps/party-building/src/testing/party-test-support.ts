import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import type { BusClient } from '@gridline/messaging';
import { AppError, residentIdCheckCharacter } from '@gridline/platform';
import type { CreateMemberRequest, OrganisationView, OrganisationsClient } from '@gridline/contracts-party-building';
import type { UnitLevel } from '@gridline/contracts-registry';
import { TEST_MAP, TestPlatform, type RunningTestService } from '@gridline/testing';
import { PartyBuildingAppModule } from '../party-building-app.module';
import { PartyBuildingConfig } from '../party-building.config';

/**
 * Helpers of the service's int-specs: test-only code (no jest globals; the app's build leaves this folder out, and
 * lint lets it use @gridline/testing as a spec does).
 */

/** The int-specs' map: a street with two communities, a grid in each, and a second grid in the first community. */
export const PARTY_MAP = TEST_MAP;
const { STREET, COMMUNITY, OTHER_COMMUNITY, GRID, OTHER_GRID } = PARTY_MAP;

type MapUnit = { level: UnitLevel; path: readonly string[]; active?: boolean };

/** The street, both communities and one grid in each (GRID_2 is not among them: a spec adds it where it needs it). */
export const PARTY_UNITS: readonly MapUnit[] = [
  { level: 'street', path: [STREET] },
  { level: 'community', path: [STREET, COMMUNITY] },
  { level: 'community', path: [STREET, OTHER_COMMUNITY] },
  { level: 'grid', path: [STREET, COMMUNITY, GRID] },
  { level: 'grid', path: [STREET, OTHER_COMMUNITY, OTHER_GRID] },
];

/** The callers most specs ask as: the street's admin, the first and the other community's secretary, the first community's instructor. */
export const PARTY_CALLERS = {
  ADMIN: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
  SECRETARY: { sub: 'sec-1', roles: ['party_secretary'], units: [COMMUNITY] },
  OTHER_SECRETARY: { sub: 'sec-2', roles: ['party_secretary'], units: [OTHER_COMMUNITY] },
  INSTRUCTOR: { sub: 'ins-1', roles: ['grid_instructor'], units: [COMMUNITY] },
} as const satisfies Record<string, Caller>;

export interface PartyBuildingTest {
  platform: TestPlatform;
  service: RunningTestService;
  /** A bus signing as the gateway does: what the spec's clients ask through. */
  bus: BusClient;
  /** A connected client of the platform's database. */
  db: Client;
  /** Ends the database client and closes the platform. */
  close(): Promise<void>;
}

/**
 * The service on a TestPlatform of the spec's own (workers not started), a bus and a database client, and `units`
 * copied into its map (PARTY_UNITS unless told).
 */
export async function startPartyBuilding(units: readonly MapUnit[] = PARTY_UNITS): Promise<PartyBuildingTest> {
  const platform = await TestPlatform.create();
  const db = new Client({ connectionString: platform.db.url });
  const close = async () => {
    await db.end().catch(() => undefined);
    await platform.close();
  };
  try {
    const service = await platform.start('party-building', PartyBuildingConfig, (config) => PartyBuildingAppModule.register(config, { startWorkers: false }));
    const bus = await platform.bus();
    await db.connect();
    await copyUnits(db, units);
    return { platform, service, bus, db, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The street's working committee and both communities' committees, founded by ADMIN. */
export async function foundCommittees(organisations: OrganisationsClient): Promise<{ top: OrganisationView; committee: OrganisationView; otherCommittee: OrganisationView }> {
  const { ADMIN } = PARTY_CALLERS;
  const top = await organisations.create(ADMIN, { name: '街道党工委', level: 'working_committee', unitCode: STREET });
  const committee = await organisations.create(ADMIN, { name: '一社区党委', level: 'party_committee', parentId: top.id, unitCode: COMMUNITY });
  const otherCommittee = await organisations.create(ADMIN, { name: '二社区党委', level: 'party_committee', parentId: top.id, unitCode: OTHER_COMMUNITY });
  return { top, committee, otherCommittee };
}

export type PartyTree = Awaited<ReturnType<typeof foundCommittees>> & { branch: OrganisationView; otherBranch: OrganisationView };

/** foundCommittees, and a branch on GRID under the first committee and one on OTHER_GRID under the other, by ADMIN. */
export async function foundPartyTree(organisations: OrganisationsClient): Promise<PartyTree> {
  const committees = await foundCommittees(organisations);
  const { ADMIN } = PARTY_CALLERS;
  const branch = await organisations.create(ADMIN, { name: '一网格支部', level: 'branch', parentId: committees.committee.id, unitCode: GRID });
  const otherBranch = await organisations.create(ADMIN, { name: '二社区一网格支部', level: 'branch', parentId: committees.otherCommittee.id, unitCode: OTHER_GRID });
  return { ...committees, branch, otherBranch };
}

/** The AppError a request fails with (throws when it succeeds or fails otherwise, failing the test). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => new Error('expected the request to be refused, it succeeded'), (e: unknown) => e);
  if (!(error instanceof AppError)) throw error instanceof Error ? error : new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** The fields a validation error names. */
export function fieldsOf(error: AppError): string[] | undefined {
  return (error.details?.fields as { field: string }[] | undefined)?.map((f) => f.field);
}

/**
 * Units of the map written straight into the service's copy (what the registry's events would have written), the
 * name being the code; the parent is the path's last but one.
 */
export async function copyUnits(db: Client, units: readonly MapUnit[]): Promise<void> {
  for (const { level, path, active = true } of units) {
    const code = path[path.length - 1];
    await db.query('insert into party_building.registry_unit (code, name, level, parent_code, path, active, updated_at) values ($1, $1, $2, $3, $4, $5, now())', [code, level, path.at(-2) ?? null, path, active]);
  }
}

/** A member to register in an organisation: a valid resident ID number from `seq` (distinct per member), living in `homeGridCode`. */
export function memberInput(organisationId: string, homeGridCode: string, seq: number, name = '王小明'): CreateMemberRequest {
  const first17 = `370502198503${String(1 + (seq % 28)).padStart(2, '0')}${String(seq % 1000).padStart(3, '0')}`;
  return { name, idNumber: first17 + residentIdCheckCharacter(first17), phone: `138${String(seq).padStart(8, '0')}`, status: 'full', joinedOn: '2010-07-01', organisationId, homeGridCode };
}
