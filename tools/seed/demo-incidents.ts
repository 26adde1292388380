/**
 * Demo cases: five in every grid of the demo street, spread over the states of the process, found over the last nine
 * days — so that many are overdue and supervised, as on a real street. Each step is taken a little after the one
 * before (the seed gives it its time, `at`: svc:seed alone may), as the grid centre would have taken it then; a case
 * stays at the step its plan stops before, and that step is what runs late today.
 */
import type { IncidentAction, ReportIncidentRequest } from '@gridline/contracts-incidents';
import { random } from './demo-appeals';
import { between, later } from './demo-history';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const MATTERS: [string, string, string][] = [
  ['ENV.GARBAGE', '垃圾堆放', '小区门口堆放生活垃圾，影响通行'],
  ['FACILITY.STREETLIGHT', '路灯损坏', '路灯夜间不亮，存在安全隐患'],
  ['SAFETY.EBIKE_CHARGING', '电动车违规充电', '楼道内私拉电线为电动车充电'],
  ['DISPUTE.NEIGHBOUR', '邻里纠纷', '楼上漏水引发邻里矛盾'],
  ['MARKET.STREET_VENDOR', '占道经营', '早市摊位占用人行道'],
  ['FACILITY.MANHOLE', '井盖缺失', '人行道井盖缺失，需立即处置'],
  ['ENV.NOISE', '噪声扰民', '夜间施工噪声扰民'],
  ['SOCIAL.ELDERLY', '独居老人关爱', '独居老人近日未出门，需上门探望'],
];

/** The actions that bring a case from reported to the state its plan ends in. */
const PLANS: IncidentAction[][] = [
  [],
  ['accept'],
  ['accept', 'dispatch'],
  ['accept', 'dispatch', 'sign'],
  ['accept', 'dispatch', 'sign', 'handle'],
  ['accept', 'dispatch', 'sign', 'handle', 'verify'],
  ['accept', 'dispatch', 'sign', 'handle', 'verify', 'evaluate'],
  ['reject'],
];

/** How many hours after the step before each action is taken (low, high), at a steady grid centre's pace. */
const DELAY_HOURS: Partial<Record<IncidentAction, [number, number]>> = {
  accept: [0.3, 2],
  reject: [0.5, 3],
  dispatch: [0.2, 1.5],
  sign: [0.3, 3],
  handle: [3, 20],
  verify: [1, 8],
  evaluate: [2, 24],
};

export interface DemoCase {
  key: string;
  report: ReportIncidentRequest & { reportedAt: string };
  /** The plan's actions, each with its time; only those before `now` (what has happened by the time of seeding). */
  steps: { action: IncidentAction; at: Date }[];
}

/** `grids`: code and centre of each grid. */
export function demoCases(grids: { code: string; lat: number; lng: number }[], now: Date = new Date()): DemoCase[] {
  const cases: DemoCase[] = [];
  grids.forEach((grid, g) => {
    for (let k = 0; k < 5; k++) {
      const n = g * 5 + k;
      const [categoryCode, title, description] = MATTERS[n % MATTERS.length];
      const rnd = random(60_013 + n);
      // Found up to nine days ago (today's within the last three hours): the cases still waiting for a step are overdue, and come under supervision.
      const reportedAt = new Date(now.getTime() - (n % 10) * DAY - rnd() * 3 * HOUR);
      let t = reportedAt;
      const steps = PLANS[n % PLANS.length].map((action) => {
        const [low, high] = DELAY_HOURS[action] ?? [0.5, 2];
        t = later(rnd, t, between(rnd, low, high));
        return { action, at: t };
      });
      cases.push({
        key: `demo-case-${String(n).padStart(4, '0')}`,
        report: {
          categoryCode,
          title,
          description,
          location: { lat: grid.lat + (k - 2) * 0.0008, lng: grid.lng + (k - 2) * 0.0008, address: `${grid.code.slice(-6)}网格${k + 1}号点位` },
          gridCode: grid.code,
          urgency: categoryCode === 'FACILITY.MANHOLE' ? 'emergency' : n % 7 === 0 ? 'urgent' : 'normal',
          source: (['patrol', 'visit', 'resident', 'patrol', 'department'] as const)[k],
          reportedAt: reportedAt.toISOString(),
        },
        // What would happen after now has not happened yet: the case waits at that step.
        steps: steps.filter((s) => s.at.getTime() < now.getTime()),
      });
    }
  });
  return cases;
}

/** What an action of the demo needs in its body. */
export function demoActionBody(action: IncidentAction): Record<string, unknown> {
  switch (action) {
    case 'reject':
      return { reason: '经核实不属于网格事项' };
    case 'handle':
      return { result: '已到场处置完毕' };
    case 'verify':
      return { passed: true, comment: '现场核查已整改' };
    case 'evaluate':
      return { rating: 5, comment: '处理及时，群众满意' };
    default:
      return {};
  }
}
