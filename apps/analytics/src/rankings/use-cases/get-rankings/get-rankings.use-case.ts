import { Injectable } from '@nestjs/common';
import { FIGURES_READERS, readsOnlyOwnDepartment, requireRole, scopeCovers, type Caller } from '@gridline/auth';
import { analyticsInvalid, RANKING_LEVELS, type RankingLevel, type RankingRowView, type RankingWeights, type RankingsView } from '@gridline/contracts-analytics';
import type { UnitLevel } from '@gridline/contracts-registry';
import { ReferenceRepository } from '@gridline/registry-reference';
import { figuresPeriod, previousPeriod, type FiguresPeriod } from '../../../figures/figures-period';
import { FiguresRepository, type FiguresGrouping, type GroupedCounts, type GroupedFiguresScope } from '../../../figures/figures.repository';
import { PartyFiguresRepository, type FiguresUnit } from '../../../party/party-figures.repository';
import { rankCandidates, ranksOf, sumCounts, type RankingCandidate } from '../../ranking-score';
import { unitNotFound } from '../../ranking-street';
import { GetRankingWeightsUseCase } from '../get-ranking-weights/get-ranking-weights.use-case';
import type { GetRankingsQuery } from './get-rankings.query';

const GRID_LEVELS: readonly UnitLevel[] = ['grid', 'exclusive_grid'];

/** The candidates ranked over the period's counts, each with its rank over the period before's (the same weights). */
function rankWith(candidates: Omit<RankingCandidate, 'counts'>[], weights: RankingWeights, now: Map<string, GroupedCounts>, before: Map<string, GroupedCounts>): RankingRowView[] {
  const previousRows = rankCandidates(candidates.map((c) => ({ ...c, counts: before.get(c.code) })), weights);
  return rankCandidates(candidates.map((c) => ({ ...c, counts: now.get(c.code) })), weights, ranksOf(previousRows));
}
const periodView = (p: FiguresPeriod) => ({ kind: p.kind, from: p.from, to: p.to });

/**
 * Ranks the communities of a street, the grids beneath a unit or the departments (over the cases beneath the unit)
 * by the composite score over a period, with each one's rank in the period before (docs/analytics.md, "Rankings").
 * Figures readers, over units of their scope (unknown and out of scope alike 404); a department's handler ranks the
 * departments over every case and sees only their own row, with its rank among `ranked`.
 */
@Injectable()
export class GetRankingsUseCase {
  constructor(
    private readonly figures: FiguresRepository,
    private readonly units: PartyFiguresRepository,
    private readonly reference: ReferenceRepository,
    private readonly weights: GetRankingWeightsUseCase,
  ) {}

  async execute({ caller, query }: GetRankingsQuery): Promise<RankingsView> {
    requireRole(caller, FIGURES_READERS, 'read the rankings');
    if (query.level && !RANKING_LEVELS.includes(query.level)) throw analyticsInvalid('level', `must be one of ${RANKING_LEVELS.join(', ')}`);
    const current = figuresPeriod(query);
    const previous = previousPeriod(current);
    if (readsOnlyOwnDepartment(caller)) return this.ofOwnDepartment(caller, query, current, previous);

    const unit = await this.unitInScope(caller, query.unit);
    const level: RankingLevel = query.level ?? (unit.level === 'street' ? 'community' : 'grid');
    if (level === 'community' && unit.level !== 'street') throw analyticsInvalid('level', `community ranks the communities of a street: ${unit.code} is a ${unit.level}`);
    if (level === 'grid' && GRID_LEVELS.includes(unit.level)) throw analyticsInvalid('level', `grid ranks the grids beneath a street or community: ${unit.code} is a ${unit.level}`);
    return this.ranking(unit, level, current, previous);
  }

  /** The unit asked (default the caller's first), known and in the caller's scope: unknown and out of scope alike 404. */
  async unitInScope(caller: Caller, asked: string | undefined): Promise<FiguresUnit> {
    const code = asked ?? caller.units[0];
    if (!code) throw analyticsInvalid('unit', 'is required (your scope names no unit)');
    const unit = await this.units.unit(code);
    // Unknown and out of scope read alike: the caller learns nothing of units beyond theirs.
    if (!unit || !scopeCovers(caller, unit.path)) throw unitNotFound(code);
    return unit;
  }

  /** The ranking of a unit's communities, grids or departments (the unit and level already checked), with the street's weights. */
  async ranking(unit: FiguresUnit, level: RankingLevel, current: FiguresPeriod, previous: FiguresPeriod): Promise<RankingsView> {
    const scope: GroupedFiguresScope = { unit: unit.code, depth: unit.path.length };
    const [candidates, by] = level === 'department' ? [await this.departments(), 'department' as const] : [await this.unitsBeneath(unit, level), level === 'community' ? { path: 2 } : ('grid' as const)];
    const weights = await this.weights.of(unit.path[0]);
    const names = await this.reference.names({ units: [unit.code] });
    const rows = await this.rank(scope, by, candidates, weights.weights, current, previous);
    return { unit: { code: unit.code, name: names.unit(unit.code), level: unit.level }, level, current: periodView(current), previous: periodView(previous), weights, ranked: rows.filter((r) => r.rank !== null).length, rows };
  }

  /** A department's handler: every department ranked over all their cases, only the caller's own rows answered. */
  private async ofOwnDepartment(caller: Caller, query: GetRankingsQuery['query'], current: FiguresPeriod, previous: FiguresPeriod): Promise<RankingsView> {
    if (query.unit) throw unitNotFound(query.unit);
    if (query.level && query.level !== 'department') throw analyticsInvalid('level', 'a department’s handler ranks the departments only');
    const candidates = await this.departments(caller.units);
    const weights = await this.weights.of(null);
    const rows = await this.rank({ departments: candidates.map((c) => c.code) }, 'department', candidates, weights.weights, current, previous);
    return {
      unit: null,
      level: 'department',
      current: periodView(current),
      previous: periodView(previous),
      weights,
      ranked: rows.filter((r) => r.rank !== null).length,
      rows: rows.filter((r) => caller.units.includes(r.code)),
    };
  }

  /** Each candidate scored in the period and in the one before (same weights): one grouped query per part and period. */
  /**
   * A street's communities and grids ranked at once, and the street's own counts: the counts grouped per grid once a
   * period, and added up into the communities (each grid's community in its path) and the street (every grid) — one
   * scan of the street's cases where three rankings would read them three times (the league table).
   */
  async streetRankings(street: FiguresUnit, current: FiguresPeriod, previous: FiguresPeriod): Promise<{ communities: RankingsView; grids: RankingsView; totals: { current: GroupedCounts; previous: GroupedCounts } }> {
    const weights = await this.weights.of(street.code);
    const scope: GroupedFiguresScope = { unit: street.code, depth: 1 };
    const [now, before] = [await this.figures.groupedCounts(scope, 'grid', current), await this.figures.groupedCounts(scope, 'grid', previous)];
    const places = await this.units.units([...new Set([...now.keys(), ...before.keys()])]);
    const byCommunity = (grids: Map<string, GroupedCounts>) => {
      const communities = new Map<string, GroupedCounts[]>();
      for (const { code, path } of places) {
        const counts = grids.get(code);
        if (counts && path.length === 3) communities.set(path[1], [...(communities.get(path[1]) ?? []), counts]);
      }
      return new Map([...communities].map(([code, list]) => [code, sumCounts(list)]));
    };
    const names = await this.reference.names({ units: [street.code] });
    const view = (level: RankingLevel, rows: RankingRowView[]): RankingsView => ({
      unit: { code: street.code, name: names.unit(street.code), level: street.level },
      level,
      current: periodView(current),
      previous: periodView(previous),
      weights,
      ranked: rows.filter((r) => r.rank !== null).length,
      rows,
    });
    const ranked = async (level: 'community' | 'grid', nowCounts: Map<string, GroupedCounts>, beforeCounts: Map<string, GroupedCounts>) =>
      view(level, rankWith(await this.unitsBeneath(street, level), weights.weights, nowCounts, beforeCounts));
    return {
      communities: await ranked('community', byCommunity(now), byCommunity(before)),
      grids: await ranked('grid', now, before),
      totals: { current: sumCounts(now.values()), previous: sumCounts(before.values()) },
    };
  }

  private async rank(scope: GroupedFiguresScope, by: FiguresGrouping, candidates: Omit<RankingCandidate, 'counts'>[], weights: RankingWeights, current: FiguresPeriod, previous: FiguresPeriod) {
    return rankWith(candidates, weights, await this.figures.groupedCounts(scope, by, current), await this.figures.groupedCounts(scope, by, previous));
  }

  private async unitsBeneath(unit: FiguresUnit, level: 'community' | 'grid'): Promise<Omit<RankingCandidate, 'counts'>[]> {
    const beneath = await this.units.beneath(unit.code, level === 'community' ? ['community'] : GRID_LEVELS);
    const names = await this.reference.names({ units: beneath.map((u) => u.code) });
    return beneath.map((u) => ({ code: u.code, name: names.unit(u.code), level: u.level }));
  }

  /** The active departments of the responsibility list (and the caller's own, should theirs be inactive). */
  private async departments(own: readonly string[] = []): Promise<Omit<RankingCandidate, 'counts'>[]> {
    const active = await this.reference.activeDepartments();
    const codes = [...new Set([...active.map((d) => d.code), ...own])].sort();
    const names = await this.reference.names({ departments: codes });
    return codes.map((code) => ({ code, name: names.department(code), level: 'department' as const }));
  }
}
