import { Injectable } from '@nestjs/common';
import { PARTY_READERS, isUnrestricted, requireRole, scopeCovers, type Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { AnalyticsErrorCode, type PartyFiguresView } from '@gridline/contracts-analytics';
import { figuresBeneath, partyPeriod } from '../../party-figures';
import { PartyFiguresRepository, type FiguresUnit } from '../../party-figures.repository';
import type { GetPartyFiguresQuery } from './get-party-figures.query';

/**
 * The party figures of a unit in the caller's scope and of each unit directly beneath it (without a unit: of each
 * unit of the caller's scope, admins' streets): branch coverage of the grids, members by status, in-service
 * registrations in force on the period's last day, and the activities held, check-ins and approved service hours over
 * a period of China days.
 */
@Injectable()
export class GetPartyFiguresUseCase {
  constructor(private readonly figures: PartyFiguresRepository) {}

  async execute({ caller, query }: GetPartyFiguresQuery): Promise<PartyFiguresView> {
    requireRole(caller, PARTY_READERS, 'read the party figures');
    const period = partyPeriod(query);
    let rows: FiguresUnit[];
    let scope: string[] | null;
    if (query.unit) {
      const unit = await this.figures.unit(query.unit);
      // Unknown and out of scope read alike: the caller learns nothing of units beyond theirs.
      if (!unit || !scopeCovers(caller, unit.path)) throw new AppError(AnalyticsErrorCode.UnitNotFound, 'not_found', `Unit ${query.unit} not found`, { unit: query.unit });
      rows = await this.figures.children(unit.code);
      scope = [unit.code];
    } else {
      scope = isUnrestricted(caller) ? null : caller.units;
      rows = await this.figures.tops(scope);
    }
    const counts = await this.figures.counts(scope, period);
    return {
      unit: query.unit ?? null,
      ...period,
      total: figuresBeneath(counts, scope ?? rows.map((r) => r.code)),
      units: rows.map((r) => ({ unitCode: r.code, level: r.level, ...figuresBeneath(counts, [r.code]) })),
    };
  }

  /**
   * The party figures of one unit the caller's scope covers (the unit figures' `party`): its total alone, of the same
   * period — without reading the unit again or the units beneath it.
   */
  async totalOf(caller: Caller, unit: string, query: Pick<GetPartyFiguresQuery['query'], 'from' | 'to'>): Promise<PartyFiguresView['total']> {
    requireRole(caller, PARTY_READERS, 'read the party figures');
    return figuresBeneath(await this.figures.counts([unit], partyPeriod(query)), [unit]);
  }
}
