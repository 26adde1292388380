import fc from 'fast-check';
import type { CandidateRuleView } from '@gridline/contracts-analytics';
import { detectClusters, ruleFor, type Occurrence } from './candidate-detection';
import { checkCandidateRules, candidateSummary } from './candidate-rules';

const NOW = new Date('2026-12-01T04:00:00Z');
const DAY = 24 * 3600 * 1000;
const STREET = '370502003';
const grid = (c: number, g: number) => `${STREET}00${c}00${g}`;
const pathOf = (c: number, g: number) => [STREET, `${STREET}00${c}`, grid(c, g)];
const SAME_GRID: CandidateRuleView = { categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 5, radiusMetres: null, factor: null, baselineWindows: null, enabled: true };
const RISE: CandidateRuleView = { categoryCode: 'ENV', kind: 'rise_over_baseline', windowDays: 7, minCount: 4, radiusMetres: null, factor: 2, baselineWindows: 4, enabled: true };
const RADIUS: CandidateRuleView = { categoryCode: 'ROAD.STALL', kind: 'within_radius', windowDays: 14, minCount: 4, radiusMetres: 200, factor: null, baselineWindows: null, enabled: true };

let seq = 0;
function occ(daysAgo: number, c = 1, g = 1, category = 'ROAD.STALL', point: { lat: number; lng: number } | null = null): Occurrence {
  seq += 1;
  return { kind: 'case', id: `i-${seq}`, categoryCode: category, gridCode: grid(c, g), unitPath: pathOf(c, g), at: new Date(NOW.getTime() - daysAgo * DAY), lat: point?.lat ?? null, lng: point?.lng ?? null };
}

/** Uniform noise: per grid fewer than the threshold within any window of the rule (at most minCount - 1 in the whole history). */
const noise = (rule: CandidateRuleView) =>
  fc.uniqueArray(fc.record({ c: fc.integer({ min: 1, max: 3 }), g: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 0, max: rule.minCount - 1 }) }), { maxLength: 8, selector: ({ c, g }) => `${c}/${g}` }).chain((grids) =>
    fc.tuple(...grids.map(({ c, g, n }) => fc.array(fc.double({ min: 0, max: rule.windowDays * 3, noNaN: true }), { minLength: n, maxLength: n }).map((days) => days.map((d) => occ(d, c, g))))),
  );

describe(detectClusters.name, () => {
  it('raises nothing from noise below the threshold in every grid', () => {
    fc.assert(fc.property(noise(SAME_GRID), (groups) => detectClusters(SAME_GRID, groups.flat(), NOW).length === 0), { seed: 12, numRuns: 200 });
  });

  it('finds a planted cluster once, in its grid, among the noise, with its occurrences and trend', () => {
    fc.assert(
      fc.property(noise(SAME_GRID), fc.integer({ min: 5, max: 9 }), (groups, size) => {
        const planted = Array.from({ length: size }, (_, i) => occ(i % 13, 9, 9));
        const clusters = detectClusters(SAME_GRID, [...groups.flat(), ...planted], NOW);
        expect(clusters).toHaveLength(1);
        expect(clusters[0]).toMatchObject({ unitCode: grid(9, 9), unitPath: pathOf(9, 9), ruleKey: '*', categoryCode: 'ROAD.STALL' });
        expect(clusters[0].occurrences.map((o) => o.id).sort()).toEqual(planted.map((o) => o.id).sort());
        expect(clusters[0].trend.reduce((n, p) => n + p.cases, 0)).toBe(size);
      }),
      { seed: 12, numRuns: 100 },
    );
  });

  it('counts only the window: the same occurrences spread over more than T days raise nothing', () => {
    const spread = Array.from({ length: 6 }, (_, i) => occ(i * 4)); // 4 within the 14 days
    expect(detectClusters(SAME_GRID, spread, NOW)).toEqual([]);
    expect(detectClusters(SAME_GRID, [...spread, occ(1)], NOW)).toHaveLength(1);
  });

  it('never counts a decided cluster’s evidence again: only new occurrences can make another', () => {
    const first = Array.from({ length: 5 }, (_, i) => occ(i));
    const excluded = new Set(first.map((o) => `case:${o.id}`));
    expect(detectClusters(SAME_GRID, [...first, occ(0), occ(0)], NOW, excluded)).toEqual([]);
    const again = detectClusters(SAME_GRID, [...first, ...Array.from({ length: 5 }, () => occ(0))], NOW, excluded);
    expect(again).toHaveLength(1);
    expect(again[0].occurrences.every((o) => !excluded.has(`case:${o.id}`))).toBe(true);
  });

  it('raises a rise over the grid’s own baseline, and not a steady level', () => {
    const baseline = Array.from({ length: 4 }, (_, w) => [occ(7 * (w + 1) + 1), occ(7 * (w + 1) + 2)]).flat(); // 2 a week before
    expect(detectClusters(RISE, [...baseline, ...[1, 2, 3, 4].map((d) => occ(d))], NOW)).toHaveLength(1); // 4 ≥ 2 × 2
    expect(detectClusters(RISE, [...baseline, ...[1, 2, 3].map((d) => occ(d))], NOW)).toEqual([]); // below the minimum
    const busy = Array.from({ length: 4 }, (_, w) => [1, 2, 3].map((d) => occ(7 * (w + 1) + d))).flat(); // 3 a week before
    expect(detectClusters(RISE, [...busy, ...[1, 2, 3, 4, 5].map((d) => occ(d))], NOW)).toEqual([]); // 5 < 2 × 3
    const [rise] = detectClusters(RISE, [...busy, ...[1, 2, 3, 4, 5, 6].map((d) => occ(d))], NOW);
    expect(rise).toMatchObject({ baselineMean: 3, unitCode: grid(1, 1) });
    expect(rise.trend).toHaveLength(36); // the window and the 4 before it, by China day
  });

  it('finds occurrences within the radius across grids of a community, at the unit they share', () => {
    const at = (dLat: number) => ({ lat: 37.4 + dLat, lng: 118.5 });
    const near = [occ(1, 1, 1, 'ROAD.STALL', at(0)), occ(2, 1, 2, 'ROAD.STALL', at(0.0005)), occ(3, 1, 1, 'ROAD.STALL', at(0.001)), occ(4, 1, 2, 'ROAD.STALL', at(0.0015))];
    const far = [occ(1, 1, 1, 'ROAD.STALL', at(0.05)), occ(2, 1, 1, 'ROAD.STALL', at(0.06))];
    const clusters = detectClusters(RADIUS, [...near, ...far, occ(1)], NOW);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ unitCode: `${STREET}001`, unitPath: [STREET, `${STREET}001`] });
    expect(clusters[0].occurrences.map((o) => o.id).sort()).toEqual(near.map((o) => o.id).sort());
    expect(detectClusters(RADIUS, [...near.slice(0, 3), ...far], NOW)).toEqual([]);
  });
});

describe(ruleFor.name, () => {
  it('takes the category’s rule, else its major category’s, else the default; a switched-off rule finds nothing', () => {
    const rules = new Map([SAME_GRID, RISE, { ...RADIUS, categoryCode: 'ROAD.STALL' }, { ...SAME_GRID, categoryCode: 'WATER', enabled: false }].map((r) => [r.categoryCode, r]));
    expect(ruleFor('ROAD.STALL', rules)?.kind).toBe('within_radius');
    expect(ruleFor('ENV.GARBAGE', rules)?.kind).toBe('rise_over_baseline');
    expect(ruleFor('FIRE.EXIT', rules)?.categoryCode).toBe('*');
    expect(ruleFor('WATER.LEAK', rules)).toBeNull();
  });
});

describe(checkCandidateRules.name, () => {
  const field = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return (e as { details?: { fields?: { field: string }[] } }).details?.fields?.[0]?.field;
    }
    return null;
  };
  it('names the field of a rule that lacks or has a setting of another kind, a second rule of a category, a missing default', () => {
    expect(checkCandidateRules([SAME_GRID, RADIUS])).toHaveLength(2);
    expect(field(() => checkCandidateRules([SAME_GRID, { ...RADIUS, radiusMetres: null }]))).toBe('rules.1.radiusMetres');
    expect(field(() => checkCandidateRules([{ ...SAME_GRID, factor: 2 }]))).toBe('rules.0.factor');
    expect(field(() => checkCandidateRules([SAME_GRID, { ...RISE, baselineWindows: null }]))).toBe('rules.1.baselineWindows');
    expect(field(() => checkCandidateRules([SAME_GRID, SAME_GRID]))).toBe('rules.1.categoryCode');
    expect(field(() => checkCandidateRules([RISE]))).toBe('rules');
  });

  it('writes the summary in Chinese', () => {
    expect(candidateSummary({ rule: SAME_GRID, unitCode: 'G', categoryCode: 'C', count: 6, baselineMean: null }, { unit: '文汇社区第1网格', category: '占道经营' })).toBe('文汇社区第1网格 近14天 占道经营 6 起');
  });
});
