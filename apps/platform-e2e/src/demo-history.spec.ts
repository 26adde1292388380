import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { DEMO_HISTORY_CLUSTERS, DEMO_HISTORY_NEGLECTED, DEMO_HISTORY_WEEKS, demoHistory, demoStreetUnits } from '@gridline/tools-seed';
import type { UnitBoundary } from '@gridline/contracts-registry';

const DAY = 86_400_000;
const ANCHOR = new Date('2026-11-30T16:00:00Z'); // 1 December 2026, 00:00 in China

/** The most cases of one category in one grid within `days` (a sliding window over their report times), per grid and category. */
function densest(cases: ReturnType<typeof demoHistory>, days: number): Map<string, number> {
  const times = new Map<string, number[]>();
  for (const c of cases) {
    const key = `${c.report.gridCode} ${c.report.categoryCode}`;
    times.set(key, [...(times.get(key) ?? []), Date.parse(c.report.reportedAt)]);
  }
  const most = new Map<string, number>();
  for (const [key, ts] of times) {
    ts.sort((a, b) => a - b);
    most.set(key, Math.max(...ts.map((t, i) => ts.slice(i).filter((u) => u - t < days * DAY).length)));
  }
  return most;
}

/** The demo history's plan, where the right answer is known: the planted clusters stand out, the noise does not. */
describe('the demo history', () => {
  const plan = demoHistory(ANCHOR);

  it('plans the same cases for the same day', () => {
    expect(JSON.stringify(demoHistory(ANCHOR))).toBe(JSON.stringify(plan));
    expect(new Set(plan.map((c) => c.key)).size).toBe(plan.length);
  });

  it(`spreads a few hundred cases over the ${DEMO_HISTORY_WEEKS} weeks before today, each step after the one before and before today`, () => {
    expect(plan.length).toBeGreaterThanOrEqual(300);
    const first = ANCHOR.getTime() - DEMO_HISTORY_WEEKS * 7 * DAY;
    for (const c of plan) {
      const times = [Date.parse(c.report.reportedAt), ...c.steps.map((s) => s.at.getTime())];
      expect({ key: c.key, inOrder: times.every((t, i) => i === 0 || t > times[i - 1]), inside: times.every((t) => t >= first && t < ANCHOR.getTime()) }).toEqual({ key: c.key, inOrder: true, inside: true });
    }
    // Every week has cases; most are finished, some are still open, some were rejected, returned, reworked, extended.
    const weeks = new Set(plan.map((c) => Math.floor((ANCHOR.getTime() - Date.parse(c.report.reportedAt)) / (7 * DAY))));
    expect(weeks.size).toBe(DEMO_HISTORY_WEEKS);
    const took = (action: string, test: (body: Record<string, unknown>) => boolean = () => true) => plan.filter((c) => c.steps.some((s) => s.action === action && test(s.body as Record<string, unknown>))).length;
    expect(took('verify', (b) => b.passed === true)).toBeGreaterThan(plan.length / 2);
    expect(took('evaluate')).toBeGreaterThan(plan.length / 3);
    expect(took('reject')).toBeGreaterThanOrEqual(5);
    expect(took('return')).toBeGreaterThanOrEqual(5);
    expect(took('request_extension')).toBeGreaterThanOrEqual(5);
    expect(took('verify', (b) => b.passed === false)).toBeGreaterThanOrEqual(10);
    expect(plan.filter((c) => !c.steps.some((s) => ['verify', 'reject'].includes(s.action))).length).toBeGreaterThan(0);
  });

  it("puts each case inside its grid, in a street's mix of categories, across every community", () => {
    const boundaries = new Map(demoStreetUnits().map((u) => [u.code, u.boundary as UnitBoundary]));
    for (const c of plan) expect({ key: c.key, inside: booleanPointInPolygon([c.report.location!.lng, c.report.location!.lat], boundaries.get(c.report.gridCode!)!) }).toEqual({ key: c.key, inside: true });
    const categories = new Map<string, number>();
    for (const c of plan) categories.set(c.report.categoryCode, (categories.get(c.report.categoryCode) ?? 0) + 1);
    expect(categories.size).toBeGreaterThanOrEqual(25);
    expect(Math.max(...categories.values())).toBe(categories.get('ENV.GARBAGE'));
    expect(new Set(plan.map((c) => c.report.gridCode!.slice(0, 12))).size).toBe(6);
  });

  it('raises exactly the planted clusters: five or more of one category in one grid within 14 days, nowhere else', () => {
    const most = densest(plan, 14);
    const over = [...most].filter(([, n]) => n >= 5).map(([key]) => key);
    expect(over.sort()).toEqual(DEMO_HISTORY_CLUSTERS.map((c) => `${c.gridCode} ${c.categoryCode}`).sort());
    for (const cluster of DEMO_HISTORY_CLUSTERS) expect(most.get(`${cluster.gridCode} ${cluster.categoryCode}`)).toBeGreaterThanOrEqual(cluster.cases);
    // Both lie in the fortnight before today, where a scan on the day of seeding looks.
    for (const cluster of DEMO_HISTORY_CLUSTERS) {
      const recent = plan.filter((c) => c.report.gridCode === cluster.gridCode && c.report.categoryCode === cluster.categoryCode && Date.parse(c.report.reportedAt) > ANCHOR.getTime() - 14 * DAY);
      expect({ cluster: cluster.name, recent: recent.length >= 5 }).toEqual({ cluster: cluster.name, recent: true });
    }
    // The noise stays well below: at most three of a kind in a grid within a fortnight.
    expect(Math.max(...[...most].filter(([key]) => !over.includes(key)).map(([, n]) => n))).toBeLessThanOrEqual(3);
  });

  it('leaves one case signed for early last month and never handled: the red card of last month’s report', () => {
    // Anchors (China midnight) and the month before each: 1 December 2026, 15 January 2027, 1 April 2027.
    const anchors: [Date, string][] = [[ANCHOR, '2026-11'], [new Date('2027-01-14T16:00:00Z'), '2026-12'], [new Date('2027-03-31T16:00:00Z'), '2027-03']];
    for (const [anchor, lastMonth] of anchors) {
      const neglected = demoHistory(anchor).filter((c) => c.neglected);
      expect(neglected).toHaveLength(1);
      const [c] = neglected;
      expect(c.report).toMatchObject({ categoryCode: DEMO_HISTORY_NEGLECTED.categoryCode, gridCode: DEMO_HISTORY_NEGLECTED.gridCode, reportedAt: new Date(`${lastMonth}-02T09:40:00+08:00`).toISOString() });
      // Accepted, dispatched and signed for within days; its handling never comes.
      expect(c.steps.map((s) => s.action)).toEqual(['accept', 'dispatch', 'sign']);
      expect(c.steps.at(-1)!.at.getTime() - Date.parse(c.report.reportedAt)).toBeLessThan(5 * DAY);
    }
  });

  it('lets the rise stand over its community’s baseline: more in the last fortnight than in any fortnight before', () => {
    const rise = DEMO_HISTORY_CLUSTERS.find((c) => c.baseline > 0)!;
    const community = rise.gridCode.slice(0, 12);
    const fortnight = (c: (typeof plan)[number]) => Math.floor((ANCHOR.getTime() - Date.parse(c.report.reportedAt)) / (14 * DAY));
    const counts = new Map<number, number>();
    for (const c of plan.filter((c) => c.report.categoryCode === rise.categoryCode && c.report.gridCode!.startsWith(community))) counts.set(fortnight(c), (counts.get(fortnight(c)) ?? 0) + 1);
    const last = counts.get(0) ?? 0;
    expect(last).toBeGreaterThanOrEqual(rise.cases);
    expect(Math.max(...[...counts].filter(([f]) => f > 0).map(([, n]) => n))).toBeLessThanOrEqual(2);
  });
});
