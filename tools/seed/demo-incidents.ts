/**
 * Demo cases: five in every grid of the demo street, spread over the states of the process, found over the last nine
 * days — so that many are overdue and supervised, as on a real street.
 */
import type { IncidentAction, ReportIncidentRequest } from '@gridline/contracts-incidents';

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

export interface DemoCase {
  key: string;
  report: ReportIncidentRequest;
  actions: IncidentAction[];
}

/** `grids`: code and centre of each grid. */
export function demoCases(grids: { code: string; lat: number; lng: number }[]): DemoCase[] {
  const cases: DemoCase[] = [];
  grids.forEach((grid, g) => {
    for (let k = 0; k < 5; k++) {
      const n = g * 5 + k;
      const [categoryCode, title, description] = MATTERS[n % MATTERS.length];
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
          // Found up to nine days ago: the cases still waiting for a step are overdue, and come under supervision.
          reportedAt: new Date(Date.now() - (n % 10) * 86_400_000).toISOString(),
        },
        actions: PLANS[n % PLANS.length],
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
