import fc from 'fast-check';
import type { GroupedCounts } from '../figures/figures.repository';
import { DEFAULT_RANKING_WEIGHTS, normaliseWeights, rankCandidates, ranksOf, scoreParts, sumCounts, type RankingCandidate } from './ranking-score';

const c = (numerator: number, denominator: number) => ({ numerator, denominator });
const counts = (onTime: [number, number], resolution: [number, number], satisfaction: [number, number], rework: [number, number], accepted = resolution[1]): GroupedCounts => ({
  onTime: c(...onTime),
  resolution: c(...resolution),
  satisfaction: c(...satisfaction),
  rework: c(...rework),
  accepted,
});
const unit = (code: string, value: GroupedCounts | undefined): RankingCandidate => ({ code, name: `name-${code}`, level: 'grid', counts: value });
const EQUAL = { onTime: 1, resolution: 1, satisfaction: 1, rework: 1 };

describe(normaliseWeights.name, () => {
  it('divides each weight by their sum, so only their proportion matters', () => {
    expect(normaliseWeights({ onTime: 3, resolution: 3, satisfaction: 2, rework: 2 })).toEqual(DEFAULT_RANKING_WEIGHTS);
    expect(normaliseWeights({ onTime: 0, resolution: 0, satisfaction: 5, rework: 0 })).toEqual({ onTime: 0, resolution: 0, satisfaction: 1, rework: 0 });
  });

  it('refuses weights all zero, negative or not finite', () => {
    expect(() => normaliseWeights({ onTime: 0, resolution: 0, satisfaction: 0, rework: 0 })).toThrow('all zero');
    expect(() => normaliseWeights({ ...EQUAL, rework: -1 })).toThrow('rework');
    expect(() => normaliseWeights({ ...EQUAL, onTime: Number.NaN })).toThrow('onTime');
  });

  it('always sums to 1 (property, fixed seed)', () => {
    const w = fc.double({ min: 0, max: 1000, noNaN: true });
    fc.assert(
      fc.property(fc.record({ onTime: w, resolution: w, satisfaction: w, rework: w }), (weights) => {
        fc.pre(weights.onTime + weights.resolution + weights.satisfaction + weights.rework > 0);
        const n = normaliseWeights(weights);
        expect(n.onTime + n.resolution + n.satisfaction + n.rework).toBeCloseTo(1, 9);
      }),
      { seed: 1201, numRuns: 200 },
    );
  });
});

describe(scoreParts.name, () => {
  it('scores 100 × Σ weight × rate, each part with its weight and contribution', () => {
    const { parts, score } = scoreParts(counts([8, 10], [3, 4], [1, 2], [9, 10]), DEFAULT_RANKING_WEIGHTS);
    // 30 × 0.8 + 30 × 0.75 + 20 × 0.5 + 20 × 0.9 = 24 + 22.5 + 10 + 18
    expect(score).toBe(74.5);
    expect(parts.onTime).toEqual({ numerator: 8, denominator: 10, rate: 0.8, weight: 0.3, contribution: 24 });
    expect(parts.resolution).toEqual({ numerator: 3, denominator: 4, rate: 0.75, weight: 0.3, contribution: 22.5 });
    expect(parts.satisfaction).toMatchObject({ weight: 0.2, contribution: 10 });
    expect(parts.rework).toMatchObject({ rate: 0.9, weight: 0.2, contribution: 18 });
  });

  it('leaves a part without data out and spreads its weight over the others in proportion', () => {
    // No evaluations: on time, resolution and rework carry 0.3/0.8, 0.3/0.8 and 0.2/0.8.
    const { parts, score } = scoreParts(counts([1, 1], [1, 2], [0, 0], [1, 1]), DEFAULT_RANKING_WEIGHTS);
    expect(parts.satisfaction).toEqual({ numerator: 0, denominator: 0, rate: null, weight: null, contribution: null });
    expect(parts.onTime).toMatchObject({ weight: 0.375, contribution: 37.5 });
    expect(parts.resolution).toMatchObject({ weight: 0.375, contribution: 18.75 });
    expect(score).toBe(81.25);
  });

  it('has no score without data in any weighted part', () => {
    expect(scoreParts(undefined, DEFAULT_RANKING_WEIGHTS).score).toBeNull();
    expect(scoreParts(counts([0, 0], [0, 0], [0, 0], [0, 0]), DEFAULT_RANKING_WEIGHTS).score).toBeNull();
    // Only satisfaction weighs, and there are no evaluations: the other parts' data does not score.
    const onlySatisfaction = scoreParts(counts([1, 1], [1, 1], [0, 0], [1, 1]), { onTime: 0, resolution: 0, satisfaction: 1, rework: 0 });
    expect(onlySatisfaction.score).toBeNull();
    expect(onlySatisfaction.parts.onTime).toMatchObject({ rate: 1, weight: null });
  });

  it('keeps the score within 0–100 and equal to the sum of the contributions (property, fixed seed)', () => {
    const part = fc.tuple(fc.nat(50), fc.nat(50)).map(([a, b]) => [Math.min(a, a + b), a + b] as [number, number]);
    const w = fc.integer({ min: 0, max: 10 });
    fc.assert(
      fc.property(part, part, part, part, fc.record({ onTime: w, resolution: w, satisfaction: w, rework: w }), (t, r, s, k, weights) => {
        fc.pre(weights.onTime + weights.resolution + weights.satisfaction + weights.rework > 0);
        const { parts, score } = scoreParts(counts(t, r, s, k), weights);
        if (score === null) return;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        const sum = Object.values(parts).reduce((total, p) => total + (p.contribution ?? 0), 0);
        expect(Math.abs(sum - score)).toBeLessThanOrEqual(0.03);
      }),
      { seed: 1202, numRuns: 300 },
    );
  });
});

describe(rankCandidates.name, () => {
  it('ranks best first, ties by the larger volume then the smaller code, and lists no data last by code', () => {
    const rows = rankCandidates(
      [
        unit('G5', undefined),
        unit('G4', counts([1, 2], [1, 2], [1, 2], [1, 2], 2)),
        unit('G3', counts([1, 2], [2, 4], [1, 2], [1, 2], 4)),
        unit('G2', counts([1, 2], [1, 2], [1, 2], [1, 2], 2)),
        unit('G1', counts([2, 2], [2, 2], [2, 2], [2, 2])),
        unit('G0', counts([0, 0], [0, 0], [0, 0], [0, 0], 0)),
      ],
      EQUAL,
    );
    expect(rows.map((r) => [r.code, r.rank, r.score, r.status])).toEqual([
      ['G1', 1, 100, 'ranked'],
      ['G3', 2, 50, 'ranked'],
      ['G2', 3, 50, 'ranked'],
      ['G4', 4, 50, 'ranked'],
      ['G0', null, null, 'no_data'],
      ['G5', null, null, 'no_data'],
    ]);
    expect(rows[1]).toMatchObject({ name: 'name-G3', level: 'grid', volume: 4 });
    expect(rows[5].volume).toBe(0);
  });

  it('gives the same order whatever order the candidates come in (property, fixed seed)', () => {
    const candidates = ['A', 'B', 'C', 'D', 'E'].map((code, i) => unit(code, i === 4 ? undefined : counts([i % 2, 2], [1, 2], [1, 2], [1, 2], i % 3)));
    const expected = rankCandidates(candidates, EQUAL).map((r) => r.code);
    fc.assert(
      fc.property(fc.shuffledSubarray(candidates, { minLength: candidates.length, maxLength: candidates.length }), (shuffled) => {
        expect(rankCandidates(shuffled, EQUAL).map((r) => r.code)).toEqual(expected);
      }),
      { seed: 1203, numRuns: 100 },
    );
  });

  it('tells the previous rank and the movement: up positive, down negative, none without both', () => {
    const before = rankCandidates([unit('A', counts([2, 2], [2, 2], [2, 2], [2, 2])), unit('B', counts([1, 2], [1, 2], [1, 2], [1, 2])), unit('C', undefined)], EQUAL);
    const now = rankCandidates(
      [unit('A', counts([1, 2], [1, 2], [1, 2], [1, 2])), unit('B', counts([2, 2], [2, 2], [2, 2], [2, 2])), unit('C', counts([0, 2], [0, 2], [0, 2], [0, 2])), unit('D', undefined)],
      EQUAL,
      ranksOf(before),
    );
    expect(now.map((r) => [r.code, r.rank, r.previousRank, r.movement])).toEqual([
      ['B', 1, 2, 1],
      ['A', 2, 1, -1],
      ['C', 3, null, null],
      ['D', null, null, null],
    ]);
  });
});

describe(sumCounts.name, () => {
  it('adds every numerator, denominator and volume (a community from its grids), nothing to add is all zero', () => {
    expect(sumCounts([counts([1, 2], [3, 4], [0, 1], [1, 1], 4), counts([2, 2], [0, 1], [1, 1], [0, 2], 1)])).toEqual(counts([3, 4], [3, 5], [1, 2], [1, 3], 5));
    expect(sumCounts([])).toEqual(counts([0, 0], [0, 0], [0, 0], [0, 0], 0));
  });
});
