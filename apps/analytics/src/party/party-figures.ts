import { chinaDay, chinaMidnight } from '@gridline/platform';
import { analyticsInvalid, type PartyFigures, type PartyFiguresQuery } from '@gridline/contracts-analytics';
import { MEMBER_STATUSES } from '@gridline/contracts-party-building';

const DAY_MS = 86_400_000;

/** The period of the party figures: China days, both inclusive; 30 days ending today unless asked, at most 366. */
export const PARTY_PERIOD_DAYS = { default: 30, max: 366 } as const;

export interface DayRange {
  from: string;
  to: string;
}

/** The day `days` after `day` (negative: before), YYYY-MM-DD; China days have no DST, so a day is 24 h. */
function dayAfter(day: string, days: number): string {
  return chinaDay(new Date(chinaMidnight(day).getTime() + days * DAY_MS));
}

/** The period asked for: `to` defaults to today in China, `from` to 29 days before `to`; refuses an empty or too long one. */
export function partyPeriod(query: Pick<PartyFiguresQuery, 'from' | 'to'>, today: string = chinaDay()): DayRange {
  const to = query.to ?? today;
  const from = query.from ?? dayAfter(to, 1 - PARTY_PERIOD_DAYS.default);
  if (from > to) throw analyticsInvalid('from', query.to ? 'must not be after to' : 'must not be after today (the default to)');
  if (dayAfter(from, PARTY_PERIOD_DAYS.max - 1) < to) throw analyticsInvalid(query.to ? 'to' : 'from', `the period must be at most ${PARTY_PERIOD_DAYS.max} days`);
  return { from, to };
}

/** A share to three places (0.667), null when there is nothing to share. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

/** The counts bound to one unit path (a grid's own, an organisation's members, …); a figure left out counts 0. */
export interface PathCounts {
  path: readonly string[];
  grids?: number;
  gridsWithBranch?: number;
  membersByStatus?: Readonly<Record<string, number>>;
  inServiceRegistrations?: number;
  activities?: number;
  attendance?: number;
  hours?: number;
}

/**
 * The figures of everything beneath any of `units` (a unit is beneath itself): each path's counts once, even when
 * its path passes through two of them.
 */
export function figuresBeneath(counts: readonly PathCounts[], units: readonly string[]): PartyFigures {
  const sum = { grids: 0, gridsWithBranch: 0, inServiceRegistrations: 0, activities: 0, attendance: 0, hours: 0 };
  const membersByStatus: Record<string, number> = Object.fromEntries(MEMBER_STATUSES.map((status) => [status, 0]));
  for (const c of counts) {
    if (!c.path.some((code) => units.includes(code))) continue;
    for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += c[key] ?? 0;
    for (const [status, n] of Object.entries(c.membersByStatus ?? {})) membersByStatus[status] = (membersByStatus[status] ?? 0) + n;
  }
  return {
    grids: sum.grids,
    gridsWithBranch: sum.gridsWithBranch,
    coverageShare: share(sum.gridsWithBranch, sum.grids),
    members: Object.values(membersByStatus).reduce((n, m) => n + m, 0),
    membersByStatus,
    inServiceRegistrations: sum.inServiceRegistrations,
    activities: sum.activities,
    attendance: sum.attendance,
    // Hours are kept in halves; the sum is rounded to one place so that float noise never shows.
    hours: Math.round(sum.hours * 10) / 10,
  };
}
