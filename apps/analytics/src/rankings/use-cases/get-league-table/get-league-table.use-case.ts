import { Injectable } from '@nestjs/common';
import { FIGURES_READERS, readsOnlyOwnDepartment, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { analyticsInvalid, type LeagueTableView, type RankingTotalsView } from '@gridline/contracts-analytics';
import { calendarPeriod, previousPeriod, type FiguresPeriod } from '../../../figures/figures-period';
import type { GroupedCounts } from '../../../figures/figures.repository';
import { scoreParts } from '../../ranking-score';
import { unitNotFound } from '../../ranking-street';
import { GetRankingsUseCase } from '../get-rankings/get-rankings.use-case';
import type { GetLeagueTableQuery } from './get-league-table.query';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The street's monthly league table (排名通报, `GET /api/v1/analytics/rankings/league`): the month's community, grid
 * and department rankings of the street (each with the month before's rank and the movement) and the street's own
 * parts and score for the month and the month before, all with the street's weights. The readers and scope of the
 * rankings, of a street only (a department's handler has none). The monthly report calls this in-process
 * (`RankingsModule` exports it).
 */
@Injectable()
export class GetLeagueTableUseCase {
  constructor(private readonly rankings: GetRankingsUseCase) {}

  async execute({ caller, query }: GetLeagueTableQuery): Promise<LeagueTableView> {
    requireRole(caller, FIGURES_READERS, 'read the league table');
    if (query.month !== undefined && !MONTH.test(query.month)) throw analyticsInvalid('month', 'must be a month as YYYY-MM');
    if (readsOnlyOwnDepartment(caller)) throw query.unit ? unitNotFound(query.unit) : analyticsInvalid('unit', 'is required (your scope names no street)');
    const street = await this.rankings.unitInScope(caller, query.unit);
    if (street.level !== 'street') throw analyticsInvalid('unit', `must be a street (the league table is a street’s): ${street.code} is a ${street.level}`);
    const month = calendarPeriod('month', `${query.month ?? chinaDay().slice(0, 7)}-01`);
    const before = previousPeriod(month);
    const { communities, grids, totals } = await this.rankings.streetRankings(street, month, before);
    const departments = await this.rankings.ranking(street, 'department', month, before);
    const total = (period: FiguresPeriod, counts: GroupedCounts): RankingTotalsView => ({
      period: { kind: period.kind, from: period.from, to: period.to },
      ...scoreParts(counts, communities.weights.weights),
      volume: counts.accepted,
    });
    return {
      street: { code: street.code, name: communities.unit!.name },
      month: month.from.slice(0, 7),
      previousMonth: before.from.slice(0, 7),
      weights: communities.weights,
      totals: { current: total(month, totals.current), previous: total(before, totals.previous) },
      communities: communities.rows,
      grids: grids.rows,
      departments: departments.rows,
    };
  }
}
