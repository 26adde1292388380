import { chinaDay } from '@gridline/platform';
import { greatCircleMetres } from '@gridline/persistence';
import { DEFAULT_CANDIDATE_RULE, type CandidateRuleView, type CandidateTrendPoint } from '@gridline/contracts-analytics';

const DAY_MS = 24 * 3600 * 1000;

/** A case or an appeal as the detector counts it: its category, where it lies and when it came. */
export interface Occurrence {
  kind: 'case' | 'appeal';
  id: string;
  categoryCode: string;
  gridCode: string;
  /** Street first, the grid last. */
  unitPath: string[];
  at: Date;
  lat: number | null;
  lng: number | null;
}

/** A recurring issue a rule found: the unit, the occurrences that make it, and the trend of the unit's category. */
export interface Cluster {
  /** The rule's category code (`*`, a major category or a category): with the unit and category, who the candidate is. */
  ruleKey: string;
  rule: CandidateRuleView;
  categoryCode: string;
  unitCode: string;
  unitPath: string[];
  occurrences: Occurrence[];
  /** China day of the first occurrence. */
  windowStart: string;
  lastAt: Date;
  trend: CandidateTrendPoint[];
  /** A rise: the mean of the baseline windows. */
  baselineMean: number | null;
}

/** The rule of a category: its own, else its major category's, else the default; null when that rule is switched off. */
export function ruleFor(categoryCode: string, rules: ReadonlyMap<string, CandidateRuleView>): CandidateRuleView | null {
  const rule = rules.get(categoryCode) ?? rules.get(categoryCode.split('.')[0]) ?? rules.get(DEFAULT_CANDIDATE_RULE) ?? null;
  return rule?.enabled ? rule : null;
}

/** How far back a rule reads, in days: its window, and for a rise the baseline windows before it. */
export function lookbackDays(rule: CandidateRuleView): number {
  return rule.windowDays * (1 + (rule.kind === 'rise_over_baseline' ? (rule.baselineWindows ?? 1) : 0));
}

/** The occurrence's key in a set of evidence: `case:<id>` or `appeal:<id>`. */
export const occurrenceKey = (o: Pick<Occurrence, 'kind' | 'id'>) => `${o.kind}:${o.id}`;

/** Occurrences per China day from the day `days` before `now` to the day of `now`, zero-filled. */
export function dailyTrend(occurrences: readonly Occurrence[], now: Date, days: number): CandidateTrendPoint[] {
  const points = new Map<string, CandidateTrendPoint>();
  for (let i = days; i >= 0; i--) {
    const day = chinaDay(new Date(now.getTime() - i * DAY_MS));
    points.set(day, { day, cases: 0, appeals: 0 });
  }
  for (const o of occurrences) {
    const point = points.get(chinaDay(o.at));
    if (point) point[o.kind === 'case' ? 'cases' : 'appeals'] += 1;
  }
  return [...points.values()];
}

const within = (o: Occurrence, from: number, to: number) => o.at.getTime() > from && o.at.getTime() <= to;
const byTime = (a: Occurrence, b: Occurrence) => a.at.getTime() - b.at.getTime() || occurrenceKey(a).localeCompare(occurrenceKey(b));

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The longest path all of them start with: the unit they share (their grid, else their community, else the street). */
function commonPath(paths: readonly string[][]): string[] {
  const [first, ...rest] = paths;
  let n = first.length;
  for (const p of rest) {
    let i = 0;
    while (i < n && i < p.length && p[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n);
}

function cluster(rule: CandidateRuleView, evidence: Occurrence[], all: readonly Occurrence[], now: Date, baselineMean: number | null): Cluster {
  const sorted = [...evidence].sort(byTime);
  const unitPath = commonPath(sorted.map((o) => o.unitPath));
  const unitCode = unitPath[unitPath.length - 1];
  const ofUnit = all.filter((o) => o.unitPath.slice(0, unitPath.length).join('/') === unitPath.join('/'));
  return {
    ruleKey: rule.categoryCode,
    rule,
    categoryCode: sorted[0].categoryCode,
    unitCode,
    unitPath,
    occurrences: sorted,
    windowStart: chinaDay(sorted[0].at),
    lastAt: sorted[sorted.length - 1].at,
    trend: dailyTrend(ofUnit, now, lookbackDays(rule)),
    baselineMean,
  };
}

/**
 * The clusters one rule finds among the occurrences of one category at `now` (docs/analytics.md "3+N candidates").
 * Occurrences in `excluded` (the evidence of a candidate already dismissed or lifted under the same rule and category)
 * never count again: a decided cluster stays decided, and only new occurrences can make another. The baseline of a
 * rise counts every occurrence (it is the unit's history).
 */
export function detectClusters(rule: CandidateRuleView, occurrences: readonly Occurrence[], now: Date, excluded: ReadonlySet<string> = new Set()): Cluster[] {
  const end = now.getTime();
  const start = end - rule.windowDays * DAY_MS;
  const fresh = (o: Occurrence) => within(o, start, end) && !excluded.has(occurrenceKey(o));
  const clusters: Cluster[] = [];
  if (rule.kind === 'same_grid') {
    for (const inGrid of groupBy(occurrences, (o) => o.gridCode).values()) {
      const evidence = inGrid.filter(fresh);
      if (evidence.length >= rule.minCount) clusters.push(cluster(rule, evidence, inGrid, now, null));
    }
  } else if (rule.kind === 'rise_over_baseline') {
    const windows = rule.baselineWindows ?? 1;
    for (const inGrid of groupBy(occurrences, (o) => o.gridCode).values()) {
      const evidence = inGrid.filter(fresh);
      if (evidence.length < rule.minCount) continue;
      let before = 0;
      for (let i = 1; i <= windows; i++) before += inGrid.filter((o) => within(o, end - (i + 1) * rule.windowDays * DAY_MS, end - i * rule.windowDays * DAY_MS)).length;
      const mean = before / windows;
      if (evidence.length >= (rule.factor ?? 1) * mean) clusters.push(cluster(rule, evidence, inGrid, now, Math.round(mean * 10) / 10));
    }
  } else {
    const radius = rule.radiusMetres ?? 0;
    // A radius cluster is sought within one community (or exclusive grid): the detector reads occurrences by it.
    for (const area of groupBy(occurrences, (o) => o.unitPath.slice(0, 2).join('/')).values()) {
      let left = area.filter((o) => fresh(o) && o.lat !== null && o.lng !== null).sort(byTime);
      for (;;) {
        // The occurrence with the most others within the radius (the earliest on a tie) is the cluster's centre.
        let best: Occurrence[] = [];
        for (const centre of left) {
          const near = left.filter((o) => greatCircleMetres(centre as { lat: number; lng: number }, o as { lat: number; lng: number }) <= radius);
          if (near.length > best.length) best = near;
        }
        if (best.length < rule.minCount) break;
        clusters.push(cluster(rule, best, area, now, null));
        const taken = new Set(best.map(occurrenceKey));
        left = left.filter((o) => !taken.has(occurrenceKey(o)));
      }
    }
  }
  return clusters;
}
