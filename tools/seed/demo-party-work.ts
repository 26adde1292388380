/**
 * The people of the demo street's party organisations and their work, through the party-building service's own
 * commands as the system caller (the seed may act only as itself):
 * - members (demo-party-members.ts), created unless the service lists them (their masked phone and ID number tell);
 * - officers: a secretary for every organisation but two branches (DEMO_BRANCHES_WITHOUT_SECRETARY, for the coverage
 *   to find), the community committees' secretaries directing their grid centre (书记抓、抓书记), deputies and
 *   committee members; appointed where the coverage or the organisation's officers show them missing;
 * - 60 dual registrations (双报到) of in-service members with their home community: 50 approved (the registry then
 *   lists them as in_service_party_member of the grid: the seed waits for each hand-off), 8 submitted, 2 rejected;
 * - grid tasks in the ledger, approved by the branch (a few left pending, one rejected);
 * - activities with their attendance (demo-party-activities.ts), six red stations with service records, and the
 *   淮河路 exclusive grid's work committee (demo-party-committee.ts).
 */
import { SYSTEM_CALLER } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import type { BusClient } from '@gridline/messaging';
import {
  CoverageClient,
  LedgerClient,
  MembersClient,
  OrganisationsClient,
  PartyErrorCode,
  REGISTRATION_POSTS,
  RegistrationsClient,
  type GridTask,
  type MemberView,
  type OfficerRole,
  type OrganisationView,
  type RegistrationView,
} from '@gridline/contracts-party-building';
import { DEMO_STREET_CODE } from './demo-street';
import { demoMembers, plannedMemberKey, demoMemberKey, type DemoMember } from './demo-party-members';
import { seedDemoActivities } from './demo-party-activities';
import { seedDemoStations } from './demo-party-stations';
import { seedDemoCommittee } from './demo-party-committee';

/** Branches left without a secretary (the coverage's two secretary gaps). */
export const DEMO_BRANCHES_WITHOUT_SECRETARY = ['370502003002004', '370502003005003'];
export const DEMO_REGISTRATIONS = { approved: 50, submitted: 8, rejected: 2 } as const;
const DAY = 86_400_000;

export interface DemoCount {
  created: number;
  existing: number;
}

/** A seeded member with its view and plan. */
export interface SeededMember {
  plan: DemoMember;
  view: MemberView;
}

/** The demo's organisations and members, for the later steps. */
export interface DemoParty {
  organisations: OrganisationView[];
  organisationOf: (unitCode: string, level: string) => OrganisationView | undefined;
  members: SeededMember[];
  membersOf: (organisationId: string) => SeededMember[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

async function allPages<T>(list: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await list(page);
    all.push(...answer.items);
    if (all.length >= answer.total || answer.items.length === 0) return all;
  }
}

export async function seedDemoPartyWork(bus: BusClient, organisations: OrganisationView[]): Promise<DemoCount> {
  const result: DemoCount = { created: 0, existing: 0 };
  const add = (count: DemoCount) => {
    result.created += count.created;
    result.existing += count.existing;
  };
  const party = await seedMembers(bus, organisations, result);
  add(await seedOfficers(bus, party));
  add(await seedRegistrations(bus, party));
  add(await seedGridTasks(bus, party));
  add(await seedDemoStations(bus, party));
  add(await seedDemoActivities(bus, party));
  add(await seedDemoCommittee(bus, party));
  return result;
}

async function seedMembers(bus: BusClient, organisations: OrganisationView[], result: DemoCount): Promise<DemoParty> {
  const members = new MembersClient(bus);
  const byUnit = new Map(organisations.map((o) => [`${o.unitCode}|${o.level}`, o]));
  const communities = organisations.filter((o) => o.level === 'party_committee').map((o) => o.unitCode);
  const branches = organisations.filter((o): o is OrganisationView & { level: 'branch' | 'joint_branch' } => o.level === 'branch' || o.level === 'joint_branch');
  const plans = demoMembers({
    communities: communities.map((code) => ({ code, firstGrid: branches.find((b) => b.unitCode.startsWith(code) && b.level === 'branch')?.unitCode ?? `${code}001` })),
    branches: branches.map((b) => ({ gridCode: b.unitCode, level: b.level })),
  });
  const held = new Map((await allPages((page) => members.list(SYSTEM_CALLER, { page, pageSize: 200 }))).map((m) => [demoMemberKey(m), m]));
  const seeded: SeededMember[] = [];
  for (const plan of plans) {
    const organisation = byUnit.get(`${plan.unitCode}|${plan.level}`)!;
    let view = held.get(plannedMemberKey(plan));
    if (view) result.existing += 1;
    else {
      view = await members.create(SYSTEM_CALLER, { ...plan.member, organisationId: organisation.id });
      result.created += 1;
    }
    seeded.push({ plan, view });
  }
  return {
    organisations,
    organisationOf: (unitCode, level) => byUnit.get(`${unitCode}|${level}`),
    members: seeded,
    membersOf: (organisationId) => seeded.filter((m) => m.view.organisationId === organisationId),
  };
}

/** Who holds which office: the first full members of the organisation (probationary members hold none). */
function officersOf(party: DemoParty, organisation: OrganisationView): { member: SeededMember; role: OfficerRole; directsGridCentre?: boolean }[] {
  const full = party.membersOf(organisation.id).filter((m) => m.view.status === 'full');
  const roles: OfficerRole[] =
    organisation.level === 'working_committee' ? ['secretary', 'deputy_secretary', 'committee_member', 'committee_member'] :
    organisation.level === 'party_committee' ? ['secretary', 'deputy_secretary', 'committee_member'] :
    Number(organisation.unitCode.slice(-1)) % 3 === 1 ? ['secretary', 'deputy_secretary', 'committee_member'] : ['secretary', 'committee_member'];
  return roles.flatMap((role, i) => (full[i] ? [{ member: full[i], role, ...(role === 'secretary' && organisation.level === 'party_committee' ? { directsGridCentre: true } : {}) }] : []));
}

/**
 * Officers where they are missing: the coverage names the branches without a secretary and the communities whose
 * grid centre nobody directs; the street's committee is asked for its officers. An office already held (409) counts
 * as there.
 */
async function seedOfficers(bus: BusClient, party: DemoParty): Promise<DemoCount> {
  const organisations = new OrganisationsClient(bus);
  const result: DemoCount = { created: 0, existing: 0 };
  const coverage = await new CoverageClient(bus).get(SYSTEM_CALLER, { unit: DEMO_STREET_CODE });
  const withoutSecretary = new Set(coverage.branchesWithoutSecretary.map((b) => b.organisationId));
  const undirected = new Set(coverage.communities.filter((c) => c.gridCentreDirector === null && c.committeeId).map((c) => c.committeeId!));
  const street = party.organisations.find((o) => o.level === 'working_committee')!;
  const streetOfficers = await organisations.listOfficers(SYSTEM_CALLER, street.id);
  for (const organisation of party.organisations) {
    const planned = officersOf(party, organisation);
    const missing =
      organisation.level === 'working_committee' ? streetOfficers.length === 0 :
      organisation.level === 'party_committee' ? undirected.has(organisation.id) :
      withoutSecretary.has(organisation.id) && !DEMO_BRANCHES_WITHOUT_SECRETARY.includes(organisation.unitCode);
    if (!missing) {
      result.existing += DEMO_BRANCHES_WITHOUT_SECRETARY.includes(organisation.unitCode) ? 0 : planned.length;
      continue;
    }
    for (const { member, role, directsGridCentre } of planned) {
      // Terms began with the last election (or when the member joined, if later).
      const startsOn = member.view.joinedOn > '2023-07-01' ? member.view.joinedOn : '2023-07-01';
      try {
        await organisations.appointOfficer(SYSTEM_CALLER, organisation.id, { memberId: member.view.id, role, startsOn, ...(directsGridCentre ? { directsGridCentre } : {}) });
        result.created += 1;
      } catch (error) {
        if (!(error instanceof AppError && error.code === PartyErrorCode.Conflict)) throw error;
        result.existing += 1;
      }
    }
  }
  return result;
}

const WORK_UNITS: [string, string][] = [
  ['东营市人民医院', '中共东营市人民医院委员会'],
  ['国家税务总局东营市东营区税务局', '中共国家税务总局东营市东营区税务局委员会'],
  ['东营市教育局', '中共东营市教育局机关委员会'],
  ['胜利油田分公司', '中共胜利油田分公司委员会'],
  ['东营市自然资源和规划局', '中共东营市自然资源和规划局机关委员会'],
  ['东营市中级人民法院', '中共东营市中级人民法院机关委员会'],
  ['中国银行东营分行', '中共中国银行东营分行委员会'],
  ['东营市市场监督管理局', '中共东营市市场监督管理局机关委员会'],
  ['东营职业学院', '中共东营职业学院委员会'],
  ['东营市公安局东营分局', '中共东营市公安局东营分局委员会'],
];
const POST_NOTES: Record<string, string> = { building_chief: '楼栋长', volunteer: '周末志愿服务', mediator: '邻里矛盾调解', policy_promoter: '政策宣讲', patrol: '夜间平安巡逻', other: '助老服务' };

/** The in-service members: the last member of every branch, then the fifth of the first branches, 60 in all. */
function registrants(party: DemoParty): SeededMember[] {
  const branchMembers = party.members.filter((m) => m.plan.level === 'branch' || m.plan.level === 'joint_branch');
  const last = branchMembers.filter((m) => m.plan.index === 5);
  const fifth = branchMembers.filter((m) => m.plan.index === 4);
  const total = DEMO_REGISTRATIONS.approved + DEMO_REGISTRATIONS.submitted + DEMO_REGISTRATIONS.rejected;
  return [...last, ...fifth].slice(0, total);
}

/**
 * The registrations the service does not list yet are submitted; each is then taken as far as its plan goes (a
 * registration already decided is left). The seed waits until the registry has taken every approved one.
 */
async function seedRegistrations(bus: BusClient, party: DemoParty): Promise<DemoCount> {
  const registrations = new RegistrationsClient(bus);
  const result: DemoCount = { created: 0, existing: 0 };
  const held = new Map<string, RegistrationView>();
  for (const r of await allPages((page) => registrations.list(SYSTEM_CALLER, { page, pageSize: 200 }))) held.set(r.memberId, r);
  const now = Date.now();
  for (const [i, member] of registrants(party).entries()) {
    const gridCode = member.plan.unitCode;
    const plan = i < DEMO_REGISTRATIONS.approved ? 'approved' : i < DEMO_REGISTRATIONS.approved + DEMO_REGISTRATIONS.submitted ? 'submitted' : 'rejected';
    let registration = held.get(member.view.id);
    if (registration) result.existing += 1;
    else {
      const [workUnit, workUnitPartyOrganisation] = WORK_UNITS[i % WORK_UNITS.length];
      const post = REGISTRATION_POSTS[i % REGISTRATION_POSTS.length];
      registration = await registrations.submit(SYSTEM_CALLER, {
        memberId: member.view.id,
        workUnit,
        workUnitPartyOrganisation,
        communityCode: gridCode.slice(0, 12),
        gridCode,
        post,
        postNote: POST_NOTES[post],
        startsOn: iso(new Date(now - (10 + ((i * 7) % 80)) * DAY)),
      });
      result.created += 1;
    }
    if (registration.state !== 'submitted' || plan === 'submitted') continue;
    if (plan === 'approved') await registrations.approve(SYSTEM_CALLER, registration.id);
    else await registrations.reject(SYSTEM_CALLER, registration.id, { reason: '报到社区与居住地不符，请向居住地社区报到' });
  }
  await handedOff(registrations);
  return result;
}

/** Waits until the registry has answered every approved registration's hand-off (its events arrive asynchronously). */
async function handedOff(registrations: RegistrationsClient): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const approved = await allPages((page) => registrations.list(SYSTEM_CALLER, { state: 'approved', page, pageSize: 200 }));
    const failed = approved.find((r) => r.handoff.status === 'failed');
    if (failed) throw new Error(`demo registration ${failed.id}: the registry refused it: ${failed.handoff.reason}`);
    const pending = approved.filter((r) => r.handoff.status !== 'done');
    if (pending.length === 0) return;
    if (Date.now() > deadline) throw new Error(`demo registrations: ${pending.length} still waiting for the registry`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const TASKS: [GridTask, string, number][] = [
  ['visit', '走访独居老人，了解生活需求', 2],
  ['case_help', '协助网格员处置楼道堆物问题', 1.5],
  ['building_chief_duty', '楼栋长值守，收集居民意见', 3],
  ['mediation', '参与邻里漏水纠纷调解', 2],
  ['publicity', '宣传垃圾分类和反诈知识', 1],
  ['volunteer_service', '小区环境清洁志愿服务', 2.5],
];

/**
 * Grid tasks (a visit, help on a case, …) of the second member of each branch, recorded on a past day and approved by
 * the branch — the last ones left pending, one rejected. A member with a grid task on its day is passed over.
 */
async function seedGridTasks(bus: BusClient, party: DemoParty): Promise<DemoCount> {
  const ledger = new LedgerClient(bus);
  const result: DemoCount = { created: 0, existing: 0 };
  const held = new Set(
    (await allPages((page) => ledger.records(SYSTEM_CALLER, { unit: DEMO_STREET_CODE, page, pageSize: 200 })))
      .filter((r) => r.kind === 'grid_task')
      .map((r) => `${r.memberId}|${r.task}`),
  );
  const workers = party.members.filter((m) => (m.plan.level === 'branch' || m.plan.level === 'joint_branch') && m.plan.index === 1).slice(0, 30);
  const now = Date.now();
  for (const [i, member] of workers.entries()) {
    const [task, note, hours] = TASKS[i % TASKS.length];
    if (held.has(`${member.view.id}|${task}`)) {
      result.existing += 1;
      continue;
    }
    const record = await ledger.submit(SYSTEM_CALLER, member.view.id, { task, note, hours, day: iso(new Date(now - (3 + ((i * 11) % 60)) * DAY)) });
    result.created += 1;
    if (i >= workers.length - 3) continue; // waiting for the branch's decision
    await ledger.decide(SYSTEM_CALLER, record.id, i === 7 ? { decision: 'rejected', reason: '服务记录与走访台账不符，请补充说明' } : { decision: 'approved' });
  }
  return result;
}
