/**
 * The 淮河路商圈 exclusive grid's work committee (专属网格工作委员会), convened by the grid's joint branch secretary:
 * its member units — the district's shops and companies as the registry knows them (华联商厦, 万达广场, …), the
 * property company and a school — and its first working committee meeting, with the agenda and the resolutions:
 * three tasks with owners and due days (the first done since), one a grid case of the exclusive grid.
 *
 * Idempotent: the committee is found by its grid, units by name, the meeting by title; a task already closed and a
 * resolution that became a case are left.
 */
import { SYSTEM_CALLER } from '@gridline/auth';
import type { BusClient } from '@gridline/messaging';
import { usccCheckCharacter } from '@gridline/contracts-registry';
import { CommitteesClient, type AddMemberUnitBody, type MemberUnitKind } from '@gridline/contracts-party-building';
import { demoBusinesses, demoCommercialGrids, demoName, demoPhone } from './demo-registers';
import { demoStreetUnits } from './demo-street';
import type { DemoCount, DemoParty } from './demo-party-work';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

export const DEMO_COMMITTEE_NAME = '淮河路商圈专属网格工作委员会';
export const DEMO_FIRST_MEETING = '淮河路商圈专属网格工作委员会第一次会议';

/** The exclusive grid of the commercial district. */
export function demoCommercialGridCode(): string {
  return demoStreetUnits().find((u) => u.level === 'exclusive_grid' && u.kind === 'commercial')!.code;
}

const uscc = (first17: string) => first17 + usccCheckCharacter(first17);

/** The member units: registered businesses of the grid (by name, with their credit codes), the property company, a school. */
function memberUnits(gridCode: string, foundedOn: string): AddMemberUnitBody[] {
  const enterpriseGrid = demoStreetUnits().find((u) => u.level === 'exclusive_grid' && u.kind === 'enterprise')!.code;
  const businesses = demoBusinesses(demoCommercialGrids(gridCode, enterpriseGrid));
  const registered = (name: string, kind: MemberUnitKind, contactPost: string, n: number): AddMemberUnitBody => {
    const business = businesses.find((b) => b.name === name)!;
    return { kind, name, uscc: business.creditCode, contactPost, contactName: demoName(600 + n), contactPhone: demoPhone(6000 + n), joinedOn: foundedOn };
  };
  return [
    registered('东营华联商厦有限公司', 'enterprise', '党支部书记、总经理', 1),
    registered('东营万达广场商业管理有限公司', 'enterprise', '总经理', 2),
    registered('东营东城农村商业银行淮河路支行', 'enterprise', '行长', 3),
    registered('东营市东城区仁和大药房', 'shop', '店长', 4),
    registered('东营市东城区黄河口海鲜酒楼', 'shop', '经理', 5),
    registered('东营市东城区一品火锅店', 'shop', '店长', 6),
    { kind: 'property_company', name: '东营淮河商业物业服务有限公司', uscc: uscc('91370502MA3E00017'), contactPost: '项目经理', contactName: demoName(607), contactPhone: demoPhone(6007), joinedOn: foundedOn },
    { kind: 'school', name: '东营市东城区淮河路小学', uscc: uscc('12370502MB2800018'), contactPost: '校长', contactName: demoName(608), contactPhone: demoPhone(6008), joinedOn: foundedOn },
  ];
}

export async function seedDemoCommittee(bus: BusClient, party: DemoParty): Promise<DemoCount> {
  const committees = new CommitteesClient(bus);
  const result: DemoCount = { created: 0, existing: 0 };
  const gridCode = demoCommercialGridCode();
  const jointBranch = party.organisationOf(gridCode, 'joint_branch')!;
  const heldAt = new Date(Date.now() - 40 * DAY);
  const foundedOn = iso(new Date(heldAt.getTime() - 10 * DAY));

  let committee = (await committees.list(SYSTEM_CALLER, { unit: gridCode, pageSize: 20 })).items.find((c) => c.gridCode === gridCode && c.active);
  if (committee) result.existing += 1;
  else {
    committee = await committees.create(SYSTEM_CALLER, { name: DEMO_COMMITTEE_NAME, gridCode, foundedOn });
    result.created += 1;
  }
  const detail = await committees.get(SYSTEM_CALLER, committee.id);
  const units = new Map(detail.memberUnits.map((u) => [u.name, u]));
  for (const unit of memberUnits(gridCode, detail.foundedOn)) {
    if (units.has(unit.name)) {
      result.existing += 1;
      continue;
    }
    units.set(unit.name, await committees.addMemberUnit(SYSTEM_CALLER, committee.id, unit));
    result.created += 1;
  }
  const unit = (name: string) => ({ kind: 'member_unit' as const, id: units.get(name)!.id });

  let meeting = (await committees.meetings(SYSTEM_CALLER, committee.id)).find((m) => m.title === DEMO_FIRST_MEETING);
  if (meeting) result.existing += 1;
  else {
    const heldDay = new Date(Math.max(heldAt.getTime(), new Date(`${detail.foundedOn}T12:00:00+08:00`).getTime()));
    const due = (days: number) => iso(new Date(heldDay.getTime() + days * DAY));
    meeting = await committees.recordMeeting(SYSTEM_CALLER, committee.id, {
      heldAt: `${iso(heldDay)}T19:30:00+08:00`,
      title: DEMO_FIRST_MEETING,
      place: '淮河路商圈红色驿站（万达广场一楼）',
      presentUnitIds: [...units.values()].map((u) => u.id),
      agenda: ['通报专属网格工作委员会组建情况和成员单位名单', '审议《淮河路商圈专属网格共建共治公约》', '商议商圈夜间停车秩序和消防通道整治', '确定成员单位年度共建项目'],
      minutes: '会议由联合党支部书记主持，8家成员单位参会。会议通过共建共治公约，明确停车秩序整治、商户志愿服务队和主题党日三项任务，商业街人行道破损问题提请网格立案处置。',
      resolutions: [
        { text: '商圈夜间停车秩序由物业公司牵头整治，一个月内完成停车线施划', task: { owner: unit('东营淮河商业物业服务有限公司'), dueOn: due(30) } },
        { text: '万达广场牵头组建商户党员志愿服务队', task: { owner: unit('东营万达广场商业管理有限公司'), dueOn: due(60) } },
        { text: '联合党支部每月组织一次商户党员主题党日', task: { owner: { kind: 'organisation', id: jointBranch.id }, dueOn: due(90) } },
        { text: '淮河路102号商业街人行道地砖破损翘起，提请网格立案处置' },
      ],
    });
    result.created += 1;
  }
  // The first task is done since; the fourth resolution is a grid case.
  const first = meeting.resolutions.find((r) => r.position === 1)!;
  const tasks = (await committees.tasks(SYSTEM_CALLER, committee.id, { pageSize: 50 })).items;
  const parking = tasks.find((t) => t.resolutionId === first.id);
  if (parking?.status === 'open') {
    await committees.updateTask(SYSTEM_CALLER, committee.id, parking.id, { status: 'done', note: '已施划停车位120个，设置夜间停车引导牌4块' });
    result.created += 1;
  } else result.existing += 1;
  const pavement = meeting.resolutions.find((r) => r.position === 4)!;
  if (pavement.caseId) result.existing += 1;
  else {
    await committees.openCase(SYSTEM_CALLER, committee.id, pavement.id, { categoryCode: 'FACILITY.ROAD' });
    result.created += 1;
  }
  return result;
}
