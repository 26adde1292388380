import type { CreateCategoryRequest, CreateUnitRequest } from '@gridline/contracts-registry';
import { residentIdCheckCharacter } from '@gridline/platform';
import { TEST_MAP, unitFactory, type testToken } from '@gridline/testing';
import { StreetFixture, type StreetFixtureOptions, type StreetSeed } from './street-fixture';

type Claims = Parameters<typeof testToken>[0];

/** The party walks' street: two communities with a grid each, and a second grid in the first community. */
export const PARTY_STREET = TEST_MAP;
const { STREET, COMMUNITY, OTHER_COMMUNITY, GRID, GRID_2, OTHER_GRID } = PARTY_STREET;

/** The street, both communities and a grid in each, as the seed creates them (GRID_2 only where a walk asks for it). */
export function partyStreetUnits({ withGrid2 = false } = {}): CreateUnitRequest[] {
  return [
    unitFactory().street(STREET).build(),
    unitFactory().community(COMMUNITY).build(),
    unitFactory().community(OTHER_COMMUNITY).build(),
    unitFactory().grid(GRID).at(118.5, 37.4).build(),
    unitFactory().grid(OTHER_GRID).at(118.52, 37.4).build(),
    ...(withGrid2 ? [unitFactory().grid(GRID_2).at(118.54, 37.4).build()] : []),
  ];
}

/**
 * Grid-owned case categories (accepted within a working day, handled within five) for the walks whose party work
 * becomes a grid case in incidents: garbage (ENV.GARBAGE), and neighbour disputes (DISPUTE.NEIGHBOUR) with `disputes`.
 */
export function partyCaseCategories({ disputes = false } = {}): CreateCategoryRequest[] {
  const limits = { acceptLimit: { amount: 1, unit: 'working_days' }, handleLimit: { amount: 5, unit: 'working_days' } } as const;
  return [
    { code: 'ENV', name: '环境卫生' },
    { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
    ...(disputes
      ? [
          { code: 'DISPUTE', name: '矛盾纠纷' },
          { code: 'DISPUTE.NEIGHBOUR', name: '邻里纠纷', parentCode: 'DISPUTE', owner: { level: 'grid' as const }, ...limits },
        ]
      : []),
  ];
}

/** The people the party walks sign as, by the name a walk calls them. */
export const PARTY_PEOPLE = {
  admin: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
  secretary: { sub: 'sec-1', roles: ['party_secretary'], units: [COMMUNITY] },
  otherSecretary: { sub: 'sec-2', roles: ['party_secretary'], units: [OTHER_COMMUNITY] },
  instructor: { sub: 'ins-1', roles: ['grid_instructor'], units: [COMMUNITY] },
  analyst: { sub: 'an-1', roles: ['analyst'], units: [STREET] },
  member: { sub: 'member-1', roles: ['party_member'], units: [] },
} satisfies Record<string, Claims>;

export interface PartyStreetOptions {
  /** The services behind the gateway (registry and party-building unless told). */
  services?: StreetFixtureOptions['services'];
  /** The gateway's settings over the test defaults. */
  gateway?: Record<string, string>;
  /** What the registry is seeded with: the party street's units (with GRID_2 if asked) unless it names its own units. */
  seed?: StreetSeed;
  withGrid2?: boolean;
  /** People signed besides PARTY_PEOPLE, or instead of one of them under its name. */
  people?: Record<string, Claims>;
}

/** A walk's platform with a gateway, the registry seeded (the party street unless told) and PARTY_PEOPLE (and `people`) signed. */
export async function startPartyStreet({ services = ['registry', 'party-building'], gateway = {}, seed = {}, withGrid2 = false, people = {} }: PartyStreetOptions = {}): Promise<StreetFixture> {
  const walk = await StreetFixture.start({ services, gateway });
  try {
    await walk.seed({ units: partyStreetUnits({ withGrid2 }), ...seed });
    await walk.sign({ ...PARTY_PEOPLE, ...people });
    return walk;
  } catch (error) {
    await walk.close();
    throw error;
  }
}

/**
 * Founds through the gateway, as `admin`, the street's working committee, the first community's committee and a
 * branch on GRID, each once party building's copy of the map has its unit; answers their ids.
 */
export async function foundPartyTree(walk: StreetFixture): Promise<{ top: string; committee: string; branch: string }> {
  const top = await foundOrganisation(walk, { name: '街道党工委', level: 'working_committee', unitCode: STREET });
  const committee = await foundOrganisation(walk, { name: '一社区党委', level: 'party_committee', parentId: top, unitCode: COMMUNITY });
  const branch = await foundOrganisation(walk, { name: '一网格支部', level: 'branch', parentId: committee, unitCode: GRID });
  return { top, committee, branch };
}

/** Founds an organisation through the gateway as `who`, once party building's copy of the map has its unit; answers its id. */
export async function foundOrganisation(walk: StreetFixture, body: object, who = 'admin'): Promise<string> {
  return (await walk.untilCreated(() => walk.call(who, 'POST', '/api/v1/party/organisations', body))).json().id;
}

/**
 * Founds organisations in this order through the gateway as `admin`, each named by its key, beneath the organisation
 * whose key `parent` names; answers their ids by key.
 */
export async function foundOrganisations(walk: StreetFixture, tree: readonly (readonly [key: string, level: string, unitCode: string, parent?: string])[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [key, level, unitCode, parent] of tree) {
    ids[key] = await foundOrganisation(walk, { name: key, level, unitCode, ...(parent ? { parentId: ids[parent] } : {}) });
  }
  return ids;
}

/** Founds, as `admin`, the other community's committee under the working committee `top` and a branch on OTHER_GRID; answers their ids. */
export async function foundOtherCommunity(walk: StreetFixture, top: string): Promise<{ otherCommittee: string; otherBranch: string }> {
  const otherCommittee = await foundOrganisation(walk, { name: '二社区党委', level: 'party_committee', parentId: top, unitCode: OTHER_COMMUNITY });
  const otherBranch = await foundOrganisation(walk, { name: '二社区一网格支部', level: 'branch', parentId: otherCommittee, unitCode: OTHER_GRID });
  return { otherCommittee, otherBranch };
}

/** Registers a party member through the gateway as `admin` (201 expected); answers their id. */
export async function registerPartyMember(walk: StreetFixture, body: object): Promise<string> {
  const res = await walk.call('admin', 'POST', '/api/v1/party/members', body);
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

/** A valid resident ID number, distinct per `seq` (0–99). */
export function residentIdNumber(seq: number): string {
  const first17 = `370502198503170${String(seq).padStart(2, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}
