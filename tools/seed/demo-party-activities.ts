/**
 * The demo street's party activities: 20 held over the last 90 days — theme party days (主题党日), volunteer
 * service, study, organisational life of the community committees and branches — recorded after the fact with the
 * attendance of their sign-in sheets (`activity.record_held`: the activity cannot be scheduled in the past, and the
 * code check-in is for the live activity), each credited its hours on its day and reported; and two coming ones,
 * with the demo party member signed up, for the check-in walk.
 *
 * Idempotent: an activity the service lists with its organisation and title is not recorded again; a report already
 * submitted is left.
 */
import { SYSTEM_CALLER } from '@gridline/auth';
import type { BusClient } from '@gridline/messaging';
import { ActivitiesClient, StationsClient, type ActivityKind, type ActivityView, type OrganisationView } from '@gridline/contracts-party-building';
import { DEMO_STREET_CODE } from './demo-street';
import { DEMO_MEMBER_ACCOUNTS } from './demo-party-members';
import { DEMO_STATIONS } from './demo-party-stations';
import type { DemoCount, DemoParty, SeededMember } from './demo-party-work';

const DAY = 86_400_000;
export const DEMO_HELD_ACTIVITIES = 20;

const HELD: [ActivityKind, string, number][] = [
  ['theme_party_day', '主题党日：重温入党誓词', 2],
  ['volunteer_service', '志愿服务：小区环境大扫除', 3],
  ['study', '专题学习：基层治理政策解读', 1.5],
  ['organisational_life', '组织生活会：批评与自我批评', 2],
  ['theme_party_day', '主题党日：走访慰问困难党员', 2.5],
  ['volunteer_service', '志愿服务：反诈宣传进小区', 2],
  ['study', '专题学习：《信访工作条例》', 1.5],
  ['theme_party_day', '主题党日：红色教育基地参观', 4],
  ['volunteer_service', '志愿服务：为老人义诊理发', 3],
  ['organisational_life', '组织生活会：党员民主评议', 2],
  ['study', '专题学习：安全生产和消防知识', 1],
  ['volunteer_service', '志愿服务：文明交通劝导', 2],
  ['theme_party_day', '主题党日：网格党员认岗履责', 2],
  ['volunteer_service', '志愿服务：垃圾分类督导', 2.5],
  ['study', '专题学习：党章党规', 1.5],
  ['theme_party_day', '主题党日：邻里议事会', 2],
  ['volunteer_service', '志愿服务：商圈消防通道清理', 3],
  ['organisational_life', '组织生活会：发展党员公示', 1.5],
  ['volunteer_service', '志愿服务：关爱留守儿童', 3],
  ['theme_party_day', '主题党日：学习身边榜样', 2],
];

/** The organisation of each held activity: the community committees in turn with a branch of theirs between. */
function holders(party: DemoParty): OrganisationView[] {
  const committees = party.organisations.filter((o) => o.level === 'party_committee');
  const branches = party.organisations.filter((o) => o.level === 'branch' || o.level === 'joint_branch');
  return HELD.map((_, i) => {
    const committee = committees[i % committees.length];
    if (i % 2 === 0) return committee;
    const own = branches.filter((b) => b.parentId === committee.id);
    return own[Math.floor(i / 2) % own.length];
  });
}

/** Who signed the sheet: most members of the organisation and those beneath it (its community's, for a committee). */
function attendeesOf(party: DemoParty, organisation: OrganisationView, i: number): SeededMember[] {
  const within = party.members.filter((m) => (organisation.level === 'party_committee' ? m.plan.unitCode.startsWith(organisation.unitCode) : m.view.organisationId === organisation.id));
  return within.filter((_, k) => (k + i) % 5 !== 0).slice(0, 30);
}

/** 09:00 or 14:30 China time, `ageDays` ago. */
function startOf(now: number, ageDays: number, afternoon: boolean): Date {
  const day = new Date(now - ageDays * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
  return new Date(`${day}T${afternoon ? '14:30' : '09:00'}:00+08:00`);
}

export async function seedDemoActivities(bus: BusClient, party: DemoParty): Promise<DemoCount> {
  const activities = new ActivitiesClient(bus);
  const result: DemoCount = { created: 0, existing: 0 };
  const held = new Map<string, ActivityView>();
  for (let page = 1; ; page++) {
    const { items, total } = await activities.list(SYSTEM_CALLER, { unit: DEMO_STREET_CODE, page, pageSize: 200 });
    for (const a of items) held.set(`${a.organisationId}|${a.title}`, a);
    if (page * 200 >= total) break;
  }
  // Activities are held at the demo's red stations that offer them, elsewhere at the party service centre.
  const stationGrids = new Set(DEMO_STATIONS.filter((s) => s.functions.includes('activities')).map((s) => s.gridCode));
  const stations = new Map(
    (await new StationsClient(bus).list(SYSTEM_CALLER, { unit: DEMO_STREET_CODE, pageSize: 200 })).items.filter((s) => s.active && s.functions.includes('activities')).map((s) => [s.gridCode, s.id]),
  );
  const now = Date.now();
  const place = (organisation: OrganisationView, i: number) => {
    const station = stationGrids.has(organisation.unitCode) ? stations.get(organisation.unitCode) : undefined;
    return station ? { stationId: station } : { address: `${organisation.unitName ?? '东城街道'}党群服务中心${1 + (i % 3)}楼会议室` };
  };

  for (const [i, organisation] of holders(party).entries()) {
    const [kind, title, hours] = HELD[i];
    let activity = held.get(`${organisation.id}|${title}`);
    if (activity) result.existing += 1;
    else {
      const startsAt = startOf(now, 3 + Math.floor((i * 86) / HELD.length), i % 3 === 1);
      const attendees = attendeesOf(party, organisation, i);
      activity = (
        await activities.recordHeld(SYSTEM_CALLER, {
          organisationId: organisation.id,
          kind,
          title,
          description: `${organisation.name}组织开展${title.split('：')[1] ?? title}`,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + Math.max(1, hours) * 3_600_000).toISOString(),
          ...place(organisation, i),
          capacity: 40,
          audience: 'organisation',
          hours,
          attendeeIds: attendees.map((m) => m.view.id),
        })
      ).activity;
      result.created += 1;
    }
    if (!activity.reported) {
      await activities.submitReport(SYSTEM_CALLER, activity.id, `${title.split('：')[1] ?? title}活动顺利完成，党员按签到表参加并记服务时长。`);
      result.created += 1;
    } else result.existing += 1;
  }

  // Two coming activities of the first grid's branch, the demo party member signed up (their token checks in).
  const branch = party.organisationOf(`${DEMO_STREET_CODE}001001`, 'branch')!;
  const member = party.members.find((m) => m.view.account === DEMO_MEMBER_ACCOUNTS.member)!;
  for (const [k, title] of ['主题党日：网格党员亮身份', '志愿服务：冬季送温暖'].entries()) {
    let activity = held.get(`${branch.id}|${title}`);
    if (activity) result.existing += 1;
    else {
      const startsAt = startOf(now, -(3 + k * 7), k === 1);
      activity = await activities.create(SYSTEM_CALLER, {
        organisationId: branch.id,
        kind: k === 0 ? 'theme_party_day' : 'volunteer_service',
        title,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
        ...place(branch, k),
        capacity: 30,
        audience: 'scope',
        hours: 2,
      });
      await activities.signUp(SYSTEM_CALLER, activity.id, member.view.id);
      result.created += 1;
    }
  }
  return result;
}
