/**
 * The demo street's party members, planned from the organisations' units: six in every branch and joint branch, four
 * in every community committee, six in the street's working committee (about 300). Everything is derived from the
 * member's number, so every run plans the same members: realistic names, valid fictitious ID numbers (region 370502,
 * GB 11643 check character) and mobiles, birth and joined days that fit together, a few on probation.
 */
import { residentIdCheckCharacter } from '@gridline/contracts-registry';
import { maskIdNumber, maskPhone } from '@gridline/persistence';
import type { CreateMemberRequest, OrganisationLevel } from '@gridline/contracts-party-building';
import { DEMO_STREET_CODE } from './demo-street';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
const GIVEN = ['建国', '秀兰', '志强', '海燕', '国华', '丽娟', '文博', '晓梅', '德胜', '春梅', '立新', '玉珍', '振华', '桂英', '明辉', '淑芬', '红军', '雪梅', '永刚', '静怡', '子涵', '浩然', '思雨', '俊杰', '欣怡', '宇航', '佳琪', '鹏飞', '婷婷', '伟东', '凤英', '金龙', '卫东', '美玲', '长青', '爱华', '晨曦', '一鸣', '若曦', '广福'];

/** Logins of the demo users who are party members (tools/seed/demo-users.ts): their tokens reach their own record. */
export const DEMO_MEMBER_ACCOUNTS = { member: 'demo-party-member', secretary: 'demo-party-secretary', gridStaff: 'demo-grid-staff' } as const;

/** A planned member: its number (the key of everything generated) and where it belongs. */
export interface DemoMember {
  n: number;
  /** The organisation, by its unit and level. */
  unitCode: string;
  level: OrganisationLevel;
  /** Its place in the organisation (0 is the secretary where there is one). */
  index: number;
  member: Omit<CreateMemberRequest, 'organisationId'>;
}

export function demoMemberName(n: number): string {
  return SURNAMES[(n * 7) % SURNAMES.length] + GIVEN[(n * 13 + Math.floor(n / SURNAMES.length)) % GIVEN.length];
}

/** The member's mobile: 137 5462 0000 + n — its last four digits (all a masked phone shows) tell members apart. */
export function demoMemberPhone(n: number): string {
  return `137${String(54620000 + n).padStart(8, '0')}`;
}

function birthOf(n: number): { year: number; month: number; day: number } {
  return { year: 1950 + ((n * 17) % 50), month: 1 + ((n * 5) % 12), day: 1 + ((n * 11) % 28) };
}

/** A valid, fictitious ID number: the birth day and a sequence of n (unique below 1000), its check character. */
export function demoMemberIdNumber(n: number): string {
  const { year, month, day } = birthOf(n);
  const first17 = `370502${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Joined at 22 to 40, not after last year; a probationary member (every 12th) joined within the last eleven months. */
function joinedOn(n: number, now: Date): string {
  if (n % 12 === 5) return iso(new Date(now.getTime() - (30 + ((n * 13) % 300)) * 86_400_000));
  const { year } = birthOf(n);
  const joined = Math.min(year + 22 + ((n * 3) % 19), now.getUTCFullYear() - 1);
  return `${joined}-${String(1 + ((n * 7) % 12)).padStart(2, '0')}-01`;
}

/** The organisations' units as the demo builds them: the street, its communities and their grids (with their first grid). */
export interface DemoPartyUnits {
  communities: { code: string; firstGrid: string }[];
  /** Grids and exclusive grids with a branch or joint branch. */
  branches: { gridCode: string; level: 'branch' | 'joint_branch' }[];
}

export function demoMembers(units: DemoPartyUnits, now: Date = new Date()): DemoMember[] {
  const planned: DemoMember[] = [];
  const plan = (unitCode: string, level: OrganisationLevel, count: number, homeGrid: (index: number) => string) => {
    for (let index = 0; index < count; index++) {
      const n = planned.length;
      const account = level === 'branch' && unitCode === `${DEMO_STREET_CODE}001001` ? ([DEMO_MEMBER_ACCOUNTS.gridStaff, DEMO_MEMBER_ACCOUNTS.member] as const)[index - 1] : undefined;
      const committeeAccount = level === 'party_committee' && unitCode === `${DEMO_STREET_CODE}001` && index === 0 ? DEMO_MEMBER_ACCOUNTS.secretary : undefined;
      const login = account ?? committeeAccount;
      planned.push({
        n,
        unitCode,
        level,
        index,
        member: {
          name: demoMemberName(n),
          idNumber: demoMemberIdNumber(n),
          phone: demoMemberPhone(n),
          status: n % 12 === 5 ? 'probationary' : 'full',
          joinedOn: joinedOn(n, now),
          homeGridCode: homeGrid(index),
          ...(login ? { account: login } : {}),
        },
      });
    }
  };
  const firstGrids = units.communities.map((c) => c.firstGrid);
  plan(DEMO_STREET_CODE, 'working_committee', 6, (i) => firstGrids[i % firstGrids.length]);
  for (const community of units.communities) plan(community.code, 'party_committee', 4, () => community.firstGrid);
  for (const branch of units.branches) plan(branch.gridCode, branch.level, 6, () => branch.gridCode);
  return planned;
}

/** What a member's view still shows of its phone and ID number (masked): enough to know a seeded member again. */
export function demoMemberKey(view: { phone: string; idNumber: string }): string {
  return `${view.phone}|${view.idNumber}`;
}

/** The key of a planned member, as its view will show it. */
export function plannedMemberKey(planned: DemoMember): string {
  return demoMemberKey({ phone: maskPhone(planned.member.phone), idNumber: maskIdNumber(planned.member.idNumber) });
}
