/**
 * The demo street's party building (党建引领), through the party-building service's own commands as the system
 * caller: an organisation for every level and every grid — the street's working committee (党工委), a party committee
 * per community, a branch per grid and a joint branch per exclusive grid, two party groups under each branch of the
 * first community — with two grids left without a branch, for the coverage to find. Then the people and their work
 * (demo-party-work.ts): about 300 members, the officers (two branches left without a secretary), 60 dual
 * registrations, activities with attendance, grid tasks in the ledger, six red stations and the 淮河路 exclusive grid's
 * work committee with its first meeting.
 *
 * Idempotent: what the service already lists (by unit, level and name) is not created again.
 */
import { SYSTEM_CALLER } from '@gridline/auth';
import type { BusClient } from '@gridline/messaging';
import { OrganisationsClient, type CreateOrganisationRequest, type OrganisationView } from '@gridline/contracts-party-building';
import { DEMO_STREET_CODE, demoStreetUnits } from './demo-street';
import { seedDemoPartyWork } from './demo-party-work';

/** Ordinary grids left without a branch (the coverage's two gaps). */
export const DEMO_GRIDS_WITHOUT_BRANCH = ['370502003003005', '370502003006002'];

export interface DemoPartyResult {
  created: number;
  existing: number;
}

const key = (o: { unitCode: string; level: string; name: string }) => `${o.unitCode}|${o.level}|${o.name}`;

async function allOrganisations(organisations: OrganisationsClient): Promise<OrganisationView[]> {
  const all: OrganisationView[] = [];
  for (let page = 1; ; page++) {
    const answer = await organisations.list(SYSTEM_CALLER, { page, pageSize: 200 });
    all.push(...answer.items);
    if (all.length >= answer.total || answer.items.length === 0) return all;
  }
}

export async function seedDemoParty(bus: BusClient): Promise<DemoPartyResult> {
  const organisations = new OrganisationsClient(bus);
  const result: DemoPartyResult = { created: 0, existing: 0 };
  const held = new Map((await allOrganisations(organisations)).map((o) => [key(o), o]));
  const found = async (organisation: CreateOrganisationRequest): Promise<OrganisationView> => {
    const present = held.get(key(organisation));
    if (present) {
      result.existing += 1;
      return present;
    }
    const created = await organisations.create(SYSTEM_CALLER, organisation);
    held.set(key(created), created);
    result.created += 1;
    return created;
  };

  const units = demoStreetUnits();
  const seeded: OrganisationView[] = [];
  const street = await found({ name: '中共东城街道工作委员会', level: 'working_committee', unitCode: DEMO_STREET_CODE });
  seeded.push(street);
  for (const community of units.filter((u) => u.level === 'community')) {
    const committee = await found({ name: `中共${community.name}委员会`, level: 'party_committee', parentId: street.id, unitCode: community.code });
    seeded.push(committee);
    for (const grid of units.filter((u) => u.parentCode === community.code)) {
      if (DEMO_GRIDS_WITHOUT_BRANCH.includes(grid.code)) continue;
      const joint = grid.level === 'exclusive_grid';
      const branch = await found({ name: joint ? `${grid.name}联合党支部` : `${grid.name}党支部`, level: joint ? 'joint_branch' : 'branch', parentId: committee.id, unitCode: grid.code });
      seeded.push(branch);
      if (community.code === `${DEMO_STREET_CODE}001` && !joint) {
        for (const n of ['第一', '第二']) await found({ name: `${grid.name}${n}党小组`, level: 'party_group', parentId: branch.id, unitCode: grid.code });
      }
    }
  }
  const work = await seedDemoPartyWork(bus, seeded);
  result.created += work.created;
  result.existing += work.existing;
  return result;
}
